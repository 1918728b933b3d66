import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Characters a single-quoted literal cannot hold as they are, or that would not read as themselves. */
const UNSAFE_IN_LITERAL = /[\\'\u0000-\u001f\u007f\u2028\u2029]/g;
const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` as a single-quoted string literal: backslashes, quotes, line breaks (`\n`, `\r`, U+2028,
 * U+2029) and other control characters escaped, so that any text — a message, a module specifier
 * from the options — gives a literal that parses and holds that text.
 */
export function quote(text: string): string {
  const escaped = text.replace(UNSAFE_IN_LITERAL, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

const lineEndings = new WeakMap<TSESTree.Program, string>();

/** The file's line ending, as its first line ends (`\r\n` or `\n`), for the lines a fix inserts. */
export function lineEnding(sourceCode: Readonly<TSESLint.SourceCode>): string {
  let ending = lineEndings.get(sourceCode.ast);
  if (ending === undefined) {
    const text = sourceCode.text;
    const at = text.indexOf('\n');
    ending = at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
    lineEndings.set(sourceCode.ast, ending);
  }
  return ending;
}
