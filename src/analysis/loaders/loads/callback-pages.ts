import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type CallbackNode,
  findInSubtree,
  isCallback,
  isInside,
  memberPropertyName,
  propertyKeyName,
  shortText,
  unwrap,
  wordsOf,
} from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { LoadFinding } from './finding.js';
import { exits } from './guards.js';
import type { LoadContext } from './load-context.js';
import { isPageName } from './page-names.js';

// Pages of any API collected through a page callback: `query.eachPage((records, fetchNextPage) =>
// { all.push(...records); fetchNextPage(); })`. The API hands each page to the callback with a
// function that asks for the next one; the callback adds the page to an array declared outside it
// and always asks for the next, so every page ends up in memory. No library is named: a page name,
// the array outside and the unconditional call of the callback's "next" are the evidence.

type Node = TSESTree.Node;
type CallExpression = TSESTree.CallExpression;

/** Words of an option that caps how much the read returns: `maxRecords`, `limit`, `pageSize` does not. */
const CAP_WORDS: ReadonlySet<string> = new Set(['max', 'limit', 'first', 'take', 'top']);

/** `x.m(function (page, next) { … }, …)`: the cheap test before any other. */
export function isPageCallbackCandidate(call: CallExpression): boolean {
  const callback = call.arguments[0];
  return isCallback(callback) && callback.params.length >= 2;
}

/** The finding for a call whose page callback adds every page to one array and always asks for the next. */
export function callbackPagesFinding(ctx: LoadContext, call: CallExpression): LoadFinding | null {
  const callee = unwrap(call.callee);
  const callback = call.arguments[0] as CallbackNode;
  const [page, next] = callback.params;
  // `(item, index)`, `(acc, value)`: most two-parameter callbacks have no "next"; the cheap test first.
  if (page?.type !== AST_NODE_TYPES.Identifier || next?.type !== AST_NODE_TYPES.Identifier || !/next/i.test(next.name)) return null;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberPropertyName(callee);
  if (!isPageName(method) && !isPageName(page.name) && !isPageName(next.name)) return null;
  if (!wordsOf(next.name).includes('next') || callback.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const statements = callback.body.body;
  const asksNext = statements.findIndex((statement) => callsName(statement, next.name));
  if (asksNext < 0 || statements.slice(0, asksNext).some((statement) => exits(statement, ctx.sourceCode.visitorKeys))) return null;
  const target = outerArrayFilledWith(ctx, callback, page.name);
  if (!target || isCappedRead(ctx, callee.object)) return null;
  return {
    node: callee.property,
    messageId: 'callbackPages',
    data: { construct: `${shortText(method ?? 'eachPage', 30)}(…)`, target: target.name, next: next.name },
    suggest: [],
  };
}

/** `next();` as a statement of its own: asked for on every page. */
function callsName(statement: TSESTree.Statement, name: string): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = unwrap(statement.expression);
  return call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === name;
}

/**
 * The array declared as `[]` outside the callback that the page is added to: `all.push(...page)`,
 * `all.push.apply(all, page)`, `page.forEach((r) => all.push(r))`, `for (const r of page) all.push(r)`.
 */
function outerArrayFilledWith(ctx: LoadContext, callback: CallbackNode, page: string): TSESTree.Identifier | null {
  return findInSubtree(callback.body, ctx.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    // `all.push.apply(all, page)`: the push is the object of `apply`.
    const push = memberPropertyName(callee) === 'apply' && callee.object.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
    if (memberPropertyName(push) !== 'push') return null;
    const array = unwrap(push.object);
    if (array.type !== AST_NODE_TYPES.Identifier || !mentions(ctx, node, page, callback)) return null;
    const declared = findVariable(ctx.scopeOf(array), array.name)?.defs[0]?.node;
    const init = declared?.type === AST_NODE_TYPES.VariableDeclarator ? declared.init : null;
    return init?.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0 && !isInside(declared!, callback) ? array : null;
  });
}

/** Whether the push adds the page: its arguments, or the loop or `forEach` around it inside the callback, read `page`. */
function mentions(ctx: LoadContext, push: CallExpression, page: string, callback: CallbackNode): boolean {
  const reads = (node: Node) =>
    findInSubtree(node, ctx.sourceCode.visitorKeys, (n) => (n.type === AST_NODE_TYPES.Identifier && n.name === page ? true : null)) !==
    null;
  if (push.arguments.some(reads)) return true;
  for (let node: Node = push.parent; node !== callback; node = node.parent!) {
    if (node.type === AST_NODE_TYPES.ForOfStatement) return reads(node.right);
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      if (memberPropertyName(node.callee) === 'forEach') return reads(node.callee.object);
    }
  }
  return false;
}

/** The read asks for at most so many items: `select({ maxRecords: 100 })` on the way to `eachPage`. */
function isCappedRead(ctx: LoadContext, receiver: Node): boolean {
  return (
    findInSubtree(receiver, ctx.sourceCode.visitorKeys, (node) =>
      node.type === AST_NODE_TYPES.Property && wordsOf(propertyKeyName(node) ?? '').some((word) => CAP_WORDS.has(word)) ? true : null,
    ) !== null
  );
}
