import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  enclosingFunction,
  type FunctionNode,
  findInSubtree,
  isFunction,
  memberPropertyName,
  propertyKeyName,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
  wordsOf,
} from '../js/ast.js';
import { DefinitionType } from '../js/definitions.js';
import { findVariable } from '../js/imports.js';
import { scopeOf } from '../js/scopes.js';
import { SubtreeSearch } from '../js/subtree-search.js';
import type { CalleeResolver } from '../js/callee-resolution.js';
import { createLoadFinder, isConsumable, type LoadFinder, type LoadFinding, type NoUnboundedLoadOptions } from '../loaders/index.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A load of every row found on a branch: the node, and the load finder's finding when a library load is the evidence. */
export interface FullLoad {
  node: Node;
  finding: LoadFinding | null;
}

/** The names of the methods and fields of the class a call is in (`this.fetchServices()`), once per class. */
const methodNames = new WeakMap<TSESTree.ClassBody, Set<string>>();
const NO_NAMES: ReadonlySet<string> = new Set();

function ownMethodNames(call: Node): ReadonlySet<string> {
  let current: Node | undefined = call.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
  if (!current) return NO_NAMES;
  let names = methodNames.get(current);
  if (!names) {
    names = new Set();
    for (const element of current.body) {
      const name = 'key' in element && element.key ? propertyKeyName(element as TSESTree.MethodDefinition) : null;
      if (name) names.add(name);
    }
    methodNames.set(current, names);
  }
  return names;
}

/** How deep `find` follows calls into the functions they run: `sync()` → `this.fetchAll()` → the query. */
const MAX_DEPTH = 2;

/** The last words of full-load names that say the rows are not loaded: `getAllIds`, `listAllKeys`, `fetchAllCount`. */
export const NOT_ROWS: ReadonlySet<string> = new Set(['id', 'ids', 'key', 'keys', 'count', 'counts', 'names', 'exists', 'size']);

/**
 * The loads of every row a branch can run: an unbounded library load, as no-unbounded-load judges
 * it (with the project's settings); a call to a function whose body runs one (in this file, or
 * with types in any file); and, for a call that cannot be followed, a name that says it loads
 * everything (`loadAll`, `fetchAllServices`) unless its last word is ids, keys or a count.
 */
