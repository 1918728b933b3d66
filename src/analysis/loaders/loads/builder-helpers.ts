import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, type FunctionNode, literalString, memberPropertyName, unwrap } from '../../js/ast.js';
import { sameFileCallee } from '../../js/index.js';
import type { BuilderLoader } from '../catalog.js';

// Functions a builder is handed to (`this.parseFilter(filter, query)`): whether one may bound it.

type Node = TSESTree.Node;

/** Per file: what each helper function may do to a builder, worked out once per function and loader. */
export class BuilderHelpers {
  private readonly known = new Map<FunctionNode, Map<BuilderLoader, boolean>>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /**
   * Whether the function `call` runs may bound a builder of `loader`: true unless the file declares
   * it (`f(q)`, `this.f(q)`) and nothing in it calls one of the loader's bound or key methods,
   * by name or by a computed name made of strings (`q[negate ? 'whereNot' : 'where'](…)`).
   */
  mayBound(call: TSESTree.CallExpression, loader: BuilderLoader): boolean {
    const fn = sameFileCallee(call, this.sourceCode);
    if (!fn) return true;
    let byLoader = this.known.get(fn);
    if (!byLoader) this.known.set(fn, (byLoader = new Map<BuilderLoader, boolean>()));
    let result = byLoader.get(loader);
    if (result === undefined) {
      const bounds = new Set([...loader.boundMethods, ...(loader.keyMethods ?? [])]);
      result = findInSubtree(fn.body ?? fn, this.sourceCode.visitorKeys, (node) => (callsBound(node, bounds) ? true : null)) === true;
      byLoader.set(loader, result);
    }
    return result;
  }
}

/** A call of a member named in `bounds`, or of a computed member whose name may be one (any name not made of strings may). */
function callsBound(node: Node, bounds: ReadonlySet<string>): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberPropertyName(callee);
  if (name !== null) return bounds.has(name);
  const names = stringAlternatives(callee.property);
  return names === null || names.some((n) => bounds.has(n));
}

/** `'a'`, `x ? 'a' : 'b'`: the strings an expression may be, or null when it may be anything else. */
function stringAlternatives(node: Node): string[] | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    const a = stringAlternatives(target.consequent);
    const b = stringAlternatives(target.alternate);
    return a && b ? [...a, ...b] : null;
  }
  const text = literalString(target);
  return text === null ? null : [text];
}
