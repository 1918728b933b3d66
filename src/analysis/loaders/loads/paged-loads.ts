import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  callText,
  enclosingFunction,
  findInSubtree,
  type FunctionNode,
  identifiersIn,
  isFunction,
  isInside,
  literalString,
  memberPropertyName,
  unwrap,
} from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import { nameRef, unwrapSequence } from '../../js/index.js';
import type { LibraryEntry, PagedLoader } from '../catalog.js';
import { matchesRule } from '../catalog-index.js';
import { valueParent } from './chains.js';
import type { LoadFinding } from './finding.js';
import { COMPARISONS, LOOPS, type Loop, hasSizeGuard } from './guards.js';
import { type LoadContext, isSmallEntity } from './load-context.js';
import { emptyPages, PageFlow } from './page-flow.js';
import { viewObject } from './objects.js';
import { DefinitionType } from '../../js/definitions.js';

// Paged reads: one page is bounded by the service, so what loads everything is code that asks for
// the next page until the cursor runs out (a loop, a recursion, a paginator iterated to the end)
// and collects every page into one array. Each page processed as it comes is fine.

type Node = TSESTree.Node;
type Entry = { library: LibraryEntry; loader: PagedLoader };

export class PagedLoads {
  /** Whether the file's text has a word at all: the cheap test before any page call is looked at. */
  private readonly words = new Map<string, boolean>();

  constructor(private readonly ctx: LoadContext) {}

