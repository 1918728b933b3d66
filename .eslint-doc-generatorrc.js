// eslint-doc-generator: writes the rules table in README.md and the header of each docs/rules/*.md
// from rule metadata. It loads the BUILT plugin (package.json exports -> dist/), so build first:
//   npm run docs         build, then regenerate
//   npm run docs:check   build, then fail if anything is out of date (part of `npm test`)

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'deprecated'],
  urlConfigs: 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience#configs',
};

export default config;
