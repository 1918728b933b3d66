// The plugin as a user installs it: `npm pack`ed, installed into a copy of examples/, run by the
// example's own `eslint` CLI on ESLint 10 and on ESLint 9. The findings must be exactly the
// lines examples/ marks with `// ✗ resilience/<rule>`, with and without type information; the
// published type declarations must type-check the example's configs; `require` and `import`
// must both load the plugin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, context, eslintFindings, markedFindings, run, runOk, type Finding } from './harness.js';

const { eslint10, eslint9, eslint9Version } = context();
const example = JSON.parse(readFileSync(join(eslint10, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const INSTALLS: Array<[string, string, string]> = [
  ['ESLint 10', eslint10, example.devDependencies.eslint!],
  ['ESLint 9', eslint9, eslint9Version],
];

async function lintJson(dir: string, extraArgs: string[] = []): Promise<Finding[]> {
  const result = await run(bin(dir, 'eslint'), ['--format', 'json', ...extraArgs, '.'], { cwd: dir });
  // 1: ran and reported errors. 0 would mean nothing was reported; 2 a crash or a bad config.
  expect(result.code, result.stderr).toBe(1);
  return eslintFindings(dir, result.stdout);
}

describe.each(INSTALLS)('example installed from the tarball, %s', (_label, dir, version) => {
  it(`runs ESLint ${version}`, async () => {
    const stdout = await runOk(bin(dir, 'eslint'), ['--version'], { cwd: dir });
    expect(stdout.trim()).toBe(`v${version}`);
  });

  it('reports exactly the ✗-marked lines without type information (eslint.config.mjs)', async () => {
    const expected = markedFindings(dir, { typed: false });
    expect(await lintJson(dir)).toEqual(expected);
  });

  it('reports the marked lines of every rule, in both extends forms', () => {
    const expected = markedFindings(dir, { typed: true });
    // src/ extends the config object, scripts/ extends 'resilience/recommended' by name.
    expect(expected.filter((f) => f.startsWith('src/')).length, 'object form').toBeGreaterThan(0);
    expect(expected.filter((f) => f.startsWith('scripts/')).length, 'string form').toBeGreaterThan(0);
    const rules = new Set(expected.map((f) => f.split(' ')[1]));
    expect([...rules]).toEqual(
      expect.arrayContaining(['resilience/no-timeout-sentinel', 'resilience/no-unbounded-load', 'resilience/prefer-typed-timeout-error']),
    );
    expect(expected.length, 'a finding only type information gives').toBeGreaterThan(markedFindings(dir, { typed: false }).length);
  });

  it('reports every ✗-marked line with type information (eslint.typed.config.mjs, projectService)', async () => {
    const expected = markedFindings(dir, { typed: true });
    expect(await lintJson(dir, ['--config', 'eslint.typed.config.mjs'])).toEqual(expected);
  });

  it('type-checks the configs and sources against the published declarations (tsc --noEmit)', async () => {
    const result = await run(bin(dir, 'tsc'), ['--noEmit', '--pretty', 'false'], { cwd: dir });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('loads through `exports` with require() and with import', async () => {
    const script = `
      const cjs = require('eslint-plugin-resilience');
      import('eslint-plugin-resilience').then(({ default: esm }) => {
        console.log(JSON.stringify({
          cjs: { meta: cjs.meta, rules: Object.keys(cjs.rules), configs: Object.keys(cjs.configs) },
          esm: { meta: esm.meta, rules: Object.keys(esm.rules), configs: Object.keys(esm.configs) },
          recommendedRegistersPlugin: esm.configs.recommended.plugins.resilience === esm,
        }));
      });`;
    const out = JSON.parse(await runOk(process.execPath, ['-e', script], { cwd: dir })) as {
      cjs: { meta: { name: string; namespace: string }; rules: string[]; configs: string[] };
      esm: unknown;
      recommendedRegistersPlugin: boolean;
    };
    expect(out.esm).toEqual(out.cjs);
    expect(out.cjs.meta).toMatchObject({ name: 'eslint-plugin-resilience', namespace: 'resilience' });
    expect([...out.cjs.configs].sort()).toEqual(['all', 'recommended', 'strict']);
    expect(out.cjs.rules.length).toBeGreaterThan(0);
    expect(out.recommendedRegistersPlugin).toBe(true);
  });
});