export class FullLoads {
  private readonly finders = new Map<SourceCode, LoadFinder>();
  /** The full load in each followed function's body (null: none); `undefined` while it is searched. */
  private readonly bodies = new Map<FunctionNode, FullLoad | null | undefined>();
  /** Searches of the linted file, shared by all its branches: branches nest (see `SubtreeSearch`). */
  private readonly fileLoads: SubtreeSearch<FullLoad>;
  private readonly candidates: SubtreeSearch<true>;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly loadOptions: () => NoUnboundedLoadOptions,
    private readonly isFullLoadName: (name: string) => boolean,
    private readonly callees: CalleeResolver,
  ) {
    this.fileLoads = new SubtreeSearch(sourceCode.visitorKeys, (node) => this.loadAt(node, sourceCode, 0), false);
    this.candidates = new SubtreeSearch(sourceCode.visitorKeys, this.loadCandidate, false);
  }

  /** The load finder of the linted file. */
  get fileFinder(): LoadFinder {
    return this.finderFor(this.sourceCode);
  }

  /** The first load of every row in `nodes`. */
  find(nodes: readonly Node[]): FullLoad | null {
    for (const node of nodes) {
      const found = this.fileLoads.first(node);
      if (found) return found;
    }
    return null;
  }

  /**
   * Whether `nodes` have a node `find` could take for a load, by the cheap tests it makes first (a
   * call's name, a call that may be followed, what is awaited). It asks the finder nothing: most
   * branches skip the origin and query searches, which cost more.
   */
  mayLoad(nodes: readonly Node[]): boolean {
    return nodes.some((node) => this.candidates.first(node) !== null);
  }

  private readonly loadCandidate = (node: Node): true | null => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier) return this.isFullLoadName(callee.name) || this.mayFollow(callee) ? true : null;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
        const method = memberPropertyName(callee);
        if (method === null) return null;
        if (this.finderFor(this.sourceCode).memberNames.has(method) || this.isFullLoadName(method)) return true;
        return callee.object.type === AST_NODE_TYPES.ThisExpression && ownMethodNames(node).has(method) ? true : null;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return isConsumable(node.argument) ? true : null;
      case AST_NODE_TYPES.ReturnStatement:
        return node.argument && isConsumable(node.argument) && enclosingFunction(node)?.async ? true : null;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return true;
      default:
        return null;
    }
  };

  /**
   * `fetchServices()` that `find` may follow: a function of this file, or with type information an
   * imported one. Asked before any origin search, so that a call of a parameter or a global does not
   * send the branch on to the costlier questions.
   */
  private mayFollow(callee: TSESTree.Identifier): boolean {
    const def = findVariable(scopeOf(this.sourceCode, callee), callee.name)?.defs[0];
    if (!def) return false;
    if (def.type === DefinitionType.FunctionName) return true;
    if (def.type === DefinitionType.ImportBinding) return this.typed;
    return def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init !== null && isFunction(unwrap(def.node.init));
  }

  private get typed(): boolean {
    return Boolean(this.sourceCode.parserServices?.program);
  }

  private finderFor(sourceCode: SourceCode): LoadFinder {
    let finder = this.finders.get(sourceCode);
    if (!finder) this.finders.set(sourceCode, (finder = createLoadFinder(sourceCode, this.loadOptions())));
    return finder;
  }

  private findIn(root: Node, sourceCode: SourceCode, depth: number): FullLoad | null {
    return findInSubtree(root, sourceCode.visitorKeys, (node) => this.loadAt(node, sourceCode, depth), SKIP_NESTED_FUNCTIONS);
  }

  /** The load of every row that `node` itself is, if any, in a function followed `depth` calls deep. */
  private loadAt(node: Node, sourceCode: SourceCode, depth: number): FullLoad | null {
    const loads = this.finderFor(sourceCode);
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        if (node.callee.type === AST_NODE_TYPES.MemberExpression) {
          const finding = loads.memberCall(node)[0];
          if (finding) return { node, finding };
        }
        const called = depth < MAX_DEPTH ? this.loadInBody(node, depth) : undefined;
        if (called !== undefined) return called && { node, finding: null };
        const name = calleeName(node);
        return name && this.isFullLoadName(name) && !NOT_ROWS.has(wordsOf(name).at(-1) ?? '') ? { node, finding: null } : null;
      }
      case AST_NODE_TYPES.AwaitExpression: {
        const finding = loads.consumed(node.argument)[0];
        return finding ? { node: node.argument, finding } : null;
      }
      case AST_NODE_TYPES.ReturnStatement: {
        const finding = node.argument && enclosingFunction(node)?.async ? loads.consumed(node.argument)[0] : undefined;
        return finding ? { node: node.argument!, finding } : null;
      }
      case AST_NODE_TYPES.TaggedTemplateExpression: {
        const finding = loads.taggedTemplate(node)[0];
        return finding ? { node, finding } : null;
      }
      default:
        return null;
    }
  }

  /**
   * The load of every row in the body of the function `call` runs: `undefined` when the call
   * cannot be followed (then its name decides), null when the body loads nothing unbounded (then
   * the name does not count: a `loadAll()` that takes a page is bounded).
   */
  private loadInBody(call: TSESTree.CallExpression, depth: number): FullLoad | null | undefined {
    const resolved = this.callees.resolve(call);
    if (!resolved) return undefined;
    const { fn } = resolved;
    if (this.bodies.has(fn)) return this.bodies.get(fn) ?? null; // a recursive call counts as nothing
    this.bodies.set(fn, undefined);
    const found = this.findIn(fn.body, resolved.sourceCode, depth + 1);
    this.bodies.set(fn, found);
    return found;
  }
}
