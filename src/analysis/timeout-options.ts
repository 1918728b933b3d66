import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { vocabularySchema, type VocabularyOption } from './timeout-vocabulary.js';
import { typedErrorSchema, type TypedErrorOption } from './typed-error.js';

/** Options shared by the rules that recognise timeouts and fix them towards a typed error. */
export interface TimeoutRuleOptions {
  autofix?: boolean;
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
    timeoutError: typedErrorSchema,
    vocabulary: vocabularySchema,
  },
  additionalProperties: false,
};
