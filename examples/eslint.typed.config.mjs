// The same config with type information: `eslint --config eslint.typed.config.mjs .`
// (`npm run lint:typed`). no-unbounded-load then also recognises receivers by their declared
// types (`registry.service.findMany()` in src/count-services.ts); the other rules work the same.
import { defineConfig } from 'eslint/config';
import { fileURLToPath } from 'node:url';
import untyped from './eslint.config.mjs';

export default defineConfig(untyped, {
  name: 'example/type-information',
  files: ['**/*.ts'],
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)),
    },
  },
});
