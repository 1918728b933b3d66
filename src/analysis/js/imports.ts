import { AST_NODE_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { dottedName, unwrap } from './ast.js';
import { lineEnding, quote } from './fix-text.js';
import { moduleSystemOf } from './module-system.js';
import { DefinitionType } from './definitions.js';
import { markImportFix } from '../../util/report-fixes.js';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** Whether a binding is only a type (`import type`, `interface`, `type`), which cannot be constructed. */
export function isTypeOnly(variable: Variable): boolean {
  return variable.defs.every((def) => {
    if (def.type === DefinitionType.Type) return true;
    if (def.type !== DefinitionType.ImportBinding) return false;
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const specifier = def.node as TSESTree.ImportClause;
    return declaration.importKind === 'type' || (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type');
  });
}

/** The variable `name` refers to at `scope`: declared there or in an enclosing scope (globals included). */
export function findVariable(scope: Scope, name: string): Variable | null {
  for (let current: Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}

/**
 * Every value a variable declared once with an initialiser is given: the initialiser and each plain
 * `name = …`. Null when it is declared otherwise, or changed any other way (`+=`, `++`, a pattern).
 */
export function assignedValues(variable: Variable): TSESTree.Node[] | null {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== DefinitionType.Variable || !def.node.init) return null;
  const values: TSESTree.Node[] = [def.node.init];
  for (const reference of variable.references) {
    if (reference.init || !reference.isWrite()) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier)
      return null;
    values.push(assignment.right);
  }
  return values;
}

/** Whether `name` is free at `scope`: no declaration of the user's (a configured global is fine). */
export function isUnshadowedGlobal(scope: Scope, name: string): boolean {
  const variable = findVariable(scope, name);
  return !variable || variable.defs.length === 0;
}

function isTopLevelRequire(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some((d) => {
    let init = d.init && unwrap(d.init);
    if (init?.type === AST_NODE_TYPES.MemberExpression) init = unwrap(init.object);
    return init?.type === AST_NODE_TYPES.CallExpression && dottedName(init.callee) === 'require';
  });
}

/** The text position after the directive prologue (`'use strict'`, `'use client'`) of a program. */
function afterDirectives(program: TSESTree.Program): number {
  let position = 0;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined) {
      position = statement.range[1];
    } else break;
  }
  return position;
}

/**
 * Comments that must stay above every statement: they only work as a file's leading comments
 * (`// @ts-check`, `/* eslint-disable *\/`, `/** @jsx h *\/`) or mark a licence (`/*! … *\/`,
 * `@license`). `// eslint-disable-next-line` and `// @ts-expect-error` are not among them: they
 * belong to the line below.
 */
const FILE_PRAGMA =
  /^[\s*]*(?:@ts-(?:check|nocheck)\b|@(?:no)?flow\b|@jsx|@license\b|@preserve\b|@format\b|eslint(?:-disable|-enable|-env)?\s|globals?\s|jshint\b|istanbul\b|c8\b)/;

/**
 * A file's first import or `require`: after its directives; otherwise just above its first
 * statement and the comments attached to it (adjacent, no blank line), so that a hashbang (which
 * must come first), a file pragma and a header set apart by a blank line all stay on top.
 */
function insertFirstImport(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, text: string): TSESLint.RuleFix {
  const program = sourceCode.ast;
  const directivesEnd = afterDirectives(program);
  const eol = lineEnding(sourceCode);
  if (directivesEnd > 0) return fixer.insertTextAfterRange([directivesEnd, directivesEnd], `${eol}${text}`);
  const source = sourceCode.text;
  const hashbangEnd = source.startsWith('#!') ? source.indexOf('\n') + 1 || source.length : 0;
  // The first token, not the first statement: a decorator before `export` lies outside its range.
  const first = program.tokens?.[0];
  let at = first ? first.range[0] : hashbangEnd;
  const comments = first ? sourceCode.getCommentsBefore(first) : [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    const detached = /\n[ \t]*\r?\n/.test(source.slice(comment.range[1], at));
    if (comment.range[0] < hashbangEnd || detached || comment.value.startsWith('!') || FILE_PRAGMA.test(comment.value)) break;
    at = comment.range[0];
  }
  at = Math.max(at, hashbangEnd);
  return fixer.insertTextBeforeRange([at, at], `${text}${eol}`);
}

/**
 * A fix that makes `name` from `source` available in the file: merged into an existing value
 * import of that module, else a new import after the last import (or a `require` in CommonJS),
 * else the file's first (`insertFirstImport`).
 */
export function addNamedImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
  source: string,
): TSESLint.RuleFix {
  // Marked, so that a fix joined to it is held to the file's budget (see `withinImportBudget`).
  return markImportFix(importEdit(fixer, sourceCode, name, source));
}

function importEdit(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, name: string, source: string): TSESLint.RuleFix {
  const { imports, requires } = topLevelImports(sourceCode.ast);
  const eol = lineEnding(sourceCode);
  if (moduleSystemOf(sourceCode) === 'commonjs') {
    const text = `const { ${name} } = require(${quote(source)});`;
    const lastRequire = requires.at(-1);
    return lastRequire ? fixer.insertTextAfter(lastRequire, `${eol}${text}`) : insertFirstImport(fixer, sourceCode, text);
  }
  const sameModule = imports.find((d) => d.source.value === source && d.importKind !== 'type');
  if (sameModule) {
    const named = sameModule.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named.at(-1);
    if (last) return fixer.insertTextAfter(last, `, ${name}`);
    const onlyDefault = sameModule.specifiers.length === 1 && sameModule.specifiers[0]!.type === AST_NODE_TYPES.ImportDefaultSpecifier;
    if (onlyDefault) return fixer.insertTextAfter(sameModule.specifiers[0]!, `, { ${name} }`);
    const emptyBraces = sameModule.specifiers.length === 0 && sourceCode.getText(sameModule).includes('{');
    if (emptyBraces) {
      const open = sourceCode.getFirstToken(sameModule, (t) => t.value === '{')!;
      return fixer.insertTextAfter(open, ` ${name} `);
    }
  }
  const text = `import { ${name} } from ${quote(source)};`;
  const lastImport = imports.at(-1);
  return lastImport ? fixer.insertTextAfter(lastImport, `${eol}${text}`) : insertFirstImport(fixer, sourceCode, text);
}

const topLevel = new WeakMap<TSESTree.Program, { imports: TSESTree.ImportDeclaration[]; requires: TSESTree.ProgramStatement[] }>();

/** A file's imports and top-level `require`s, listed once: a file with thousands of findings asks for each. */
function topLevelImports(program: TSESTree.Program): { imports: TSESTree.ImportDeclaration[]; requires: TSESTree.ProgramStatement[] } {
  let found = topLevel.get(program);
  if (!found) {
    found = {
      imports: program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration),
      requires: program.body.filter(isTopLevelRequire),
    };
    topLevel.set(program, found);
  }
  return found;
}
