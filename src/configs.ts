import type { TSESLint } from '@typescript-eslint/utils';
import type { ResilienceRuleDocs, RuleLevel } from './util/create-rule.js';
import { NAMESPACE } from './meta.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], ResilienceRuleDocs>;

export type ConfigName = 'recommended' | 'strict' | 'all';

/** The levels each config includes, from the narrowest config to the broadest. */
const LEVELS_BY_CONFIG: Record<ConfigName, ReadonlyArray<RuleLevel | undefined>> = {
  recommended: ['recommended'],
  strict: ['recommended', 'strict'],
  all: ['recommended', 'strict', undefined],
};

type RuleEntry = 'error';

/**
 * Rule ids (`resilience/<name>`) a config turns on, read from each rule's `meta.docs.recommended`.
 * What `strict` and `all` add to a rule's detection (`meta.docs.strictOptions`) is not written into
 * the rule entries, which a user's own options would replace whole, but turned on by the
 * `settings.resilience.strictChecks` these configs set (and `allChecks`, set by `all`, for
 * `meta.docs.allOptions`), under the user's options.
 */
export function rulesForConfig(rules: Record<string, AnyRule>, config: ConfigName): Record<string, RuleEntry> {
  const levels = LEVELS_BY_CONFIG[config];
  const enabled: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.meta.deprecated || !levels.includes(rule.meta.docs?.recommended)) continue;
    enabled[`${NAMESPACE}/${name}`] = 'error';
  }
  return enabled;
}

/** Flat configs derived from rule metadata; `plugin` is the object they register. */
export function buildConfigs<Plugin extends object>(
  plugin: Plugin,
  rules: Record<string, AnyRule>,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const make = (config: ConfigName): TSESLint.FlatConfig.Config => ({
    name: `${NAMESPACE}/${config}`,
    plugins: { [NAMESPACE]: plugin },
    rules: rulesForConfig(rules, config),
    ...(config === 'strict' ? { settings: { [NAMESPACE]: { strictChecks: true } } } : {}),
    ...(config === 'all' ? { settings: { [NAMESPACE]: { strictChecks: true, allChecks: true } } } : {}),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
