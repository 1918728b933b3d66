// The one list of rules. tests/plugin.test.ts fails if a file in this folder is missing here.
import noTimeoutSentinel from './no-timeout-sentinel.js';
import preferTypedTimeoutError from './prefer-typed-timeout-error.js';

export const rules = {
  'no-timeout-sentinel': noTimeoutSentinel,
  'prefer-typed-timeout-error': preferTypedTimeoutError,
};
