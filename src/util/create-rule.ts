import { ESLintUtils } from '@typescript-eslint/utils';

/** Which generated config first enables a rule; rules without it are only in `all`. */
export type RuleLevel = 'recommended' | 'strict';

export interface ResilienceRuleDocs {
  description: string;
  recommended?: RuleLevel;
  requiresTypeChecking?: boolean;
}

export const REPO_URL = 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience';

export const createRule = ESLintUtils.RuleCreator<ResilienceRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
