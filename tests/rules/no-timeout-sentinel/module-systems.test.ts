// An autofix that adds an import must match the file's module system: `require` in CommonJS,
// `import` in a module. Each extension under each package type, fixed with the README's
// pre-commit settings (autofix, a typed error from a module); the fixed file is then run by Node
// (TypeScript first transpiled as Node would load it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';

type PackageType = 'module' | 'commonjs';
const EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'] as const;

/** What Node makes of a file: by extension, else (`.js`; `.ts` as compiled for its package) the package type. */
function expectedSystem(extension: string, type: PackageType): 'require' | 'import' {
  if (extension === '.cjs' || extension === '.cts') return 'require';
  if (extension === '.mjs' || extension === '.mts') return 'import';
  if (extension === '.ts') return 'import';
  return type === 'module' ? 'import' : 'require';
}

const root = mkdtempSync(join(tmpdir(), 'module-systems-'));
function project(type: PackageType): string {
  const dir = join(root, type);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `fixture-${type}`, type }));
  // CommonJS with static exports: both `require` and a named `import` of it work.
  writeFileSync(join(dir, 'errors.cjs'), 'class QueryTimeoutError extends Error {}\nexports.QueryTimeoutError = QueryTimeoutError;\n');
  return dir;
}

const settings = { resilience: { autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors.cjs' } } };

function fix(file: string, code: string): string {
  // Files outside the linter's cwd are ignored by a flat config.
  const linter = new Linter({ configType: 'flat', cwd: root });
  const typescript = /\.[cm]?ts$/.test(file);
  const config = [
    {
      files: EXTENSIONS.map((extension) => `**/*${extension}`),
      plugins: { resilience: plugin },
      settings,
      rules: { 'resilience/no-timeout-sentinel': 'error' as const },
      ...(typescript ? { languageOptions: { parser: tsParser } } : {}),
    },
  ];
  const result = linter.verifyAndFix(code, config, { filename: file });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  expect(result.fixed).toBe(true);
  return result.output;
}

/** Runs a fixed file with Node; TypeScript is transpiled for the module system Node would give it. */
function run(file: string, output: string, system: 'require' | 'import'): { stdout: string; stderr: string } {
  let runnable = file;
  if (/\.[cm]?ts$/.test(file)) {
    const module = system === 'require' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
    const js = ts.transpileModule(output, { compilerOptions: { module, target: ts.ScriptTarget.ES2022 } }).outputText;
    runnable = file.replace(/\.[cm]?ts$/, system === 'require' ? '.compiled.cjs' : '.compiled.mjs');
    writeFileSync(runnable, js);
  } else {
    writeFileSync(file, output);
  }
  return spawnSync(process.execPath, [runnable], { encoding: 'utf8' });
}

describe('no-timeout-sentinel autofix: the import matches the module system', () => {
  for (const type of ['module', 'commonjs'] as const) {
    const dir = project(type);
    for (const extension of EXTENSIONS) {
      const system = expectedSystem(extension, type);
      it(`${extension} in a "type": "${type}" package gets ${system}`, () => {
        const file = join(dir, `lookup${extension}`);
        const typed = /ts$/.test(extension) ? ': boolean' : '';
        const code = `function lookup(timedOut${typed}) {\n  if (timedOut) return 0;\n  return 1;\n}\nconsole.log(lookup(false));\n`;
        const output = fix(file, code);
        const line =
          system === 'require'
            ? "const { QueryTimeoutError } = require('./errors.cjs');"
            : "import { QueryTimeoutError } from './errors.cjs';";
        expect(output.split('\n')[0]).toBe(line);
        expect(output).toContain("if (timedOut) throw new QueryTimeoutError('lookup timed out');");
        const ran = run(file, output, system);
        expect(ran.stderr).toBe('');
        expect(ran.stdout.trim()).toBe('1');
      });
    }
  }

  it('a .js file that uses module.exports gets require even in a "type": "module" package', () => {
    const file = join(project('module'), 'legacy.js');
    const output = fix(file, 'function lookup(timedOut) {\n  if (timedOut) return 0;\n  return 1;\n}\nmodule.exports = lookup;\n');
    expect(output.split('\n')[0]).toBe("const { QueryTimeoutError } = require('./errors.cjs');");
  });

  it('a .ts file with a require call gets require', () => {
    const file = join(project('module'), 'service.ts');
    const output = fix(
      file,
      "const db = require('./db');\nfunction lookup(timedOut: boolean) {\n  if (timedOut) return 0;\n  return db;\n}\n",
    );
    expect(output).toContain("const db = require('./db');\nconst { QueryTimeoutError } = require('./errors.cjs');");
  });
});
