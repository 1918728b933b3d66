import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isInside, memberPropertyName, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import { DefinitionType } from '../../js/definitions.js';

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
  /** Calls a builder variable is handed to (`this.applyFilters(f, q)`), when `through` was asked to keep them. */
  passedTo?: TSESTree.CallExpression[];
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
  const root = walkChainBelow(node, (name, call, member) => {
    links.push({ name, call, member });
    return false;
  });
  return { root: root as Expression, links: links.reverse() };
}

/**
 * Walks the chain ending at `node` down to its root as `chainBelow` reads it, without building
 * it: `visit` sees each method call, outermost first. Returns `true` as soon as a visit does,
 * otherwise the root.
 */
export function walkChainBelow(
  node: Expression,
  visit: (name: string, call: TSESTree.CallExpression, member: TSESTree.MemberExpression) => boolean,
): Expression | true {
  let current: Expression = unwrap(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    const name = memberPropertyName(callee);
    if (name === null) break;
    if (visit(name, current, callee)) return true;
    current = unwrap(callee.object);
  }
  return current;
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

/** What a use of a builder variable does to it, whoever consumes it: nothing, adds calls, or lets it escape. */
type UseEffect = 'none' | 'escapes' | Link[] | { passedTo: TSESTree.CallExpression };

interface VariableUse {
  identifier: TSESTree.Identifier;
  /** Worked out when first needed: most lookups stop at an earlier use. */
  effect?: UseEffect;
}

interface BuilderVariable {
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: Expression };
  uses: VariableUse[];
  /** The initialiser's chain, by depth of the lookup that asked (the depth caps how far it follows). */
  bases: Map<number, Chain>;
  /** The same plus every call made on the variable anywhere, by depth. */
  everyLink: Map<number, Chain>;
}

/**
 * The whole chain of a builder kept in a variable: its initialiser's chain, plus the calls made on
 * the variable elsewhere (`q.where(…)`, `q = q.limit(…)`). Null when the builder escapes (passed
 * to a function, stored, returned) or is used outside the function that consumes it, where
 * something we cannot see may bound it.
 *
 * One per file: what each use of a variable does is worked out once, since a variable
 * (`const service = new ItemsService()`) may be awaited through many times.
 */
export class VariableChains {
  private readonly variables = new Map<TSESLint.Scope.Variable, BuilderVariable | null>();

  constructor(private readonly scopeOf: (node: Node) => TSESLint.Scope.Scope) {}

  /**
   * With `worthIt`, null as well unless `worthIt` accepts the chain made of the initialiser's
   * chain and every call made on the variable anywhere: a superset of every chain `through` can
   * return for it, tested once per variable instead of walking its uses for every consumer.
   */
  through(
    identifier: TSESTree.Identifier,
    consumer: Node,
    depth = 0,
    worthIt?: (everyLink: Chain) => boolean,
    keepPassed = false,
  ): Chain | null {
    if (depth > 3) return null;
    const variable = findVariable(this.scopeOf(identifier), identifier.name);
    const facts = variable ? this.factsOf(variable) : null;
    if (!facts) return null;
    if (worthIt && !worthIt(this.everyLinkOf(facts, depth))) return null;
    const owner = ownerOf(identifier);
    const extra: Link[] = [];
    let passedTo: TSESTree.CallExpression[] | undefined;
    for (const use of facts.uses) {
      if (isInside(use.identifier, consumer)) continue;
      // A use outside the consuming function (whose nearest function is then not that one).
      if (!isInside(use.identifier, owner)) return null;
      const effect = this.effectOf(use, facts);
      if (effect === 'escapes') return null;
      if (Array.isArray(effect)) extra.push(...effect);
      else if (effect !== 'none') {
        // Handed to a function that may bound it: the caller decides, if it asked to.
        if (!keepPassed) return null;
        (passedTo ??= []).push(effect.passedTo);
      }
    }
    const base = this.baseOf(facts, depth);
    return passedTo
      ? { root: base.root, links: [...base.links, ...extra], passedTo }
      : { root: base.root, links: [...base.links, ...extra] };
  }

  private effectOf(use: VariableUse, facts: BuilderVariable): UseEffect {
    return (use.effect ??= useEffect(use.identifier, facts.declarator.id.name));
  }

  private everyLinkOf(facts: BuilderVariable, depth: number): Chain {
    let every = facts.everyLink.get(depth);
    if (every) return every;
    const base = this.baseOf(facts, depth);
    const links = [...base.links];
    for (const use of facts.uses) {
      const effect = this.effectOf(use, facts);
      if (Array.isArray(effect)) links.push(...effect);
    }
    every = { root: base.root, links };
    facts.everyLink.set(depth, every);
    return every;
  }

  /** `const base = repo.createQueryBuilder(); const qb = base.where(…)`: follow a builder held in another variable; a receiver (`repo`) is where the chain starts. */
  private baseOf(facts: BuilderVariable, depth: number): Chain {
    let base = facts.bases.get(depth);
    if (base) return base;
    const init = facts.declarator.init;
    base = chainBelow(init);
    if (base.root.type === AST_NODE_TYPES.Identifier && base.links.length > 0) {
      const inner = this.through(base.root, init, depth + 1);
      if (inner && (inner.links.length > 0 || inner.root.type === AST_NODE_TYPES.CallExpression))
        base = { root: inner.root, links: [...inner.links, ...base.links] };
    }
    facts.bases.set(depth, base);
    return base;
  }

  private factsOf(variable: TSESLint.Scope.Variable): BuilderVariable | null {
    let facts = this.variables.get(variable);
    if (facts !== undefined) return facts;
    facts = null;
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def?.type === DefinitionType.Variable) {
      const declarator = def.node;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) {
        const uses: VariableUse[] = [];
        for (const reference of variable.references) {
          if (!reference.init) uses.push({ identifier: reference.identifier as TSESTree.Identifier });
        }
        facts = { declarator: declarator as BuilderVariable['declarator'], uses, bases: new Map(), everyLink: new Map() };
      }
    }
    this.variables.set(variable, facts);
    return facts;
  }
}

function useEffect(id: TSESTree.Identifier, name: string): UseEffect {
  const assignment = id.parent;
  if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === id) {
    if (assignment.operator !== '=') return 'escapes';
    const chain = chainBelow(assignment.right);
    if (chain.root.type !== AST_NODE_TYPES.Identifier || chain.root.name !== name) return 'escapes';
    return chain.links;
  }
  const above = chainAbove(id);
  // `this.applyFilters(filter, q);`: handed to a function, whose calls on it `through` cannot see.
  if (above.links.length === 0 && isStatementArgument(id)) return { passedTo: id.parent as TSESTree.CallExpression };
  // `q = q.where()` reads q as the root of the assigned chain: covered by the write.
  if (above.links.length === 0) return 'escapes';
  const { parent } = valueParent(above.top);
  const reassigned =
    parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.Identifier && parent.left.name === name;
  if (reassigned) return 'none';
  // `q.where(…);` changes the builder; `await q.clone().count()` runs another query from it.
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return above.links;
  if (above.links[0]!.name === 'clone' || isConsumed(above.top)) return 'none';
  return 'escapes';
}

/** `f(a, q);` as a statement of its own: the builder is an argument, and what the call returns is dropped. */
function isStatementArgument(id: TSESTree.Identifier): boolean {
  const call = id.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee !== id &&
    call.arguments.includes(id) &&
    call.parent?.type === AST_NODE_TYPES.ExpressionStatement
  );
}
