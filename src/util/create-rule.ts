import { ESLintUtils } from '@typescript-eslint/utils';

/** Which generated config first enables a rule; rules without it are only in `all`. */
export type RuleLevel = 'recommended' | 'strict';

export interface ResilienceRuleDocs {
  description: string;
  recommended?: RuleLevel;
  /** Options the `strict` and `all` configs set, turning on a rule's broader detection. */
  strictOptions?: readonly unknown[];
  requiresTypeChecking?: boolean;
}

export const REPO_URL = 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience';

export const createRule = ESLintUtils.RuleCreator<ResilienceRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
