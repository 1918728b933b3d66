import type { Linter, Rule } from 'eslint';
import { buildConfigs, type ConfigName } from './configs.js';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta.js';
import { rules, type RuleName } from './rules/index.js';

/**
 * The public shape, in ESLint's own types: what `defineConfig({ extends: [...] })` and
 * `plugins: { resilience }` accept in a type-checked `eslint.config.ts`.
 */
interface ResiliencePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: ResiliencePlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules: rules as unknown as ResiliencePlugin['rules'],
  // Filled below: each config refers back to the plugin object itself.
  configs: {} as ResiliencePlugin['configs'],
};
plugin.configs = buildConfigs(plugin, rules) as unknown as ResiliencePlugin['configs'];

export default plugin;
