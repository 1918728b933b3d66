import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../js/ast.js';

const TIMEOUT_WORDS = /\btime[ds]?[\s_-]?out\b|\btimed[\s_-]?out\b|deadline exceeded|\bE(SOCKET)?TIMEDOUT\b/i;
/** "invalid timeout", "timeout must be a positive number": a complaint about a setting, not a timeout. */
const VALIDATION_WORDS =
  /\b(invalid|must|should|expected|expects|negative|positive|non-negative|not a (valid )?number|integer|finite|out of range|cannot be|can't be|required|unsupported|option|setting|config)\b/i;

/** The static text of a message: string literals, template chunks and concatenated literals. */
export function staticText(node: TSESTree.Node): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string' ? target.value : null;
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return target.quasis.map((q) => q.value.cooked ?? '').join(' ');
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '+') {
    const left = staticText(target.left);
    const right = staticText(target.right);
    return left === null && right === null ? null : `${left ?? ''} ${right ?? ''}`;
  }
  return null;
}

const CANCELLATION_WORDS = /\b(cancel(l?ed|lation)?|abort(ed)?)\b/i;

/** Whether a message says the work was cancelled or aborted: a cancellation, which a timeout error would misname. */
export function isCancellationMessage(node: TSESTree.Node): boolean {
  const text = staticText(node);
  return text !== null && CANCELLATION_WORDS.test(text) && !TIMEOUT_WORDS.test(text);
}

/** Whether a message says that something timed out (and is not a complaint about a timeout setting). */
export function isTimeoutMessage(node: TSESTree.Node): boolean {
  const text = staticText(node);
  return text !== null && TIMEOUT_WORDS.test(text) && !VALIDATION_WORDS.test(text);
}
