// Lints the plugin's own code. The bundled sample/ has its own config and is linted by `npm run sample`.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.cache/', 'sample/', 'examples/', 'tests/fixtures/'], 'resilience-dev/ignores'),
  {
    name: 'resilience-dev/typescript',
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) },
    },
  },
  {
    name: 'resilience-dev/scripts',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.recommended],
  },
  {
    name: 'resilience-dev/rules',
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      // Rules report through src/util/report-fixes.ts, where this static check cannot see the
      // `suggest` it looks for. ESLint itself throws when a rule suggests without
      // `meta.hasSuggestions`, and the rule tests exercise every suggestion.
      'eslint-plugin/require-meta-has-suggestions': 'off',
    },
  },
  {
    name: 'resilience-dev/rule-tests',
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
);
