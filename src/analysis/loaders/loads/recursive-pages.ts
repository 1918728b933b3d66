import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  enclosingFunction,
  findInSubtree,
  type FunctionNode,
  isFunction,
  isInside,
  memberPropertyName,
  shortText,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { LoadFinding } from './finding.js';
import { COMPARISONS, exits, isCap } from './guards.js';
import type { LoadContext } from './load-context.js';
import { isPageName } from './page-names.js';

// Pages of any API collected by a recursion: `return getAll(res.nextPage, acc)` after
// `acc.push(...res.items)`. The function asks for the next page by calling itself with the
// response's page token, and adds every page to one array, handed on from call to call or declared
// outside the function, so the whole result set ends up in memory. No library is named: an async
// function, a page token handed on and an array every page is added to together are the evidence.
// (Catalog reads collected the same way are paged-loads.ts's.)

type Node = TSESTree.Node;
type CallExpression = TSESTree.CallExpression;

const ADDS: ReadonlySet<string> = new Set(['push', 'unshift']);

/**
 * `return f(…)`, `return await this.f(…)`, `await f(…);`, regenerator's `_context.abrupt("return", f(…))`:
 * the cheap test before any other.
 */
export function isRecursionCandidate(call: CallExpression): boolean {
  const awaited = call.parent.type === AST_NODE_TYPES.AwaitExpression;
  const parent: TSESTree.Node | undefined = awaited ? call.parent.parent : call.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement || (awaited && parent?.type === AST_NODE_TYPES.ExpressionStatement)) return true;
  return call.parent.type === AST_NODE_TYPES.CallExpression && call.parent.arguments[1] === call && isAbruptReturn(call.parent);
}

/** The finding for a call that runs its own function again for the next page, every page collected on the way. */
export function recursivePagesFinding(ctx: LoadContext, call: CallExpression): LoadFinding | null {
  const fn = enclosingFunction(call);
  // A request waited for: an async function, or one compiled from it (the call is then regenerator's `abrupt` argument).
  const compiled = call.parent.type === AST_NODE_TYPES.CallExpression;
  if (!fn || !(fn.async || fn.generator || compiled)) return null;
  const callee = unwrap(call.callee);
  if (!callsItself(ctx, call, callee)) return null;
  const values = handedOn(call);
  if (!values.some((value) => namesPage(ctx, value))) return null;
  const carried = values.map(accumulatorOf).find((found) => found !== null && (found.grown || isGrownIn(ctx, fn, found.target)));
  const target = carried?.target ?? outerArrayGrownIn(ctx, fn);
  if (!target || isCapped(ctx, fn)) return null;
  const name = ctx.sourceCode.getText(callee).replace(/\s+/g, '');
  return {
    node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
    messageId: 'recursivePages',
    data: { construct: `${shortText(name, 50)}(…)`, target: shortText(textOf(ctx, target), 40) },
    suggest: [],
  };
}

function isAbruptReturn(call: CallExpression): boolean {
  const callee = call.callee;
  const kind = call.arguments[0];
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberPropertyName(callee) === 'abrupt' &&
    kind?.type === AST_NODE_TYPES.Literal &&
    kind.value === 'return'
  );
}

/** `f(…)` inside the declaration of `f` (a function, or the variable a compiled one is assigned to), `this.m(…)` inside method `m`. */
function callsItself(ctx: LoadContext, call: CallExpression, callee: Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const declared = findVariable(ctx.scopeOf(callee), callee.name)?.defs[0]?.node;
    return (
      declared !== undefined && (isFunction(declared) || declared.type === AST_NODE_TYPES.VariableDeclarator) && isInside(call, declared)
    );
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = memberPropertyName(callee);
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.PropertyDefinition) {
      return !node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === name;
    }
  }
  return false;
}

/** What the call hands on: its arguments, the values of an options object, the right side of `query = {…}`. */
function handedOn(call: CallExpression): Node[] {
  const values: Node[] = [];
  const add = (node: Node): void => {
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of target.properties) if (property.type === AST_NODE_TYPES.Property) add(property.value);
    } else if (target.type === AST_NODE_TYPES.AssignmentExpression) add(target.right);
    else values.push(target);
  };
  for (const argument of call.arguments) if (argument.type !== AST_NODE_TYPES.SpreadElement) add(argument);
  return values;
}

/** A value read by a page name: `res.nextPage`, `nextPageUrl`, `response.pagination_token`, `skip + limit`. */
function namesPage(ctx: LoadContext, value: Node): boolean {
  return (
    findInSubtree(value, ctx.sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) return isPageName(node.name) ? true : null;
      if (node.type === AST_NODE_TYPES.MemberExpression) return isPageName(memberPropertyName(node)) ? true : null;
      return null;
    }) !== null
  );
}

