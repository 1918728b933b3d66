import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { dottedName, isNullish, lastName, memberPropertyName, propertyKeyName, unwrap } from '../js/ast.js';

type Node = TSESTree.Node;

/**
 * A success-shaped sentinel: a value a caller cannot tell from a real, empty answer.
 * - `empty`: `0`, `-1`, `null`, `''`, `[]`, `{}`, `new Map()`, `NaN`, …, and timeout markers (`'timeout'`, `TIMED_OUT`, `Symbol('timeout')`)
 * - `tuple`: `[0, null]` / `[null, []]`, an error slot left empty (`errorIndex`, null when ambiguous)
 * - `object`: `{ data: [], error: null }`, every field empty and no degraded flag
 * - `wrapped`: a success wrapper around a sentinel: `ok(0)`, `Result.ok([])`, `Promise.resolve(0)`, `of([])`
 */
export type Sentinel =
  | { kind: 'empty'; node: Node }
  | { kind: 'tuple'; node: TSESTree.ArrayExpression; errorIndex: 0 | 1 | null }
  | { kind: 'object'; node: TSESTree.ObjectExpression; errorProperty: TSESTree.Property | null }
  | { kind: 'wrapped'; node: TSESTree.CallExpression; failure: FailureCounterpart; inner: Sentinel | null };

/** How to turn a success wrapper into its failure form. */
export interface FailureCounterpart {
  /** Name of the failure constructor, e.g. `err` for `ok`, `Promise.reject` for `Promise.resolve`. */
  name: string;
  /** Whether the failure constructor is imported from the same module as the success one. */
  sameModule: boolean;
  /** `throwError(() => e)` takes a factory, not the error. */
  takesFactory: boolean;
}

const SUCCESS_WRAPPERS: Record<string, { failure: string; takesFactory?: boolean }> = {
  ok: { failure: 'err' },
  Ok: { failure: 'Err' },
  okAsync: { failure: 'errAsync' },
  right: { failure: 'left' },
  Right: { failure: 'Left' },
  of: { failure: 'throwError', takesFactory: true },
};
const SUCCESS_METHODS: Record<string, string> = { ok: 'err', Ok: 'Err', right: 'left', Right: 'Left' };
const WRAPPER_NAMESPACE = /^(Result|Either|E|R|[A-Z]\w*Result)$/;

const ERROR_KEYS = /^(err|error|errors|failure|exception)$/i;
/** Fields that say the value is degraded on purpose: `{ items: cached, stale: true }`. */
const DEGRADED_KEYS =
  /^(stale|isstale|timedout|didtimeout|timeout|partial|ispartial|degraded|isdegraded|fromcache|cached|incomplete|truncated|fallback|isfallback|aborted)$/i;
const SUCCESS_MARKER_KEYS = /^(ok|success|succeeded)$/i;

const BIGINT_ZERO = BigInt(0);

/**
 * `object.property` as `dottedName` spells it, tested property first: cheaper than building the
 * dotted name of every member returned (`return this.cache.rows`) to compare it with one string.
 */
function isMember(node: TSESTree.MemberExpression, object: string, property: string): boolean {
  return memberPropertyName(node) === property && dottedName(node.object) === object;
}

function isEmptyValue(node: Node): boolean {
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      if ('regex' in target && target.regex) return false;
      return target.value === 0 || target.value === '' || target.value === false || target.value === null || target.value === BIGINT_ZERO;
    case AST_NODE_TYPES.Identifier:
      return target.name === 'undefined' || target.name === 'NaN';
    case AST_NODE_TYPES.UnaryExpression:
      return (
        (target.operator === '-' && target.argument.type === AST_NODE_TYPES.Literal && target.argument.value === 1) || isNullish(target)
      );
    case AST_NODE_TYPES.TemplateLiteral:
      return target.expressions.length === 0 && target.quasis[0]?.value.cooked === '';
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.length === 0;
    case AST_NODE_TYPES.ObjectExpression:
      return target.properties.length === 0;
    case AST_NODE_TYPES.NewExpression: {
      const emptyArgs =
        target.arguments.length === 0 ||
        (target.arguments.length === 1 &&
          unwrap(target.arguments[0]!).type === AST_NODE_TYPES.ArrayExpression &&
          (unwrap(target.arguments[0]!) as TSESTree.ArrayExpression).elements.length === 0);
      if (!emptyArgs) return false;
      const name = dottedName(target.callee);
      return name === 'Map' || name === 'Set' || name === 'Array';
    }
    case AST_NODE_TYPES.MemberExpression:
      return isMember(target, 'Number', 'NaN');
    default:
      return false;
  }
}

function tupleSentinel(node: TSESTree.ArrayExpression): Sentinel | null {
  if (node.elements.length !== 2) return null;
  const [first, second] = node.elements;
  if (!first || !second || first.type === AST_NODE_TYPES.SpreadElement || second.type === AST_NODE_TYPES.SpreadElement) return null;
  if (!isEmptyValue(first) || !isEmptyValue(second)) return null;
  const firstNull = isNullish(first);
  const secondNull = isNullish(second);
  if (!firstNull && !secondNull) return null;
  const errorIndex = firstNull && secondNull ? null : firstNull ? 0 : 1;
  return { kind: 'tuple', node, errorIndex };
}

/** A field value a sentinel object can hold under some key: empty, nested, or a `true` success marker. */
function mayBeSentinelField(value: Node): boolean {
  const target = unwrap(value);
  return (
    isEmptyValue(target) ||
    target.type === AST_NODE_TYPES.ObjectExpression ||
    (target.type === AST_NODE_TYPES.Literal && target.value === true)
  );
}