  /** `x.scan(input)`, `x.send(new ScanCommand(input))`: a page read, reported where every page is collected. */
  pageCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string, entries: readonly Entry[]): LoadFinding | null {
    for (const { library, loader } of entries) {
      if (!this.mentions(loader.cursor.request) || !this.mentions(loader.cursor.response)) continue;
      const request = loader.methods.includes(name)
        ? call.arguments[0]
        : loader.commands.method === name
          ? this.commandRequest(call.arguments[0], library, loader)
          : undefined;
      if (!request || request.type === AST_NODE_TYPES.SpreadElement) continue;
      const flow = new PageFlow(this.ctx.scopeOf, this.ctx.sourceCode.visitorKeys, loader.itemsKey, emptyPages());
      let value: Node = call;
      const { parent, child } = valueParent(call);
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === child &&
        loader.promiseMethods.includes(memberPropertyName(parent) ?? '')
      ) {
        if (parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) value = parent.parent;
      }
      flow.bindValue(value);
      // `scan(params, function onPage(err, data) { … })`: the node-style callback's result.
      const handler = functionOf(this.ctx, call.arguments.at(-1));
      if (handler) flow.bind(handler.params[1]);
      if (!flow.bound) return null;
      const target = this.collectedPages(call, flow, loader);
      if (!target || this.isExempt(call, request, loader)) return null;
      // `callText` leaves single spaces only (a run of them would make `\s+(?=…)` backtrack).
      const construct = callText(this.ctx.sourceCode, callee, 50).replace(/ (?=\??\.)/g, '');
      return finding(callee.property, construct, `reads page after page until \`${loader.cursor.response}\` runs out`, target, loader);
    }
    return null;
  }

  /** `paginateScan(config, input)` iterated by `for await` to the end, every page collected. */
  paginatorCall(call: TSESTree.CallExpression, entries: readonly Entry[]): LoadFinding | null {
    const callee = unwrapSequence(call.callee);
    const ref = nameRef(callee, this.ctx.scopeOf);
    if (!ref?.origin) return null;
    for (const { library, loader } of entries) {
      if (!loader.paginators.some((rule) => matchesRule(ref, rule, library))) continue;
      const construct = `${ref.local}()`;
      const pages = `yields every page`;
      const node = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
      const request = call.arguments[1];
      if (request?.type === AST_NODE_TYPES.SpreadElement || this.isExempt(call, request, loader)) return null;
      const { parent, child } = valueParent(call);
      // `await Array.fromAsync(paginateScan(…))`
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === child && isArrayFromAsync(parent.callee)) {
        return finding(node, construct, pages, 'Array.fromAsync()', loader);
      }
      const loop = this.iteratingLoop(call);
      if (!loop) return null;
      const flow = new PageFlow(this.ctx.scopeOf, this.ctx.sourceCode.visitorKeys, loader.itemsKey, emptyPages());
      flow.bind(loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : loop.left);
      const target = flow.collector(loop.body, loop, null);
      if (!target || this.isCapped(loop)) return null;
      return finding(node, construct, pages, target, loader);
    }
    return null;
  }

  private mentions(word: string): boolean {
    let known = this.words.get(word);
    if (known === undefined) this.words.set(word, (known = this.ctx.sourceCode.text.includes(word)));
    return known;
  }

  /** The request of `send(command)` when the command reads a page (`new ScanCommand(input)`, a variable or parameter holding one). */
  private commandRequest(
    argument: TSESTree.CallExpressionArgument | undefined,
    library: LibraryEntry,
    loader: PagedLoader,
  ): Node | undefined {
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const isCommand = (callee: Node) => {
      const ref = nameRef(callee, this.ctx.scopeOf);
      return ref !== null && loader.commands.classes.some((rule) => matchesRule(ref, rule, library));
    };
    let target = unwrap(argument);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const def = findVariable(this.ctx.scopeOf(target), target.name)?.defs[0];
      if (def?.type === DefinitionType.Variable && def.node.init) target = unwrap(def.node.init);
      else if (def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) {
        // `(command: ScanCommand) => client.send(command)`
        const type = def.name.typeAnnotation?.typeAnnotation;
        return type?.type === AST_NODE_TYPES.TSTypeReference && isCommand(type.typeName) ? argument : undefined;
      }
    }
    if (target.type !== AST_NODE_TYPES.NewExpression || !isCommand(target.callee)) return undefined;
    const input = target.arguments[0];
    return input && input.type !== AST_NODE_TYPES.SpreadElement ? input : target;
  }

  /** The array every page of `call` ends up in, when a loop or a recursion reads to the last page with no cap. */
  private collectedPages(call: TSESTree.CallExpression, flow: PageFlow, loader: PagedLoader): string | null {
    const fn = enclosingFunction(call);
    const loop = innermostLoop(call, fn);
    if (loop) {
      if (!this.hasKey(fn ?? this.ctx.sourceCode.ast, loader.cursor.request) || !this.hasKey(loop, loader.cursor.response)) return null;
      const target = flow.collector(loop.body, loop, null);
      return target && !this.isCapped(loop) ? target : null;
    }
    // The recursion may be a function or two out: `scan = (p, acc) => new Promise(… client.scan(p).promise().then(…))`.
    let recursive: FunctionNode | null = fn;
    let recursions: TSESTree.CallExpression[] = [];
    for (let depth = 0; recursive && depth < 3; recursive = enclosingFunction(recursive), depth++) {
      recursions = this.recursiveCalls(recursive);
      if (recursions.length > 0) break;
    }
    if (!recursive || recursions.length === 0) return null;
    const within = recursive;
    if (!this.hasKey(within, loader.cursor.request) || !this.hasKey(within, loader.cursor.response)) return null;
    if (recursions.some((r) => this.isCappedRecursion(r, within))) return null;
    const collected = flow.collector(within.body, within, within);
    if (collected) return collected;
    // `return scanAll(next, [...acc, ...res.Items])`, `return [...res.Items, ...(await scanAll(next))]`.
    // Named for the variable passed on, else for what the recursion returns: `scanAll()`.
    const result = `${functionName(within)!.name}()`;
    for (const recursion of recursions) {
      const carried = recursion.arguments.find((a) => flow.carries(a));
      if (carried) return unwrap(carried).type === AST_NODE_TYPES.Identifier ? this.ctx.sourceCode.getText(unwrap(carried)) : result;
      const { parent } = valueParent(recursion.parent?.type === AST_NODE_TYPES.AwaitExpression ? recursion.parent : recursion);
      const joined = parent?.type === AST_NODE_TYPES.SpreadElement ? parent.parent : parent;
      if ((joined?.type === AST_NODE_TYPES.ArrayExpression || joined?.type === AST_NODE_TYPES.CallExpression) && flow.carries(joined))
        return result;
    }
    return null;
  }

  /** A key of the paging protocol written anywhere under `node`: `{ ExclusiveStartKey: k }`, `p.ExclusiveStartKey = k`, `res.LastEvaluatedKey`. */
  private hasKey(node: Node, key: string): boolean {
    return (
      findInSubtree(node, this.ctx.sourceCode.visitorKeys, (n) => {
        if (n.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(n) === key ? true : null;
        if (n.type === AST_NODE_TYPES.Property) {
          const name = n.key.type === AST_NODE_TYPES.Identifier && !n.computed ? n.key.name : literalString(n.key);
          return name === key ? true : null;
        }
        return null;
      }) !== null
    );
  }

  /** Calls in `fn` that run it again: by its name (`scanAll(…)`, `this.scanAll(…)`, `exports.scan(…)`), or handing it on (`scan(params, onScan)`). */
  private recursiveCalls(fn: FunctionNode): TSESTree.CallExpression[] {
    const own = functionName(fn);
    if (own === null) return [];
    const { sourceCode } = this.ctx;
    const calls: TSESTree.CallExpression[] = [];
    findInSubtree(fn.body, sourceCode.visitorKeys, (n) => {
      if (n.type !== AST_NODE_TYPES.CallExpression) return null;
      const callee = unwrap(n.callee);
      const byName =
        (callee.type === AST_NODE_TYPES.Identifier && own.owner === null && callee.name === own.name) ||
        (callee.type === AST_NODE_TYPES.MemberExpression &&
          own.owner !== null &&
          memberPropertyName(callee) === own.name &&
          sourceCode.getText(unwrap(callee.object)) === own.owner);
      const handsOn = own.owner === null && n.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === own.name);
      if (byName || handsOn) calls.push(n);
      return null;
    });
    return calls;
  }

  /** The `for await` loop that iterates a paginator: `for await (const page of paginateScan(…))`, or of a variable holding it. */
  private iteratingLoop(call: TSESTree.CallExpression): TSESTree.ForOfStatement | null {
    const { parent, child } = valueParent(call);
    if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === child) return parent.await ? parent : null;
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = findVariable(this.ctx.scopeOf(parent.id), parent.id.name);
    for (const reference of variable?.references ?? []) {
      const loop = reference.identifier.parent;
      if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.right === reference.identifier && loop.await) return loop;
    }
    return null;
  }

  /** A loop with a maximum: a comparison in its test (`while (key && items.length < max)`), or an `if` comparing something that leaves it or clears its test. */
  private isCapped(loop: Loop): boolean {
    const test = 'test' in loop ? loop.test : null;
    if (test && this.hasCap(test)) return true;
    const testNames = new Set(test ? identifiersIn(test, this.ctx.sourceCode.visitorKeys).map((i) => i.name) : []);
    return (
      findInSubtree(loop.body, this.ctx.sourceCode.visitorKeys, (n) => {
        if (n.type !== AST_NODE_TYPES.IfStatement || !this.hasCap(n.test)) return null;
        return [n.consequent, n.alternate].some((branch) => branch && this.stops(branch, testNames)) ? true : null;
      }) !== null
    );
  }

  /** A recursion under a comparison (`if (items.length < max && res.LastEvaluatedKey) return scanAll(…)`), or after one that returns. */
  private isCappedRecursion(recursion: TSESTree.CallExpression, fn: FunctionNode): boolean {
    for (let node: Node = recursion; node.parent && node !== fn; node = node.parent) {
      const parent: Node = node.parent;
      if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== node && this.hasCap(parent.test)) return true;
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== node && this.hasCap(parent.test)) return true;
      if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node && this.hasCap(parent.left)) return true;
    }
    return (
      findInSubtree(fn.body, this.ctx.sourceCode.visitorKeys, (n) => {
        if (n.type !== AST_NODE_TYPES.IfStatement || !this.hasCap(n.test)) return null;
        return [n.consequent, n.alternate].some((branch) => branch && this.stops(branch, new Set())) ? true : null;
      }) !== null
    );
  }

  /** A comparison against a maximum (`items.length < max`, `pages >= 10`), not against `0` or `1`. */
  private hasCap(test: Node): boolean {
    return (
      findInSubtree(test, this.ctx.sourceCode.visitorKeys, (n) =>
        n.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(n.operator) && !isSmallNumber(n.left) && !isSmallNumber(n.right)
          ? true
          : null,
      ) !== null
    );
  }

  /** A branch that leaves the loop (`break`, `return`, `throw`) or clears a name its test reads (`hasMore = false`). */
  private stops(branch: Node, testNames: ReadonlySet<string>): boolean {
    return (
      findInSubtree(branch, this.ctx.sourceCode.visitorKeys, (n) => {
        if (
          n.type === AST_NODE_TYPES.BreakStatement ||
          n.type === AST_NODE_TYPES.ReturnStatement ||
          n.type === AST_NODE_TYPES.ThrowStatement
        )
          return true;
        if (n.type === AST_NODE_TYPES.AssignmentExpression && n.left.type === AST_NODE_TYPES.Identifier && testNames.has(n.left.name))
          return true;
        return null;
      }) !== null
    );
  }

  /** A read of a small table (`TableName: 'settings'`), or one after a size check. */
  private isExempt(call: TSESTree.CallExpression, request: Node | undefined, loader: PagedLoader): boolean {
    const table = viewObject(request, this.ctx.scopeOf)?.keys.get(loader.tableKey);
    if (table && literalString(table) !== null && isSmallEntity(this.ctx, table)) return true;
    return hasSizeGuard(call, this.ctx.scopeOf, this.ctx.sourceCode.visitorKeys);
  }
}

