// ESLint flat config, written the way a user of eslint-plugin-resilience writes it. It shows both
// ways of extending a config: src/ extends the config object, scripts/ extends it by name after
// registering the plugin. No type information: see eslint.typed.config.mjs for that.
import tsParser from '@typescript-eslint/parser';
import resilience from 'eslint-plugin-resilience';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig(
  globalIgnores(['node_modules/', 'types/']),
  {
    name: 'example/typescript',
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
  },
  {
    name: 'example/src',
    files: ['src/**'],
    extends: [resilience.configs.recommended],
  },
  {
    name: 'example/scripts',
    files: ['scripts/**'],
    plugins: { resilience },
    extends: ['resilience/recommended'],
  },
);
