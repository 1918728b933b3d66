import { AST_NODE_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { memberPropertyName, unwrap } from './ast.js';
import { findVariable } from './imports.js';
import { DefinitionType } from './definitions.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

// Where a binding comes from, answered in one place for every rule: ESM imports, `require()` in any
// quoting, behind interop helpers or `await import()`, `import x = require()`, destructuring.

/** Where a binding comes from: a module, and which of its exports (`default`, `*` for the whole module, or a name). */
export interface BindingOrigin {
  module: string;
  imported: string;
}

/** Interop helpers compilers wrap around `require()`: `__importDefault(require('m'))`. */
const INTEROP_HELPERS = /^(?:__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM)$/;

/** `(0, x.y)`, the way compiled code calls an import without a `this`: the last expression. */
export function unwrapSequence(node: Node): Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.SequenceExpression) current = unwrap(current.expressions.at(-1)!);
  return current;
}

/** A module specifier written as a string: `'m'`, `"m"` or `` `m` `` (a template with no substitution). */
function specifierText(node: Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]!.value.cooked;
  return null;
}

/** The module of `require('m')`, `await import('m')` or an interop helper around them, or null. */
export function requiredModule(node: Node): string | null {
  let current = unwrapSequence(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapSequence(current.argument);
  if (current.type === AST_NODE_TYPES.ImportExpression) return specifierText(current.source);
  if (current.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrapSequence(current.callee);
  const calleeName =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? memberPropertyName(callee)
        : null;
  if (calleeName === 'require') return specifierText(current.arguments[0]);
  if (calleeName && INTEROP_HELPERS.test(calleeName) && current.arguments[0]) return requiredModule(current.arguments[0]);
  return null;
}

/** The origin of a binding made by an import, a `require()` (possibly destructured or wrapped), or `import x = require()`. */
export function originOfVariable(variable: Variable): BindingOrigin | null {
  const def = variable.defs[0];
  if (!def) return null;
  if (def.type === DefinitionType.ImportBinding) {
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) {
        return { module: String(reference.expression.value), imported: '*' };
      }
      return null;
    }
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const module = String(declaration.source.value);
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, imported: 'default' };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, imported: '*' };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { module, imported: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return null;
  }
  if (def.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return null;
  const declarator = def.node;
  let init: Node = unwrapSequence(declarator.init!);
  let property: string | null = null;
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    property = memberPropertyName(init);
    init = unwrapSequence(init.object);
  }
  const module = requiredModule(init);
  if (module === null) return null;
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const p of declarator.id.properties) {
      if (p.type !== AST_NODE_TYPES.Property) continue;
      const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
      if (value.type === AST_NODE_TYPES.Identifier && value.name === variable.name) {
        const key =
          !p.computed && p.key.type === AST_NODE_TYPES.Identifier
            ? p.key.name
            : p.key.type === AST_NODE_TYPES.Literal
              ? String(p.key.value)
              : null;
        return key ? { module, imported: key } : null;
      }
    }
    return null;
  }
  return { module, imported: property ?? '*' };
}

/** The module a binding comes from, or null when it is not imported or required. */
export function moduleOfVariable(variable: Variable): string | null {
  return originOfVariable(variable)?.module ?? null;
}

/** The module a top-level statement loads, if it is an import, an export-from or a `require()` declaration. */
function* modulesOfStatement(statement: TSESTree.ProgramStatement): Generator<string> {
  switch (statement.type) {
    case AST_NODE_TYPES.ImportDeclaration:
      yield String(statement.source.value);
      return;
    case AST_NODE_TYPES.TSImportEqualsDeclaration: {
      const ref = statement.moduleReference;
      if (ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal)
        yield String(ref.expression.value);
      return;
    }
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
      if (statement.source) yield String(statement.source.value);
      return;
    case AST_NODE_TYPES.VariableDeclaration:
      for (const declarator of statement.declarations) {
        if (!declarator.init) continue;
        const init = unwrapSequence(declarator.init);
        const module = requiredModule(init.type === AST_NODE_TYPES.MemberExpression ? init.object : init);
        if (module !== null) yield module;
      }
      return;
    default:
      return;
  }
}

const fileModules = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/** The modules a file imports, requires or re-exports at its top level; once per file for every rule. */
export function topLevelModules(program: TSESTree.Program): ReadonlySet<string> {
  let modules = fileModules.get(program);
  if (!modules) {
    const found = new Set<string>();
    for (const statement of program.body) for (const module of modulesOfStatement(statement)) found.add(module);
    fileModules.set(program, (modules = found));
  }
  return modules;
}

/** Local names bound by top-level imports or `require()`s of `source`: `pTimeout` for `import pTimeout from 'p-timeout'`. */
export function importedNames(program: TSESTree.Program, source: string): Set<string> {
  const names = new Set<string>();
  if (!topLevelModules(program).has(source)) return names;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === source) {
      for (const specifier of statement.specifiers) names.add(specifier.local.name);
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && [...modulesOfStatement(statement)][0] === source) {
      names.add(statement.id.name);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (!declarator.init) continue;
        const init = unwrapSequence(declarator.init);
        if (requiredModule(init.type === AST_NODE_TYPES.MemberExpression ? init.object : init) !== source) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) names.add(declarator.id.name);
        if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            const value =
              property.type === AST_NODE_TYPES.Property
                ? property.value.type === AST_NODE_TYPES.AssignmentPattern
                  ? property.value.left
                  : property.value
                : null;
            if (value?.type === AST_NODE_TYPES.Identifier) names.add(value.name);
          }
        }
      }
    }
  }
  return names;
}

/** A reference to something that may be imported: `X`, `ns.X`, `(0, ns.X)`, `require('m')`. */
export interface NameRef {
  /** The name as written at the use (the local name, or the property of a namespace). */
  local: string;
  /** Dotted path as written, when it is a static member chain (`Redis.Cluster`). */
  dotted: string | null;
  origin: BindingOrigin | null;
  /** Whether the name is declared in the file other than by an import (a local class or function). */
  declaredLocally: boolean;
}

function dottedOf(node: Node): string | null {
  // A loop down the chain, not a recursion: a chain can be thousands of members long.
  const properties: string[] = [];
  let target = unwrapSequence(node);
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberPropertyName(target);
    if (!property) return null;
    properties.push(property);
    target = unwrapSequence(target.object);
  }
  return target.type === AST_NODE_TYPES.Identifier ? [target.name, ...properties.reverse()].join('.') : null;
}

export function nameRef(node: Node, scopeOf: (node: Node) => TSESLint.Scope.Scope): NameRef | null {
  const target = unwrapSequence(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeOf(target), target.name);
    const origin = variable ? originOfVariable(variable) : null;
    const declaredLocally = variable !== null && variable.defs.length > 0 && origin === null;
    return { local: target.name, dotted: target.name, origin, declaredLocally };
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberPropertyName(target);
    if (!property) return null;
    const object = unwrapSequence(target.object);
    const dotted = dottedOf(target);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(scopeOf(object), object.name);
      const origin = variable ? originOfVariable(variable) : null;
      if (origin && (origin.imported === '*' || origin.imported === 'default')) {
        return { local: property, dotted, origin: { module: origin.module, imported: property }, declaredLocally: false };
      }
    }
    const module = requiredModule(object);
    if (module) return { local: property, dotted, origin: { module, imported: property }, declaredLocally: false };
    return { local: property, dotted, origin: null, declaredLocally: false };
  }
  const module = requiredModule(target);
  if (module) return { local: 'default', dotted: null, origin: { module, imported: 'default' }, declaredLocally: false };
  return null;
}
