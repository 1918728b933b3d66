import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, lastName, memberPropertyName, propertyKeyName, unwrap } from '../../js/ast.js';
import { assignedValues, findVariable } from '../../js/imports.js';
import { unwrapSequence } from '../../js/index.js';
import type { NotLoadOption } from '../catalog.js';
import { KEY_HELPERS, KEY_OPERATORS, LIST_HELPERS, LIST_OPERATORS } from './key-filters.js';
import { PRIMARY_KEYS } from '../sql/index.js';
import { DefinitionType } from '../../js/definitions.js';

type Node = TSESTree.Node;

/** What can be known of an object argument: its static keys, and whether that list is complete. */
export interface ObjectView {
  /** Static keys and their values (null for keys added by assignment elsewhere). */
  keys: Map<string, Node | null>;
  /** False when a spread, a computed key or a later change may add keys we cannot see. */
  complete: boolean;
  /** The literal itself, when the argument is written in place (where a fix can add a key). */
  literal: TSESTree.ObjectExpression | null;
}

type ScopeOf = (node: Node) => TSESLint.Scope.Scope;

const EMPTY: ObjectView = { keys: new Map(), complete: true, literal: null };

/**
 * The keys of an object expression: a literal (spreads followed when they are themselves
 * visible), or a `const` initialised with one and not changed except by `x.key = …`.
 * `undefined` (an absent argument) is an empty object. Null when nothing can be known.
 * `receiver`: the object whose method takes the argument (`Model` in `Model.find(q, {}, options)`);
 * its other methods may take the same options too (`Model.updateOne(q, u, options)`) without adding keys.
 */
export function viewObject(node: Node | undefined, scopeOf: ScopeOf, receiver?: Node, depth = 0): ObjectView | null {
  if (!node) return EMPTY;
  if (depth > 4) return null;
  const target = unwrapSequence(node);
  if (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined') return EMPTY;
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    const keys = new Map<string, Node | null>();
    let complete = true;
    for (const property of target.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = viewObject(property.argument, scopeOf, receiver, depth + 1);
        if (!spread) {
          complete = false;
          continue;
        }
        for (const [key, value] of spread.keys) keys.set(key, value);
        complete &&= spread.complete;
        continue;
      }
      const key = propertyKeyName(property);
      if (key === null) complete = false;
      else keys.set(key, property.value);
    }
    return { keys, complete, literal: target };
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeOf(target), target.name);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== DefinitionType.Variable) return null;
    const declarator = def.node;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
    const base = viewObject(declarator.init, scopeOf, receiver, depth + 1);
    if (!base) return null;
    const view: ObjectView = { keys: new Map(base.keys), complete: base.complete, literal: null };
    for (const reference of variable.references) {
      if (reference.init) continue;
      if (reference.isWrite()) return null;
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
        const key = memberPropertyName(parent);
        const assigned = parent.parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent;
        if (assigned) {
          if (key === null) view.complete = false;
          else view.keys.set(key, null);
        }
        continue;
      }
      // Passed somewhere that may add keys (`applyPaging(options)`, `Object.assign(options, …)`).
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(reference.identifier as TSESTree.Expression)) {
        if (parent !== node.parent && !isMethodOf(parent, receiver)) view.complete = false;
      }
    }
    return view;
  }
  return null;
}

/** `Model.updateOne(…)` for the receiver `Model`: a call of one of its methods. */
function isMethodOf(call: TSESTree.CallExpression, receiver: Node | undefined): boolean {
  if (receiver?.type !== AST_NODE_TYPES.Identifier) return false;
  const callee = unwrapSequence(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === receiver.name
  );
}

/** Whether a view has one of `keys` with a value other than `undefined`. */
export function hasAnyKey(view: ObjectView, keys: readonly string[]): boolean {
  return keys.some((key) => {
    if (!view.keys.has(key)) return false;
    const value = view.keys.get(key);
    return !(value && unwrap(value).type === AST_NODE_TYPES.Identifier && (unwrap(value) as TSESTree.Identifier).name === 'undefined');
  });
}

