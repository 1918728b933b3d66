import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  callText,
  enclosingFunction,
  findInSubtree,
  identifiersIn,
  isFunction,
  isInside,
  memberPropertyName,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { PageLoader } from '../catalog.js';
import type { LoadFinding } from './finding.js';
import { type LoadContext, acceptsReceiver } from './load-context.js';
import { COMPARISONS, LOOPS, type Loop, comparesWithCap, exits, hasSizeGuard } from './guards.js';
import { hasAnyKey, viewObject } from './objects.js';

// Page loops: a call that fetches one page of a longer read (a scroll, a search after a cursor, an
// async iterable of pages), in a loop that keeps every page in one array. Each page is bounded;
// what the loop builds is not.

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

const ADDS = new Set(['push', 'unshift']);
const TAKES = new Set(['shift', 'pop']);

/** `x.<name>(…)` where `name` is a page loader's: the finding, if the loop around it collects every page. */
export function pageLoopFinding(
  ctx: LoadContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  name: string,
): LoadFinding | null {
  for (const { library, loader } of ctx.tables.pages.get(name)!) {
    const iterator = loader.iterators?.includes(name) === true;
    if (!iterator && !loader.methods.includes(name) && !isCursorPage(ctx, call, loader)) continue;
    const loop = iterator ? iteratingLoop(call) : enclosingLoop(call);
    if (!loop) continue;
    const receiver = ctx.resolver.resolve(callee.object);
    if (!acceptsReceiver(ctx, receiver, callee.object, library, loader.role, loader.evidence)) continue;
    if (hasSizeGuard(call, ctx.scopeOf, ctx.sourceCode.visitorKeys) || hasTotalGuard(ctx, loop, loader.totals ?? [])) return null;
    const target = new PageFlow(ctx, call, loop, iterator).collector();
    if (target === null) return null;
    return {
      node: callee.property,
      messageId: 'collectedPages',
      data: { construct: callText(ctx.sourceCode, callee, 50), target },
      suggest: [],
    };
  }
  return null;
}

/** A cursor method whose options (or nested options) carry a cursor key: `search({ search_after })`. */
function isCursorPage(ctx: LoadContext, call: TSESTree.CallExpression, loader: PageLoader): boolean {
  const cursor = loader.cursor;
  const name = memberPropertyName(unwrap(call.callee) as TSESTree.MemberExpression);
  if (!cursor || name === null || !cursor.methods.includes(name)) return false;
  const view = viewObject(call.arguments[cursor.optionsArg], ctx.scopeOf);
  if (!view) return false;
  if (hasAnyKey(view, cursor.keys)) return true;
  return (cursor.nestedOptions ?? []).some((key) => {
    const nested = view.keys.get(key);
    const inner = nested ? viewObject(nested, ctx.scopeOf) : null;
    return inner !== null && hasAnyKey(inner, cursor.keys);
  });
}

