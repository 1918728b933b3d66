import { AST_NODE_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

/**
 * Per file: the scopes of the nodes asked about, and of every node a long walk passes. A Map per
 * file rather than one WeakMap of nodes: a WeakMap entry per node makes every garbage collection
 * of a large lint slower.
 */
const byFile = new WeakMap<TSESTree.Program, Map<Node, Scope>>();
let lastFile: TSESTree.Program | null = null;
let lastScopes = new Map<Node, Scope>();

function scopesOf(program: TSESTree.Program): Map<Node, Scope> {
  if (program !== lastFile) {
    let scopes = byFile.get(program);
    if (!scopes) byFile.set(program, (scopes = new Map<Node, Scope>()));
    lastFile = program;
    lastScopes = scopes;
  }
  return lastScopes;
}
/** Steps walked up before the walk starts to remember (and to look up what it remembered). */
const SHORT_WALK = 32;

/**
 * `sourceCode.getScope(node)`, computed as ESLint computes it (the innermost scope of the nearest
 * node that makes one; a function expression's name scope stands for its function's scope). ESLint
 * walks up once per node asked: an `else if` chain thousands long has no block between its tests
 * and the function, so each lookup there would cost the chain's depth. Past a short walk, every
 * node passed is remembered with its scope; a short walk remembers only the node asked about.
 */
export function scopeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Scope {
  // Asked again for the same node (resolvers do): as ESLint, answer from memory.
  const scopes = scopesOf(sourceCode.ast);
  const known = scopes.get(node);
  if (known) return known;
  const manager = sourceCode.scopeManager;
  if (!manager) return sourceCode.getScope(node);
  // The Program's own scope is the outermost one; below it, the innermost scope of each node.
  const inner = node.type !== AST_NODE_TYPES.Program;
  const scopeAt = (at: Node): Scope | null => {
    const scope = manager.acquire(at, inner);
    if (!scope) return null;
    return (scope.type as string) === 'functionExpressionName' ? scope.childScopes[0]! : scope;
  };
  let current: Node | undefined = node;
  for (let steps = 0; current && steps < SHORT_WALK; current = current.parent, steps++) {
    const scope = scopeAt(current);
    if (scope) {
      // Not the Program: asked about itself, it gets the outer scope; a walk through it, the inner one.
      if (inner) scopes.set(node, scope);
      return scope;
    }
  }
  if (!current) return manager.scopes[0]!;
  // A long walk: from here on, each node passed is remembered, and what is remembered is used.
  const path: Node[] = [];
  let scope: Scope | null | undefined = null;
  for (; current; current = current.parent) {
    scope = scopes.get(current) ?? scopeAt(current);
    if (scope) break;
    path.push(current);
  }
  // A node whose parents are not set yet (not under a Program) is not remembered.
  if (!scope) return path.at(-1)?.type === AST_NODE_TYPES.Program ? manager.scopes[0]! : sourceCode.getScope(node);
  for (const n of path) scopes.set(n, scope);
  return scope;
}
