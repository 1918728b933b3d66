// eslint-doc-generator: writes the rules table in README.md and the header of each docs/rules/*.md
// from rule metadata. It loads the BUILT plugin (package.json exports -> dist/), so build first:
//   npm run docs         build, then regenerate
//   npm run docs:check   build, then fail if anything is out of date (part of `npm test`)

// The 🔧 badge's own words say `--fix` fixes the rule, but our fixes change behaviour, so `--fix`
// applies them only with `settings.resilience.autofix: true`; by default they are suggestions and
// `--fix` changes nothing. Say so where the badge is. tests/docs/fix-badges.test.ts checks both
// the words and the behaviour.
const AUTOFIX =
  '[`settings.resilience.autofix: true`](https://github.com/eslint-plugin-resilience/eslint-plugin-resilience#settings-what-your-project-knows-said-once)';
const HONEST_FIX_WORDS = [
  [
    /🔧 Automatically fixable by the \[`--fix` CLI option\]\(([^)]+)\)\./,
    `🔧 Fixable by the [\`--fix\` CLI option]($1) with ${AUTOFIX}; without it the fixes are suggestions (💡) and \`--fix\` leaves the code as it is.`,
  ],
  [
    /🔧💡 This rule is automatically fixable by the \[`--fix` CLI option\]\(([^)]+)\) and manually fixable by \[editor suggestions\]\(([^)]+)\)\./,
    `🔧💡 This rule's fixes are [editor suggestions]($2). With ${AUTOFIX} the [\`--fix\` CLI option]($1) applies them too; without it \`--fix\` leaves the code as it is.`,
  ],
];

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
  postprocess: (content) => HONEST_FIX_WORDS.reduce((text, [generated, honest]) => text.replace(generated, honest), content),
};

export default config;
