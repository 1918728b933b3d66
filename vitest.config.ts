import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,mjs}'],
    // The end-to-end tests have their own config (vitest.e2e.config.ts) and run once per `npm test`.
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    testTimeout: 60_000,
  },
});
