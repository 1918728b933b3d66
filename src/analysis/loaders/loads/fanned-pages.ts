import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type CallbackNode,
  enclosingFunction,
  isCallback,
  findInSubtree,
  isFunction,
  lastName,
  memberPropertyName,
  propertyKeyName,
  shortText,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { LoadFinding } from './finding.js';
import { comparesWithCap, exits } from './guards.js';
import type { LoadContext } from './load-context.js';
import { isPageName, isTotalName } from './page-names.js';

// Every page of any API requested at once: the first response says how many there are
// (`firstRes.total`, `meta.pagination.pageCount`), a list of page numbers is built up to that count
// (`range(1, lastPage)`, `Array.from({ length: pageCount - 1 })`), each number becomes a request,
// and all of them are awaited together and kept (`await Promise.all(pages.map(…))`,
// `await asyncMap(pages, …)`). No library is named: a count read from a response, a list built from
// it, a request per element with a page name somewhere on the way, and the results kept together
// are the evidence.

type Node = TSESTree.Node;
type CallExpression = TSESTree.CallExpression;

/** How many variable definitions are followed from a bound to the response, and from a read to the awaited call. */
const MAX_HOPS = 8;

/**
 * `Promise.all(x)` with `x` not an array literal, or a call handed a list and a callback
 * (`asyncMap(list, fn)`, `pMap(list, fn)`): the cheap test before any other.
 */
export function isFanOutCandidate(call: CallExpression): boolean {
  const args = call.arguments;
  if (args.length === 1) return isPromiseAll(call) && args[0]!.type !== AST_NODE_TYPES.ArrayExpression;
  return args.length >= 2 && args.length <= 3 && isFunction(args.at(-1)) && args[0]!.type !== AST_NODE_TYPES.SpreadElement;
}

/** The finding for an awaited call that requests every page a first response counts, at once, and keeps them. */
export function fannedPagesFinding(ctx: LoadContext, call: CallExpression): LoadFinding | null {
  if (!isKept(call)) return null;
  const fanOut = fanOutOf(ctx, call);
  if (!fanOut) return null;
  const range = pageRangeOf(ctx, fanOut.list);
  if (!range) return null;
  const trail = new Trail(ctx);
  const total = range.bounds.map((bound) => trail.totalIn(bound)).find((found) => found !== null) ?? null;
  if (!total || trail.capped) return null;
  const names = [...trail.names, range.name, ...fanOut.callback.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : null))];
  if (!names.some(isPageName) && !asksForPage(ctx, fanOut.callback)) return null;
  if (!requestsPerElement(ctx, fanOut.callback) || isCappedIn(ctx, call, trail.names)) return null;
  const callee = unwrap(call.callee);
  return {
    node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
    messageId: 'fannedPages',
    data: {
      construct: `${shortText(ctx.sourceCode.getText(callee).replace(/\s+/g, ''), 40)}(…)`,
      total: shortText(ctx.sourceCode.getText(total).replace(/\s+/g, ' '), 40),
    },
    suggest: [],
  };
}

function isPromiseAll(call: CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const name = memberPropertyName(callee);
  return callee.object.name === 'Promise' && (name === 'all' || name === 'allSettled');
}

/** The results are kept: `const pages = await Promise.all(…)`, `return await …`, `flatten(await …)`; not a bare `await …;`. */
function isKept(call: CallExpression): boolean {
  const awaited = call.parent;
  return awaited.type === AST_NODE_TYPES.AwaitExpression && awaited.parent.type !== AST_NODE_TYPES.ExpressionStatement;
}

/** The list of page numbers and the callback that makes each a request: `Promise.all(list.map(cb))`, `asyncMap(list, cb)`. */
function fanOutOf(ctx: LoadContext, call: CallExpression): { list: Node; callback: CallbackNode } | null {
  if (call.arguments.length === 1) {
    const mapped = valueOf(ctx, call.arguments[0]!);
    if (mapped?.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = unwrap(mapped.callee);
    const callback = mapped.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'map' || !isCallback(callback)) return null;
    return { list: callee.object, callback };
  }
  const callback = call.arguments.at(-1);
  return isCallback(callback) ? { list: call.arguments[0]!, callback } : null;
}

/** A reference's value, followed through `const x = …` once; anything else as it is. */
function valueOf(ctx: LoadContext, node: Node): Node | null {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return value;
  const def = findVariable(ctx.scopeOf(value), value.name)?.defs[0]?.node;
  return def?.type === AST_NODE_TYPES.VariableDeclarator && def.id.type === AST_NODE_TYPES.Identifier && def.init ? unwrap(def.init) : null;
}

/**
 * A list of numbers up to a count: `range(a, b)`, `_.range(n)`, `Array.from({ length: n })`,
 * `[...Array(n).keys()]`, `Array(n).fill(0)`, each maybe mapped again (`….map((_, i) => i + 2)`).
 * Its bounds are the expressions the count is read from; its name, the variable holding it.
 */
function pageRangeOf(ctx: LoadContext, list: Node): { bounds: Node[]; name: string | null } | null {
  const name = unwrap(list).type === AST_NODE_TYPES.Identifier ? (unwrap(list) as TSESTree.Identifier).name : null;
  let value = valueOf(ctx, list);
  for (let depth = 0; value && depth < 3; depth++) {
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      // `[...Array(n).keys()]`
      const only = value.elements.length === 1 ? value.elements[0] : null;
      value = only?.type === AST_NODE_TYPES.SpreadElement ? unwrap(only.argument) : null;
      continue;
    }
    if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return null;
    const callee = unwrap(value.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(callee) : null;
    if (lastName(callee) === 'range' && value.arguments.length > 0) return { bounds: [...value.arguments], name };
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Array' && value.arguments.length === 1) {
      return { bounds: [value.arguments[0]!], name };
    }
    if (method === 'from' && callee.type === AST_NODE_TYPES.MemberExpression && lastName(callee.object) === 'Array') {
      const source = value.arguments[0] ? unwrap(value.arguments[0]) : null;
      if (source?.type !== AST_NODE_TYPES.ObjectExpression) {
        value = source;
        continue;
      }
      const length = source.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === 'length');
      return length?.type === AST_NODE_TYPES.Property ? { bounds: [length.value], name } : null;
    }
    // `….map(…)`, `….keys()`, `….fill(0)`: the list they are called on.
    if (method !== 'map' && method !== 'keys' && method !== 'fill') return null;
    value = unwrap((callee as TSESTree.MemberExpression).object);
  }
  return null;
}

