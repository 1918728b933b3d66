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
} satisfies Record<RuleName, unknown>;

/**
 * The rule names, spelled out so that the published types (dist/index.d.cts) name them without the
 * rules' own types, which come from @typescript-eslint/utils, a package users need not have.
 * `satisfies` above keeps the two lists equal.
 */
export type RuleName = 'no-sentinel-full-load' | 'no-timeout-sentinel' | 'no-unbounded-load' | 'prefer-typed-timeout-error';
