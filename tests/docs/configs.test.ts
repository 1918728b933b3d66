// The reading of the docs' ESLint configs that tests/e2e/doc-configs.e2e.test.ts runs (see
// configs.ts): it finds the configs the docs are known to give, and every lint-staged glob hands
// ESLint exactly the extensions those configs are run on.
import { describe, expect, it } from 'vitest';
import { configSnippets, FIXTURE_EXTENSIONS, lintStagedConfigs } from './configs.js';

const snippets = configSnippets();
const where = (doc: string) => snippets.filter((s) => s.where.startsWith(`${doc}:`));

describe('the configs of the docs', () => {
  it('are found in the README, the integrations page and the rule docs', () => {
    expect(where('README.md').map((s) => s.kind)).toEqual(['file', 'file', 'file']);
    expect(where('docs/integrations.md').map((s) => `${s.kind} ${s.module}`)).toEqual(['file esm', 'file cjs']);
    expect(where('docs/rules/no-unbounded-load.md').map((s) => `${s.kind} ${s.fragment ?? ''}`.trim())).toEqual([
      'file',
      'fragment config',
    ]);
    expect(where('docs/rules/no-timeout-sentinel.md').map((s) => s.fragment)).toEqual(['config']);
    expect(where('docs/rules/no-sentinel-full-load.md').map((s) => s.fragment)).toEqual(['rules']);
  });

  it('start with a config file, which fragments are run on top of', () => {
    expect(snippets[0]?.where).toMatch(/^README\.md:/);
    expect(snippets[0]).toMatchObject({ kind: 'file', module: 'esm' });
  });
});

describe('lint-staged globs', () => {
  it('the fixture has a file of each extension a JavaScript or TypeScript project has', () => {
    expect(FIXTURE_EXTENSIONS).toEqual(['cjs', 'cts', 'js', 'mjs', 'mts', 'ts', 'tsx']);
  });

  it.each(lintStagedConfigs().map((c) => [c.where, c.config] as const))(
    '%s passes ESLint the extensions the configs are run on, and no other',
    (_where, config) => {
      const globs = Object.keys(config);
      expect(globs).toHaveLength(1);
      const extensions = /^\*\.\{([a-z,]+)\}$/.exec(globs[0]!)?.[1]?.split(',').sort();
      expect(extensions).toEqual(FIXTURE_EXTENSIONS);
    },
  );
});
