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
  if (autofix && fixes[0] && !fixes[0].suggestOnly) context.report({ ...report, fix: fixes[0].fix });
  else context.report({ ...report, suggest: fixes.map(({ messageId, data, fix }) => ({ messageId, data, fix })) });
}
