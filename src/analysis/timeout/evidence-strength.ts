import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../js/ast.js';
import { abortFlag, isErrorField, type TestReading, timeoutErrorTest, timeoutSide } from './guard.js';

type Node = TSESTree.Node;

/** The first name of the value a test reads (`err` of `err.code === 'ETIMEDOUT'`, of `isTimeoutError(err)`). */
function testedRoot(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      const argument = current.arguments[0];
      const argumentRead = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : null;
      // `isTimeoutError(err)` and `CODES.has(err.code)` read their argument; `err.message.includes('timeout')` reads `err`.
      if (callee.type === AST_NODE_TYPES.MemberExpression && !(argumentRead && isErrorField(argumentRead))) current = unwrap(callee.object);
      else if (argumentRead) current = unwrap(argumentRead);
      else return null;
    } else if (current.type === AST_NODE_TYPES.BinaryExpression) {
      current = unwrap(current.left.type === AST_NODE_TYPES.PrivateIdentifier ? current.right : current.left);
      if (current.type === AST_NODE_TYPES.Literal) return null;
    } else return current.type === AST_NODE_TYPES.Identifier ? current : null;
  }
}

/**
 * Whether a test's timeout side rests on weak evidence only, so that a fix on its path is offered,
 * never applied by `--fix`: an abort flag (`signal.aborted`, which a cancellation sets as well), or
 * a test that an error is a timeout where the error is not one the function's own work failed with
 * (`cause instanceof SocketTimeoutError` on a parameter: a reconnect strategy deciding what to do
 * about a timeout elsewhere, whose `false` is its answer). Clocks, deadlines, timed-out flags and
 * tests of a caught error (`isCaught`) are strong evidence; a test combining several (`a && b`)
 * is weak when every part that says "timed out" is.
 */
export function isWeakTimeoutTest(test: Node, reading: TestReading, isCaught: (error: TSESTree.Identifier) => boolean): boolean {
  return evidenceOf(test, reading, isCaught) === 'weak';
}

type Evidence = 'strong' | 'weak' | null;

function evidenceOf(test: Node, reading: TestReading, isCaught: (error: TSESTree.Identifier) => boolean): Evidence {
  // `!`, `&&` and `||` down to the parts that say something; a loop along a chain's left side.
  let strongest: Evidence = null;
  const pending: Node[] = [test];
  while (pending.length > 0) {
    const node = unwrap(pending.pop()!);
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') pending.push(node.argument);
    else if (node.type === AST_NODE_TYPES.LogicalExpression) pending.push(node.left, node.right);
    else {
      const part = partEvidence(node, reading, isCaught);
      if (part === 'strong') return 'strong';
      strongest ??= part;
    }
  }
  return strongest;
}

function partEvidence(node: Node, reading: TestReading, isCaught: (error: TSESTree.Identifier) => boolean): Evidence {
  if (timeoutSide(node, reading) === null) return null;
  const flag = node.type === AST_NODE_TYPES.BinaryExpression && node.right.type === AST_NODE_TYPES.Literal ? node.left : node;
  if (abortFlag(flag)) return 'weak';
  if ((node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.CallExpression) && timeoutErrorTest(node) !== null) {
    const error = testedRoot(node);
    return error === null || !isCaught(error) ? 'weak' : 'strong';
  }
  return 'strong';
}
