import { defineConfig } from 'vitest/config';

// End-to-end tests (tests/e2e): the packed plugin installed into copies of examples/ (ESLint 10,
// the latest 9, the floor) and of the projects in tests/fixtures/projects/, driven through the
// real eslint and oxlint CLIs, the ESLint language server and a git pre-commit hook. They run once
// per `npm test` (not in the ESLint 9 leg: they install their ESLint versions themselves).
// global-setup.ts packs the repository (which builds it) and installs the projects once.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