/**
 * Whether a view sets an option: `key` present, with `value` when one is given (a value that is
 * not a literal may be that one, and counts).
 */
export function setsOption(view: ObjectView, option: NotLoadOption): boolean {
  if (!hasAnyKey(view, [option.key])) return false;
  if (option.value === undefined) return true;
  const value = view.keys.get(option.key);
  const target = value ? unwrap(value) : null;
  return target?.type !== AST_NODE_TYPES.Literal || target.value === option.value;
}

/** A filter value that selects by key: `id`, `ids`, `In(ids)`, `{ in: ids }` (not `{ gt: cursor }`, `Not(x)`). */
function isKeyValue(value: Node, scopeOf: ScopeOf): boolean {
  const target = unwrap(value);
  switch (target.type) {
    case AST_NODE_TYPES.ObjectExpression: {
      const view = viewObject(target, scopeOf);
      return view !== null && view.complete && view.keys.size > 0 && [...view.keys.keys()].every((k) => KEY_OPERATORS.has(k));
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapSequence(target.callee);
      const name = lastName(callee);
      return name !== null && KEY_HELPERS.has(name);
    }
    case AST_NODE_TYPES.Identifier:
      return target.name !== 'undefined';
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    default:
      return false;
  }
}

/**
 * Whether a filter object selects rows by keys the caller holds: the primary key (`{ id }`,
 * `{ id: { in: ids } }`, `{ _id: In(ids) }`), or any field against a list the caller passes
 * (`{ email: In(emails) }`, `{ user: { id: { in: userIds } } }`): at most a few rows per key.
 */
export function isPrimaryKeyFilter(filter: Node | undefined, scopeOf: ScopeOf, depth = 0): boolean {
  if (!filter || isFunction(unwrap(filter))) return false;
  const view = viewObject(filter, scopeOf);
  if (!view) {
    // `let where = { id: ids }; if (scope) where = { [Op.and]: [where, scope] }`: by keys if every value it is given is.
    const values = depth < 2 ? valuesOfVariable(filter, scopeOf) : null;
    return values !== null && values.every((value) => isPrimaryKeyFilter(value, scopeOf, depth + 1));
  }
  // `{ [primaryKeyField]: ids }`: a key we cannot read may be the primary key; `{ [foreignKey]: ids }` is not one.
  if (!view.complete && !namesForeignKeysOnly(view.literal)) return true;
  for (const key of PRIMARY_KEYS) {
    const value = view.keys.get(key);
    if (value && isKeyValue(value, scopeOf)) return true;
  }
  return hasCallerListField(view, scopeOf, 0);
}

/**
 * `{ [foreignKey]: parentIds }`, `{ [association.foreignKey]: ids }`: an object whose only keys we
 * cannot read are named as foreign keys, which select every row of each parent, not one row per key.
 */
function namesForeignKeysOnly(literal: TSESTree.ObjectExpression | null): boolean {
  if (!literal) return false;
  let computed = 0;
  for (const property of literal.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return false;
    if (propertyKeyName(property) !== null) continue;
    const name = property.computed ? lastName(unwrap(property.key)) : null;
    if (name === null || !FOREIGN_KEY_NAME.test(name)) return false;
    computed++;
  }
  return computed > 0;
}

const FOREIGN_KEY_NAME = /foreign_?key$/i;

/** Every value a `let` variable is given, or null (see `assignedValues`). */
function valuesOfVariable(node: Node, scopeOf: ScopeOf): Node[] | null {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(scopeOf(target), target.name);
  return variable && assignedValues(variable);
}

/** A field (or a field of a relation, one level down) matched against a list the caller holds. */
function hasCallerListField(view: ObjectView, scopeOf: ScopeOf, depth: number): boolean {
  for (const value of view.keys.values()) {
    if (!value) continue;
    const target = unwrap(value);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapSequence(target.callee);
      const name = lastName(callee);
      if (name && LIST_HELPERS.has(name) && isCallerList(target.arguments[0], scopeOf)) return true;
      continue;
    }
    if (target.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const inner = viewObject(target, scopeOf);
    if (!inner?.complete) continue;
    const [operator, list] = inner.keys.size === 1 ? [...inner.keys][0]! : [];
    if (operator && list && LIST_OPERATORS.has(operator) && isCallerList(list, scopeOf)) return true;
    if (depth === 0 && hasCallerListField(inner, scopeOf, depth + 1)) return true;
  }
  return false;
}

