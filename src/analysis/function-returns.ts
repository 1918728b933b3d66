import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { findInSubtree, type FunctionNode } from './ast.js';

/**
 * Whether a function returns a value somewhere (`return x;`, or an arrow's expression body),
 * ignoring nested functions. Cached per function: only asked about functions with a bare `return;`
 * on a timeout path.
 */
export class ReturnsValueIndex {
  private readonly cache = new WeakMap<FunctionNode, boolean>();

  constructor(private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys) {}

  returnsValue(fn: FunctionNode): boolean {
    let known = this.cache.get(fn);
    if (known === undefined) {
      known =
        fn.body.type !== AST_NODE_TYPES.BlockStatement ||
        findInSubtree(
          fn.body,
          this.visitorKeys,
          (node) => (node.type === AST_NODE_TYPES.ReturnStatement && node.argument ? true : null),
          { enterFunctions: false },
        ) !== null;
      this.cache.set(fn, known);
    }
    return known;
  }
}
