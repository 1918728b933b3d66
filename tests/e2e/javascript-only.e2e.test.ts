// A JavaScript project, tests/fixtures/projects/javascript-only, installed with ESLint and the
// packed plugin alone: the plugin brings no TypeScript (no typescript-eslint either: it has no
// run-time dependencies, and its built code loads only Node's own modules), and its shared
// CommonJS config and ESM config both register the plugin, which works only if `require` and
// `import` give the same object.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, context, eslintFindings, markedFindings, run, runOk } from './harness.js';

const { javascriptOnly: dir } = context();
const installed = join(dir, 'node_modules', 'eslint-plugin-resilience');

describe('a JavaScript-only project', () => {
  it('has no TypeScript installed: `npm ls typescript` is empty', async () => {
    // npm ls exits 1 when it finds no such package.
    const ls = await run('npm', ['ls', 'typescript', '--all', '--json'], { cwd: dir });
    expect(ls.code, ls.stderr).toBe(1);
    expect((JSON.parse(ls.stdout) as { dependencies?: object }).dependencies ?? {}).toEqual({});
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
    expect(readdirSync(join(dir, 'node_modules')).filter((name) => name.startsWith('@typescript-eslint'))).toEqual([]);
  });

  it('the plugin declares no dependencies, and loads only Node built-ins, also while it lints', async () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    // Every module the plugin's own files ask Node for, from loading it to linting the project.
    const script = `
      const Module = require('node:module');
      const load = Module._load;
      const asked = new Set();
      Module._load = function (request, parent, isMain) {
        if (parent && parent.filename.startsWith(${JSON.stringify(installed)})) asked.add(request);
        return load.apply(this, arguments);
      };
      const { ESLint } = require('eslint');
      new ESLint().lintFiles(['src']).then((results) => {
        console.log(JSON.stringify({ asked: [...asked].sort(), problems: results.reduce((n, r) => n + r.errorCount, 0) }));
      });`;
    const out = JSON.parse(await runOk(process.execPath, ['-e', script], { cwd: dir })) as { asked: string[]; problems: number };
    expect(out.problems, 'the lint ran and reported').toBeGreaterThan(0);
    expect(out.asked.length).toBeGreaterThan(0);
    expect(out.asked.filter((name) => !name.startsWith('node:'))).toEqual([]);
    const esm = readFileSync(join(installed, 'dist', 'index.js'), 'utf8');
    expect([...esm.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1])).toEqual(['./index.cjs']);
  });

  it('lints with a CommonJS shared config and an ESM config that both register the plugin', async () => {
    const result = await run(bin(dir, 'eslint'), ['--format', 'json', '.'], { cwd: dir });
    // Two plugin objects would make ESLint exit 2 with `Cannot redefine plugin "resilience"`.
    expect(result.code, result.stderr).toBe(1);
    expect(eslintFindings(dir, result.stdout)).toEqual(markedFindings(dir, { typed: false }));
  });

  it('require() and import give the same plugin object', async () => {
    const script = `
      const cjs = require('eslint-plugin-resilience');
      import('eslint-plugin-resilience').then(({ default: esm }) => console.log(esm === cjs && cjs.configs.all.plugins.resilience === cjs));`;
    expect((await runOk(process.execPath, ['-e', script], { cwd: dir })).trim()).toBe('true');
  });
});