/** Calls that make a list out of the caller's data (`ids.map(…)`, `Object.keys(byId)`, `[...set]`). */
const LIST_MAKERS = new Set([
  'map',
  'filter',
  'flatMap',
  'flat',
  'slice',
  'concat',
  'from',
  'keys',
  'values',
  'uniq',
  'uniqBy',
  'compact',
  'split',
  'sort',
  'toSorted',
]);

/**
 * Whether a list comes from the caller's data (a parameter, a variable, `ids.map(…)`, `[a, b]`)
 * rather than from the code itself (`['active', 'pending']`, a constant list of statuses) or
 * from the database (a subquery builder): a filter on it returns a few rows per element.
 */
export function isCallerList(node: Node | undefined, scopeOf: ScopeOf): boolean {
  if (!node) return false;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.some((e) => e !== null && e.type !== AST_NODE_TYPES.Literal && !isStaticTemplate(e));
    case AST_NODE_TYPES.Identifier: {
      const def = findVariable(scopeOf(target), target.name)?.defs[0];
      if (!def) return false;
      if (def.type === DefinitionType.Parameter) return true;
      if (def.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
      const init = def.node.init ? unwrap(def.node.init) : null;
      // `const STATUSES = ['a', 'b']` is the code's own list; `let ids = []` filled later is the caller's.
      return !init || init.type !== AST_NODE_TYPES.ArrayExpression || init.elements.length === 0 || isCallerList(init, scopeOf);
    }
    case AST_NODE_TYPES.MemberExpression:
      return !target.computed || target.property.type !== AST_NODE_TYPES.Literal;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapSequence(target.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && LIST_MAKERS.has(memberPropertyName(callee) ?? '');
    }
    default:
      return false;
  }
}

/**
 * Whether a key value comes from the caller's data (a parameter, a variable, a member, a call, a
 * template or array built around one) rather than being a constant the code writes (`'user'`,
 * `['model']`, `const TYPE = 'user'`).
 */
export function isCallerValue(node: Node, scopeOf: ScopeOf, depth = 0): boolean {
  if (depth > 4) return true;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return target.expressions.length > 0;
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.some((e) => e === null || e.type === AST_NODE_TYPES.SpreadElement || isCallerValue(e, scopeOf, depth + 1));
    case AST_NODE_TYPES.Identifier: {
      if (target.name === 'undefined') return false;
      const def = findVariable(scopeOf(target), target.name)?.defs[0];
      if (def?.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return true;
      const init = def.node.init;
      return !init || def.node.parent.kind !== 'const' || isCallerValue(init, scopeOf, depth + 1);
    }
    default:
      return true;
  }
}

/** A variable holding a list built from data (`const ids = entities.map(…)`), not a parameter of unknown shape. */
export function isBuiltList(node: Node, scopeOf: ScopeOf): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(scopeOf(target), target.name)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.CallExpression && isCallerList(init, scopeOf);
}

function isStaticTemplate(node: Node): boolean {
  return node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0;
}

/** The value of `key` in an object view (a nested filter such as `where`), if visible. */
export function keyValue(view: ObjectView | null, key: string): Node | null {
  return view?.keys.get(key) ?? null;
}

/** Whether an argument is a function, or names one (`items.find(isActive)`): array-method style. */
export function isFunctionArgument(node: Node | undefined, scopeOf: ScopeOf): boolean {
  if (!node) return false;
  const target = unwrap(node);
  if (isFunction(target)) return true;
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(scopeOf(target), target.name)?.defs[0];
  if (!def) return false;
  if (def.type === DefinitionType.FunctionName) return true;
  return (
    def.type === DefinitionType.Variable &&
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    !!def.node.init &&
    isFunction(unwrap(def.node.init))
  );
}
