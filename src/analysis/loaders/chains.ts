import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, isInside, memberPropertyName, unwrap } from '../ast.js';
import { findVariable } from '../imports.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** One method call of a chain: `.where(…)` in `knex('t').where(…).limit(1)`. */
export interface Link {
  name: string;
  call: TSESTree.CallExpression;
  member: TSESTree.MemberExpression;
}

/** A call chain read from its root: `root.links[0](…).links[1](…)…`. */
export interface Chain {
  root: Expression;
  links: Link[];
}

const WRAPPERS = new Set<string>([
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/** The node above `node`, skipping casts and optional-chain wrappers; and the child it was reached from. */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (parent && WRAPPERS.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The chain ending at `node` (a call, a member call's receiver, …), walked down to its root. */
export function chainBelow(node: Expression): Chain {
  const links: Link[] = [];
  let current: Expression = unwrap(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = memberPropertyName(callee);
    if (name === null) break;
    links.push({ name, call: current, member: callee });
    current = unwrap(callee.object);
  }
  return { root: current, links: links.reverse() };
}

/** The method calls made on `node` going up (`node.a().b()`), and the outermost expression of the chain. */
export function chainAbove(node: Expression): { links: Link[]; top: Node } {
  const links: Link[] = [];
  let top: Node = node;
  for (;;) {
    const { parent, child } = valueParent(top);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child) break;
    const call = valueParent(parent);
    if (call.parent?.type !== AST_NODE_TYPES.CallExpression || call.parent.callee !== call.child) break;
    const name = memberPropertyName(parent);
    if (name === null) break;
    links.push({ name, call: call.parent, member: parent });
    top = call.parent;
  }
  return { links, top };
}

/** Whether the value of `node` is awaited, returned from an async function or passed to `then`. */
export function isConsumed(node: Node): boolean {
  const { parent, child } = valueParent(node);
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent)?.async === true;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === child) return parent.async;
  if (parent.type === AST_NODE_TYPES.YieldExpression) return false;
  return false;
}

/** The function or program a node belongs to, for keeping variable tracking local. */
function ownerOf(node: Node): Node {
  return enclosingFunction(node) ?? node;
}

/**
 * The whole chain of a builder kept in a variable: its initialiser's chain, plus the calls made on
 * the variable elsewhere (`q.where(…)`, `q = q.limit(…)`). Null when the builder escapes (passed
 * to a function, stored, returned) and something we cannot see may bound it.
 */
export function chainThroughVariable(
  identifier: TSESTree.Identifier,
  consumer: Node,
  scopeOf: (node: Node) => TSESLint.Scope.Scope,
  depth = 0,
): Chain | null {
  if (depth > 3) return null;
  const variable = findVariable(scopeOf(identifier), identifier.name);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== DefinitionType.Variable) return null;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
  const owner = ownerOf(identifier);
  let base = chainBelow(declarator.init);
  // `const base = repo.createQueryBuilder(); const qb = base.where(…)`: follow a builder held in
  // another variable; a receiver (`repo`) is where the chain starts.
  if (base.root.type === AST_NODE_TYPES.Identifier && base.links.length > 0) {
    const inner = chainThroughVariable(base.root, declarator.init, scopeOf, depth + 1);
    if (inner && (inner.links.length > 0 || inner.root.type === AST_NODE_TYPES.CallExpression)) base = { root: inner.root, links: [...inner.links, ...base.links] };
  }
  const extra: Link[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const id = reference.identifier;
    if (isInside(id, consumer)) continue;
    if (ownerOf(id) !== owner && !isInside(id, owner)) return null;
    if (reference.isWrite()) {
      const assignment = id.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') return null;
      const chain = chainBelow(assignment.right);
      if (chain.root.type !== AST_NODE_TYPES.Identifier || chain.root.name !== identifier.name) return null;
      extra.push(...chain.links);
      continue;
    }
    const above = chainAbove(id as Expression);
    if (above.links.length === 0) {
      // `q = q.where()` reads q as the root of the assigned chain: covered by the write above.
      return null;
    }
    const { parent } = valueParent(above.top);
    const reassigned =
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.left.type === AST_NODE_TYPES.Identifier &&
      parent.left.name === identifier.name;
    if (reassigned) continue;
    // `q.where(…);` changes the builder; `await q.clone().count()` runs another query from it.
    if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
      extra.push(...above.links);
      continue;
    }
    if (above.links[0]!.name === 'clone' || isConsumed(above.top)) continue;
    return null;
  }
  return { root: base.root, links: [...base.links, ...extra] };
}

/** Identifiers read by a node's subtree, not entering nested functions. */
export function identifiersIn(node: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.Identifier) found.push(current);
    for (const key of visitorKeys[current.type] ?? []) {
      if (current.type === AST_NODE_TYPES.MemberExpression && key === 'property' && !current.computed) continue;
      if (current.type === AST_NODE_TYPES.Property && key === 'key' && !current.computed) continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child && !isFunction(child as Node)) stack.push(child as Node);
      }
    }
  }
  return found;
}
