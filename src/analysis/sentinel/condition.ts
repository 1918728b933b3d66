import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { isNullish, unwrap } from '../js/ast.js';

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

function isZeroLike(node: Node): boolean {
  const target = unwrap(node);
  if (isNullish(target)) return true;
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
      if (operator === '===' || operator === '==') return isZeroLike(constant) ? { subject: unwrap(subject), side: 'true' } : null;
      if (operator === '!==' || operator === '!=') return isZeroLike(constant) ? { subject: unwrap(subject), side: 'false' } : null;
      // x <= 0, x < 1 and x > 0, x >= 1, with the value on the left
      if (operator === '<=' && isLiteralNumber(right, 0)) return { subject: unwrap(left), side: 'true' };
      if (operator === '<' && isLiteralNumber(right, 1)) return { subject: unwrap(left), side: 'true' };
      if (operator === '>' && isLiteralNumber(right, 0)) return { subject: unwrap(left), side: 'false' };
      if (operator === '>=' && isLiteralNumber(right, 1)) return { subject: unwrap(left), side: 'false' };
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
