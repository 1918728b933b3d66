import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { callText, enclosingFunction, isInside, lastName, memberPropertyName, unwrap } from '../../js/ast.js';
import { nameRef, unwrapSequence } from '../../js/index.js';
import type { Evidence } from '../catalog.js';
import { matchesRule } from '../catalog-index.js';
import { batchLoaderFinding } from './batch-loads.js';
import { BuilderLoads } from './builder-loads.js';
import { callbackPagesFinding, isPageCallbackCandidate } from './callback-pages.js';
import { customLoaderFinding } from './custom-loads.js';
import { CursorLoops } from './cursor-loops.js';
import { fannedPagesFinding, isFanOutCandidate } from './fanned-pages.js';
import { generatorPagesFinding, isIteratedByForAwait } from './generator-pages.js';
import { functionLoadFinding } from './function-loads.js';
import type { FinderOptions, LoadFinding, LoadMessageId } from './finding.js';
import { type LoadContext, acceptsReceiver } from './load-context.js';
import { loaderTablesOf } from './loader-tables.js';
import { isFunctionArgument } from './objects.js';
import { optionsLoadFinding } from './options-loads.js';
import { pageLoopFinding } from './page-loops.js';
import { PagedLoads } from './paged-loads.js';
import { isRecursionCandidate, recursivePagesFinding } from './recursive-pages.js';
import { redisFinding } from './redis-loads.js';
import { scriptFindings } from './script-loads.js';
import type { ReceiverResolver } from '../receivers/index.js';
import { SqlLoads } from './sql-loads.js';
import { scopeOf } from '../../js/scopes.js';

// The load finder: one entry point per visited node kind, each handing the node to the module
// that judges its kind of load (options objects, builder chains, raw SQL, Redis commands and
// scripts, pages a loop collects, batch-loader constructors, query functions, paged reads, the
// project's own loaders; and the pages of any API a recursion, cursor loop, fan-out, page callback
// or generator collects). The catalog's tables say which.

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** Shared by every call that finds nothing, the common case: no array per visited node. */
const NO_FINDINGS: readonly LoadFinding[] = Object.freeze([]);

/** Findings of every page of a catalog read collected. */
const PAGE_MESSAGES: ReadonlySet<LoadMessageId> = new Set<LoadMessageId>(['unboundedPages', 'collectedPages']);

/**
 * Finds unbounded loads. The rule calls one entry point per visited node kind; each returns the
 * findings (with their suggestions) for that node, or none.
 */
