import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { isInside, memberPropertyName, shortText, unwrap } from '../../js/ast.js';
import { findVariable, nameRef, topLevelModules, unwrapSequence } from '../../js/index.js';
import type { BuilderLoader, LibraryEntry } from '../catalog.js';
import { type Chain, type Link, chainBelow, VariableChains, walkChainBelow } from './chains.js';
import { type BoundGuard, boundGuard, isBoundLink, isBoundedChain } from './builder-bounds.js';
import { orList, type LoadFinding, type LoadSuggestion } from './finding.js';
import { limitText, setOption } from '../fixes.js';
import { type LoadContext, STREAMING, acceptsReceiver, isExempt } from './load-context.js';
import { type BuilderStarts, isTableCall, startsAt, startsAtRoot } from './loader-tables.js';
import { isFunctionArgument, setsOption, viewObject } from './objects.js';
import { isResolved } from '../receivers/resolution.js';
import { BuilderHelpers } from './builder-helpers.js';

// Builders: `knex('t')`, `qb.getMany()`, `Model.find().exec()`, `collection.find().toArray()`.

type Expression = TSESTree.Expression;
type Node = TSESTree.Node;

/** Where a builder chain is executed: a terminal method (`getMany()`), or `await`/`return`. */
export type Consumption = { kind: 'terminal'; name: string; call: TSESTree.CallExpression } | { kind: 'await'; expression: Expression };

interface ChainMatch {
  library: LibraryEntry;
  loader: BuilderLoader;
  /** The call that starts the builder (`knex('t')`, `.createQueryBuilder()`, `.find()`), or the receiver that is one (`usersRef`). */
  start: Expression;
  /** Whether the start is the receiver called (`knex('t')`) rather than a method on it. */
  startLink: Link | null;
  after: Link[];
  /** Set when the chain's only bounds run on some paths: the test, and the path without one. */
  guard: BoundGuard | null;
}

/** Builder chains of one file: which chains are a catalog builder's, and which of those load without a bound. */
export class BuilderLoads {
  private readonly variableChains: VariableChains;
  private readonly variableStarts = new Map<BuilderStarts, Map<Chain, boolean>>();
  private readonly clientFile = new Map<BuilderLoader, boolean>();
  private readonly helpers: BuilderHelpers;

  constructor(private readonly ctx: LoadContext) {
    this.variableChains = new VariableChains(ctx.scopeOf);
    this.helpers = new BuilderHelpers(ctx.sourceCode);
  }

  /**
   * What `find` asks of an awaited expression before anything else, without building its chain:
   * whether a thenable builder can start in it (`mayStart`), or its root is a variable whose
   * assignments may start one. Most awaited calls are neither.
   */
  mayBeThenable(expression: Expression): boolean {
    const root = walkChainBelow(expression, this.startsThenable);
    return root === true || root.type === AST_NODE_TYPES.Identifier || startsAtRoot(this.ctx.tables.thenableStarts, root);
  }

  /** The finding for the chain below `candidate`, executed as `consumption` says, if it is an unbounded builder. */
  find(candidate: Expression, consumption: Consumption): LoadFinding | null {
    const { tables } = this.ctx;
    const direct = chainBelow(candidate);
    const starts = consumption.kind === 'terminal' ? tables.terminalStarts.get(consumption.name)! : tables.thenableStarts;
    const directMayStart = this.mayStart(starts, direct);
    let match = directMayStart ? this.matchChain(direct, consumption) : 'none';
    if (match === 'none' && direct.root.type === AST_NODE_TYPES.Identifier) {
      const consumer = consumption.kind === 'terminal' ? consumption.call : consumption.expression;
      // The variable is only worth following if one of the builders can start in what it adds:
      // a terminal's chain continues the variable's, so a start in either will do.
      const worthIt =
        consumption.kind === 'await'
          ? (every: Chain) => this.mayStartInVariable(starts, every)
          : (every: Chain) => directMayStart || this.mayStartInVariable(starts, every);
      const through = this.variableChains.through(direct.root, consumer, 0, worthIt, true);
      if (!through || (through.links.length === 0 && through.root.type !== AST_NODE_TYPES.CallExpression)) return null;
      match = this.matchChain({ root: through.root, links: [...through.links, ...direct.links], passedTo: through.passedTo }, consumption);
    }
    if (match === 'none' || match === 'not-load') return null;
    return this.finding(match, candidate, consumption);
  }

