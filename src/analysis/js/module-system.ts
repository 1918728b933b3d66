import { dirname, extname } from 'node:path';
import { AST_NODE_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { filenameOf, nearestPackage } from './package-json.js';
import { perFile } from './per-file.js';

// Which module system a file is in, so a fix adds `require` to CommonJS and `import` to modules:
// an import in a CommonJS file does not load, and a `require` in an ES module throws.

export type ModuleSystem = 'module' | 'commonjs';

const COMMONJS_EXTENSIONS = new Set(['.cjs', '.cts']);
const MODULE_EXTENSIONS = new Set(['.mjs', '.mts']);
/** Extensions Node runs as its package's `type` says; TypeScript (`.ts`) compiles either way, and `import` is its own syntax. */
const PACKAGE_TYPED_EXTENSIONS = new Set(['.js', '.jsx']);

/**
 * A file's module system, from what decides it in order: its extension (`.cjs`/`.cts`,
 * `.mjs`/`.mts`), its own syntax (an `import`/`export` makes a module; `require`, `module` or
 * `exports` used as globals make CommonJS), how it was parsed (a script is CommonJS), and for
 * `.js` the nearest `package.json`'s `type` (CommonJS unless `"module"`, as in Node).
 */
export function moduleSystemOf(sourceCode: Readonly<TSESLint.SourceCode>): ModuleSystem {
  const program = sourceCode.ast;
  return perFile(program, 'module-system', () => decide(sourceCode, filenameOf(program)));
}

function decide(sourceCode: Readonly<TSESLint.SourceCode>, filename: string | undefined): ModuleSystem {
  const extension = filename ? extname(filename).toLowerCase() : '';
  if (COMMONJS_EXTENSIONS.has(extension)) return 'commonjs';
  if (MODULE_EXTENSIONS.has(extension)) return 'module';
  const program = sourceCode.ast;
  if (program.body.some(isModuleSyntax)) return 'module';
  if (program.sourceType !== 'module') return 'commonjs';
  if (usesCommonJsGlobals(sourceCode)) return 'commonjs';
  if (filename && PACKAGE_TYPED_EXTENSIONS.has(extension))
    return nearestPackage(dirname(filename))?.type === 'module' ? 'module' : 'commonjs';
  return 'module';
}

function isModuleSyntax(statement: TSESTree.ProgramStatement): boolean {
  return (
    (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') ||
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration
  );
}

const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports']);

/** `require(…)`, `module.exports = …`, `exports.x = …` anywhere in the file, not declared by it. */
function usesCommonJsGlobals(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  // Unresolved references end in the global scope's `through`; a configured global resolves to a variable without definitions.
  if (globalScope.through.some((ref) => COMMONJS_GLOBALS.has(ref.identifier.name))) return true;
  return [...COMMONJS_GLOBALS].some((name) => {
    const variable = globalScope.set.get(name);
    return variable !== undefined && variable.defs.length === 0 && variable.references.length > 0;
  });
}
