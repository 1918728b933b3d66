import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { moduleSystemOf, rememberFilename } from '../../src/analysis/js/index.js';

/** A SourceCode stand-in with what moduleSystemOf reads: the AST and its scopes, parsed as ESLint would. */
function systemOf(code: string, filename?: string, sourceType: 'module' | 'script' = 'module'): string {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, sourceType, filePath: filename });
  if (filename) rememberFilename(ast, filename);
  return moduleSystemOf({ ast, scopeManager } as unknown as TSESLint.SourceCode);
}

const root = mkdtempSync(join(tmpdir(), 'module-system-'));
function packageDir(name: string, packageJson: object | string | null): string {
  const dir = join(root, name, 'src');
  mkdirSync(dir, { recursive: true });
  if (packageJson !== null) {
    writeFileSync(join(root, name, 'package.json'), typeof packageJson === 'string' ? packageJson : JSON.stringify(packageJson));
  }
  return dir;
}
const esm = packageDir('esm', { type: 'module' });
const cjs = packageDir('cjs', { type: 'commonjs' });
const untyped = packageDir('untyped', { name: 'x' });
const broken = packageDir('broken', '{ not json');

describe('moduleSystemOf', () => {
  it('follows the extension first: .cjs/.cts are CommonJS, .mjs/.mts modules, whatever the package says', () => {
    expect(systemOf('const a = 1;', join(esm, 'a.cjs'))).toBe('commonjs');
    expect(systemOf('const a = 1;', join(esm, 'a.cts'))).toBe('commonjs');
    expect(systemOf('const a = 1;', join(cjs, 'a.mjs'))).toBe('module');
    expect(systemOf('const a = 1;', join(cjs, 'a.mts'))).toBe('module');
  });
  it('then the file itself: an import or export makes a module, require/module/exports CommonJS', () => {
    expect(systemOf("import x from 'x';\nconst y = require('y');", join(cjs, 'a.js'))).toBe('module');
    expect(systemOf('export const a = 1;', join(cjs, 'a.js'))).toBe('module');
    expect(systemOf("function f() { return require('./db'); }", join(esm, 'a.js'))).toBe('commonjs');
    expect(systemOf('module.exports = { a: 1 };', join(esm, 'a.ts'))).toBe('commonjs');
    expect(systemOf('exports.a = 1;')).toBe('commonjs');
  });
  it('a type-only import does not make a file a module', () => {
    expect(systemOf("import type { X } from 'x';\nconst a: X = 1;", join(cjs, 'a.js'))).toBe('commonjs');
  });
  it('a require the file declares itself is not CommonJS', () => {
    expect(systemOf('const require = (m: string) => m;\nrequire("x");', join(esm, 'a.ts'))).toBe('module');
  });
  it('a file parsed as a script is CommonJS', () => {
    expect(systemOf('var a = 1;', undefined, 'script')).toBe('commonjs');
  });
  it('for .js with neither, the nearest package.json: "module" makes a module, anything else CommonJS', () => {
    expect(systemOf('const a = 1;', join(esm, 'a.js'))).toBe('module');
    expect(systemOf('const a = 1;', join(cjs, 'a.js'))).toBe('commonjs');
    expect(systemOf('const a = 1;', join(untyped, 'a.js'))).toBe('commonjs');
    expect(systemOf('const a = 1;', join(broken, 'a.js'))).toBe('commonjs');
  });
  it('TypeScript with neither is a module (import is its own syntax), as is a file with no name', () => {
    expect(systemOf('const a = 1;', join(cjs, 'a.ts'))).toBe('module');
    expect(systemOf('const a = 1;')).toBe('module');
  });
});
