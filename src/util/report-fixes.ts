import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export interface FixOffer<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
  /** A fix that rests on a guess (which errors are timeouts): a suggestion even under `autofix`. */
  suggestOnly?: boolean;
}

/**
 * Reports with fixes that change behaviour: offered as suggestions, or — when the user opted in
 * with `autofix` — the first one applied by `--fix`, unless it is `suggestOnly`.
 */
export function reportWithFixes<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  autofix: boolean | undefined,
  report: { node: TSESTree.Node; messageId: MessageId; data?: Record<string, string> },
  fixes: readonly FixOffer<MessageId>[],
): void {
  if (autofix && fixes[0] && !fixes[0].suggestOnly) reportFixed(context, { ...report, fix: fixes[0].fix });
  else reportFixed(context, { ...report, suggest: fixes.map(({ messageId, data, fix }) => ({ messageId, data, fix })) });
}

/** `context.report`, with every fix and suggestion held to the file's import budget (`withinImportBudget`). */
export function reportFixed<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  descriptor: TSESLint.ReportDescriptor<MessageId>,
): void {
  const { sourceCode } = context;
  context.report({
    ...descriptor,
    ...(descriptor.fix ? { fix: withinImportBudget(sourceCode, descriptor.fix) } : {}),
    ...(descriptor.suggest ? { suggest: descriptor.suggest.map((s) => ({ ...s, fix: withinImportBudget(sourceCode, s.fix) })) } : {}),
  });
}

/** Fixes that add an import, as `addNamedImport` makes them. */
const importFixes = new WeakSet<object>();

export function markImportFix(fix: TSESLint.RuleFix): TSESLint.RuleFix {
  importFixes.add(fix);
  return fix;
}

/** Per file (its Program): how many characters of fixes joined to an import may still be offered. */
const budgets = new WeakMap<object, { left: number }>();

/**
 * `fix`, unless it adds an import and the file's budget for such fixes is spent. ESLint joins the
 * edits of one fix into one, copying the file between them: an import at the top and an edit at
 * the finding make a fix as long as the distance between them, and a file with thousands of
 * findings would get fixes holding the file thousands of times over (1 MB and 6,667 findings: 3 GB
 * of `--format json`). The budget — twice the file, at least 64 KB — keeps them proportional to the
 * file. A fix beyond it is withheld: once the import is there (the next pass of `--fix`, or after
 * one fix is applied), every finding gets its fix without one.
 */
export function withinImportBudget(sourceCode: Readonly<TSESLint.SourceCode>, fix: TSESLint.ReportFixFunction): TSESLint.ReportFixFunction {
  return (fixer) => {
    const result = fix(fixer);
    if (!result || !(Symbol.iterator in result)) return result;
    const fixes = [...result];
    if (fixes.length < 2 || !fixes.some((f) => importFixes.has(f))) return fixes;
    let budget = budgets.get(sourceCode.ast);
    if (!budget) budgets.set(sourceCode.ast, (budget = { left: Math.max(2 * sourceCode.text.length, 64 * 1024) }));
    const start = Math.min(...fixes.map((f) => f.range[0]));
    const end = Math.max(...fixes.map((f) => f.range[1]));
    const cost = end - start + fixes.reduce((sum, f) => sum + f.text.length, 0);
    if (cost > budget.left) return null;
    budget.left -= cost;
    return fixes;
  };
}
