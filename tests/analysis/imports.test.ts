import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isCommonJsFile } from '../../src/analysis/js/imports.js';
import { importedNames } from '../../src/analysis/js/index.js';
import { parseProgram } from './parse.js';

const sourceCodeOf = (code: string) => ({ ast: parseProgram(code) }) as unknown as TSESLint.SourceCode;

describe('importedNames', () => {
  it('collects default, named, namespace and require bindings of one module', () => {
    const program = parseProgram(
      "import pTimeout, { TimeoutError as TE } from 'p-timeout';\nimport * as pt from 'p-timeout';\nimport other from 'other';\nconst legacy = require('p-timeout');\nconst { default: pt2 } = require('p-timeout');",
    );
    expect([...importedNames(program, 'p-timeout')].sort()).toEqual(['TE', 'legacy', 'pTimeout', 'pt', 'pt2']);
  });
});

describe('isCommonJsFile', () => {
  it('treats a module with imports or exports as ESM', () => {
    expect(isCommonJsFile(sourceCodeOf("import x from 'x';\nconst y = require('y');"))).toBe(false);
    expect(isCommonJsFile(sourceCodeOf('export const a = 1;'))).toBe(false);
  });
  it('treats a module-parsed file that only uses top-level require as CommonJS', () => {
    expect(isCommonJsFile(sourceCodeOf("const db = require('./db');\nmodule.exports = db;"))).toBe(true);
  });
  it('treats a file with neither as ESM', () => {
    expect(isCommonJsFile(sourceCodeOf('const a = 1;'))).toBe(false);
  });
});