function objectSentinel(node: TSESTree.ObjectExpression): Sentinel | null {
  if (node.properties.length === 0) return { kind: 'empty', node };
  let errorProperty: TSESTree.Property | null = null;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method) return null;
    const key = propertyKeyName(property);
    if (key === null) return null;
    const value = property.value;
    // Most returned objects carry a real value: ruled out before the three key patterns are tried.
    if (!mayBeSentinelField(value)) return null;
    if (ERROR_KEYS.test(key)) {
      if (!isNullish(value)) return null; // an error travels with the value
      errorProperty = property;
      continue;
    }
    const isFalseFlag = unwrap(value).type === AST_NODE_TYPES.Literal && !(unwrap(value) as TSESTree.Literal).value;
    if (DEGRADED_KEYS.test(key) && !isFalseFlag) return null;
    if (SUCCESS_MARKER_KEYS.test(key)) {
      // `success: false` says it failed: an honest result, not a disguised one.
      const marker = unwrap(value);
      if (marker.type === AST_NODE_TYPES.Literal && marker.value === true) continue;
      return null;
    }
    if (isEmptyValue(value)) continue;
    if (unwrap(value).type === AST_NODE_TYPES.ObjectExpression && objectSentinel(unwrap(value) as TSESTree.ObjectExpression)) continue;
    return null;
  }
  return { kind: 'object', node, errorProperty };
}

function wrappedSentinel(node: TSESTree.CallExpression): Sentinel | null {
  if (node.arguments.length > 1) return null;
  const callee = unwrap(node.callee);
  let failure: FailureCounterpart | null = null;
  if (callee.type === AST_NODE_TYPES.Identifier && Object.hasOwn(SUCCESS_WRAPPERS, callee.name)) {
    const entry = SUCCESS_WRAPPERS[callee.name]!;
    failure = { name: entry.failure, sameModule: true, takesFactory: entry.takesFactory ?? false };
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberPropertyName(callee);
    const namespace = lastName(callee.object);
    if (isMember(callee, 'Promise', 'resolve')) {
      failure = { name: 'Promise.reject', sameModule: false, takesFactory: false };
    } else if (method && Object.hasOwn(SUCCESS_METHODS, method) && namespace && WRAPPER_NAMESPACE.test(namespace)) {
      failure = { name: `${dottedName(callee.object) ?? namespace}.${SUCCESS_METHODS[method]}`, sameModule: false, takesFactory: false };
    }
  }
  if (!failure) return null;
  const argument = node.arguments[0];
  if (!argument) return failure.name === 'throwError' ? null : { kind: 'wrapped', node, failure, inner: null };
  if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const inner = classifySentinel(argument);
  return inner ? { kind: 'wrapped', node, failure, inner } : null;
}

const MARKER_TEXT = /^\s*time[ds]?[\s_-]?out\s*$/i;
/** `TIMED_OUT`, `QUERY_TIMEOUT`: two tests, as `^[A-Z_]*TIME…OUT[A-Z_]*$` backtracks on a long name. */
const CONSTANT_CASE = /^[A-Z_]+$/;
const MARKER_WORD = /TIME[DS]?_?OUT/;

/**
 * A timeout marker on the success channel: `'timeout'`, `TIMED_OUT`, `Symbol('timeout')`. Callers
 * must compare the result with it to learn that the work timed out: the sentinel pattern again.
 */
function isTimeoutMarker(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' && MARKER_TEXT.test(node.value);
    case AST_NODE_TYPES.Identifier:
      return CONSTANT_CASE.test(node.name) && MARKER_WORD.test(node.name);
    case AST_NODE_TYPES.CallExpression:
      return (
        isIdentifierNamed(unwrap(node.callee), 'Symbol') && node.arguments[0] !== undefined && isTimeoutMarker(unwrap(node.arguments[0]))
      );
    default:
      return false;
  }
}

function isIdentifierNamed(node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** Classifies `node` as a success-shaped sentinel, or returns null. */
export function classifySentinel(node: Node): Sentinel | null {
  const target = unwrap(node);
  if (isTimeoutMarker(target)) return { kind: 'empty', node: target };
  switch (target.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return target.elements.length === 0 ? { kind: 'empty', node: target } : tupleSentinel(target);
    case AST_NODE_TYPES.ObjectExpression:
      return objectSentinel(target);
    case AST_NODE_TYPES.CallExpression:
      return wrappedSentinel(target);
    default:
      return isEmptyValue(target) ? { kind: 'empty', node: target } : null;
  }
}

/** `false`: a sentinel only where the code does not otherwise answer yes or no. */
export function isBooleanFalse(sentinel: Sentinel): boolean {
  const node = unwrap(sentinel.node);
  return sentinel.kind === 'empty' && node.type === AST_NODE_TYPES.Literal && node.value === false;
}

/** `undefined`, `Promise.resolve()`: no value at all, a sentinel only where the code returns values elsewhere. */
export function isValueless(sentinel: Sentinel): boolean {
  if (sentinel.kind === 'wrapped') return sentinel.inner === null;
  const node = unwrap(sentinel.node);
  return sentinel.kind === 'empty' && node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/** `0`, `-1`, `NaN`: a sentinel only where the code does not compute a number of milliseconds. */
export function isNumeric(sentinel: Sentinel): boolean {
  const node = unwrap(sentinel.node);
  if (sentinel.kind !== 'empty') return false;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number';
  return node.type === AST_NODE_TYPES.UnaryExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === 'NaN');
}