function finding(node: Node, construct: string, pages: string, target: string, loader: PagedLoader): LoadFinding {
  return { node, messageId: 'unboundedPages', data: { construct, pages, target, unit: loader.unit }, suggest: [] };
}

/** The innermost loop around `node` inside `fn` (or the program). */
function innermostLoop(node: Node, fn: Node | null): Loop | null {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (isFunction(current)) return null;
    if (LOOPS.has(current.type)) {
      const loop = current as Loop;
      // `for (const x of await read())`: the read is the loop's head, not a pass of it.
      if ('right' in loop && isInside(node, loop.right)) continue;
      return loop;
    }
  }
  return null;
}

/**
 * A function's own name, and what it is called on: its id or variable (`scanAll`), the member it is
 * assigned to (`exports.scan`: owner `exports`), or its method key (owner `this`).
 */
function functionName(fn: FunctionNode): { name: string; owner: string | null } | null {
  if (fn.id) return { name: fn.id.name, owner: null };
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return { name: parent.id.name, owner: null };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberPropertyName(parent.left);
    const object = unwrap(parent.left.object);
    const owner = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.ThisExpression ? 'this' : null;
    return name && owner ? { name, owner } : null;
  }
  const holder = parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property ? parent : null;
  if (holder && !holder.computed && holder.key.type === AST_NODE_TYPES.Identifier) return { name: holder.key.name, owner: 'this' };
  return null;
}

/** A function passed as an argument, written in place or declared by name in the file. */
function functionOf(ctx: LoadContext, node: Node | undefined): FunctionNode | null {
  if (!node) return null;
  const target = unwrap(node);
  if (isFunction(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const def = findVariable(ctx.scopeOf(target), target.name)?.defs[0];
  if (def?.type === DefinitionType.FunctionName && isFunction(def.node)) return def.node;
  const init = def?.type === DefinitionType.Variable ? def.node.init : null;
  const fn = init ? unwrap(init) : null;
  return isFunction(fn) ? fn : null;
}

function isArrayFromAsync(callee: Node): boolean {
  const target = unwrap(callee);
  return (
    target.type === AST_NODE_TYPES.MemberExpression &&
    memberPropertyName(target) === 'fromAsync' &&
    unwrap(target.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(target.object) as TSESTree.Identifier).name === 'Array'
  );
}

function isSmallNumber(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && typeof target.value === 'number' && target.value <= 1;
}
