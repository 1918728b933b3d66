import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, type FunctionNode, SKIP_NESTED_FUNCTIONS, unwrap } from './ast.js';

const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);

/** `true`, `!x`, `a === b`: an expression that answers yes or no (a bare `false` does not count). */
export function isBooleanAnswer(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  const target = unwrap(node);
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return target.value === true;
    case AST_NODE_TYPES.UnaryExpression:
      return target.operator === '!';
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.has(target.operator);
    default:
      return false;
  }
}

/**
 * Facts about what a function returns, ignoring nested functions, cached per function. Asked only
 * about functions with a sentinel on a timeout path, so most functions are never scanned.
 */
export class FunctionResults {
  private readonly valueCache = new WeakMap<FunctionNode, boolean>();
  private readonly booleanCache = new WeakMap<FunctionNode, boolean>();

  constructor(private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys) {}

  private someReturn(fn: FunctionNode, test: (argument: TSESTree.Expression) => boolean): boolean {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return test(fn.body);
    const found = findInSubtree(
      fn.body,
      this.visitorKeys,
      (node) => (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && test(node.argument) ? true : null),
      SKIP_NESTED_FUNCTIONS,
    );
    return found !== null;
  }

  /** Whether the function returns a value somewhere (`return x;` or an expression body). */
  returnsValue(fn: FunctionNode): boolean {
    let known = this.valueCache.get(fn);
    if (known === undefined) {
      known = this.someReturn(fn, () => true);
      this.valueCache.set(fn, known);
    }
    return known;
  }

  /** Whether the function answers a yes/no question elsewhere, so its `false` is an answer. */
  answersWithBooleans(fn: FunctionNode): boolean {
    let known = this.booleanCache.get(fn);
    if (known === undefined) {
      known = this.someReturn(fn, isBooleanAnswer);
      this.booleanCache.set(fn, known);
    }
    return known;
  }
}
