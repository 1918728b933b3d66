// Every ESLint config the docs give (README.md, docs/integrations.md, docs/rules/*.md; read by
// tests/docs/configs.ts), run by the ESLint CLI on tests/fixtures/projects/all-extensions, installed
// with typescript-eslint and the packed plugin: a project with a timeout sentinel in a `.ts`,
// `.tsx`, `.mts`, `.cts`, `.js`, `.mjs` and `.cjs` file. Each config must lint every one of them and
// report each sentinel: a config that leaves an extension out, or lints nothing, fails here.
// Config fragments (a config object, a `rules` object) are run on top of the README's first config.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSnippets, FIXTURE_EXTENSIONS, type ConfigSnippet } from '../docs/configs.js';
import { bin, context, eslintFindings, markedFindings, run, workspaceCopy } from './harness.js';

const { allExtensions } = context();
const snippets = configSnippets();
const base = snippets[0]!;

/** A copy of the fixture with the snippet as its eslint.config (a fragment on top of the base). */
function projectWith(snippet: ConfigSnippet): string {
  const dir = workspaceCopy(allExtensions, 'doc-config');
  if (snippet.kind === 'file') {
    writeFileSync(join(dir, snippet.module === 'cjs' ? 'eslint.config.cjs' : 'eslint.config.mjs'), snippet.code);
  } else {
    writeFileSync(join(dir, 'base.config.mjs'), base.code);
    const object = snippet.fragment === 'rules' ? `{ rules: ${snippet.code} }` : `(${snippet.code})`;
    writeFileSync(join(dir, 'eslint.config.mjs'), `import base from './base.config.mjs';\n\nexport default [...base, ${object}];\n`);
  }
  return dir;
}

describe('the fixture', () => {
  it('has a marked timeout sentinel in a file of each extension', () => {
    const marked = markedFindings(allExtensions, { typed: true });
    expect(marked.map((f) => /\.([a-z]+):/.exec(f)![1]).sort()).toEqual([...FIXTURE_EXTENSIONS]);
  });
});

describe.each(
  snippets.map(
    (s) =>
      [`${s.where} (${s.kind === 'file' ? `eslint.config.${s.module === 'cjs' ? 'cjs' : 'mjs'}` : `${s.fragment} fragment`})`, s] as const,
  ),
)('%s', (_name, snippet) => {
  it('lints the .ts, .tsx, .mts, .cts, .js, .mjs and .cjs file, and reports each sentinel', async () => {
    const dir = projectWith(snippet);
    const result = await run(bin(dir, 'eslint'), ['--format', 'json', '.'], { cwd: dir });
    // 1: ran and reported errors. 0 would mean nothing was reported; 2 a crash or a bad config.
    expect(result.code, result.stderr).toBe(1);
    const linted = (JSON.parse(result.stdout) as Array<{ filePath: string }>).map((r) => r.filePath.slice(dir.length + 1));
    expect(linted.filter((file) => file.startsWith('src/')).sort()).toEqual(
      readdirSync(join(dir, 'src'))
        .map((f) => `src/${f}`)
        .sort(),
    );
    const found = eslintFindings(dir, result.stdout);
    expect(
      found.filter((f) => f.includes(' fatal: ')),
      'parse errors and ignored files',
    ).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(markedFindings(dir, { typed: true })));
  });
});