export class LoadFinder {
  private readonly ctx: LoadContext;
  private readonly builders: BuilderLoads;
  private readonly sql: SqlLoads | null;
  private readonly paged: PagedLoads;
  private readonly cursorLoops: CursorLoops;
  /** Every node reported in the file, with what was said of it. */
  private readonly reported = new Map<Node, LoadMessageId>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, resolver: ReceiverResolver, settings: FinderOptions) {
    const tables = loaderTablesOf(settings);
    this.ctx = { sourceCode, scopeOf: (node) => scopeOf(sourceCode, node), settings, resolver, tables };
    this.builders = new BuilderLoads(this.ctx);
    this.sql = tables.sql ? new SqlLoads(this.ctx, tables.sql.loader) : null;
    this.paged = new PagedLoads(this.ctx);
    this.cursorLoops = new CursorLoops(this.ctx);
  }

  /** Every method name any entry point cares about: the rule's first, cheap filter. */
  get memberNames(): ReadonlySet<string> {
    return this.ctx.tables.memberNames;
  }

  /** `x.m(…)` where `m` is one of `memberNames`. */
  memberCall(call: TSESTree.CallExpression): readonly LoadFinding[] {
    const { tables } = this.ctx;
    const callee = unwrap(call.callee) as TSESTree.MemberExpression;
    if (callee.object.type === AST_NODE_TYPES.ThisExpression) {
      const found = this.sameFilePages(call);
      if (found) return found;
    }
    if (isPageCallbackCandidate(call)) {
      const pages = callbackPagesFinding(this.ctx, call);
      if (pages) return this.once(pages);
    }
    const name = memberPropertyName(callee);
    if (name === null || !tables.memberNames.has(name)) return this.cursorLoop(call);
    let findings: LoadFinding[] | undefined;
    const add = (finding: LoadFinding | null) => {
      if (finding && !this.reported.has(finding.node)) {
        this.reported.set(finding.node, finding.messageId);
        (findings ??= []).push(finding);
      }
    };
    if (tables.options.has(name)) add(optionsLoadFinding(this.ctx, call, callee, name));
    if (tables.terminals.has(name)) add(this.builders.find(callee.object, { kind: 'terminal', name, call }));
    if (this.sql) add(this.sql.call(call, callee, name));
    if (tables.redis.has(name)) add(this.redisCall(call, callee, name));
    if (tables.pages.has(name)) add(pageLoopFinding(this.ctx, call, callee, name));
    if (tables.custom.has(name)) add(customLoaderFinding(this.ctx, call, tables.custom.get(name)!));
    if (tables.functions.has(name)) add(functionLoadFinding(this.ctx, call, tables.functions.get(name)!));
    if (tables.pagedReads.has(name)) add(this.paged.pageCall(call, callee, name, tables.pagedReads.get(name)!));
    if (tables.paginators.has(name)) add(this.paged.paginatorCall(call, tables.paginators.get(name)!));
    return findings ?? this.cursorLoop(call);
  }

  /**
   * `f(…)`, `(0, ns.f)(…)`: a function calling itself for the next page, or a query run by a
   * function (`getDocs(q)`) or a paginator (`paginateScan(…)`), by the name it is exported as (a
   * function imported under another name is not looked at: the name is the cheap first filter).
   */
  plainCall(call: TSESTree.CallExpression): readonly LoadFinding[] {
    const { tables } = this.ctx;
    const callee = unwrapSequence(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const found = this.sameFilePages(call);
      if (found) return found;
    }
    const name = lastName(callee);
    if (name === null || !tables.plainCallNames.has(name)) return this.cursorLoop(call);
    if (tables.functions.has(name)) return this.once(functionLoadFinding(this.ctx, call, tables.functions.get(name)!));
    if (tables.paginators.has(name)) return this.once(this.paged.paginatorCall(call, tables.paginators.get(name)!));
    return this.cursorLoop(call);
  }

  /** Whether `newExpression` can report anything: without it the rule need not visit `new X()` at all. */
  get checksConstructors(): boolean {
    return this.ctx.settings.checkBatchLoaders && this.ctx.tables.constructors.length > 0;
  }

  /** Whether `taggedTemplate` can report anything (a SQL library is enabled). */
  get checksTaggedTemplates(): boolean {
    return this.sql !== null;
  }

  /** An awaited expression, or one returned from an async function. */
  consumed(expression: Expression): readonly LoadFinding[] {
    if (!isConsumable(expression)) return NO_FINDINGS;
    const call = unwrap(expression);
    if (call.type === AST_NODE_TYPES.CallExpression && isFanOutCandidate(call)) {
      // `await Promise.all(range(2, res.totalPages).map(…))`: every page a first response counts, at once.
      const fanned = fannedPagesFinding(this.ctx, call);
      if (fanned) return this.once(fanned);
    }
    const elements = promiseAllElements(expression);
    if (elements) {
      // `await Promise.all([q.select(…), countQuery])`: each builder in the list is run and awaited.
      let findings: LoadFinding[] | undefined;
      for (const element of elements) for (const finding of this.consumed(element)) (findings ??= []).push(finding);
      return findings ?? NO_FINDINGS;
    }
    if (!this.builders.mayBeThenable(expression)) return NO_FINDINGS;
    return this.once(this.builders.find(expression, { kind: 'await', expression }));
  }

  newExpression(node: TSESTree.NewExpression): readonly LoadFinding[] {
    // Nothing to report without checkBatchLoaders: skip resolving every `new X()`.
    if (!this.ctx.settings.checkBatchLoaders) return NO_FINDINGS;
    for (const { library, loader } of this.ctx.tables.constructors) {
      if (!this.ctx.resolver.importsLibrary(library)) continue;
      const ref = nameRef(node.callee, this.ctx.scopeOf);
      if (!ref || !loader.classes.some((rule) => matchesRule(ref, rule, library))) continue;
      return this.once(batchLoaderFinding(this.ctx, node, loader));
    }
    return NO_FINDINGS;
  }

  /** Whole-collection commands run by a script in a template literal (`redis.call('SMEMBERS', k)` in Lua). */
  scripts(template: TSESTree.TemplateLiteral): readonly LoadFinding[] {
    return this.ctx.tables.scriptCalls.length > 0 ? scriptFindings(this.ctx.sourceCode, this.ctx.tables, template) : NO_FINDINGS;
  }

  taggedTemplate(node: TSESTree.TaggedTemplateExpression): readonly LoadFinding[] {
    return this.sql ? this.once(this.sql.taggedTemplate(node)) : NO_FINDINGS;
  }

  /**
   * `return listAll(res.next, acc)`, `for await (const item of iteratePages(…)) all.push(item)`:
   * pages of any API collected through a function of this file, by a recursion or from a generator.
   */
  private sameFilePages(call: TSESTree.CallExpression): readonly LoadFinding[] | null {
    const finding = isRecursionCandidate(call)
      ? this.recursion(call)
      : isIteratedByForAwait(call)
        ? generatorPagesFinding(this.ctx, this.cursorLoops, call)
        : null;
    return finding ? this.once(finding) : null;
  }

  /**
   * `return getAll(res.next, acc)`: pages of any API collected by a recursion, unless the pages of a
   * catalog read in the same function were reported already (paged-loads.ts judges its recursion).
   */
  private recursion(call: TSESTree.CallExpression): LoadFinding | null {
    const finding = recursivePagesFinding(this.ctx, call);
    const fn = finding && enclosingFunction(call);
    if (!fn) return null;
    for (const [node, messageId] of this.reported) if (PAGE_MESSAGES.has(messageId) && isInside(node, fn)) return null;
    return finding;
  }

  /**
   * `while (cursor) { const res = await api.list({ cursor }); all.push(...res.items); cursor = res.next; }`:
   * an awaited call of any API in a loop that follows the response's cursor, unless a catalog check
   * already reported the call (the `await` is visited first, so builder findings are in by now).
   */
  private cursorLoop(call: TSESTree.CallExpression): readonly LoadFinding[] {
    if (call.parent.type !== AST_NODE_TYPES.AwaitExpression) return NO_FINDINGS;
    const finding = this.cursorLoops.finding(call);
    if (!finding) return NO_FINDINGS;
    for (const node of this.reported.keys()) if (isInside(node, call)) return NO_FINDINGS;
    return this.once(finding);
  }

  /** A finding not reported before, as a list; the entry points return lists. */
  private once(finding: LoadFinding | null): readonly LoadFinding[] {
    if (!finding || this.reported.has(finding.node)) return NO_FINDINGS;
    this.reported.set(finding.node, finding.messageId);
    return [finding];
  }

  /** A Redis command: the receiver must be a known client (for `KEYS`, resolved, not guessed). */
  private redisCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): LoadFinding | null {
    const { library, loader, command } = this.ctx.tables.redis.get(name)!;
    const args = call.arguments;
    if (args.length < command.minArgs || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
    // The receiver first: it rules out the common `Object.keys(x)` at once, and is cached.
    const receiver = this.ctx.resolver.resolve(callee.object);
    const evidence: Evidence = command.shape === 'keyspace' ? 'receiver' : loader.evidence;
    if (!acceptsReceiver(this.ctx, receiver, callee.object, library, loader.role, evidence)) return null;
    if (isFunctionArgument(args[0], this.ctx.scopeOf)) return null;
    return redisFinding(this.ctx, call, callee, command, name, callText(this.ctx.sourceCode, callee, 50));
  }
}

/** Combinators that run and await every promise of their array: `Promise.all([…])`, `Promise.allSettled([…])`. */
const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled']);

/** The elements of `Promise.all([a, b])` (not spread, not holes), or null for any other expression. */
function promiseAllElements(expression: Expression): Expression[] | null {
  const call = unwrap(expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = unwrap(call.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    callee.object.name !== 'Promise'
  )
    return null;
  const name = memberPropertyName(callee);
  const list = call.arguments[0];
  if (name === null || !PROMISE_COMBINATORS.has(name) || list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  return list.elements.filter((e): e is Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement);
}

/** What `consumed` can judge: a call (`await knex('t').where(…)`) or a variable holding a builder. A cheap test to run before finding out whether the value is consumed. */
export function isConsumable(expression: Expression): boolean {
  const type = unwrap(expression).type;
  return type === AST_NODE_TYPES.CallExpression || type === AST_NODE_TYPES.Identifier;
}
