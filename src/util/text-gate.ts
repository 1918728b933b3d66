import type { TSESLint } from '@typescript-eslint/utils';

/** Per file, per pattern (flags and source): two rules asking the same question of a file share one scan. */
const answers = new WeakMap<Readonly<TSESLint.SourceCode>, Map<string, boolean>>();

/**
 * Whether a file's text contains a match of `pattern`, once per file and pattern. A rule that can
 * only find something in a file mentioning certain words asks this in `create` and registers no
 * listeners when the answer is no: one native scan of the text costs less than ESLint calling the
 * rule for every node of its types. Patterns have no `g` or `y` flag (`test` must not depend on
 * `lastIndex`).
 */
export function textMentions(sourceCode: Readonly<TSESLint.SourceCode>, pattern: RegExp): boolean {
  let byPattern = answers.get(sourceCode);
  if (!byPattern) answers.set(sourceCode, (byPattern = new Map<string, boolean>()));
  const key = `${pattern.flags}/${pattern.source}`;
  let found = byPattern.get(key);
  if (found === undefined) {
    found = pattern.test(sourceCode.text);
    byPattern.set(key, found);
  }
  return found;
}

/** A regular expression matching any of `words` as written: plain strings, so nothing can backtrack. */
export function anyWord(words: Iterable<string>, flags = ''): RegExp {
  const escaped = [...new Set(words)].map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(escaped.join('|'), flags);
}
