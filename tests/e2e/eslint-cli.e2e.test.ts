// The plugin as a user installs it: `npm pack`ed, installed into a copy of examples/, run by the
// example's own `eslint` CLI on ESLint 10, on the latest ESLint 9, and on the floor: the lowest
// ESLint that peerDependencies allows, run by the lowest Node that `engines` allows. The findings
// must be exactly the lines examples/ marks with `// ✗ resilience/<rule>`, with and without type
// information; the published type declarations must type-check the example's configs; `require`
// and `import` must both load the plugin, and give the same object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, context, eslintFindings, markedFindings, run, runOk, type Finding } from './harness.js';

const { root, eslint10, eslint9, eslint9Version, floor, floorEslintVersion, floorNode, floorNodeVersion } = context();
const example = JSON.parse(readFileSync(join(eslint10, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

interface Install {
  dir: string;
  eslint: string;
  /** The Node binary that runs the tools. */
  node: string;
}
const INSTALLS: Array<[string, Install]> = [
  ['ESLint 10', { dir: eslint10, eslint: example.devDependencies.eslint!, node: process.execPath }],
  ['ESLint 9', { dir: eslint9, eslint: eslint9Version, node: process.execPath }],
  [`the floor: ESLint ${floorEslintVersion} on Node ${floorNodeVersion}`, { dir: floor, eslint: floorEslintVersion, node: floorNode }],
];

/** Runs one of the project's binaries (`eslint`, `tsc`) with the install's Node. */
const tool = (install: Install, name: string, args: string[]) => run(install.node, [bin(install.dir, name), ...args], { cwd: install.dir });

async function lintJson(install: Install, extraArgs: string[] = []): Promise<Finding[]> {
  const result = await tool(install, 'eslint', ['--format', 'json', ...extraArgs, '.']);
  // 1: ran and reported errors. 0 would mean nothing was reported; 2 a crash or a bad config.
  expect(result.code, result.stderr).toBe(1);
  return eslintFindings(install.dir, result.stdout);
}

describe('the floor', () => {
  it('is what package.json says: peerDependencies for ESLint, engines for Node', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      peerDependencies: { eslint: string };
      engines: { node: string };
    };
    expect(pkg.peerDependencies.eslint.split(' || ')[0]).toBe(`^${floorEslintVersion}`);
    expect((await runOk(floorNode, ['--version'], { cwd: floor })).trim()).toBe(`v${floorNodeVersion}`);
    // The plugin needs nothing newer than ESLint at its floor does, and claims no Node it does not support.
    const floorEslint = JSON.parse(readFileSync(join(floor, 'node_modules/eslint/package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(floorEslint.engines.node);
  });
});

describe.each(INSTALLS)('example installed from the tarball, %s', (_label, install) => {
  const { dir } = install;
  it(`runs ESLint ${install.eslint}`, async () => {
    const result = await tool(install, 'eslint', ['--version']);
    expect(result.stdout.trim()).toBe(`v${install.eslint}`);
  });

  it('reports exactly the ✗-marked lines without type information (eslint.config.mjs)', async () => {
    const expected = markedFindings(dir, { typed: false });
    expect(await lintJson(install)).toEqual(expected);
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
    expect(await lintJson(install, ['--config', 'eslint.typed.config.mjs'])).toEqual(expected);
  });

  it('type-checks the configs and sources against the published declarations (tsc --noEmit)', async () => {
    const result = await tool(install, 'tsc', ['--noEmit', '--pretty', 'false']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('loads through `exports` with require() and with import, as one object', async () => {
    const script = `
      const cjs = require('eslint-plugin-resilience');
      import('eslint-plugin-resilience').then(({ default: esm }) => {
        console.log(JSON.stringify({
          same: esm === cjs,
          meta: cjs.meta,
          rules: Object.keys(cjs.rules),
          configs: Object.keys(cjs.configs),
          recommendedRegistersPlugin: esm.configs.recommended.plugins.resilience === esm,
        }));
      });`;
    const out = JSON.parse(await runOk(install.node, ['-e', script], { cwd: dir })) as {
      same: boolean;
      meta: { name: string; namespace: string };
      rules: string[];
      configs: string[];
      recommendedRegistersPlugin: boolean;
    };
    expect(out.same, 'require() and import give the same plugin object').toBe(true);
    expect(out.meta).toMatchObject({ name: 'eslint-plugin-resilience', namespace: 'resilience' });
    expect([...out.configs].sort()).toEqual(['all', 'recommended', 'strict']);
    expect(out.rules.length).toBeGreaterThan(0);
    expect(out.recommendedRegistersPlugin).toBe(true);
  });
});
