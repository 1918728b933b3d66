// The ❌ and ✅ examples of a rule doc, as the conventions at the top of examples.test.ts describe.
import plugin from '../../src/index.js';
import { NAMESPACE } from '../robustness/lint.js';
import type { Dialect } from '../robustness/programs.js';
import { codeBlocks, type CodeBlock } from './markdown.js';

export type Kind = '❌' | '✅';

export interface Example {
  /** For the test's name: doc, headings, kind and the doc line where the example starts. */
  name: string;
  kind: Kind;
  code: string;
  dialect: Dialect;
  options: unknown[];
  /** For a marked line (3.): the line of `code` (1-based) the example is. */
  line?: number;
}

const MARK = /❌|✅/u;
/** `// ❌` alone on its line, words may follow. */
const MARK_LINE = /^\s*\/\/\s*(❌|✅)(?:\s.*)?$/u;
/** Code, then a trailing comment that starts with the mark. */
const MARKED_CODE_LINE = /^\s*[^\s/].*?\s\/\/\s*(❌|✅)/u;

const NOT_EXAMPLE_LANGS = new Set(['json', 'jsonc', 'json5', 'sh', 'bash', 'shell', 'console']);
const EXAMPLE_LANGS = new Map<string, Dialect>([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['tsx', 'tsx'],
  ['js', 'js'],
  ['javascript', 'js'],
  ['jsx', 'jsx'],
  ['cjs', 'cjs'],
]);

export type RuleName = keyof typeof plugin.rules;

function optionNames(rule: RuleName): string[] {
  const schema = (plugin.rules[rule].meta?.schema ?? []) as unknown;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: object } | undefined) : undefined;
  return Object.keys(first?.properties ?? {});
}

/** Why a block that is not marked is not an example, or null when it should have been one. */
function notAnExample(block: CodeBlock, rule: RuleName): string | null {
  if (NOT_EXAMPLE_LANGS.has(block.lang)) return `a ${block.lang} block`;
  const first = block.code.trimStart().split('\n', 1)[0] ?? '';
  if (/^\/\/\s*eslint\.config\.[cm]?[jt]s\b/.test(first)) return 'an ESLint config file';
  const entry = new RegExp(`['"]${NAMESPACE}/${rule}['"]\\s*:\\s*\\[`);
  if (entry.test(block.code)) return `a configuration of ${NAMESPACE}/${rule}`;
  if (/^type Options =/.test(first)) return "the options' type";
  const option = /^([A-Za-z]+):\s/.exec(first)?.[1];
  if (option && optionNames(rule).includes(option)) return `the value of the option ${option}`;
  return null;
}

function headingKind(block: CodeBlock): Kind | null {
  for (const heading of [...block.headings].reverse()) {
    const marks = new Set(heading.match(/❌|✅/gu));
    if (marks.size > 1) throw new Error(`heading "${heading}" has both ❌ and ✅`);
    const [mark] = marks;
    if (mark) return mark as Kind;
  }
  return null;
}

function dialectOf(block: CodeBlock): Dialect {
  const dialect = EXAMPLE_LANGS.get(block.lang);
  if (!dialect) throw new Error(`an example in a \`${block.lang || '(no language)'}\` block: give it ts or js`);
  return dialect === 'js' && /\brequire\(/.test(block.code) ? 'cjs' : dialect;
}

function optionsOf(block: CodeBlock): unknown[] {
  if (block.annotation === null || !/^options?\b/i.test(block.annotation)) return [];
  const annotation = /^options:\s*(.*)$/s.exec(block.annotation)?.[1];
  if (annotation === undefined) throw new Error('write the annotation as <!-- options: {…} -->');
  const options: unknown = JSON.parse(annotation);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error('<!-- options: … --> must be a JSON object');
  }
  return [options];
}

/** Whether a piece of an example has code, not only blank lines and comments. */
function hasCode(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() !== '' && !l.trim().startsWith('//'));
}

/** The examples of one doc, in order. Throws on a block it cannot classify, naming the doc and line. */
export function examplesOf(doc: string, rule: RuleName, markdown: string): Example[] {
  const examples: Example[] = [];
  for (const block of codeBlocks(markdown)) {
    try {
      examples.push(...blockExamples(doc, rule, block));
    } catch (error) {
      throw new Error(`${doc}:${block.line}: ${(error as Error).message}`, { cause: error });
    }
  }
  return examples;
}

function blockExamples(doc: string, rule: RuleName, block: CodeBlock): Example[] {
  const lines = block.code.split('\n');
  // The doc's headings after its title (`# resilience/<rule>`).
  const where = [doc, ...block.headings.slice(1)].join(' › ');
  const heading = headingKind(block);
  const markLines = lines.flatMap((l, i) => (MARK_LINE.test(l) ? [i] : []));
  const markedCode = lines.flatMap((l, i) => (!MARK_LINE.test(l) && MARKED_CODE_LINE.test(l) ? [i] : []));
  const stray = lines.findIndex((l, i) => MARK.test(l) && !markLines.includes(i) && !markedCode.includes(i));
  if (stray !== -1) throw new Error(`line ${block.line + stray}: a ❌/✅ this test does not understand`);
  if (heading === null && markLines.length === 0 && markedCode.length === 0) {
    if (notAnExample(block, rule) === null) throw new Error('a code block that is neither a marked example (❌/✅) nor configuration');
    return [];
  }
  if (heading !== null && (markLines.length > 0 || markedCode.length > 0)) throw new Error('❌/✅ inside a block under a ❌/✅ heading');
  if (markLines.length > 0 && markedCode.length > 0) throw new Error('both // ❌ lines and ❌ trailing comments in one block');
  const dialect = dialectOf(block);
  const options = optionsOf(block);
  if (heading !== null) {
    if (!hasCode(lines)) throw new Error('an example with no code');
    return [{ name: `${where} › ${heading} (line ${block.line})`, kind: heading, code: block.code, dialect, options }];
  }
  if (markLines.length > 0) {
    const setup = lines.slice(0, markLines[0]);
    return markLines.map((start, n) => {
      const kind = MARK_LINE.exec(lines[start]!)![1] as Kind;
      const body = lines.slice(start + 1, markLines[n + 1] ?? lines.length);
      if (!hasCode(body)) throw new Error(`line ${block.line + start}: an example with no code`);
      return { name: `${where} › ${kind} (line ${block.line + start})`, kind, code: [...setup, ...body].join('\n'), dialect, options };
    });
  }
  return markedCode.map((i) => {
    const kind = MARKED_CODE_LINE.exec(lines[i]!)![1] as Kind;
    return { name: `${where} › ${kind} (line ${block.line + i})`, kind, code: block.code, dialect, options, line: i + 1 };
  });
}
