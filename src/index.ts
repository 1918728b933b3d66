import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs, type ConfigName } from './configs.js';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta.js';
import { rules } from './rules/index.js';

interface ResiliencePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const plugin: ResiliencePlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules,
  // Filled below: each config refers back to the plugin object itself.
  configs: {} as ResiliencePlugin['configs'],
};
plugin.configs = buildConfigs(plugin, rules);

export default plugin;