/** The array a value carries on (`acc`, `data.results`), and whether the value is already a grown copy of it (`[...acc, ...page]`, `acc.concat(page)`). */
function accumulatorOf(value: Node): { target: Node; grown: boolean } | null {
  if (isReference(value)) return { target: value, grown: false };
  if (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length > 1) {
    const spread = value.elements.find(
      (e): e is TSESTree.SpreadElement => e?.type === AST_NODE_TYPES.SpreadElement && isReference(unwrap(e.argument)),
    );
    return spread ? { target: unwrap(spread.argument), grown: true } : null;
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(value.callee.object);
    return memberPropertyName(value.callee) === 'concat' && isReference(object) ? { target: object, grown: true } : null;
  }
  return null;
}

function isReference(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier || (node.type === AST_NODE_TYPES.MemberExpression && !node.computed);
}

/** Whether `fn` adds to `target` or a property of it: `target.push(…)`, `target.data = target.data.concat(…)`, `target = [...target, ...items]`. */
function isGrownIn(ctx: LoadContext, fn: FunctionNode, target: Node): boolean {
  const name = textOf(ctx, target);
  const within = (node: Node) => {
    const text = textOf(ctx, unwrap(node));
    return text === name || text.startsWith(`${name}.`);
  };
  return (
    findInSubtree(fn.body, ctx.sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
        return ADDS.has(memberPropertyName(node.callee) ?? '') && within(node.callee.object) ? true : null;
      }
      if (node.type === AST_NODE_TYPES.AssignmentExpression && within(node.left)) return isGrowth(node.right) ? true : null;
      return null;
    }) !== null
  );
}

/** `const pages = []` declared outside `fn`, which `fn` pushes every page into: `pages.push(...res.data)`. */
function outerArrayGrownIn(ctx: LoadContext, fn: FunctionNode): TSESTree.Identifier | null {
  return findInSubtree(fn.body, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const array = unwrap(node.callee.object);
    if (array.type !== AST_NODE_TYPES.Identifier || !ADDS.has(memberPropertyName(node.callee) ?? '')) return null;
    const declared = findVariable(ctx.scopeOf(array), array.name)?.defs[0]?.node;
    const init = declared?.type === AST_NODE_TYPES.VariableDeclarator ? declared.init : null;
    return init?.type === AST_NODE_TYPES.ArrayExpression && !isInside(declared!, fn) ? array : null;
  });
}

/** `x.concat(…)`, `[...x, ...y]`. */
function isGrowth(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.some((e) => e?.type === AST_NODE_TYPES.SpreadElement);
  return (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberPropertyName(value.callee) === 'concat'
  );
}

/**
 * A maximum the recursion stops at: an `if` comparing against something other than 0 or 1 that
 * returns, throws or breaks (`if (pages.length >= max) return pages`). A maximum checked only when
 * it is set (`if (config.pages) { if (page > config.pages) return … }`) bounds nothing by default.
 */
function isCapped(ctx: LoadContext, fn: FunctionNode): boolean {
  const { visitorKeys } = ctx.sourceCode;
  return (
    findInSubtree(
      fn.body,
      visitorKeys,
      (node) => {
        if (node.type !== AST_NODE_TYPES.IfStatement) return null;
        const comparison = capComparison(ctx, node.test);
        if (!comparison || !(exits(node.consequent, visitorKeys) || (node.alternate !== null && exits(node.alternate, visitorKeys))))
          return null;
        return isOptional(ctx, comparison, node, fn) ? null : true;
      },
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}

function capComparison(ctx: LoadContext, test: Node): TSESTree.BinaryExpression | null {
  return findInSubtree(test, ctx.sourceCode.visitorKeys, (node) =>
    node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator) && isCap(node.left) && isCap(node.right) ? node : null,
  );
}

/** The cap is asked for only when one side of it is set: `if (max) { if (n > max) … }`, `if (max && n > max)`. */
function isOptional(ctx: LoadContext, comparison: TSESTree.BinaryExpression, statement: TSESTree.IfStatement, fn: FunctionNode): boolean {
  const sides = new Set([textOf(ctx, unwrap(comparison.left)), textOf(ctx, unwrap(comparison.right))]);
  const presence = (test: Node): boolean => {
    const value = unwrap(test);
    if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') return presence(value.left) || presence(value.right);
    return isReference(value) || value.type === AST_NODE_TYPES.ChainExpression ? sides.has(textOf(ctx, value)) : false;
  };
  if (presence(statement.test)) return true;
  for (let node: Node | undefined = statement.parent; node && node !== fn; node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement && isInside(statement, node.consequent) && presence(node.test)) return true;
  }
  return false;
}

/** The text of a reference with optional chaining and spaces taken out: `data.listQueryConfig?.pages` → `data.listQueryConfig.pages`. */
function textOf(ctx: LoadContext, node: Node): string {
  return ctx.sourceCode.getText(node).replace(/\s+/g, '').replace(/\?\./g, '.');
}
