import { defineConfig } from 'vitest/config';

// End-to-end tests (tests/e2e): the packed plugin installed into a copy of examples/, driven
// through the real eslint and oxlint CLIs, the ESLint language server and a git pre-commit hook.
// They run once per `npm test` (not in the ESLint 9 leg: they install ESLint 9 themselves).
// `npm run test:e2e` builds first; global-setup.ts packs dist/ and installs the example once.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