  /**
   * Whether any of the builders could start in the chain (what `findStart` looks for, by name
   * only): most awaited calls (`await fetchUser(id)`, `await this.service.readOne(id)`) and most
   * `.then()`s have no start, and are ruled out without trying every library.
   */
  private mayStart(starts: BuilderStarts, chain: Chain): boolean {
    for (const link of chain.links) if (startsAt(starts, link.name, link.call)) return true;
    if (startsAtRoot(starts, chain.root)) return true;
    return chain.links.length === 0 && starts.receivers.some((library) => this.ctx.resolver.importsLibrary(library));
  }

  /**
   * `mayStart` of a variable's every-link chain (one object per variable and depth), asked by
   * every consumer of the variable: `await client.x()` fifty times in a file walks the calls made
   * on `client` once.
   */
  private mayStartInVariable(starts: BuilderStarts, every: Chain): boolean {
    let known = this.variableStarts.get(starts);
    if (!known) this.variableStarts.set(starts, (known = new Map<Chain, boolean>()));
    let result = known.get(every);
    if (result === undefined) known.set(every, (result = this.mayStart(starts, every)));
    return result;
  }

  /** `startsAt` for thenable builders, as `walkChainBelow` calls it. */
  private readonly startsThenable = (name: string, call: TSESTree.CallExpression): boolean =>
    startsAt(this.ctx.tables.thenableStarts, name, call);

  /** The builder a chain is, if any: `'not-load'` when it is one but bounded or not a read. */
  private matchChain(chain: Chain, consumption: Consumption): ChainMatch | 'none' | 'not-load' {
    const { tables } = this.ctx;
    const candidates = consumption.kind === 'terminal' ? (tables.terminals.get(consumption.name) ?? []) : tables.thenables;
    const consumer = consumption.kind === 'terminal' ? consumption.call : consumption.expression;
    for (const { library, loader } of candidates) {
      let start = this.findStart(chain, library, loader, true);
      if (!start) continue;
      let after = chain.links.slice(start.index + 1);
      // `if (limit) q.limit(limit)`: a bound on some paths only is judged as none, and named.
      let guard = boundGuard(loader, after, consumer);
      // A client known by the call's shape alone (`this.db('tasks')`) counts without
      // `checkTableCallShape` only when the chain is bounded on some paths: its code says so.
      if (start.byShape && !guard && !this.ctx.settings.tableCallShape) {
        start = this.findStart(chain, library, loader, false);
        if (!start) continue;
        after = chain.links.slice(start.index + 1);
        guard = boundGuard(loader, after, consumer);
      }
      if (loader.requires && !after.some((l) => loader.requires!.includes(l.name)) && !loader.requires.includes(start.link?.name ?? 'call'))
        continue;
      if (after.some((l) => loader.notLoads.includes(l.name))) return 'not-load';
      if (loader.notLoadOptions && this.setsNotLoadOption(loader, start.link ? [start.link, ...after] : after)) return 'not-load';
      if (loader.clientModules && this.inClientFile(loader)) return 'not-load';
      // `await qb.getMany()` is reported at `getMany`; `await x.stream()` is not a load.
      if (consumption.kind === 'await' && after.some((l) => tables.terminals.has(l.name) || STREAMING.has(l.name))) return 'not-load';
      if (consumption.kind === 'terminal' && consumption.name === 'then' && !loader.thenable) return 'not-load';
      // Handed to a helper (`this.applyFilters(f, q)`): judged only when the chain's own bound is
      // conditional and no helper calls a bound method (else the helper may be what bounds it).
      if (chain.passedTo && (!guard || chain.passedTo.some((call) => this.helpers.mayBound(call, loader)))) return 'not-load';
      const judged = guard ? after.filter((l) => !isBoundLink(loader, l)) : after;
      if (isBoundedChain(this.ctx, start.call, start.link, judged, loader, guard === null)) return 'not-load';
      return { library, loader, start: start.call, startLink: start.link, after: judged, guard };
    }
    return 'none';
  }

  /** `select('*', { head: true })`: a call whose options make the chain no multi-row read (or may: options it cannot see). */
  private setsNotLoadOption(loader: BuilderLoader, links: Link[]): boolean {
    for (const option of loader.notLoadOptions ?? []) {
      for (const link of links) {
        const arg = link.name === option.method ? link.call.arguments[option.arg] : undefined;
        if (!arg) continue;
        const view = viewObject(arg, this.ctx.scopeOf);
        if (!view || !view.complete || setsOption(view, option)) return true;
      }
    }
    return false;
  }

