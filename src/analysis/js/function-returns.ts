import { AST_NODE_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { dottedName, findInSubtree, type FunctionNode, isFunction, SKIP_NESTED_FUNCTIONS, unwrap } from './ast.js';

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
  private readonly valueCache = new Map<FunctionNode, boolean>();
  private readonly realValueCache = new Map<FunctionNode, boolean>();
  private readonly booleanCache = new Map<FunctionNode, boolean>();

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

  /**
   * Whether the function returns a value that is not nothing: not only `undefined`,
   * `Promise.resolve()` or a `new Promise` resolved with no argument (`wait()`, `drain()`).
   */
  returnsRealValue(fn: FunctionNode): boolean {
    let known = this.realValueCache.get(fn);
    if (known === undefined) {
      known = this.someReturn(fn, (argument) => !this.isNothing(argument));
      this.realValueCache.set(fn, known);
    }
    return known;
  }

  private isNothing(node: TSESTree.Expression): boolean {
    const target = unwrap(node);
    switch (target.type) {
      case AST_NODE_TYPES.Identifier:
        return target.name === 'undefined';
      case AST_NODE_TYPES.UnaryExpression:
        return target.operator === 'void';
      case AST_NODE_TYPES.CallExpression:
        return target.arguments.length === 0 && dottedName(target.callee) === 'Promise.resolve';
      case AST_NODE_TYPES.NewExpression:
        return dottedName(target.callee) === 'Promise' && this.resolvesWithNothing(target.arguments[0]);
      default:
        return false;
    }
  }

  /** An executor whose `resolve` is only ever called bare (`resolve()`), here or in its callbacks. */
  private resolvesWithNothing(executor: TSESTree.Node | undefined): boolean {
    if (!executor || !isFunction(executor)) return false;
    const resolve = executor.params[0];
    if (resolve?.type !== AST_NODE_TYPES.Identifier) return false;
    const name = resolve.name;
    const withValue = findInSubtree(executor.body, this.visitorKeys, (node) =>
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === name &&
      node.arguments.length > 0
        ? true
        : null,
    );
    return withValue === null;
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
