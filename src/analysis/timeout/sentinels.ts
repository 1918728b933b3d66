import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  dottedName,
  enclosingFunction,
  findInSubtree,
  type FunctionNode,
  isFunction,
  isInside,
  isNullish,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { identityOf, perFile } from '../js/per-file.js';
import { classifySentinel, type Sentinel } from '../sentinel/values.js';
import { SentinelContext } from '../sentinel/context.js';
import type { TimeoutRuleOptions } from './options.js';
import { timeoutPathsOf, type Producer, type TimeoutPath, type TimeoutPathFinder } from './path.js';
import { buildVocabulary } from './vocabulary.js';
import { isSetTimeoutCall } from './work.js';
import { DefinitionType } from '../js/definitions.js';
import { scopeOf } from '../js/scopes.js';

type Node = TSESTree.Node;

/** A success-shaped sentinel produced on a timeout path. */
export interface TimeoutSentinel {
  /** The value as written: the `return` argument, arrow body, `resolve`/`cb` argument. */
  value: Node;
  sentinel: Sentinel;
  path: TimeoutPath;
}

/** Names that call back Node-style; any other callee must be a parameter of the enclosing code. */
const CALLBACK_NAMES = new Set(['cb', 'callback', 'done', 'next', 'cont', 'reply', 'respond']);

/** A `return` or an arrow body produces its value; one object for all, as every return asks. */
const VALUE: Producer = { kind: 'value' };
const NO_SENTINELS: readonly TimeoutSentinel[] = Object.freeze([]);

/** Where a class keeps its promise's settle functions: `this.resolve = resolve` in an executor it runs. */
export interface ResolverField {
  executor: FunctionNode;
  /** `this.reject`, when the same executor stores its reject function too. */
  reject: string | null;
}

function isPromiseExecutor(fn: FunctionNode): boolean {
  return (
    fn.parent?.type === AST_NODE_TYPES.NewExpression &&
    fn.parent.arguments[0] === fn &&
    fn.parent.callee.type === AST_NODE_TYPES.Identifier &&
    fn.parent.callee.name === 'Promise'
  );
}

/** `this.<field> = <expression using param>` directly in `executor`'s body. */
function storedField(
  executor: FunctionNode,
  param: TSESTree.Parameter | undefined,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
): Map<string, true> {
  const fields = new Map<string, true>();
  if (param?.type !== AST_NODE_TYPES.Identifier || executor.body.type !== AST_NODE_TYPES.BlockStatement) return fields;
  for (const statement of executor.body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const assignment = statement.expression;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    if (assignment.left.object.type !== AST_NODE_TYPES.ThisExpression || assignment.left.computed) continue;
    const uses = findInSubtree(assignment.right, visitorKeys, (n) =>
      n.type === AST_NODE_TYPES.Identifier && n.name === param.name ? true : null,
    );
    if (uses && assignment.left.property.type === AST_NODE_TYPES.Identifier) fields.set(assignment.left.property.name, true);
  }
  return fields;
}

/** The `new Promise` executor whose first parameter `callee` names, if it does. */
export function executorOfResolve(callee: TSESTree.Identifier, scope: TSESLint.Scope.Scope): FunctionNode | null {
  const def = findVariable(scope, callee.name)?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return null;
  const fn = def.node as FunctionNode;
  const isExecutor =
    fn.parent?.type === AST_NODE_TYPES.NewExpression &&
    fn.parent.arguments[0] === fn &&
    fn.parent.callee.type === AST_NODE_TYPES.Identifier &&
    fn.parent.callee.name === 'Promise';
  return isExecutor && fn.params[0] === def.name ? fn : null;
}

/**
 * The one definition of "a timeout path produces a success-shaped sentinel", shared by the rule
 * that reports it and by the rules that follow such values to their callers.
 */