  /** Whether the file imports one of the builder's client modules (once per builder and file). */
  private inClientFile(loader: BuilderLoader): boolean {
    let known = this.clientFile.get(loader);
    if (known === undefined) {
      const imported = [...topLevelModules(this.ctx.sourceCode.ast)];
      known = (loader.clientModules ?? []).some((m) => imported.some((source) => (typeof m === 'string' ? m === source : m.test(source))));
      this.clientFile.set(loader, known);
    }
    return known;
  }

  /** Where the builder starts in the chain; `byShape`: whether a client known by the call's shape alone may start it. */
  private findStart(chain: Chain, library: LibraryEntry, loader: BuilderLoader, byShape: boolean): Start | null {
    const callable = loader.starts.includes('call');
    const calledStart = (call: TSESTree.CallExpression, next: string | undefined) => {
      const called = this.isCalledReceiver(call, next, library, loader);
      return called === 'receiver' || (called === 'shape' && byShape) ? called : false;
    };
    if (callable && chain.root.type === AST_NODE_TYPES.CallExpression) {
      const called = calledStart(chain.root, chain.links[0]?.name);
      if (called) return { index: -1, call: chain.root, link: null, byShape: called === 'shape' };
    }
    let found: Start | null = null;
    for (let i = 0; i < chain.links.length; i++) {
      const link = chain.links[i]!;
      const called = callable && calledStart(link.call, chain.links[i + 1]?.name);
      if (called) return { index: i, call: link.call, link: null, byShape: called === 'shape' };
      if (!loader.starts.includes(link.name)) continue;
      const receiver = i === 0 ? chain.root : chain.links[i - 1]!.call;
      const resolution = this.ctx.resolver.resolve(receiver);
      if (acceptsReceiver(this.ctx, resolution, receiver, library, loader.role, loader.evidence)) {
        if (isFunctionArgument(link.call.arguments[0], this.ctx.scopeOf)) return null;
        found = { index: i, call: link.call, link };
        if (!loader.lastStart) return found;
      }
    }
    if (found || !loader.starts.includes('receiver') || isReassigned(chain.root, this.ctx.scopeOf)) return found;
    // `usersRef.get()`: the receiver is the builder, known for what it is, not guessed from imports.
    const resolution = this.ctx.resolver.resolve(chain.root);
    const isRole = isResolved(resolution) && resolution.library === library && resolution.role === loader.role;
    return isRole ? { index: -1, call: chain.root, link: null } : null;
  }

  /**
   * `knex('users')`, `this.knex('users')`, `trx('users')`: the client called with a table, not the
   * factory. An unknown callee counts when the next method is the builder's own (`tableCallMethods`)
   * and the file or its package uses the library: `this.db('tasks').where(…)`, `dbOrTx('t').select()`.
   */
  private isCalledReceiver(
    call: TSESTree.CallExpression,
    next: string | undefined,
    library: LibraryEntry,
    loader: BuilderLoader,
  ): 'receiver' | 'shape' | false {
    const target = unwrapSequence(call.callee);
    if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (!isTableCall(call)) return false;
    const ref = nameRef(target, this.ctx.scopeOf);
    if (ref?.origin && library.modules.some((m) => (typeof m === 'string' ? m === ref.origin!.module : m.test(ref.origin!.module))))
      return false;
    const resolution = this.ctx.resolver.resolve(target);
    if (isResolved(resolution)) return resolution.library === library && resolution.role === loader.role && 'receiver';
    return resolution === null && this.isShapeCall(target, next, library, loader) && 'shape';
  }

