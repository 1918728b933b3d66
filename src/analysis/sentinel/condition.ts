import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { isNullish, leavesBlock, unwrap } from '../js/ast.js';

type Node = TSESTree.Node;

/** A branch taken when a value is zero, empty or missing: `rev === 0 ? loadAll() : loadSince(rev)`. */
export interface SentinelBranch {
  /** The value tested: `rev`. */
  subject: Node;
  /** The test as written: `rev === 0`. */
  test: Node;
  /** What runs when the value is the sentinel. */
  sentinelSide: Node;
  /** What runs otherwise, if anything. */
  otherSide: Node | null;
}

/** `new Date(0)`, or a constant named for the epoch (`EPOCH`, `UNIX_EPOCH`, `epoch`): time's zero. */
export function isEpoch(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier)
    return target.name === 'epoch' || (target.name.includes('EPOCH') && /^[A-Z0-9_]+$/.test(target.name));
  return (
    target.type === AST_NODE_TYPES.NewExpression &&
    target.callee.type === AST_NODE_TYPES.Identifier &&
    target.callee.name === 'Date' &&
    target.arguments.length === 1 &&
    isLiteralNumber(target.arguments[0]!, 0)
  );
}

/** `since.getTime()`, `+since`, `Number(since)`: the value a time is compared as, stripped to the time. */
function timeOf(node: Node): Node {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '+') return unwrap(target.argument);
  if (target.type !== AST_NODE_TYPES.CallExpression || target.arguments.length > 1) return target;
  const callee = unwrap(target.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Number' && target.arguments[0]) return unwrap(target.arguments[0]);
  const isGetTime =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'getTime' &&
    target.arguments.length === 0;
  return isGetTime ? unwrap(callee.object) : target;
}

/** `0`, `''`, `null`, `undefined`, `-1`, the epoch: a zero, empty or missing value. */
export function isZeroLike(node: Node): boolean {
  const target = unwrap(node);
  if (isNullish(target) || isEpoch(target)) return true;
  if (target.type === AST_NODE_TYPES.Literal)
    return target.value === 0 || target.value === '' || (target.raw === 'null' && target.value === null);
  return (
    target.type === AST_NODE_TYPES.UnaryExpression &&
    target.operator === '-' &&
    target.argument.type === AST_NODE_TYPES.Literal &&
    target.argument.value === 1
  );
}

function isLiteralNumber(node: Node, value: number): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && target.value === value;
}

/**
 * Which side of `test` runs for a zero, empty or missing `subject`: `x === 0`, `x <= 0`,
 * `x === -1`, `x == null`, `!x` (the `true` side); `x !== 0`, `x > 0`, `x` (the `false` side).
 */
export function sentinelSideOf(test: Node): { subject: Node; side: 'true' | 'false' } | null {
  const node = unwrap(test);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator !== '!') return null;
      if (unwrap(node.argument).type === AST_NODE_TYPES.UnaryExpression) return null;
      return { subject: unwrap(node.argument), side: 'true' };
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return { subject: node, side: 'false' };
    case AST_NODE_TYPES.BinaryExpression: {
      const { left, right, operator } = node;
      if (left.type === AST_NODE_TYPES.PrivateIdentifier) return null;
      const [subject, constant] = isZeroLike(right) ? [left, right] : isZeroLike(left) ? [right, left] : [left, right];
      if (operator === '===' || operator === '==') return isZeroLike(constant) ? { subject: timeOf(subject), side: 'true' } : null;
      if (operator === '!==' || operator === '!=') return isZeroLike(constant) ? { subject: timeOf(subject), side: 'false' } : null;
      // x <= 0, x < 1 and x > 0, x >= 1, with the value on the left
      if (operator === '<=' && isLiteralNumber(right, 0)) return { subject: timeOf(left), side: 'true' };
      if (operator === '<' && isLiteralNumber(right, 1)) return { subject: timeOf(left), side: 'true' };
      if (operator === '>' && isLiteralNumber(right, 0)) return { subject: timeOf(left), side: 'false' };
      if (operator === '>=' && isLiteralNumber(right, 1)) return { subject: timeOf(left), side: 'false' };
      return null;
    }
    default:
      return null;
  }
}

/** The sentinel branch of an `if`, a ternary, or `x || load()` / `x ?? load()`. */
export function sentinelBranchOf(
  node: TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.LogicalExpression,
): SentinelBranch | null {
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    if (node.operator === '&&') return null;
    const subject = unwrap(node.left);
    return { subject, test: node.left, sentinelSide: node.right, otherSide: null };
  }
  const found = sentinelSideOf(node.test);
  if (!found) return null;
  const sentinelSide = found.side === 'true' ? node.consequent : node.alternate;
  if (!sentinelSide) return null;
  const otherSide = found.side === 'true' ? node.alternate : node.consequent;
  return { subject: found.subject, test: node.test, sentinelSide, otherSide: otherSide ?? null };
}

/**
 * A sentinel branch as lists of statements or expressions, so that an early return's other side
 * can be the rest of its block: `if (!since) return loadAll(); return loadSince(since);`.
 */
export interface SentinelPaths {
  subject: Node;
  test: Node;
  /** What runs when the value is the sentinel. */
  sentinelSide: readonly Node[];
  /** What runs otherwise (empty when nothing does). */
  otherSide: readonly Node[];
  /** The `if`'s consequent when it is the sentinel side on its own: what a fix may replace. */
  consequent: TSESTree.Statement | null;
}

/** The statements after `node` in the list that holds it (a block, a case, the program). */
function statementsAfter(node: TSESTree.Statement): readonly Node[] {
  const parent = node.parent;
  const list =
    parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program || parent?.type === AST_NODE_TYPES.StaticBlock
      ? parent.body
      : parent?.type === AST_NODE_TYPES.SwitchCase
        ? parent.consequent
        : null;
  if (!list) return [];
  const at = (list as readonly Node[]).indexOf(node);
  return at === -1 ? [] : list.slice(at + 1);
}

/** `sentinelBranchOf`, with an `if` that returns early taking the rest of its block as its other side. */
export function sentinelPathsOf(
  node: TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.LogicalExpression,
): SentinelPaths | null {
  if (node.type === AST_NODE_TYPES.IfStatement && node.alternate === null) {
    const found = sentinelSideOf(node.test);
    if (!found) return null;
    const rest = leavesBlock(node.consequent) ? statementsAfter(node) : [];
    if (found.side === 'true')
      return { subject: found.subject, test: node.test, sentinelSide: [node.consequent], otherSide: rest, consequent: node.consequent };
    // `if (since) return loadSince(since); return loadAll();`: the rest runs for the sentinel.
    return rest.length > 0
      ? { subject: found.subject, test: node.test, sentinelSide: rest, otherSide: [node.consequent], consequent: null }
      : null;
  }
  const branch = sentinelBranchOf(node);
  if (!branch) return null;
  const consequent = node.type === AST_NODE_TYPES.IfStatement && branch.sentinelSide === node.consequent ? node.consequent : null;
  return {
    subject: branch.subject,
    test: branch.test,
    sentinelSide: [branch.sentinelSide],
    otherSide: branch.otherSide ? [branch.otherSide] : [],
    consequent,
  };
}
