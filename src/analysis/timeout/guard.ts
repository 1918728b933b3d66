import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';
import { dottedName, findInSubtree, lastName, memberPropertyName, SKIP_NESTED_FUNCTIONS, unwrap } from '../js/ast.js';
import { nameHasWord, type TimeoutVocabulary } from './vocabulary.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** On which outcome of a test the code has timed out: `true` side, `false` side, or neither is known. */
export type TimeoutSide = 'true' | 'false' | null;

const invert = (side: TimeoutSide): TimeoutSide => (side === 'true' ? 'false' : side === 'false' ? 'true' : null);

/** Error names and codes that mean "timed out" (undici, Node, axios, node-fetch, PostgreSQL's statement timeout). */
export const TIMEOUT_ERROR_NAMES: ReadonlySet<string> = new Set(['TimeoutError', 'AbortError']);
export const TIMEOUT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'ETIME',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ABORT_ERR',
  'request-timeout',
  '57014',
]);
const TIMEOUT_TEXT = /time[ds]?[\s_-]?out/i;
const ERROR_FIELDS = new Set(['name', 'code', 'message', 'type', 'errno', 'reason', 'constructor']);

function isTimeoutLiteralText(text: string): boolean {
  return TIMEOUT_ERROR_NAMES.has(text) || TIMEOUT_ERROR_CODES.has(text) || TIMEOUT_TEXT.test(text);
}

function literalText(node: Node): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) {
    if ('regex' in target && target.regex) return target.regex.pattern;
    return typeof target.value === 'string' ? target.value : null;
  }
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) {
    return target.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** `err.code`, `e.name`, `error.cause.message`, `signal.reason.name`: a field that says which error it is. */
export function isErrorField(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberPropertyName(target);
    return name !== null && ERROR_FIELDS.has(name);
  }
  // `err.message.toLowerCase()`
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type === AST_NODE_TYPES.MemberExpression) {
    return isErrorField(target.callee.object);
  }
  return false;
}

/** Whether `node` tests that an error is a timeout: positive `true` when the test passes for timeouts. */
export function timeoutErrorTest(node: Expression): TimeoutSide {
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator === 'instanceof') {
        const name = lastName(node.right);
        return name && (name.endsWith('TimeoutError') || name === 'AbortError') ? 'true' : null;
      }
      const equality = node.operator === '===' || node.operator === '==';
      const inequality = node.operator === '!==' || node.operator === '!=';
      if (!equality && !inequality) return null;
      const left = node.left;
      const [field, text] = literalText(node.right) !== null ? [left, literalText(node.right)] : [node.right, literalText(left)];
      if (text === null || !isErrorField(field) || !isTimeoutLiteralText(text)) return null;
      return equality ? 'true' : 'false';
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      const name = lastName(callee);
      // isTimeoutError(err), errors.isTimeout(e)
      if (name && /^is.*time[ds]?_?out/i.test(name)) return 'true';
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      // /timed? out/i.test(err.message): a pattern's source mentions both words
      const pattern = literalText(callee.object);
      if (name === 'test' && pattern !== null && /time/i.test(pattern) && /out/i.test(pattern)) {
        return node.arguments.some((arg) => isErrorField(arg)) ? 'true' : null;
      }
      // err.message.includes('timeout'), ['ETIMEDOUT', ...].includes(err.code), TIMEOUT_CODES.has(err.code)
      if (name === 'includes' || name === 'startsWith' || name === 'endsWith' || name === 'match' || name === 'has') {
        const arg = node.arguments[0];
        if (!arg) return null;
        const argText = literalText(arg);
        if (argText !== null && isTimeoutLiteralText(argText) && isErrorField(callee.object)) return 'true';
        if (isErrorField(arg)) {
          const list = unwrap(callee.object);
          if (list.type === AST_NODE_TYPES.ArrayExpression) {
            return list.elements.some((e) => e && literalText(e) !== null && isTimeoutLiteralText(literalText(e)!)) ? 'true' : null;
          }
          return TIMEOUT_TEXT.test(lastName(list) ?? '') ? 'true' : null;
        }
      }
      return null;
    }
    default:
      return null;
  }
}

function isNowCall(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '+') {
    return target.argument.type === AST_NODE_TYPES.NewExpression && dottedName(target.argument.callee) === 'Date';
  }
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = dottedName(target.callee);
  if (name === 'Date.now' || name === 'performance.now' || name === 'process.hrtime.bigint' || name === 'now') return true;
  // new Date().getTime(), new Date().valueOf()
  const callee = target.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    (memberPropertyName(callee) === 'getTime' || memberPropertyName(callee) === 'valueOf') &&
    callee.object.type === AST_NODE_TYPES.NewExpression &&
    dottedName(callee.object.callee) === 'Date' &&
    callee.object.arguments.length === 0
  );
}

/** `Date.now()`, `performance.now()`, `process.hrtime(start)`, `new Date()`, `elapsedSince(t)`: reads a clock. */
function isClockRead(node: Node, words: TimeoutVocabulary): boolean {
  if (isNowCall(node)) return true;
  if (node.type === AST_NODE_TYPES.NewExpression) return dottedName(node.callee) === 'Date' && node.arguments.length === 0;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = lastName(node.callee);
  return name === 'hrtime' || name === 'now' || nameHasWord(name, words.elapsed);
}

