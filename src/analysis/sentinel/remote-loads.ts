import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, isNullish, lastName, numberValue, SKIP_NESTED_FUNCTIONS, unwrap, wordsOf } from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { scopeOf } from '../js/scopes.js';
import { isZeroLike, sentinelSideOf, type SentinelPaths } from './condition.js';
import { type QueriedWith, readerOf } from './queried-with.js';
import {
  asksForEverything,
  endpointOf,
  MAX_HOPS,
  reachedCall,
  readsFromSource,
  remoteCallee,
  requestsFromSource,
  valueBounded,
  viaVariable,
} from './requests.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A full load that is a remote call: the source (an HTTP API, a change feed, a registry) is asked
 * for everything because a progress marker is missing. Three shapes, each read off real sync code:
 *
 * - `dropped`: the sentinel side makes the other side's call without the marker
 *   (`since ? api.get('/changes', { since }) : api.get('/changes')`,
 *   `if (!rev) return this.fetchServices(); return this.fetchServices(rev);`);
 * - `parameters`: the marker picks the request's parameters, and those reach a call
 *   (`token ? { sync_token: token } : { init: true }`, `sinceTime === 0 ? '' : \`?sinceTime=${sinceTime}\``);
 * - `fallback`: the call is sent the API's "from the beginning" in place of a missing marker
 *   (`fetchSegmentChanges(since || -1)`, `pull({ since: lastSeq ?? 0 })`).
 *
 * What the rule cannot see is whether the API pages by itself; a call that asks for a bounded page
 * (`limit`, `per_page`, `first`…), reads ids or keys, or writes is not a full load.
 */
export interface RemoteLoad {
  shape: 'dropped' | 'parameters' | 'fallback';
  /** The call that asks for everything. */
  call: TSESTree.CallExpression;
}

/**
 * Sides longer than this are not searched for the remote shapes: real sides that make such a call
 * are a statement or two, and a bound keeps branches nested thousands deep linear.
 */
const MAX_SIDE = 4096;

function isShort(nodes: readonly Node[]): boolean {
  return nodes.every((node) => node.range[1] - node.range[0] <= MAX_SIDE);
}

/** Whether `side` reads the value `subject` names anywhere (nested functions included). */
function readsIn(side: Node, reads: (node: Node) => boolean, sourceCode: SourceCode): boolean {
  return findInSubtree(side, sourceCode.visitorKeys, (node) => (reads(node) ? true : null)) !== null;
}

