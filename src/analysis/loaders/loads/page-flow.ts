import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, isFunction, isInside, memberPropertyName, propertyKeyName, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import { valueParent } from './chains.js';
import { DefinitionType } from '../../js/definitions.js';

// Where the pages of a paged read go: the variables holding a page (the response), the variables
// holding its items, and the arrays outside the loop (or recursion) every page is pushed into.

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type ScopeOf = (node: Node) => TSESLint.Scope.Scope;
type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** How the code refers to a page: variables holding the response or its items, or the response read in place. */
export interface Pages {
  responses: Set<Variable>;
  items: Set<Variable>;
  /** Expressions that are the response itself (`(await x.send(c)).Items` reads `.Items` of one). */
  direct: Set<Node>;
}

export function emptyPages(): Pages {
  return { responses: new Set(), items: new Set(), direct: new Set() };
}

/** Reads the data flow of pages: which expressions carry a page's items, and where they are collected. */
export class PageFlow {
  private readonly derivedVariables = new Map<Variable, boolean>();

  constructor(
    private readonly scopeOf: ScopeOf,
    private readonly visitorKeys: VisitorKeys,
    private readonly itemsKey: string,
    readonly pages: Pages,
  ) {}

  /** `res`, `{ Items }`, `{ Items: items = [] }`: a response bound to a pattern. */
  bind(pattern: Node | undefined): void {
    if (!pattern) return;
    const target = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(this.scopeOf(target), target.name);
      if (variable) this.pages.responses.add(variable);
      return;
    }
    if (target.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== this.itemsKey) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = findVariable(this.scopeOf(value), value.name);
      if (variable) this.pages.items.add(variable);
    }
  }

  /** Binds what receives the value of `value`: `const res = await value`, `res = await value`, `value.then((res) => …)`, `(await value).Items`. */
  bindValue(value: Node): void {
    const { parent, child } = valueParent(value);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child && memberPropertyName(parent) === 'then') {
      const call = parent.parent;
      const handler = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? call.arguments[0] : undefined;
      if (handler && isFunction(handler)) this.bind(handler.params[0]);
      return;
    }
    if (parent?.type !== AST_NODE_TYPES.AwaitExpression) return;
    const up = valueParent(parent);
    const holder = up.parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === up.child) this.bind(holder.id);
    else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === up.child && holder.operator === '=')
      this.bind(holder.left);
    else if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.object === up.child) this.pages.direct.add(up.child);
  }

  get bound(): boolean {
    return this.pages.responses.size + this.pages.items.size + this.pages.direct.size > 0;
  }

  /** Whether `node` carries a page or its items: `res.Items`, `res`, `item` of `res.Items.forEach((item) => …)`, `items = res.Items ?? []`. */
  carries(node: Node, depth = 0): boolean {
    if (depth > 4) return false;
    return (
      findInSubtree(node, this.visitorKeys, (n) => {
        if (n.type === AST_NODE_TYPES.MemberExpression) {
          if (memberPropertyName(n) !== this.itemsKey) return null;
          const object = unwrap(n.object);
          if (this.pages.direct.has(object)) return true;
          const variable = object.type === AST_NODE_TYPES.Identifier ? this.variableOf(object) : null;
          return variable && this.pages.responses.has(variable) ? true : null;
        }
        if (n.type !== AST_NODE_TYPES.Identifier || !isReference(n)) return null;
        const variable = this.variableOf(n);
        if (!variable) return null;
        if (this.pages.items.has(variable)) return true;
        // The response itself (`pages.push(page)`), not one of its other fields (`res.Count`).
        if (this.pages.responses.has(variable)) {
          const parent = n.parent;
          return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === n ? null : true;
        }
        return this.isDerived(variable, depth) ? true : null;
      }) !== null
    );
  }

  private variableOf(identifier: TSESTree.Identifier): Variable | null {
    return findVariable(this.scopeOf(identifier), identifier.name);
  }

  /** A variable made from a page: `for (const item of res.Items)`, a `res.Items.forEach((item) => …)` parameter, `const items = res.Items ?? []`. */
  private isDerived(variable: Variable, depth: number): boolean {
    const known = this.derivedVariables.get(variable);
    if (known !== undefined) return known;
    this.derivedVariables.set(variable, false);
    const def = variable.defs[0];
    let result = false;
    if (def?.type === DefinitionType.Variable) {
      const declarator = def.node;
      const loop = declarator.parent?.parent;
      if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent) result = this.carries(loop.right, depth + 1);
      else if (declarator.init && declarator.id.type === AST_NODE_TYPES.Identifier) result = this.carries(declarator.init, depth + 1);
    } else if (def?.type === DefinitionType.Parameter && isFunction(def.node)) {
      const call = def.node.parent;
      const callee = call?.type === AST_NODE_TYPES.CallExpression ? unwrap(call.callee) : null;
      result = callee?.type === AST_NODE_TYPES.MemberExpression && this.carries(callee.object, depth + 1);
    }
    this.derivedVariables.set(variable, result);
    return result;
  }

  /**
   * The array a page is collected into, searched in `region`: `all.push(...res.Items)`,
   * `res.Items.forEach((i) => all.push(i))`, `all = all.concat(res.Items)`, `all = [...all, ...res.Items]`,
   * where `all` is declared outside `boundary` (or is a parameter of `accumulatorOf`, a recursion's accumulator).
   */
  collector(region: Node, boundary: Node, accumulatorOf: Node | null): string | null {
    return findInSubtree(region, this.visitorKeys, (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(n.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
        const method = memberPropertyName(callee);
        if (method !== 'push' && method !== 'unshift') return null;
        const root = this.accumulator(callee.object, boundary, accumulatorOf);
        return root && n.arguments.some((a) => this.carries(a)) ? root : null;
      }
      if (n.type === AST_NODE_TYPES.AssignmentExpression && n.operator === '=' && n.left.type === AST_NODE_TYPES.Identifier) {
        const name = n.left.name;
        const root = this.accumulator(n.left, boundary, accumulatorOf);
        const grows = findInSubtree(n.right, this.visitorKeys, (m) =>
          m.type === AST_NODE_TYPES.Identifier && m.name === name ? true : null,
        );
        return root && grows && this.carries(n.right) ? root : null;
      }
      return null;
    });
  }

  /** The name of an array that outlives one page: declared outside `boundary`, a parameter of `accumulatorOf`, or a field (`this.items`). */
  private accumulator(node: Node, boundary: Node, accumulatorOf: Node | null): string | null {
    let root = unwrap(node);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type === AST_NODE_TYPES.ThisExpression) return nameOf(node);
    if (root.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = this.variableOf(root);
    const def = variable?.defs[0];
    if (!variable || !def || this.pages.responses.has(variable) || this.pages.items.has(variable)) return null;
    if (def.type === DefinitionType.Parameter && def.node === accumulatorOf) return nameOf(node);
    return isInside(def.name, boundary) ? null : nameOf(node);
  }
}

function nameOf(node: Node): string {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberPropertyName(target);
    return property ? `${nameOf(target.object)}.${property}` : nameOf(target.object);
  }
  return 'an array';
}

/** An identifier that reads a variable: not a property name (`x.Items`, `{ Items: 1 }`). */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
  if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed && !parent.shorthand) return false;
  return true;
}