/** Whether an expression reads a clock anywhere in it (`Date.now() - start`, `(performance.now() - t0) / 1000`). */
export function readsClock(expression: Node, words: TimeoutVocabulary, visitorKeys: SourceCode['visitorKeys']): boolean {
  return findInSubtree(expression, visitorKeys, (node) => (isClockRead(node, words) ? true : null), SKIP_NESTED_FUNCTIONS) !== null;
}

/** Strips unit conversions around a time value: `Number(x)`, `x / 1e6`, `Math.round(x)`, `x[0]`. */
function stripConversions(node: Node): Node {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.length === 1) {
      const name = dottedName(current.callee);
      if (name === 'Number' || name === 'Math.round' || name === 'Math.floor' || name === 'Math.ceil' || name === 'BigInt') {
        current = unwrap(current.arguments[0]!);
        continue;
      }
    }
    if (
      current.type === AST_NODE_TYPES.BinaryExpression &&
      (current.operator === '/' || current.operator === '*') &&
      unwrap(current.right).type === AST_NODE_TYPES.Literal
    ) {
      current = unwrap(current.left);
      continue;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression && current.computed && current.property.type === AST_NODE_TYPES.Literal) {
      current = unwrap(current.object);
      continue;
    }
    return current;
  }
}

type ElapsedKind = 'named' | 'since-start' | 'since-unknown' | null;

/**
 * Whether a named value (`elapsed`, `durationMs`) was measured with a clock: read from
 * `Date.now()`, `performance.now()`, `process.hrtime()` or an elapsed helper. A data field compared
 * with a limit (`video.durationSec > maxDurationSec`) is no clock.
 */
export type ClockTest = (value: TSESTree.Identifier | TSESTree.MemberExpression) => boolean;

/** What a test is read with: the timeout words, and how to tell a clock reading from data. */
export interface TestReading {
  words: TimeoutVocabulary;
  isClock: ClockTest;
  /**
   * Whether a value is the time left before a deadline: `deadline - Date.now()`, or a variable
   * written from one (`const remaining = this._deadline - now`, `now` read from a clock).
   */
  isTimeLeft?: (value: Node) => boolean;
}

/** `deadline - Date.now()`, `this._blockingDeadline - now`: a deadline minus a clock reading. */
export function isTimeLeftExpression(node: Node, words: TimeoutVocabulary, isClockValue: (value: Node) => boolean): boolean {
  const target = stripConversions(node);
  return (
    target.type === AST_NODE_TYPES.BinaryExpression &&
    target.operator === '-' &&
    isLimit(target.left, words, words.deadline) &&
    (isNowCall(target.right) || isClockValue(unwrap(target.right)))
  );
}

function isZero(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && target.value === 0;
}

function elapsedKind(node: Node, reading: TestReading): ElapsedKind {
  const { words } = reading;
  const target = stripConversions(node);
  if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
    return nameHasWord(lastName(target), words.elapsed) && reading.isClock(target) ? 'named' : null;
  }
  // process.hrtime(start)
  if (target.type === AST_NODE_TYPES.CallExpression && dottedName(target.callee) === 'process.hrtime' && target.arguments.length === 1) {
    return 'since-start';
  }
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '-' && isNowCall(target.left)) {
    return nameHasWord(lastName(target.right), words.start) ? 'since-start' : 'since-unknown';
  }
  // elapsedSince(start), timer.elapsed(), stopwatch.getDuration(): a helper that measures. What it
  // measures is less certain than a variable's name, so only a named limit makes it a timeout test
  // (`getDuration(video) > 600` is not one).
  if (target.type === AST_NODE_TYPES.CallExpression && nameHasWord(lastName(target.callee), words.elapsed)) {
    return 'since-unknown';
  }
  return null;
}

function isLimit(node: Node, words: TimeoutVocabulary, names: readonly string[]): boolean {
  const target = stripConversions(node);
  if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
    return nameHasWord(lastName(target), names);
  }
  // start + timeout, timeout - margin
  if (target.type === AST_NODE_TYPES.BinaryExpression && (target.operator === '+' || target.operator === '-')) {
    return isLimit(target.left, words, names) || isLimit(target.right, words, names);
  }
  return false;
}

/**
 * A literal limit for a named elapsed time: `elapsed > 3000`. Not zero or less: `duration > 0`
 * asks whether a duration is set (`this.blockDuration > 0 && …`), not whether time ran out.
 */
function isPositiveNumber(node: Node): boolean {
  const target = stripConversions(node);
  return target.type === AST_NODE_TYPES.Literal && typeof target.value === 'number' && target.value > 0;
}

