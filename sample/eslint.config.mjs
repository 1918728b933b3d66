// The sample project's ESLint config, written the way a user of the plugin writes it.
//
// In your own project, after `npm i -D eslint-plugin-resilience`:
//   import resilience from 'eslint-plugin-resilience';
// Here the plugin is this repository's build, so `npm run sample` builds it first. ESLint and the
// TypeScript parser come from the repository's node_modules: there is nothing to install here.
import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';
import resilience from '../dist/index.js';

export default defineConfig(
  {
    name: 'sample/typescript',
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
  },
  {
    name: 'sample/resilience',
    plugins: { resilience },
    extends: ['resilience/recommended'],
  },
);
