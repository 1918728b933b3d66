// The one list of rules. tests/plugin.test.ts fails if a file in this folder is missing here.
import noSentinelFullLoad from './no-sentinel-full-load.js';
import noTimeoutSentinel from './no-timeout-sentinel.js';
import noUnboundedLoad from './no-unbounded-load.js';
import preferTypedTimeoutError from './prefer-typed-timeout-error.js';

export const rules = {
  'no-sentinel-full-load': noSentinelFullLoad,
  'no-timeout-sentinel': noTimeoutSentinel,
  'no-unbounded-load': noUnboundedLoad,
  'prefer-typed-timeout-error': preferTypedTimeoutError,
};