  /**
   * `this.db('tasks').where(…)`: an unknown callee counts as the client by the call's shape — a
   * name or a path of names (`trx`, `this.db`, `options.knex`; not a method of a chain, not one of
   * the builder's own methods, not a method of something known to be other), called with a table,
   * chained on with one of `tableCallMethods`, in a file or package using the library. Without
   * `checkTableCallShape` (off by default, as the bounds of such queries need the schema) the
   * caller keeps only chains bounded on some paths: their code says the rows need a bound.
   */
  private isShapeCall(
    target: TSESTree.Identifier | TSESTree.MemberExpression,
    next: string | undefined,
    library: LibraryEntry,
    loader: BuilderLoader,
  ): boolean {
    const methods = loader.tableCallMethods;
    if (!methods || next === undefined || !methods.includes(next) || !isNamePath(target)) return false;
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberPropertyName(target) ?? '';
      if (methods.includes(name) || loader.starts.includes(name) || loader.notLoads.includes(name)) return false;
      if (this.ctx.resolver.resolve(target.object) === 'other') return false;
    }
    return this.ctx.resolver.usesLibrary(library);
  }

  private finding(match: ChainMatch, candidate: Expression, consumption: Consumption): LoadFinding | null {
    const { sourceCode, settings } = this.ctx;
    const { loader, start, startLink, after } = match;
    const parts: Node[] = [start, ...after.map((l) => l.call)];
    if (isExempt(this.ctx, start, parts)) return null;
    const startText = startLink
      ? `${shortText(sourceCode.getText(startLink.member.object), 40)}.${startLink.name}()`
      : `${shortText(sourceCode.getText(start), 40)}`;
    const names = after.map((l) => `${l.name}()`);
    const shown = names.length > 3 ? [...names.slice(0, 2), '…', names.at(-1)!] : names;
    const terminal = consumption.kind === 'terminal' && consumption.name !== 'then' ? [`${consumption.name}()`] : [];
    const construct = [startText, ...shown, ...terminal].join('.');
    const bounds = loader.boundMethods.map((m) => `\`.${m}()\``);
    const node =
      consumption.kind === 'terminal' && consumption.name !== 'then'
        ? (unwrap(consumption.call.callee) as TSESTree.MemberExpression).property
        : startLink
          ? startLink.member.property
          : start;
    if (match.guard) {
      const { test, unboundedWhen, bound } = match.guard;
      const data = { construct, unit: loader.unit, test: shortText(sourceCode.getText(test), 40), when: unboundedWhen, bound };
      // Built in a variable and bounded on some paths: the finding is where it runs, past the `if`.
      const at = consumption.kind === 'await' && !isInside(start, candidate) ? consumedAt(candidate) : node;
      return { node: at, messageId: 'boundOnSomePaths', data, suggest: [] };
    }
    const limit = limitText(sourceCode, start, settings.limit);
    if (loader.fixOption && start.type === AST_NODE_TYPES.CallExpression)
      return optionFinding(this.ctx, node, construct, start, loader.fixOption, loader, limit.text);
    const insertAfter = consumption.kind === 'terminal' ? (unwrap(consumption.call.callee) as TSESTree.MemberExpression).object : candidate;
    const plain =
      insertAfter.type === AST_NODE_TYPES.CallExpression ||
      insertAfter.type === AST_NODE_TYPES.Identifier ||
      insertAfter.type === AST_NODE_TYPES.MemberExpression;
    const method = loader.fixMethod;
    const suggest: LoadSuggestion[] =
      plain && method
        ? [
            {
              messageId: 'addMethod',
              data: { method, limit: limit.text },
              fix: (fixer) => fixer.insertTextAfter(insertAfter, `.${method}(${limit.text})`),
            },
          ]
        : [];
    return {
      node,
      messageId: 'unboundedChain',
      data: { construct, unit: loader.unit, bound: orList(bounds), fix: method ?? '' },
      suggest,
    };
  }
}

/** Where a builder chain starts: the index of the start link (-1: the root), and whether only the call's shape says so. */
interface Start {
  index: number;
  call: Expression;
  link: Link | null;
  byShape?: boolean;
}

/** Where a builder held in a variable runs: the last method called on it (`q.select(…)`), or the variable itself (`await q`). */
function consumedAt(candidate: Expression): Node {
  const target = unwrap(candidate);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(target.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) return callee.property;
  }
  return target;
}

/** `db`, `this.db`, `options.knex`: names and non-computed member paths, no call in them. */
function isNamePath(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression;
}

/** A builder bounded by an option of its start call (`find(selector, { limit })`): the message names the key, the suggestion sets it. */
function optionFinding(
  ctx: LoadContext,
  node: Node,
  construct: string,
  start: TSESTree.CallExpression,
  option: { arg: number; key: string },
  loader: BuilderLoader,
  limit: string,
): LoadFinding {
  const property = `${option.key}: ${limit}`;
  return {
    node,
    messageId: 'unboundedCall',
    data: { construct, unit: loader.unit, bound: `\`${option.key}\`` },
    suggest: [
      { messageId: 'addOption', data: { text: property }, fix: (fixer) => setOption(fixer, ctx.sourceCode, start, option.arg, property) },
    ],
  };
}

/** A variable given another value after its declaration (`q = q.limit(n)`): its chain is read through `VariableChains`. */
function isReassigned(node: Expression, scopeOf: LoadContext['scopeOf']): boolean {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(scopeOf(target), target.name);
  return variable !== null && variable.references.some((r) => r.isWrite() && !r.init);
}
