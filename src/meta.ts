// Kept equal to package.json by tests/plugin.test.ts.
export const PLUGIN_NAME = 'eslint-plugin-resilience';
export const PLUGIN_VERSION = '0.1.0';
export const NAMESPACE = 'resilience';