export class TimeoutSentinelDetector {
  readonly paths: TimeoutPathFinder;
  readonly answers: SentinelContext;
  private readonly byFunction = new Map<FunctionNode, TimeoutSentinel | null>();
  /** What each delay helper resolves when its timer fires, if a sentinel. */
  private readonly timerValues = new Map<FunctionNode, { value: Node; sentinel: Sentinel } | null>();
  /** The parameters each function resolves or returns on a timeout path, by index. */
  private readonly fallbacks = new Map<FunctionNode, ReadonlyMap<number, TimeoutPath>>();
  /** The resolver fields of each class, by field name. */
  private readonly resolverFields = new Map<TSESTree.ClassBody, Map<string, ResolverField>>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    options: TimeoutRuleOptions,
  ) {
    this.paths = timeoutPathsOf(sourceCode, buildVocabulary(options.vocabulary), options);
    this.answers = new SentinelContext(sourceCode);
  }

  /** Sentinels a `return` argument or an arrow body produces on a timeout path. */
  valueSentinels(expression: Node): readonly TimeoutSentinel[] {
    return this.collectValueSentinels(expression, undefined) ?? NO_SENTINELS;
  }

  /** `return timedOut ? [] : rows` produces each branch. No array for the many returns that produce none. */
  private collectValueSentinels(expression: Node, found: TimeoutSentinel[] | undefined): TimeoutSentinel[] | undefined {
    const target = unwrap(expression);
    if (target.type === AST_NODE_TYPES.ConditionalExpression) {
      return this.collectValueSentinels(target.alternate, this.collectValueSentinels(target.consequent, found));
    }
    const sentinel = classifySentinel(expression);
    if (!sentinel) return found;
    const path = this.paths.find(expression, VALUE);
    if (path && !this.answers.isRealAnswer(sentinel, expression)) (found ??= []).push({ value: expression, sentinel, path });
    return found;
  }

  /** The timeout path of a bare `return;` in a function that returns values elsewhere. */
  bareReturnPath(node: TSESTree.ReturnStatement): TimeoutPath | null {
    const fn = enclosingFunction(node);
    if (!fn) return null;
    // The path first: a walk up to the function, where `returnsValue` scans the whole function
    // (most bare returns are in functions that return nothing, so the scan finds nothing to stop it).
    const path = this.paths.find(node, VALUE);
    return path && this.answers.results.returnsValue(fn) ? path : null;
  }

  /** `resolve(0)` of a promise executor on a timeout path. */
  resolveSentinel(call: TSESTree.CallExpression, callee: TSESTree.Identifier): (TimeoutSentinel & { executor: FunctionNode }) | null {
    const value = call.arguments[0];
    const sentinel = value && classifySentinel(value);
    if (!value || !sentinel) return null;
    const executor = executorOfResolve(callee, scopeOf(this.sourceCode, call));
    if (!executor) return null;
    const path = this.paths.find(call, { kind: 'settle', callee });
    if (!path || this.answers.isRealAnswer(sentinel, call, callee)) return null;
    return { value, sentinel, path, executor };
  }

  /**
   * `this.resolve(null)` on a timeout path, where the class stored its promise's resolver in the
   * field (`this.resolve = this._convertValue(resolve)` in the executor): ioredis's blocking
   * timeout resolves a command with null, the same as an empty reply.
   */
  memberResolveSentinel(
    call: TSESTree.CallExpression,
    callee: TSESTree.MemberExpression,
  ): (TimeoutSentinel & { field: ResolverField }) | null {
    const value = call.arguments[0];
    const sentinel = value && classifySentinel(value);
    if (!value || !sentinel || callee.object.type !== AST_NODE_TYPES.ThisExpression || callee.property.type !== AST_NODE_TYPES.Identifier)
      return null;
    const body = enclosingClassBody(call);
    const field = body && this.resolverFieldsOf(body).get(callee.property.name);
    if (!field) return null;
    const path = this.paths.find(call, { kind: 'settle', callee });
    if (!path || this.answers.isRealAnswer(sentinel, call)) return null;
    return { value, sentinel, path, field };
  }

  private resolverFieldsOf(body: TSESTree.ClassBody): Map<string, ResolverField> {
    let fields = this.resolverFields.get(body);
    if (fields) return fields;
    fields = new Map();
    const keys = this.sourceCode.visitorKeys;
    findInSubtree(body, keys, (node) => {
      if (!isFunction(node) || !isPromiseExecutor(node)) return null;
      const resolves = storedField(node, node.params[0], keys);
      const rejects = [...storedField(node, node.params[1], keys).keys()];
      for (const name of resolves.keys()) fields.set(name, { executor: node, reject: rejects[0] ?? null });
      return null;
    });
    this.resolverFields.set(body, fields);
    return fields;
  }

  /**
   * The parameters `fn` hands back when its timer fires: `resolve(fallback)` in a timer racing the
   * work, `() => fallback` as a race entry, `return fallback` behind a timeout test. A caller that
   * passes a sentinel there (`withTimeout(work(), 3000, null)`) gets it back on a timeout.
   */
  fallbackParams(fn: FunctionNode): ReadonlyMap<number, TimeoutPath> {
    let found = this.fallbacks.get(fn);
    if (found) return found;
    const params = new Map<number, TimeoutPath>();
    fn.params.forEach((param, index) => {
      const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (id.type !== AST_NODE_TYPES.Identifier) return;
      const variable = findVariable(scopeOf(this.sourceCode, fn.body), id.name);
      for (const ref of variable?.references ?? []) {
        const path = this.handedBackPath(ref.identifier as TSESTree.Identifier);
        if (path) {
          params.set(index, path);
          break;
        }
      }
    });
    this.fallbacks.set(fn, (found = params));
    return found;
  }

  /** The timeout path on which a parameter's value is resolved or returned, if it is. */
  private handedBackPath(id: TSESTree.Identifier): TimeoutPath | null {
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === id && parent.callee.type === AST_NODE_TYPES.Identifier) {
      return this.paths.find(parent, { kind: 'settle', callee: parent.callee });
    }
    const isArrowBody = parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === id;
    if (isArrowBody || parent?.type === AST_NODE_TYPES.ReturnStatement) return this.paths.find(id, VALUE);
    return null;
  }

  /**
   * The sentinel a delay helper resolves when its timer fires: `(ms) => new Promise((r) =>
   * setTimeout(() => r(null), ms))`, `setTimeout(resolve, ms, [])`. Alone it is a plain delay; as
   * an entry of `Promise.race` it is the race's timeout value.
   */
  timerValueOf(fn: FunctionNode): { value: Node; sentinel: Sentinel } | null {
    if (this.timerValues.has(fn)) return this.timerValues.get(fn)!;
    let found: { value: Node; sentinel: Sentinel } | null = null;
    const returned =
      fn.body.type === AST_NODE_TYPES.BlockStatement
        ? fn.body.body.find((s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement)?.argument
        : fn.body;
    const promise = returned && unwrap(returned);
    const executor =
      promise?.type === AST_NODE_TYPES.NewExpression && dottedName(promise.callee) === 'Promise' ? promise.arguments[0] : null;
    const resolve = isFunction(executor) ? executor.params[0] : undefined;
    if (isFunction(executor) && resolve?.type === AST_NODE_TYPES.Identifier) {
      found = findInSubtree(executor.body, this.sourceCode.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression || !isSetTimeoutCall(node)) return null;
        const [callback, , extra] = node.arguments;
        // setTimeout(resolve, ms, value)
        if (
          callback?.type === AST_NODE_TYPES.Identifier &&
          callback.name === resolve.name &&
          extra &&
          extra.type !== AST_NODE_TYPES.SpreadElement
        ) {
          const sentinel = classifySentinel(extra);
          return sentinel ? { value: extra, sentinel } : null;
        }
        // setTimeout(() => resolve(value), ms)
        if (!isFunction(callback)) return null;
        return findInSubtree(callback.body, this.sourceCode.visitorKeys, (inner) => {
          if (
            inner.type !== AST_NODE_TYPES.CallExpression ||
            inner.callee.type !== AST_NODE_TYPES.Identifier ||
            inner.callee.name !== resolve.name
          )
            return null;
          const value = inner.arguments[0];
          const sentinel = value && value.type !== AST_NODE_TYPES.SpreadElement ? classifySentinel(value) : null;
          return sentinel && value ? { value, sentinel } : null;
        });
      });
    }
    this.timerValues.set(fn, found);
    return found;
  }

  /**
   * `let response = {}; try { response = await work() } catch (e) { log(e) } return response;`:
   * the sentinel the variable started with is returned when the timed work fails.
   */
  fallThroughSentinel(statement: TSESTree.ReturnStatement, id: TSESTree.Identifier): TimeoutSentinel | null {
    // The statements first: most returns of a variable follow no `try`, and need no scope lookup.
    const siblings = statement.parent.type === AST_NODE_TYPES.BlockStatement ? statement.parent.body : [];
    let attempt: TSESTree.TryStatement | undefined;
    for (let i = siblings.indexOf(statement) - 1; i >= 0 && !attempt; i--) {
      const sibling = siblings[i]!;
      if (sibling.type === AST_NODE_TYPES.TryStatement) attempt = sibling;
    }
    if (!attempt?.handler) return null;
    const variable = findVariable(scopeOf(this.sourceCode, id), id.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== DefinitionType.Variable || !def.node.init) return null;
    const sentinel = classifySentinel(def.node.init);
    if (!sentinel) return null;
    // The try must be where the real value is set, or the sentinel is simply the answer.
    const assigned = variable!.references.some((ref) => ref.isWrite() && !ref.init && isInside(ref.identifier, attempt.block));
    if (!assigned) return null;
    const path = this.paths.fallThroughPath(attempt);
    if (!path || this.answers.isRealAnswer(sentinel, statement)) return null;
    return { value: def.node.init, sentinel, path };
  }

  /** `cb(null, 0)` on a timeout path. */
  callbackSentinel(call: TSESTree.CallExpression, callee: TSESTree.Identifier): TimeoutSentinel | null {
    const value = call.arguments[1];
    if (!value || !isNullish(call.arguments[0])) return null;
    const sentinel = classifySentinel(value);
    if (!sentinel) return null;
    if (
      !CALLBACK_NAMES.has(callee.name) &&
      findVariable(scopeOf(this.sourceCode, call), callee.name)?.defs[0]?.type !== DefinitionType.Parameter
    ) {
      return null;
    }
    const path = this.paths.find(call, { kind: 'settle', callee });
    if (!path || this.answers.isRealAnswer(sentinel, call)) return null;
    return { value, sentinel, path };
  }

  /**
   * The first sentinel `fn` produces on a timeout path: returned by its own `return`s (not nested
   * functions'), or resolved by the executor of a `new Promise` it returns.
   */
  functionSentinel(fn: FunctionNode): TimeoutSentinel | null {
    if (this.byFunction.has(fn)) return this.byFunction.get(fn)!;
    let found: TimeoutSentinel | null = null;
    if (!(fn.body as TSESTree.Node | null)) {
      found = null; // a declaration without a body (`declare function`, an overload)
    } else if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      found = this.returnedSentinel(fn.body);
    } else {
      found = findInSubtree(
        fn.body,
        this.sourceCode.visitorKeys,
        (node) => (node.type === AST_NODE_TYPES.ReturnStatement && node.argument ? this.returnedSentinel(node.argument) : null),
        SKIP_NESTED_FUNCTIONS,
      );
    }
    this.byFunction.set(fn, found);
    return found;
  }

  private returnedSentinel(value: Node): TimeoutSentinel | null {
    const direct = this.valueSentinels(value)[0];
    if (direct) return direct;
    const target = unwrap(value);
    if (
      target.type !== AST_NODE_TYPES.NewExpression ||
      target.callee.type !== AST_NODE_TYPES.Identifier ||
      target.callee.name !== 'Promise'
    ) {
      return null;
    }
    const executor = target.arguments[0];
    const resolve = isFunction(executor) ? executor.params[0] : undefined;
    if (resolve?.type !== AST_NODE_TYPES.Identifier) return null;
    return findInSubtree(executor as Node, this.sourceCode.visitorKeys, (node) =>
      node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === resolve.name
        ? this.resolveSentinel(node, node.callee)
        : null,
    );
  }
}

/** The file's TimeoutSentinelDetector for these options' words and evidence, one for every rule that asks. */
export function timeoutSentinelsOf(sourceCode: Readonly<TSESLint.SourceCode>, options: TimeoutRuleOptions): TimeoutSentinelDetector {
  const key = `timeout-sentinels:${identityOf(buildVocabulary(options.vocabulary))}:${options.checkTimeoutOptions === true}`;
  return perFile(sourceCode.ast, key, () => new TimeoutSentinelDetector(sourceCode, options));
}

function enclosingClassBody(node: Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return null;
}
