import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, isFunction, memberPropertyName, SKIP_NESTED_FUNCTIONS, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { LoadFinding } from './finding.js';
import type { CursorLoops } from './cursor-loops.js';
import { capsLoop, type Loop } from './guards.js';
import type { LoadContext } from './load-context.js';
import { enclosingLoop, isDeclaredArray, iteratedCollector } from './page-loops.js';

// Pages of any API yielded by an async generator of the same file and collected by the loop that
// reads it: `for await (const item of iteratePages(listFn, args)) results.push(item)`, where
// `iteratePages` asks for page after page with the cursor each response gives
// (`cursor = response.next_cursor`) and yields their items. The generator alone hands out one item
// at a time; the loop that keeps every item is what loads the whole result set. No library is
// named: a cursor advanced from each response and handed to the next request, a `yield` in the
// same loop, and an array outside the reading loop are the evidence.

type Node = TSESTree.Node;
type CallExpression = TSESTree.CallExpression;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** `for await (const x of f(…))`, `for await (const x of this.f(…))`: the cheap test before any other. */
export function isIteratedByForAwait(call: CallExpression): boolean {
  const parent = call.parent;
  return parent.type === AST_NODE_TYPES.ForOfStatement && parent.await && parent.right === call;
}

/** The finding for a `for await` loop that keeps every item a same-file paging generator yields. */
export function generatorPagesFinding(ctx: LoadContext, cursors: CursorLoops, call: CallExpression): LoadFinding | null {
  const callee = unwrap(call.callee);
  const generator = generatorOf(ctx, callee);
  if (!generator) return null;
  const cursor = pagingCursor(ctx, cursors, generator);
  if (!cursor) return null;
  const target = iteratedCollector(ctx, call);
  if (!target || !isDeclaredArray(ctx, call, target)) return null;
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(callee) : (callee as TSESTree.Identifier).name;
  return {
    node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
    messageId: 'generatorPages',
    data: { construct: `${name}(…)`, cursor, target },
    suggest: [],
  };
}

/** The async generator `f` or `this.f` names in this file: `async function* f()`, `const f = async function* ()`, a class's `async *f()`. */
function generatorOf(ctx: LoadContext, callee: Node): FunctionNode | null {
  let fn: Node | null | undefined = null;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(ctx.scopeOf(callee), callee.name)?.defs[0]?.node;
    fn = def?.type === AST_NODE_TYPES.VariableDeclarator ? def.init && unwrap(def.init) : def;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberPropertyName(callee);
    for (let node: Node | undefined = callee.parent; node && !fn; node = node.parent) {
      if (node.type !== AST_NODE_TYPES.ClassBody) continue;
      const method = node.body.find(
        (member) =>
          member.type === AST_NODE_TYPES.MethodDefinition &&
          !member.computed &&
          member.key.type === AST_NODE_TYPES.Identifier &&
          member.key.name === name,
      );
      fn = method?.type === AST_NODE_TYPES.MethodDefinition ? method.value : undefined;
    }
  }
  return fn && isFunction(fn) && fn.async && fn.generator ? fn : null;
}

/**
 * The page cursor a generator follows to the end: an awaited request in a loop that yields, which
 * takes its cursor from each response (as cursor-loops.ts reads it), with no comparison against a
 * maximum in the loop. Its text, or null.
 */
function pagingCursor(ctx: LoadContext, cursors: CursorLoops, generator: FunctionNode): string | null {
  const { visitorKeys } = ctx.sourceCode;
  return findInSubtree(
    generator.body,
    visitorKeys,
    (node) => {
      if (node.type !== AST_NODE_TYPES.AwaitExpression) return null;
      const call = unwrap(node.argument);
      if (call.type !== AST_NODE_TYPES.CallExpression) return null;
      const loop = enclosingLoop(call);
      if (!loop || !yieldsIn(ctx, loop) || capsLoop(loop, visitorKeys)) return null;
      return cursors.advancedCursor(call, loop);
    },
    SKIP_NESTED_FUNCTIONS,
  );
}

function yieldsIn(ctx: LoadContext, loop: Loop): boolean {
  return (
    findInSubtree(
      loop,
      ctx.sourceCode.visitorKeys,
      (n) => (n.type === AST_NODE_TYPES.YieldExpression ? true : null),
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}