/** `if (hits.total.value > MAX) throw …` (or `break`, `return`) before the loop or in it. */
function hasTotalGuard(ctx: LoadContext, loop: Loop, totals: readonly string[]): boolean {
  if (totals.length === 0) return false;
  const body = enclosingFunction(loop)?.body;
  if (body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const { visitorKeys } = ctx.sourceCode;
  const namesTotal = (node: Node) =>
    findInSubtree(node, visitorKeys, (n) =>
      n.type === AST_NODE_TYPES.Identifier && totals.some((word) => n.name.toLowerCase().includes(word)) ? true : null,
    ) !== null;
  const comparesTotal = (test: Node) => comparesWithCap(test, visitorKeys, namesTotal);
  const guard = findInSubtree(
    body,
    visitorKeys,
    (n) =>
      n.type === AST_NODE_TYPES.IfStatement &&
      (n.range[1] <= loop.range[0] || isInside(n, loop)) &&
      comparesTotal(n.test) &&
      (exits(n.consequent, visitorKeys) || (n.alternate !== null && exits(n.alternate, visitorKeys)))
        ? true
        : null,
    SKIP_NESTED_FUNCTIONS,
  );
  return guard !== null;
}

/**
 * The array declared outside a `for await (… of call)` loop that every value the call yields is
 * added to, when nothing caps or empties it (generator-pages.ts asks this of any paging generator).
 */
export function iteratedCollector(ctx: LoadContext, call: TSESTree.CallExpression): string | null {
  const loop = iteratingLoop(call);
  return loop ? new PageFlow(ctx, call, loop, true).collector() : null;
}

/**
 * Whether `name`, seen from `node`, is declared as an array (`const all = []`, `Array<T>()`,
 * `new Array()`): what a check of pages of any API collects into, unlike a stream it pushes to.
 */
export function isDeclaredArray(ctx: LoadContext, node: Node, name: string): boolean {
  const def = findVariable(ctx.scopeOf(node), name)?.defs[0]?.node;
  const init = def?.type === AST_NODE_TYPES.VariableDeclarator && def.init ? unwrap(def.init) : null;
  if (init?.type === AST_NODE_TYPES.ArrayExpression) return true;
  return (
    (init?.type === AST_NODE_TYPES.CallExpression || init?.type === AST_NODE_TYPES.NewExpression) &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === 'Array'
  );
}

/** The array declared outside `loop` that every response of `call` (or part of one) is added to, when nothing caps or empties it. */
export function loopCollector(ctx: LoadContext, call: TSESTree.CallExpression, loop: Loop): string | null {
  return new PageFlow(ctx, call, loop, false).collector();
}

/** `for await (const page of <call>)`. */
function iteratingLoop(call: TSESTree.CallExpression): Loop | null {
  const parent = call.parent;
  return parent?.type === AST_NODE_TYPES.ForOfStatement && parent.await && parent.right === call ? parent : null;
}

/** The innermost loop the call runs in on every pass, inside its own function (not a `for` initialiser or iterable). */
export function enclosingLoop(call: TSESTree.CallExpression): Loop | null {
  let child: Node = call;
  for (let current: Node | undefined = call.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (!LOOPS.has(current.type)) continue;
    const loop = current as Loop;
    if (loop.type === AST_NODE_TYPES.ForStatement && child === loop.init) continue;
    if ((loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && child === loop.right) continue;
    return loop;
  }
  return null;
}

/** The identifiers a binding pattern declares or assigns: `r`, `{ body }`, `[first]`, `{ hits = [] }`. */
function patternIdentifiers(pattern: Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((p) => patternIdentifiers(p.type === AST_NODE_TYPES.Property ? p.value : p));
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((e) => (e ? patternIdentifiers(e) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    case AST_NODE_TYPES.VariableDeclaration:
      return pattern.declarations.flatMap((d) => patternIdentifiers(d.id));
    default:
      return [];
  }
}

/** Where the pages of one loop go: the variables holding a page (or part of one), and the array that keeps them. */
class PageFlow {
  private readonly pages = new Set<Variable>();
  /** Arrays the page itself is queued in (`queue.push(await client.scroll(…))`, then `queue.shift()`): not a collector. */
  private readonly queues = new Set<Variable>();
  private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;

  constructor(
    private readonly ctx: LoadContext,
    private readonly call: TSESTree.CallExpression,
    private readonly loop: Loop,
    iterator: boolean,
  ) {
    this.visitorKeys = ctx.sourceCode.visitorKeys;
    if (iterator) this.addPattern((loop as TSESTree.ForOfStatement).left);
    else this.addReceiversOf(call);
    this.grow();
  }

  private variableOf(id: TSESTree.Identifier): Variable | null {
    return findVariable(this.ctx.scopeOf(id), id.name);
  }

  private addPattern(pattern: Node): boolean {
    let added = false;
    for (const id of patternIdentifiers(pattern)) {
      const variable = this.variableOf(id);
      if (variable && !this.pages.has(variable)) {
        this.pages.add(variable);
        added = true;
      }
    }
    return added;
  }

  /** `const r = await call`, `r = await call`, `const hits = (await call).hits.hits`, `queue.push(await call)`. */
  private addReceiversOf(call: TSESTree.CallExpression): void {
    let value: Node = call;
    while (
      value.parent &&
      (value.parent.type === AST_NODE_TYPES.AwaitExpression ||
        value.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        value.parent.type === AST_NODE_TYPES.TSAsExpression ||
        (value.parent.type === AST_NODE_TYPES.MemberExpression && value.parent.object === value))
    ) {
      value = value.parent;
    }
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) this.addPattern(parent.id);
    else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) this.addPattern(parent.left);
    else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(value)) {
      const queue = this.addedTo(parent);
      if (queue) this.addQueue(queue);
    }
  }

  /** `queue.push(page)`: the variables later taken off the queue (`const r = queue.shift()`) hold pages. */
  private addQueue(queue: Variable): void {
    this.queues.add(queue);
    for (const reference of queue.references) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
      const taken = member.parent;
      if (!TAKES.has(memberPropertyName(member) ?? '') || taken?.type !== AST_NODE_TYPES.CallExpression || taken.callee !== member)
        continue;
      this.addReceiversOf(taken);
    }
  }

  /** `a.push(…)`, `a.unshift(…)`: the array's variable. */
  private addedTo(call: TSESTree.CallExpression): Variable | null {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !ADDS.has(memberPropertyName(callee) ?? '')) return null;
    const object = unwrap(callee.object);
    return object.type === AST_NODE_TYPES.Identifier ? this.variableOf(object) : null;
  }

  /**
   * Whether a value is (part of) a page: a page variable, the page call itself, a property of one
   * (`r.hits.hits`), a method's result on one (`hits.map(…)`, `all.concat(hits)`), or an object
   * or array holding one. Not what a function makes of a page (`await callback(page)`): that may
   * be anything.
   */
  private isPageData(node: Node): boolean {
    if (node === this.call) return true;
    const target = unwrap(node);
    switch (target.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.variableOf(target);
        return variable !== null && this.pages.has(variable);
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.isPageData(target.argument);
      case AST_NODE_TYPES.SpreadElement:
        return this.isPageData(target.argument);
      case AST_NODE_TYPES.MemberExpression:
        return this.isPageData(target.object);
      case AST_NODE_TYPES.ChainExpression:
        return this.isPageData(target.expression);
      case AST_NODE_TYPES.CallExpression: {
        if (target === this.call) return true;
        const callee = unwrap(target.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        if (this.isPageData(callee.object)) return true;
        return memberPropertyName(callee) === 'concat' && target.arguments.some((a) => this.isPageData(a));
      }
      case AST_NODE_TYPES.ObjectExpression:
        return target.properties.some((p) => this.isPageData(p.type === AST_NODE_TYPES.Property ? p.value : p));
      case AST_NODE_TYPES.ArrayExpression:
        return target.elements.some((e) => e !== null && this.isPageData(e));
      case AST_NODE_TYPES.LogicalExpression:
        return this.isPageData(target.left) || this.isPageData(target.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.isPageData(target.consequent) || this.isPageData(target.alternate);
      default:
        return false;
    }
  }

  /** Values made from a page inside the loop: `const hits = r.hits.hits`, `for (const hit of hits)`, `hits.forEach((hit) => …)`'s `hit`. */
  private grow(): void {
    const derived: { from: Node; to: Node[] }[] = [];
    findInSubtree(this.loop, this.visitorKeys, (n) => {
      if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init) derived.push({ from: n.init, to: [n.id] });
      else if (n.type === AST_NODE_TYPES.ForOfStatement && n !== this.loop) derived.push({ from: n.right, to: [n.left] });
      // Not `all = all.concat(hits)`: that is the collector growing, not a value made from a page.
      else if (n.type === AST_NODE_TYPES.AssignmentExpression && n.operator === '=' && !this.selfAssignment(n)) {
        derived.push({ from: n.right, to: [n.left] });
      } else if (
        isFunction(n) &&
        n.parent?.type === AST_NODE_TYPES.CallExpression &&
        n.parent.arguments.includes(n as TSESTree.CallExpressionArgument)
      ) {
        const callee = unwrap(n.parent.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) derived.push({ from: callee.object, to: n.params });
      }
      return null;
    });
    for (let pass = 0; pass < 4; pass++) {
      let grew = false;
      for (const { from, to } of derived) {
        if (this.isPageData(from)) for (const pattern of to) grew = this.addPattern(pattern) || grew;
      }
      if (!grew) return;
    }
  }

  /** `all = all.concat(…)`, `all = [...all, …]`: an assignment whose value reads the variable it assigns. */
  private selfAssignment(node: TSESTree.AssignmentExpression): boolean {
    const left = node.left;
    return left.type === AST_NODE_TYPES.Identifier && identifiersIn(node.right, this.visitorKeys).some((id) => id.name === left.name);
  }

  /** The array declared outside the loop that every page goes into, when nothing caps or empties it. */
  collector(): string | null {
    const candidates = new Map<Variable, string>();
    findInSubtree(this.loop, this.visitorKeys, (n) => {
      let array: Variable | null = null;
      if (n.type === AST_NODE_TYPES.CallExpression) {
        array = this.addedTo(n);
        if (array && !n.arguments.some((a) => this.isPageData(a))) array = null;
      } else if (n.type === AST_NODE_TYPES.AssignmentExpression && n.operator === '=' && n.left.type === AST_NODE_TYPES.Identifier) {
        // `all = all.concat(r.hits.hits)`, `all = [...all, ...hits]`
        if (this.selfAssignment(n) && this.isPageData(n.right)) array = this.variableOf(n.left);
      }
      if (array && !this.pages.has(array) && !this.queues.has(array) && this.declaredOutside(array)) {
        candidates.set(array, array.name);
      }
      return null;
    });
    for (const [array, name] of candidates) if (!this.capsOrEmpties(array)) return name;
    return null;
  }

  private declaredOutside(variable: Variable): boolean {
    const def = variable.defs[0];
    return def !== undefined && !isInside(def.name, this.loop);
  }

  /**
   * Whether the loop bounds or empties the array: compares its length (`if (all.length >= MAX)
   * break`, `while (batch.length < size)`), or resets it (`batch = []`, `batch.length = 0`,
   * `batch.splice(0)`) after handing a batch on.
   */
  private capsOrEmpties(array: Variable): boolean {
    for (const reference of array.references) {
      const id = reference.identifier;
      if (!isInside(id, this.loop)) continue;
      if (reference.isWrite()) {
        const write = id.parent;
        if (write?.type !== AST_NODE_TYPES.AssignmentExpression || !this.selfAssignment(write)) return true;
        continue;
      }
      const member = id.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) continue;
      const property = memberPropertyName(member);
      if (property === 'splice') return true;
      if (property !== 'length') continue;
      const parent = member.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) return true;
      if (parent?.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(parent.operator)) return true;
    }
    return false;
  }
}
