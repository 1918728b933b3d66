import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { vocabularySchema, type VocabularyOption } from './timeout-vocabulary.js';
import { typedErrorSchema, type TypedErrorOption } from './typed-error.js';

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
      description: 'Apply the typed-error fix with `--fix` instead of offering it as a suggestion.',
    },
    checkTimeoutOptions: {
      type: 'boolean',
      description:
        'Also treat the `catch` (or `.catch()`) of work with a `timeout` option (`{ timeout: 5000 }`) as a timeout path, not only work under a timeout wrapper, race or `AbortSignal.timeout()`.',
    },
    timeoutError: typedErrorSchema,
    vocabulary: vocabularySchema,
  },
  additionalProperties: false,
};

/** What `strict` adds to the timeout rules: timeout options count as evidence too. */
export const STRICT_TIMEOUT_OPTIONS: readonly TimeoutRuleOptions[] = [{ checkTimeoutOptions: true }];
