import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, dottedName, findInSubtree, isFunction, memberPropertyName, propertyKeyName, unwrap } from '../js/ast.js';

type Node = TSESTree.Node;

/** `pTimeout(p, …)`, `withTimeout(p, ms)`, `promise.timeout(ms)`; never `setTimeout`/`clearTimeout`/`onTimeout`. */
export function isTimeoutWrapperName(name: string | null): boolean {
  if (!name) return false;
  const lower = name.toLowerCase();
  return lower.endsWith('timeout') && !/^(set|clear|get|on|has|is|default|handle)/.test(lower);
}

function isFalsyLiteral(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && !target.value;
}

/** A timer whose callback aborts or cancels the work: `setTimeout(() => controller.abort(), ms)`. */
function isAbortTimer(call: TSESTree.CallExpression): boolean {
  const callback = call.arguments[0];
  if (!isFunction(callback)) return false;
  const body = callback.body;
  const calls =
    body.type === AST_NODE_TYPES.BlockStatement
      ? body.body.flatMap((s) => (s.type === AST_NODE_TYPES.ExpressionStatement ? [s.expression] : []))
      : [body];
  return calls.some((expression) => {
    const target = unwrap(expression);
    return target.type === AST_NODE_TYPES.CallExpression && /^(abort|cancel|destroy)$/.test(calleeName(target) ?? '');
  });
}

/**
 * The node that gives `node` an explicit timeout, looking at this node only (not its children).
 * Wrappers, races and abort timers exist to time work out; a `timeout` option (`withOptions`) is
 * one setting of a call that fails in many other ways, so it counts only when asked for.
 */
function timeoutEvidenceAt(node: Node, withOptions: boolean): Node | null {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const name = dottedName(node.callee);
    if (name === 'Promise.race' || name === 'AbortSignal.timeout') return node;
    if (isTimeoutWrapperName(calleeName(node))) return node;
    if ((name === 'setTimeout' || name?.endsWith('.setTimeout')) && isAbortTimer(node)) return node;
    return null;
  }
  if (withOptions && node.type === AST_NODE_TYPES.Property && !isFalsyLiteral(node.value)) {
    const key = propertyKeyName(node);
    if (key && /timeout/i.test(key) && !isFunction(node.value)) return node;
  }
  return null;
}

/**
 * Finds what gives the work under `root` an explicit timeout — `AbortSignal.timeout()`, a timeout
 * wrapper, `Promise.race`, an abort timer, and optionally a `timeout` option — or null. Results
 * are cached per root.
 */
export class TimeoutEvidenceFinder {
  private readonly cache = new Map<Node, Node | null>();

  constructor(
    private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys,
    private readonly withOptions: boolean,
  ) {}

  find(root: Node): Node | null {
    if (this.cache.has(root)) return this.cache.get(root)!;
    const found = this.search(root);
    this.cache.set(root, found);
    return found;
  }

  private search(root: Node): Node | null {
    return findInSubtree(root, this.visitorKeys, (node) => timeoutEvidenceAt(node, this.withOptions));
  }
}

/** `Promise.race([work, here])`: the race call when `node` is one of at least two racing entries (`Promise.any` too). */
export function raceOf(node: Node): TSESTree.CallExpression | null {
  const array = node.parent;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length < 2) return null;
  const call = array.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== array) return null;
  const name = dottedName(call.callee);
  return name === 'Promise.race' || name === 'Promise.any' ? call : null;
}

const TIMER_PROMISE_NAMES = new Set(['sleep', 'delay', 'wait', 'timeout', 'setTimeout', 'timer', 'pause']);

/** A promise that only waits: `sleep(ms)`, `delay(ms)`, `setTimeout(ms)` from timers/promises, `scheduler.wait(ms)`. */
export function isTimerPromise(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(target);
    return name !== null && TIMER_PROMISE_NAMES.has(name) && !isFunction(target.arguments[0]);
  }
  // new Promise((r) => setTimeout(r, ms))
  if (target.type === AST_NODE_TYPES.NewExpression && dottedName(target.callee) === 'Promise') {
    const executor = target.arguments[0];
    if (!isFunction(executor) || executor.body.type === AST_NODE_TYPES.BlockStatement) return false;
    const body = unwrap(executor.body);
    return body.type === AST_NODE_TYPES.CallExpression && dottedName(body.callee) === 'setTimeout';
  }
  return false;
}