/**
 * Follows a bound back to a count a response reports: a property named like a total
 * (`firstRes.total`, `meta?.pagination.pageCount`, `body.meta.count`) of a value that was awaited.
 * On the way it notes the names it passes (`lastPage`, `pageCount`) and any `Math.min`, a cap.
 */
class Trail {
  readonly names: string[] = [];
  capped = false;
  private hops = 0;

  constructor(private readonly ctx: LoadContext) {}

  totalIn(bound: Node): Node | null {
    const { visitorKeys } = this.ctx.sourceCode;
    return findInSubtree(
      bound,
      visitorKeys,
      (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression && lastName(unwrap(node.callee)) === 'min') this.capped = true;
        if (node.type === AST_NODE_TYPES.MemberExpression) {
          return isTotalName(memberPropertyName(node)) && this.isResponse(node.object) ? node : null;
        }
        if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) return this.followed(node);
        return null;
      },
      SKIP_NESTED_FUNCTIONS,
    );
  }

  /** `const lastPage = Math.ceil(firstRes.total / perPage)`: the total in its initialiser; `const { total } = await get()`: the name itself. */
  private followed(identifier: TSESTree.Identifier): Node | null {
    if (this.hops >= MAX_HOPS) return null;
    const def = findVariable(this.ctx.scopeOf(identifier), identifier.name)?.defs[0]?.node;
    if (def?.type !== AST_NODE_TYPES.VariableDeclarator || !def.init) return null;
    this.hops++;
    this.names.push(identifier.name);
    if (def.id.type === AST_NODE_TYPES.ObjectPattern) return isTotalName(identifier.name) && this.isResponse(def.init) ? identifier : null;
    return def.id.type === AST_NODE_TYPES.Identifier ? this.totalIn(def.init) : null;
  }

  /** A value read from an awaited call: `await get()`, `res` of `const res = await get()`, `response.meta` of `const { data: response } = await …`. */
  private isResponse(node: Node): boolean {
    let value: Node | null = unwrap(node);
    for (let hops = 0; value && hops <= MAX_HOPS;) {
      if (value.type === AST_NODE_TYPES.AwaitExpression) return true;
      if (value.type === AST_NODE_TYPES.MemberExpression) value = unwrap(value.object);
      else if (value.type !== AST_NODE_TYPES.Identifier) return false;
      else {
        const def: Node | undefined = findVariable(this.ctx.scopeOf(value), value.name)?.defs[0]?.node;
        value = def?.type === AST_NODE_TYPES.VariableDeclarator && def.init ? unwrap(def.init) : null;
        hops++;
      }
    }
    return false;
  }
}

function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return (
    (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) ||
    (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed)
  );
}

/** A key with a page name in an object the callback builds: `pagination: { page }`, `{ offset: i * size }`. */
function asksForPage(ctx: LoadContext, callback: CallbackNode): boolean {
  return (
    findInSubtree(callback.body, ctx.sourceCode.visitorKeys, (node) =>
      node.type === AST_NODE_TYPES.Property && isPageName(propertyKeyName(node)) ? true : null,
    ) !== null
  );
}

/** The callback uses its element and returns a request's result: `(i) => get(url, i + 1)`, `(page) => { return (async () => { … await get(…) … })(); }`. */
function requestsPerElement(ctx: LoadContext, callback: CallbackNode): boolean {
  const element = callback.params.find((p): p is TSESTree.Identifier => p.type === AST_NODE_TYPES.Identifier && p.name !== '_');
  if (!element) return false;
  const variable = findVariable(ctx.scopeOf(callback), element.name);
  if (!variable || variable.references.length === 0) return false;
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return unwrap(callback.body).type === AST_NODE_TYPES.CallExpression;
  return callback.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && containsCall(ctx, statement.argument),
  );
}

function containsCall(ctx: LoadContext, node: Node): boolean {
  return findInSubtree(node, ctx.sourceCode.visitorKeys, (n) => (n.type === AST_NODE_TYPES.CallExpression ? true : null)) !== null;
}

/** An `if` before the requests that compares the count with a maximum and leaves: `if (pageCount > MAX_PAGES) throw …`. */
function isCappedIn(ctx: LoadContext, call: CallExpression, names: readonly string[]): boolean {
  const fn = enclosingFunction(call);
  if (!fn || names.length === 0) return false;
  const { visitorKeys } = ctx.sourceCode;
  const counted = new Set(names);
  const isCount = (node: Node) => {
    const value = unwrap(node);
    return value.type === AST_NODE_TYPES.Identifier && counted.has(value.name);
  };
  return (
    findInSubtree(
      fn.body,
      visitorKeys,
      (node) => {
        if (node.type !== AST_NODE_TYPES.IfStatement || node.range[0] > call.range[0]) return null;
        return comparesWithCap(node.test, visitorKeys, isCount) &&
          (exits(node.consequent, visitorKeys) || (node.alternate !== null && exits(node.alternate, visitorKeys)))
          ? true
          : null;
      },
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}
