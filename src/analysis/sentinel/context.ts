import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findInSubtree, functionName, type FunctionNode, literalString, SKIP_NESTED_FUNCTIONS } from '../js/ast.js';
import { FunctionResults, isBooleanAnswer } from '../js/function-returns.js';
import { findVariable } from '../js/imports.js';
import { isBooleanFalse, isNumeric, isValueless, type Sentinel } from './values.js';
import { scopeOf } from '../js/scopes.js';

/** A `false` from these is the answer itself ("not ready yet"), not a disguised timeout. */
const PREDICATE_NAME = /^(is|has|can|should|wait|try|poll|check|ping|settles?|did|was)([A-Z_]|$)/;
/** Functions that compute a time, where `0` means "no time left": `remainingTime`, `getDelay`, `getRelativeTimeout`. */
const TIME_VALUE_NAME =
  /remaining|timeleft|elapsed|duration|delay|backoff|ttl|deadline|until|interval|jitter|^(?:get|compute|calc|calculate)\w*timeout$/i;

function namedFunction(node: TSESTree.Node): { fn: FunctionNode; name: string } | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name) return { fn, name };
  }
  return null;
}

/**
 * Tells a sentinel from a value that is the real answer in its context: `false` from a function
 * that answers yes/no elsewhere, `0` from a function that computes a time, nothing from a
 * function that never returns anything else.
 */
export class SentinelContext {
  readonly results: FunctionResults;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {
    this.results = new FunctionResults(sourceCode.visitorKeys);
  }

  /** `producer` is where the value is produced; `settle` the `resolve`/`cb` that carries it, if any. */
  isRealAnswer(sentinel: Sentinel, producer: TSESTree.Node, settle?: TSESTree.Identifier): boolean {
    // `return 'timeout'` beside `return 'error'`: a function that classifies, whose labels are its answers.
    const label = literalString(sentinel.node);
    if (label !== null && label !== '') {
      const fn = enclosingFunction(producer);
      return fn !== null && this.returnsOtherStrings(fn, sentinel.node);
    }
    if (isBooleanFalse(sentinel)) return this.answersYesNo(producer, settle);
    // `return Promise.resolve()` from a `wait()` that never resolves with a value: the only answer.
    if (!settle && isValueless(sentinel)) {
      const fn = enclosingFunction(producer);
      return fn !== null && !this.results.returnsRealValue(fn);
    }
    if (isNumeric(sentinel)) {
      const named = namedFunction(producer);
      return named !== null && TIME_VALUE_NAME.test(named.name);
    }
    return false;
  }

  private returnsOtherStrings(fn: FunctionNode, own: TSESTree.Node): boolean {
    return (
      findInSubtree(
        fn.body,
        this.sourceCode.visitorKeys,
        (node) =>
          node.type === AST_NODE_TYPES.ReturnStatement && node.argument && node.argument !== own && literalString(node.argument) !== null
            ? true
            : null,
        SKIP_NESTED_FUNCTIONS,
      ) !== null
    );
  }

  private answersYesNo(producer: TSESTree.Node, settle?: TSESTree.Identifier): boolean {
    const named = namedFunction(producer);
    if (named && PREDICATE_NAME.test(named.name)) return true;
    if (settle) {
      // resolve(msg.success === true) elsewhere: this promise answers yes or no.
      const variable = findVariable(scopeOf(this.sourceCode, settle), settle.name);
      return (
        variable?.references.some((ref) => {
          const call = ref.identifier.parent;
          return (
            call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier && call.arguments.some((a) => isBooleanAnswer(a))
          );
        }) ?? false
      );
    }
    const fn = enclosingFunction(producer);
    return fn !== null && this.results.answersWithBooleans(fn);
  }
}
