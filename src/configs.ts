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

type RuleEntry = 'error' | ['error', ...unknown[]];

/**
 * Rule ids (`resilience/<name>`) a config turns on, read from each rule's `meta.docs`:
 * `recommended` says which config first includes it, `strictOptions` what `strict` and `all` add.
 */
export function rulesForConfig(rules: Record<string, AnyRule>, config: ConfigName): Record<string, RuleEntry> {
  const levels = LEVELS_BY_CONFIG[config];
  const enabled: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (rule.meta.deprecated || !levels.includes(docs?.recommended)) continue;
    const strictOptions = config === 'recommended' ? undefined : docs?.strictOptions;
    enabled[`${NAMESPACE}/${name}`] = strictOptions ? ['error', ...strictOptions] : 'error';
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
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
