import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { vocabularySchema, type VocabularyOption } from './vocabulary.js';
import { typedErrorSchema, type TypedErrorOption } from '../fixes/typed-error.js';

/** Options shared by the rules that recognise timeouts and fix them towards a typed error. */
export interface TimeoutRuleOptions {
  autofix?: boolean;
  checkTimeoutOptions?: boolean;
  timeoutError?: TypedErrorOption;
  vocabulary?: VocabularyOption;
}

export const timeoutRuleOptionsSchema: JSONSchema4 = {
  type: 'object',
  properties: {
    autofix: {
      type: 'boolean',
      description:
        'Deprecated: set `settings.resilience.autofix`. Apply the typed-error fix with `--fix` instead of offering it as a suggestion.',
    },
    checkTimeoutOptions: {
      type: 'boolean',
      description:
        'Also treat the `catch` (or `.catch()`) of work with a `timeout` option (`{ timeout: 5000 }`) as a timeout path, not only work under a timeout wrapper, race or `AbortSignal.timeout()`.',
    },
    timeoutError: {
      ...typedErrorSchema,
      description: 'Deprecated: set `settings.resilience.timeoutError`. ' + typedErrorSchema.description,
    },
    vocabulary: { ...vocabularySchema, description: 'Deprecated: set `settings.resilience.vocabulary`. ' + vocabularySchema.description },
  },
  additionalProperties: false,
};

/** The `settings.resilience` keys these rules read as their options' defaults. */
export const TIMEOUT_RULE_SETTINGS = ['autofix', 'timeoutError', 'vocabulary'] as const;

/**
 * What `all` adds to the timeout rules: timeout options count as evidence too. Not in `strict`: of
 * its 5 findings on the corpus none was judged a defect (4 deliberate best-effort fallbacks, 1 not
 * a timeout; bench/strict-ledger.md).
 */
export const ALL_TIMEOUT_OPTIONS: readonly TimeoutRuleOptions[] = [{ checkTimeoutOptions: true }];