/** The object of a method call: `recv` in `recv.catch(fn)`. */
export function methodReceiver(call: TSESTree.CallExpression, ...methods: string[]): Node | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberPropertyName(callee);
  return name && methods.includes(name) ? callee.object : null;
}

export function isSetTimeoutCall(node: Node | undefined): node is TSESTree.CallExpression {
  if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
  // The last name first: it rules out almost every call without building a dotted path.
  const callee = node.callee;
  const last =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? memberPropertyName(callee)
        : null;
  if (last !== 'setTimeout') return false;
  const name = dottedName(callee);
  return name === 'setTimeout' || name === 'globalThis.setTimeout' || name === 'window.setTimeout' || name === 'global.setTimeout';
}

/**
 * How to tell the timeout from other failures of work timed out by `evidence`, as source text for
 * a caught error named `error`; null when the error a timeout raises is not known. Used by fixes
 * that must leave the other failures as they were.
 */
export function timeoutErrorTestFor(evidence: Node): ((error: string) => string) | null {
  const byName = (name: string) => (error: string) => `${error} instanceof Error && ${error}.name === '${name}'`;
  if (evidence.type === AST_NODE_TYPES.CallExpression) {
    const name = dottedName(evidence.callee);
    // `AbortSignal.timeout()` rejects with a DOMException named TimeoutError; p-timeout's and most wrappers' errors share the name.
    if (name === 'AbortSignal.timeout' || isTimeoutWrapperName(calleeName(evidence))) return byName('TimeoutError');
    // An abort timer makes the work reject with an AbortError.
    if (name === 'setTimeout' || name?.endsWith('.setTimeout')) return byName('AbortError');
    return null;
  }
  if (evidence.type === AST_NODE_TYPES.Property) {
    // axios: a `timeout` option rejects with an AxiosError whose code is ECONNABORTED.
    const call = evidence.parent.parent;
    const callee = call?.type === AST_NODE_TYPES.CallExpression ? dottedName(call.callee) : null;
    if (callee === 'axios' || callee?.startsWith('axios.')) {
      return (error) => `${error} instanceof Error && 'code' in ${error} && ${error}.code === 'ECONNABORTED'`;
    }
  }
  return null;
}

/**
 * A timeout set up before the `try` and handed to its work: `const signal = AbortSignal.timeout(ms)`,
 * or an abort timer `setTimeout(() => controller.abort(), ms)` whose controller the work uses.
 */
export function evidenceBeforeTry(
  statement: TSESTree.TryStatement,
  finder: TimeoutEvidenceFinder,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): Node | null {
  const parent = statement.parent;
  const siblings =
    parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program
      ? parent.body
      : parent.type === AST_NODE_TYPES.SwitchCase
        ? parent.consequent
        : null;
  if (!siblings) return null;
  for (const before of siblings) {
    if (before === statement) break;
    const evidence = finder.find(before);
    // Only a signal or an abort timer times out work that runs later; a wrapper or race before
    // the `try` has settled (or thrown) by the time the `try` runs.
    if (!evidence || !isSignalEvidence(evidence)) continue;
    const names = new Set([...declaredNames(before), ...abortedNames(evidence, visitorKeys)]);
    const used = findInSubtree(statement.block, visitorKeys, (node) =>
      node.type === AST_NODE_TYPES.Identifier && names.has(node.name) ? true : null,
    );
    if (used) return evidence;
  }
  return null;
}

/** `const signal = …`, `let [a, b] = …`: the names a statement declares (top-level identifiers only). */
function declaredNames(statement: TSESTree.Node): string[] {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  return statement.declarations.flatMap((d) => (d.id.type === AST_NODE_TYPES.Identifier ? [d.id.name] : []));
}

/** `controller` in `setTimeout(() => controller.abort(), ms)`: what a timer aborts. */
function abortedNames(evidence: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): string[] {
  const names: string[] = [];
  findInSubtree(evidence, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && /^(abort|cancel|destroy)$/.test(calleeName(node) ?? '')) {
      let target = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : null;
      while (target?.type === AST_NODE_TYPES.MemberExpression) target = target.object;
      if (target?.type === AST_NODE_TYPES.Identifier) names.push(target.name);
    }
    return null;
  });
  return names;
}

/** `AbortSignal.timeout(ms)` or an abort timer (`setTimeout(() => c.abort(), ms)`): evidence that outlives its statement. */
function isSignalEvidence(evidence: Node): boolean {
  if (evidence.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = dottedName(evidence.callee);
  return name === 'AbortSignal.timeout' || name === 'setTimeout' || name?.endsWith('.setTimeout') === true;
}