/** A request's parameters, as a marker's branch picks them: an object, a string, a URL. */
function isParameters(node: Node): boolean {
  const target = unwrap(node);
  return (
    target.type === AST_NODE_TYPES.ObjectExpression ||
    target.type === AST_NODE_TYPES.TemplateLiteral ||
    (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string')
  );
}

/** `0`, `-1`, `'0'`, `'-1'`, `0n`, `''`, `null`, `undefined`, the epoch: what an API reads as "from the beginning". */
export function isFromStart(node: Node): boolean {
  // By type and value first: asked of every `||`, `??` and ternary of a file, most of whose
  // right sides are strings, objects and calls.
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal: {
      const value = target.value;
      if (typeof value === 'number') return value === 0;
      // `'0'`, `'-1'` and `''`; a string that reads as 0 or -1 starts with one of these characters.
      if (typeof value === 'string') return value === '' || ((value[0] === '0' || value[0] === '-') && isZeroOrMinusOne(target));
      if ('bigint' in target) return target.bigint === '0';
      return isZeroLike(target);
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.NewExpression:
      return isZeroLike(target);
    default:
      return false;
  }
}

function isZeroOrMinusOne(node: Node): boolean {
  const value = numberValue(node);
  return value === 0 || value === -1;
}

/**
 * The marker of `x ?? 0` written as a ternary, as compilers emit it: `x ? x : 0`, `x != null ? x : 0`,
 * TypeScript's `x !== null && x !== void 0 ? x : 0`. Null for any other ternary.
 */
export function fallbackTernarySubject(node: TSESTree.ConditionalExpression, sourceCode: SourceCode): Node | null {
  if (!isFromStart(node.alternate)) return null;
  const value = unwrap(node.consequent);
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return null;
  const test = unwrap(node.test);
  const tested = test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&' ? [test.left, test.right] : [test];
  return tested.every((part) => {
    const found = sentinelSideOf(part);
    return found?.side === 'false' && sameValue(found.subject, value, sourceCode);
  })
    ? value
    : null;
}

/** `x` and `x`, `a.b` and `a.b`: names compared without the text where they can be. */
function sameValue(a: Node, b: Node, sourceCode: SourceCode): boolean {
  if (a.type === AST_NODE_TYPES.Identifier || b.type === AST_NODE_TYPES.Identifier)
    return a.type === b.type && (a as TSESTree.Identifier).name === (b as TSESTree.Identifier).name;
  return sourceCode.getText(a) === sourceCode.getText(b);
}

/** `if (token) conf.since = token;`: the `if`'s one statement, when it sets a property of a variable. */
export function setsOneProperty(node: TSESTree.IfStatement): TSESTree.AssignmentExpression | null {
  const consequent = node.consequent;
  const statement = consequent.type === AST_NODE_TYPES.BlockStatement && consequent.body.length === 1 ? consequent.body[0]! : consequent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const assignment = statement.expression;
  if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') return null;
  const target = assignment.left;
  return target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.Identifier ? assignment : null;
}

/**
 * An ETag names a version of one resource, not a place in a feed: a request without it gets the
 * resource, as any request after a change does. It marks progress for a load of rows, not here.
 */
export function isCacheValidator(subject: Node): boolean {
  const name = lastName(subject);
  // The text test first: the split into words is the dearer one, and most names hold no `etag`.
  return name !== null && /etag/i.test(name) && wordsOf(name).includes('etag');
}

/** `token ? { sync_token: token } : { init: true }`: a ternary between two sets of request parameters. */
function isParameterBranch(paths: SentinelPaths): boolean {
  const branch = paths.test.parent;
  const [sentinel, other] = [paths.sentinelSide[0], paths.otherSide[0]];
  return (
    branch?.type === AST_NODE_TYPES.ConditionalExpression &&
    branch.test === paths.test &&
    sentinel !== undefined &&
    other !== undefined &&
    isParameters(sentinel) &&
    isParameters(other)
  );
}

export class RemoteLoads {
  constructor(
    private readonly sourceCode: SourceCode,
    private readonly queriedWith: QueriedWith,
  ) {}

  /** The remote full load a marker's branch selects, if any (the marker's name is checked by the caller). */
  ofBranch(paths: SentinelPaths): RemoteLoad | null {
    if (!isShort(paths.sentinelSide) || !isShort(paths.otherSide)) return null;
    // The cheap tests first: a ternary between two sets of parameters, or a sentinel side with a
    // call in its text (most are `return;`, `return null`, `continue`); then the other side passes
    // the marker to a call (one search, shared with the rule's own).
    const parameterBranch = isParameterBranch(paths);
    if (!parameterBranch && !paths.sentinelSide.some((side) => this.sourceCode.getText(side).includes('('))) return null;
    const passes = paths.otherSide.some((side) => this.queriedWith.in(side, paths.subject));
    if (!passes && !parameterBranch) return null;
    const reads = readerOf(unwrap(paths.subject), this.sourceCode);
    if (!reads) return null;
    const dropped = passes ? this.dropped(paths, reads) : null;
    if (dropped) return { shape: 'dropped', call: dropped };
    const parameters = passes ? null : this.parameters(paths, reads);
    return parameters ? { shape: 'parameters', call: parameters } : null;
  }

  /** `fetchSegmentChanges(since || -1)`, `\`?timestamp=${ts ?? 0}\``: the fallback's call, if it asks for everything. */
  ofFallback(node: TSESTree.LogicalExpression | TSESTree.ConditionalExpression): RemoteLoad | null {
    const fallback = node.type === AST_NODE_TYPES.LogicalExpression ? node.right : node.alternate;
    if (!isFromStart(fallback)) return null;
    // `token ?? undefined` only turns null into undefined: the marker was missing either way.
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '??' && isNullish(fallback)) return null;
    const call = reachedCall(node, this.sourceCode, MAX_HOPS, (candidate) => requestsFromSource(candidate, this.sourceCode));
    return call ? { shape: 'fallback', call } : null;
  }

  /**
   * `if (token) conf.since = token;` and `conf` sent afterwards: without the marker the request
   * goes out with no `since`. `assignment` is `setsOneProperty(node)`, the cheap shape test the
   * rule asks of every `if` first; then `isMarker` on the tested value.
   */
  ofOptionalParameter(
    node: TSESTree.IfStatement,
    assignment: TSESTree.AssignmentExpression,
    isMarker: (subject: Node) => boolean,
  ): (RemoteLoad & { subject: Node }) | null {
    const target = assignment.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.Identifier) return null;
    const found = sentinelSideOf(node.test);
    if (found?.side !== 'false' || !isMarker(found.subject)) return null;
    const reads = readerOf(unwrap(found.subject), this.sourceCode);
    if (!reads || !readsIn(assignment.right, reads, this.sourceCode)) return null;
    const variable = findVariable(scopeOf(this.sourceCode, target.object), target.object.name);
    const init = variable?.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? variable.defs[0].node.init : null;
    // The parameters the request starts from: a page's bound there bounds it either way.
    if (!init || unwrap(init).type !== AST_NODE_TYPES.ObjectExpression || valueBounded(init, this.sourceCode)) return null;
    const call = viaVariable(target.object, this.sourceCode, 0, (candidate) => requestsFromSource(candidate, this.sourceCode));
    return call && call.range[0] > node.range[1] ? { shape: 'parameters', call, subject: found.subject } : null;
  }

  /** The sentinel side's call of a callee the other side calls with the marker, made without it. */
  private dropped(paths: SentinelPaths, reads: (node: Node) => boolean): TSESTree.CallExpression | null {
    // Callees the other side passes the marker to, with the first such call of each.
    const passing = new Map<string, TSESTree.CallExpression>();
    const passes = (node: Node, side: Node): null => {
      if (!reads(node)) return null;
      for (let child: Node = node, parent = node.parent; parent && child !== side; child = parent, parent = parent.parent) {
        if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === child) continue;
        const name = remoteCallee(parent);
        if (name !== null && !passing.has(name)) passing.set(name, parent);
      }
      return null;
    };
    // Not into nested functions: a request deferred to a callback (`setTimeout(() => load())`) is not this branch's.
    for (const side of paths.otherSide)
      findInSubtree(side, this.sourceCode.visitorKeys, (node) => passes(node, side), SKIP_NESTED_FUNCTIONS);
    if (passing.size === 0) return null;
    for (const side of paths.sentinelSide) {
      const found = findInSubtree(
        side,
        this.sourceCode.visitorKeys,
        (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression) return null;
          const name = remoteCallee(node);
          const incremental = name === null ? undefined : passing.get(name);
          if (!incremental || readsIn(node, reads, this.sourceCode) || !this.sameEndpoint(node, incremental, reads)) return null;
          return readsFromSource(asksForEverything(node, this.sourceCode)) ? node : null;
        },
        SKIP_NESTED_FUNCTIONS,
      );
      if (found) return found;
    }
    return null;
  }

  /** Both calls ask the same endpoint: the first argument is the marker's, or names the same path. */
  private sameEndpoint(call: TSESTree.CallExpression, incremental: TSESTree.CallExpression, reads: (node: Node) => boolean): boolean {
    const mine = call.arguments[0];
    const theirs = incremental.arguments[0];
    if (!theirs || !mine) return true;
    if (readsIn(theirs, reads, this.sourceCode)) {
      // `fetchServices(since)` against `fetchServices()` or `fetchServices(0)`; a URL with the marker in it is compared as a URL.
      const endpoint = endpointOf(theirs, this.sourceCode);
      return endpoint === null || endpoint === endpointOf(mine, this.sourceCode);
    }
    const endpoint = endpointOf(theirs, this.sourceCode);
    return endpoint !== null
      ? endpoint === endpointOf(mine, this.sourceCode)
      : this.sourceCode.getText(theirs) === this.sourceCode.getText(mine);
  }

  /** `token ? { sync_token: token } : { init: true }` reaching a request, the sentinel side asking for no page. */
  private parameters(paths: SentinelPaths, reads: (node: Node) => boolean): TSESTree.CallExpression | null {
    const branch = paths.test.parent;
    const [sentinel, other] = [paths.sentinelSide[0], paths.otherSide[0]];
    if (branch?.type !== AST_NODE_TYPES.ConditionalExpression || !sentinel || !other) return null;
    if (!readsIn(other, reads, this.sourceCode) || readsIn(sentinel, reads, this.sourceCode) || valueBounded(sentinel, this.sourceCode))
      return null;
    return reachedCall(branch, this.sourceCode, MAX_HOPS, (call) => asksForEverything(call, this.sourceCode) !== null);
  }
}
