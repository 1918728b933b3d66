import type { TSESLint } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Per lint of a file, per pattern (flags and source): two rules asking the same question share one scan. */
const answers = new WeakMap<object, Map<string, boolean>>();

/**
 * The object ESLint shares between the rule contexts of one lint of one file (each context
 * inherits from it), or the context itself where there is none. A cache keyed by it lives for one
 * lint; one keyed by the SourceCode would outlive it where a parsed file is linted again (in a
 * benchmark, and so hide the cost of the scan).
 */
function lintOf(context: AnyContext): object {
  const shared: unknown = Object.getPrototypeOf(context);
  const isFileContext =
    typeof shared === 'object' && shared !== null && shared !== Object.prototype && (shared as { sourceCode?: unknown }).sourceCode === context.sourceCode;
  return isFileContext ? shared : context;
}

/**
 * Whether the file's text contains a match of `pattern`, once per lint and pattern. A rule that can
 * only find something in a file mentioning certain words asks this in `create` and registers no
 * listeners when the answer is no: one native scan of the text costs less than ESLint calling the
 * rule for every node of its types. Patterns have no `g` or `y` flag (`test` must not depend on
 * `lastIndex`).
 */
export function textMentions(context: AnyContext, pattern: RegExp): boolean {
  const lint = lintOf(context);
  let byPattern = answers.get(lint);
  if (!byPattern) answers.set(lint, (byPattern = new Map<string, boolean>()));
  const key = `${pattern.flags}/${pattern.source}`;
  let found = byPattern.get(key);
  if (found === undefined) {
    found = pattern.test(context.sourceCode.text);
    byPattern.set(key, found);
  }
  return found;
}

/**
 * A regular expression source matching any of `words` (plain strings, so nothing can backtrack).
 * A word containing another adds nothing to the match: it is left out, so the scan tries fewer
 * branches. With `ignoreCase`, containment is judged ignoring case too.
 */
export function anyWordSource(words: Iterable<string>, ignoreCase = false): string {
  const unique = [...new Set(ignoreCase ? [...words].map((w) => w.toLowerCase()) : words)];
  const kept = unique.filter((word) => !unique.some((other) => other !== word && word.includes(other)));
  return kept.map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
}