/** `big` exceeds `small` in the sense "elapsed time is past its limit". */
function exceeds(big: Node, small: Node, reading: TestReading): boolean {
  const { words } = reading;
  const kind = elapsedKind(big, reading);
  if (kind === 'named') return isPositiveNumber(small) || isLimit(small, words, words.limit);
  if (kind === 'since-start') return true;
  if (kind === 'since-unknown') return isLimit(small, words, words.limit);
  // Date.now() > deadline
  return isNowCall(big) && isLimit(small, words, words.deadline);
}

/** `remaining <= 0`, `0 >= timeLeft`: no time left is a timeout; `remaining > 0` is in budget. */
function timeLeftSide(node: TSESTree.BinaryExpression, reading: TestReading): TimeoutSide {
  const isTimeLeft = reading.isTimeLeft;
  const relational = node.operator === '<' || node.operator === '<=' || node.operator === '>' || node.operator === '>=';
  if (!isTimeLeft || !relational) return null;
  const [value, operator] = isZero(node.right)
    ? [node.left, node.operator]
    : isZero(node.left)
      ? [node.right, ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[node.operator]]
      : [null, null];
  if (!value || !operator || !isTimeLeft(value)) return null;
  if (operator === '<=' || operator === '<') return 'true';
  return operator === '>' ? 'false' : null;
}

function comparisonSide(node: TSESTree.BinaryExpression, reading: TestReading): TimeoutSide {
  const { left, right } = node;
  if (left.type === AST_NODE_TYPES.PrivateIdentifier) return null;
  const timeLeft = timeLeftSide(node, reading);
  if (timeLeft) return timeLeft;
  switch (node.operator) {
    case '>':
    case '>=':
      return exceeds(left, right, reading) ? 'true' : exceeds(right, left, reading) ? 'false' : null;
    case '<':
    case '<=':
      return exceeds(right, left, reading) ? 'true' : exceeds(left, right, reading) ? 'false' : null;
    default:
      return null;
  }
}

/**
 * Objects whose abort is an end of life, not a timeout: `this.#teardown.signal.aborted`,
 * `closeSignal.aborted`, `shutdownController.signal.aborted`, `cancelSignal.aborted`.
 */
const LIFECYCLE_WORDS = ['teardown', 'shutdown', 'close', 'dispose', 'destroy', 'stop', 'cancel', 'exit', 'terminat', 'unmount'];

/** The names along a member chain (`this.#teardown.signal` → `teardown`, `signal`), private names included. */
function chainNames(node: Node): string[] {
  const names: string[] = [];
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const property = current.property;
    if (!current.computed && (property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier))
      names.push(property.name);
    current = unwrap(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) names.push(current.name);
  return names;
}

/** `signal.aborted`, `state.aborted`: an abort flag, which a cancellation sets as well as a timeout. */
export function abortFlag(node: Node): TSESTree.MemberExpression | null {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(target) === 'aborted' ? target : null;
}

function isTimeoutFlag(node: Node, words: TimeoutVocabulary): boolean {
  const target = unwrap(node);
  const aborted = abortFlag(target);
  if (aborted) return !chainNames(aborted.object).some((name) => nameHasWord(name, LIFECYCLE_WORDS));
  if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) {
    return nameHasWord(lastName(target), words.flags);
  }
  return false;
}

/**
 * On which side of `test` the program has timed out. Understands elapsed-time comparisons,
 * deadlines, abort and timed-out flags, and tests that an error is a timeout, combined with
 * `!`, `&&` and `||`.
 */
export function timeoutSide(test: Node, reading: TestReading): TimeoutSide {
  const { words } = reading;
  const node = unwrap(test);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' ? invert(timeoutSide(node.argument, reading)) : null;
    case AST_NODE_TYPES.LogicalExpression: {
      const left = timeoutSide(node.left, reading);
      const right = timeoutSide(node.right, reading);
      // `a && b` true means both held; `a || b` false means both failed.
      if (node.operator === '&&') return left === 'true' || right === 'true' ? 'true' : null;
      if (node.operator === '||') {
        if (left === 'false' || right === 'false') return 'false';
        // Either side leads here, so a timeout does too.
        return left === 'true' || right === 'true' ? 'true' : null;
      }
      return null;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const errorTest = timeoutErrorTest(node);
      if (errorTest) return errorTest;
      // `timedOut === true`, `signal.aborted === false`
      if (
        (node.operator === '===' || node.operator === '!==') &&
        node.right.type === AST_NODE_TYPES.Literal &&
        typeof node.right.value === 'boolean'
      ) {
        const side = isTimeoutFlag(node.left, words) ? 'true' : null;
        const flip = (node.operator === '!==') !== (node.right.value === false);
        return flip ? invert(side) : side;
      }
      return comparisonSide(node, reading);
    }
    case AST_NODE_TYPES.CallExpression:
      return timeoutErrorTest(node);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return isTimeoutFlag(node, words) ? 'true' : null;
    default:
      return null;
  }
}

/** `switch (err.code) { case 'ETIMEDOUT': … }`: whether this case is reached by timeouts. */
export function isTimeoutCase(switchCase: TSESTree.SwitchCase, discriminant: Node): boolean {
  if (!switchCase.test || !isErrorField(discriminant)) return false;
  const text = literalText(switchCase.test);
  return text !== null && isTimeoutLiteralText(text);
}
