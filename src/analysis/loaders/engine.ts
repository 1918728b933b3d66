import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { callText, findInSubtree, isFunction, literalString, memberPropertyName, nodeAtIndex, shortText, unwrap } from '../js/ast.js';
import { planTypedError, quote } from '../fixes/typed-error.js';
import type {
  BuilderLoader,
  ConstructorLoader,
  Evidence,
  LibraryEntry,
  OptionsLoader,
  RedisCommand,
  RedisLoader,
  SqlLoader,
  Unit,
} from './catalog.js';
import { matchesRule } from './catalog-index.js';
import type { CustomLoader, FinderOptions, JudgeContext, LoadFinding, LoadSuggestion } from './finding.js';
import { redisFinding } from './redis-loads.js';
import { batchLoaderFinding } from './batch-loads.js';
import { customLoaderFinding } from './custom-loads.js';
import { orList } from './finding.js';
import { type Chain, type Link, chainAbove, chainBelow, isConsumed, VariableChains, walkChainBelow } from './chains.js';
import { LIMIT_ERROR_FALLBACK, guardAnchor, insertGuard, isRepeatable, limitText, setOption } from './fixes.js';
import { hasSizeGuard, isPaginationLoop } from './guards.js';
import { nameRef, topLevelModules, unwrapSequence } from '../js/index.js';
import { hasAnyKey, isBuiltList, isCallerList, isFunctionArgument, isPrimaryKeyFilter, viewObject } from './objects.js';
import { type Resolution, isResolved } from './resolution.js';
import type { ReceiverResolver } from './resolver.js';
import { isCatalogTable, judgeSql, looksLikeQuery, PRIMARY_KEYS, type SqlPiece } from './sql.js';
import { sqlPieces, sqlPreview, sqlTagName } from './sql-source.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;
type SourceCode = Readonly<TSESLint.SourceCode>;

interface Entry<T> {
  library: LibraryEntry;
  loader: T;
}

/** Where a builder chain is executed: a terminal method (`getMany()`), or `await`/`return`. */
type Consumption = { kind: 'terminal'; name: string; call: TSESTree.CallExpression } | { kind: 'await'; expression: Expression };

interface ChainMatch {
  library: LibraryEntry;
  loader: BuilderLoader;
  /** The call that starts the builder (`knex('t')`, `.createQueryBuilder()`, `.find()`). */
  start: TSESTree.CallExpression;
  /** Whether the start is the receiver called (`knex('t')`) rather than a method on it. */
  startLink: Link | null;
  after: Link[];
}

const PLURAL: Record<Unit, string> = { row: 'rows', document: 'documents', entity: 'entities' };
const AGGREGATE_CALLS = new Set(['count', 'countAll', 'countDistinct', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max']);
const AGGREGATE_TEXT = /\b(?:count|sum|avg|min|max)\s*\(/i;
const TABLE_METHODS = new Set(['from', 'table', 'into', 'selectFrom']);
const GROUPING = new Set(['groupBy', 'groupByRaw', 'addGroupBy']);
const REPOSITORY_GETTERS = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository', 'getCustomRepository']);
const STREAMING = new Set(['stream', 'cursor', 'iterate', 'each', 'pipe']);

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Where some builders can start, by name only (what `findStart` looks for before resolving any
 * receiver): a start method, or (`knex('t')`) a call with a table name. A chain with none of
 * them is none of those builders.
 */
interface BuilderStarts {
  readonly names: Set<string>;
  callable: boolean;
}

function addStarts(starts: BuilderStarts, loader: BuilderLoader): void {
  // `'call'` stays a name too: findStart also takes a link named `call` as a start.
  for (const start of loader.starts) starts.names.add(start);
  if (loader.starts.includes('call')) starts.callable = true;
}

/** The loaders of the enabled libraries, indexed by the names the entry points look up. */
class LoaderTables {
  /** Every method name any entry point cares about: the rule's first, cheap filter. */
  readonly memberNames = new Set<string>();
  readonly options = new Map<string, Entry<OptionsLoader>[]>();
  /** The builders that run when awaited: the candidates for an `await` or async `return`. */
  readonly thenables: Entry<BuilderLoader>[] = [];
  /** Where a thenable builder can start: the candidates for an `await` or async `return`. */
  readonly thenableStarts: BuilderStarts = { names: new Set(), callable: false };
  readonly terminals = new Map<string, Entry<BuilderLoader>[]>();
  /** Where the builders a terminal (`getMany`, `then`, `exec`) ends can start, by terminal name. */
  readonly terminalStarts = new Map<string, BuilderStarts>();
  readonly redis = new Map<string, Entry<RedisLoader> & { command: RedisCommand }>();
  readonly constructors: Entry<ConstructorLoader>[] = [];
  readonly sql: Entry<SqlLoader> | null = null;
  readonly custom = new Map<string, CustomLoader[]>();

  constructor(settings: FinderOptions) {
    let sql: Entry<SqlLoader> | null = null;
    for (const library of settings.libraries) {
      for (const loader of library.loaders) {
        switch (loader.kind) {
          case 'options':
            for (const method of loader.methods) push(this.options, method, { library, loader });
            break;
          case 'builder':
            if (loader.thenable) {
              this.thenables.push({ library, loader });
              addStarts(this.thenableStarts, loader);
            }
            for (const name of loader.terminals) push(this.terminals, name, { library, loader });
            if (loader.thenable) push(this.terminals, 'then', { library, loader });
            break;
          case 'redis':
            for (const command of loader.commands) for (const name of command.names) this.redis.set(name, { library, loader, command });
            break;
          case 'constructor':
            this.constructors.push({ library, loader });
            break;
          case 'sql':
            sql = { library, loader };
            break;
        }
      }
    }
    this.sql = sql;
    for (const [name, entries] of this.terminals) {
      const starts: BuilderStarts = { names: new Set(), callable: false };
      for (const { loader } of entries) addStarts(starts, loader);
      this.terminalStarts.set(name, starts);
    }
    for (const custom of settings.customLoaders) push(this.custom, custom.callee.slice(custom.callee.lastIndexOf('.') + 1), custom);
    for (const map of [this.options, this.terminals, this.redis, this.custom]) for (const name of map.keys()) this.memberNames.add(name);
    if (sql) {
      const { methods, lazyMethods, prepared } = sql.loader;
      for (const name of [...methods, ...lazyMethods, ...prepared.terminals]) this.memberNames.add(name);
    }
  }
}

const tablesBySettings = new WeakMap<FinderOptions, LoaderTables>();
/** Shared by every call that finds nothing, the common case: no array per visited node. */
const NO_FINDINGS: readonly LoadFinding[] = Object.freeze([]);

/**
 * Finds unbounded loads. The rule calls one entry point per visited node kind; each returns the
 * findings (with their suggestions) for that node, or none.
 */
export class LoadFinder {
  /** The loaders of the options, shared by every file (built once per settings). */
  private readonly tables: LoaderTables;
  private readonly reported = new Set<Node>();
  private noLimitDialect: boolean | undefined;
  private readonly scopeOf: (node: Node) => TSESLint.Scope.Scope;
  private readonly variableChains: VariableChains;
  private readonly variableStarts = new Map<BuilderStarts, Map<Chain, boolean>>();
  /** What the modules that judge one kind of load need of the file. */
  private readonly judge: JudgeContext;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly resolver: ReceiverResolver,
    private readonly settings: FinderOptions,
  ) {
    this.scopeOf = (node) => sourceCode.getScope(node);
    this.variableChains = new VariableChains(this.scopeOf);
    this.judge = { sourceCode, scopeOf: this.scopeOf, settings };
    let tables = tablesBySettings.get(settings);
    if (!tables) tablesBySettings.set(settings, (tables = new LoaderTables(settings)));
    this.tables = tables;
  }

  /** Every method name any entry point cares about: the rule's first, cheap filter. */
  get memberNames(): ReadonlySet<string> {
    return this.tables.memberNames;
  }

  // ----------------------------------------------------------------------------------------
  // Entry points
  // ----------------------------------------------------------------------------------------

  /** `x.m(…)` where `m` is one of `memberNames`. */
  memberCall(call: TSESTree.CallExpression): readonly LoadFinding[] {
    const callee = unwrap(call.callee) as TSESTree.MemberExpression;
    const name = memberPropertyName(callee);
    if (name === null || !this.tables.memberNames.has(name)) return NO_FINDINGS;
    let findings: LoadFinding[] | undefined;
    const add = (finding: LoadFinding | null) => {
      if (finding && !this.reported.has(finding.node)) {
        this.reported.add(finding.node);
        (findings ??= []).push(finding);
      }
    };
    if (this.tables.options.has(name)) add(this.checkOptions(call, callee, name));
    if (this.tables.terminals.has(name)) add(this.checkBuilder(callee.object, { kind: 'terminal', name, call }));
    if (this.tables.sql) add(this.checkSqlCall(call, callee, name));
    if (this.tables.redis.has(name)) add(this.checkRedis(call, callee, name));
    if (this.tables.custom.has(name)) add(customLoaderFinding(this.judge, call, this.tables.custom.get(name)!));
    return findings ?? NO_FINDINGS;
  }

  /** Whether `newExpression` can report anything: without it the rule need not visit `new X()` at all. */
  get checksConstructors(): boolean {
    return this.settings.checkBatchLoaders && this.tables.constructors.length > 0;
  }

  /** Whether `taggedTemplate` can report anything (a SQL library is enabled). */
  get checksTaggedTemplates(): boolean {
    return this.tables.sql !== null;
  }

  /** An awaited expression, or one returned from an async function. */
  consumed(expression: Expression): readonly LoadFinding[] {
    if (!isConsumable(expression) || !this.mayBeThenableBuilder(expression)) return NO_FINDINGS;
    return this.once(this.checkBuilder(expression, { kind: 'await', expression }));
  }

  /**
   * What `checkBuilder` asks of an awaited expression before anything else, without building its
   * chain: whether a thenable builder can start in it (`mayStart`), or its root is a
   * variable whose assignments may start one. Most awaited calls are neither.
   */
  private mayBeThenableBuilder(expression: Expression): boolean {
    const root = walkChainBelow(expression, this.startsThenable);
    return root === true || root.type === AST_NODE_TYPES.Identifier || startsAtRoot(this.tables.thenableStarts, root);
  }

  newExpression(node: TSESTree.NewExpression): readonly LoadFinding[] {
    // checkConstructor reports nothing without checkBatchLoaders: skip resolving every `new X()`.
    if (!this.settings.checkBatchLoaders) return NO_FINDINGS;
    for (const { library, loader } of this.tables.constructors) {
      if (!this.resolver.importsLibrary(library)) continue;
      const ref = nameRef(node.callee, this.scopeOf);
      if (!ref || !loader.classes.some((rule) => matchesRule(ref, rule, library))) continue;
      const finding = batchLoaderFinding(this.judge, node, loader);
      return finding ? [finding] : NO_FINDINGS;
    }
    return NO_FINDINGS;
  }

  taggedTemplate(node: TSESTree.TaggedTemplateExpression): readonly LoadFinding[] {
    if (!this.tables.sql) return NO_FINDINGS;
    const { runningTags, tags } = this.tables.sql.loader;
    const running = sqlTagName(node.tag, runningTags) !== null;
    if (!running) {
      if (sqlTagName(node.tag, tags) === null) return NO_FINDINGS;
      const above = chainAbove(node);
      const executed = isConsumed(node) || above.links[0]?.name === 'then';
      if (!executed) return NO_FINDINGS;
    }
    const construct = () => `${shortText(this.sourceCode.getText(node.tag), 40)}\`…\``;
    return this.once(this.judgeSqlNode(node.quasi, node, node.quasi, construct, []));
  }

  /** A finding not reported before, as a list; the entry points return lists. */
  private once(finding: LoadFinding | null): readonly LoadFinding[] {
    if (!finding || this.reported.has(finding.node)) return NO_FINDINGS;
    this.reported.add(finding.node);
    return [finding];
  }

  // ----------------------------------------------------------------------------------------
  // Receivers
  // ----------------------------------------------------------------------------------------

  /** Whether a receiver is good enough evidence for a loader of `library`/`role`. */
  private accepts(resolution: Resolution, receiver: Node, library: LibraryEntry, role: string, evidence: Evidence): boolean {
    if (isResolved(resolution)) return resolution.library === library && (role === '*' || resolution.role === role);
    if (resolution === 'other' || evidence === 'receiver') return false;
    if (unwrap(receiver).type === AST_NODE_TYPES.ThisExpression) return false;
    return evidence === 'shape' || this.resolver.importsLibrary(library);
  }

  // ----------------------------------------------------------------------------------------
  // Options loaders: repo.find({ take }), prisma.x.findMany({ take })
  // ----------------------------------------------------------------------------------------

  private checkOptions(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): LoadFinding | null {
    const args = call.arguments;
    if (isFunctionArgument(args[0], this.scopeOf) || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
    const receiver = this.resolver.resolve(callee.object);
    for (const { library, loader } of this.tables.options.get(name)!) {
      if (!this.accepts(receiver, callee.object, library, loader.role, loader.evidence)) continue;
      if (args.length < (loader.minArgs ?? 0)) continue;
      const view = loader.optionsArg >= 0 ? viewObject(args[loader.optionsArg], this.scopeOf) : null;
      if (loader.optionsArg >= 0) {
        if (!view || hasAnyKey(view, loader.boundKeys) || !view.complete) return null;
        if (loader.optionKeys && view.keys.size > 0 && !hasAnyKey(view, loader.optionKeys)) continue;
      }
      if (this.isSmallEntity((loader.minArgs ? args[0] : undefined) ?? callee.object)) return null;
      if (loader.filter) {
        const filterArg = args[loader.filter.arg];
        const filter = loader.filter.key
          ? ((loader.filter.arg === loader.optionsArg ? view : viewObject(filterArg, this.scopeOf))?.keys.get(loader.filter.key) ??
            undefined)
          : filterArg;
        if (filter && isPrimaryKeyFilter(filter, this.scopeOf)) return null;
      }
      if (this.isExempt(call, [...args])) return null;
      return this.optionsFinding(call, callee, library, loader);
    }
    return null;
  }

  private optionsFinding(
    call: TSESTree.CallExpression,
    callee: TSESTree.MemberExpression,
    library: LibraryEntry,
    loader: OptionsLoader,
  ): LoadFinding {
    const key = loader.fixKey ?? loader.boundKeys[0]!;
    const limit = limitText(this.sourceCode, call, this.settings.limit);
    const construct = callText(this.sourceCode, callee, 50);
    const suggest: LoadSuggestion[] = [];
    if (loader.rewrite) {
      const { to, whereArg } = loader.rewrite;
      const where = call.arguments[whereArg];
      if (where) {
        suggest.push({
          messageId: 'useFind',
          data: { to, key, limit: limit.text },
          fix: (fixer) => [
            fixer.replaceText(callee.property, to),
            fixer.replaceText(where, `{ where: ${this.sourceCode.getText(where)}, ${key}: ${limit.text} }`),
          ],
        });
      }
      const property = memberPropertyName(callee)!;
      const guard = this.countGuard(call, callee, loader, property.replace(/^find(?:AndCount)?By$/, 'countBy'));
      if (guard) suggest.push(guard);
      return {
        node: callee.property,
        messageId: 'unboundedFilterCall',
        data: { construct, unit: loader.unit, to: loader.rewrite.to, bound: key },
        suggest,
      };
    }
    suggest.push({
      messageId: 'addOption',
      data: { text: `${key}: ${limit.text}` },
      fix: (fixer) => setOption(fixer, this.sourceCode, call, loader.optionsArg, `${key}: ${limit.text}`),
    });
    const guard = this.countGuard(call, callee, loader, 'count');
    if (guard) suggest.push(guard);
    return {
      node: callee.property,
      messageId: 'unboundedCall',
      data: { construct, unit: loader.unit, bound: `\`${key}\`` },
      suggest,
    };
  }

  /** `if ((await repo.count({ where })) > 100) throw …` before the load, when the filter can be repeated. */
  private countGuard(
    call: TSESTree.CallExpression,
    callee: TSESTree.MemberExpression,
    loader: OptionsLoader,
    method: string,
  ): LoadSuggestion | null {
    if (!loader.filter || !isRepeatable(callee.object)) return null;
    const anchor = guardAnchor(call);
    if (!anchor) return null;
    const args = call.arguments;
    const { arg, key } = loader.filter;
    const leading = args.slice(0, arg).map((a) => this.sourceCode.getText(a));
    let filterText: string | null = null;
    if (key) {
      const view = viewObject(args[arg], this.scopeOf);
      const where = view?.keys.get(key);
      if (where === null || (where && !isRepeatable(where))) return null;
      const whereText = where ? this.sourceCode.getText(where) : null;
      filterText = whereText === null ? null : whereText === key ? `{ ${key} }` : `{ ${key}: ${whereText} }`;
    } else if (args[arg]) {
      if (!isRepeatable(args[arg])) return null;
      filterText = this.sourceCode.getText(args[arg]);
    }
    if (leading.some((_, i) => !isRepeatable(args[i]!))) return null;
    const countArgs = [...leading, ...(filterText ? [filterText] : [])].join(', ');
    const plan = planTypedError(this.sourceCode, call, this.settings.limitError, LIMIT_ERROR_FALLBACK);
    if (!plan) return null;
    const limit = limitText(this.sourceCode, call, this.settings.limit);
    const measure = `(await ${this.sourceCode.getText(callee.object)}.${method}(${countArgs}))`;
    const thrown = plan.construct(quote(`Refusing to load more than ${limit.text} ${PLURAL[loader.unit]} at once`));
    return {
      messageId: 'guardCount',
      data: { limit: limit.text, method, error: plan.label, units: PLURAL[loader.unit] },
      fix: (fixer) => {
        const fixes = [insertGuard(fixer, this.sourceCode, anchor, measure, limit.text, thrown)];
        const importFix = plan.importFix(fixer);
        if (importFix) fixes.push(importFix);
        return fixes;
      },
    };
  }

  /** Loads that are fine where they are: a page of a pagination loop, or after a size guard. */
  /**
   * Whether what a load reads is a small table: the name of a table (`'roles'`), an entity
   * (`Role`, `entities.Role`), a repository or delegate (`this.roleRepository`, `prisma.role`),
   * or the entity of a repository getter (`getRepository(ctx, Role)`).
   */
  private isSmallEntity(node: Node): boolean {
    const target = unwrapSequence(node);
    const { isSmallTable } = this.settings;
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        return typeof target.value === 'string' && isSmallTable(target.value, 'table');
      case AST_NODE_TYPES.Identifier:
        return isSmallTable(target.name, 'binding');
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberPropertyName(target);
        return name !== null && isSmallTable(name, 'binding');
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapSequence(target.callee);
        const getter =
          callee.type === AST_NODE_TYPES.MemberExpression
            ? memberPropertyName(callee)
            : callee.type === AST_NODE_TYPES.Identifier
              ? callee.name
              : null;
        const entity = target.arguments.at(-1);
        return (
          getter !== null &&
          REPOSITORY_GETTERS.has(getter) &&
          entity !== undefined &&
          entity.type !== AST_NODE_TYPES.SpreadElement &&
          this.isSmallEntity(entity)
        );
      }
      default:
        return false;
    }
  }

  private isExempt(call: Node, parts: Node[]): boolean {
    if (parts.length > 0 && isPaginationLoop(parts, this.scopeOf, this.sourceCode.visitorKeys)) return true;
    return hasSizeGuard(call, this.scopeOf, this.sourceCode.visitorKeys);
  }

  // ----------------------------------------------------------------------------------------
  // Builders: knex('t'), qb.getMany(), Model.find().exec(), collection.find().toArray()
  // ----------------------------------------------------------------------------------------

  private checkBuilder(candidate: Expression, consumption: Consumption): LoadFinding | null {
    const direct = chainBelow(candidate);
    const starts = consumption.kind === 'terminal' ? this.tables.terminalStarts.get(consumption.name)! : this.tables.thenableStarts;
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
      const through = this.variableChains.through(direct.root, consumer, 0, worthIt);
      if (!through || (through.links.length === 0 && through.root.type !== AST_NODE_TYPES.CallExpression)) return null;
      match = this.matchChain({ root: through.root, links: [...through.links, ...direct.links] }, consumption);
    }
    if (match === 'none' || match === 'not-load') return null;
    return this.builderFinding(match, candidate, consumption);
  }

  /**
   * Whether any of the builders could start in the chain (what `findStart` looks for, by name
   * only): most awaited calls (`await fetchUser(id)`, `await this.service.readOne(id)`) and most
   * `.then()`s have no start, and are ruled out without trying every library.
   */
  private mayStart(starts: BuilderStarts, chain: Chain): boolean {
    for (const link of chain.links) if (startsAt(starts, link.name, link.call)) return true;
    return startsAtRoot(starts, chain.root);
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
    startsAt(this.tables.thenableStarts, name, call);

  /** The builder a chain is, if any: `'not-load'` when it is one but bounded or not a read. */
  private matchChain(chain: Chain, consumption: Consumption): ChainMatch | 'none' | 'not-load' {
    const candidates = consumption.kind === 'terminal' ? (this.tables.terminals.get(consumption.name) ?? []) : this.tables.thenables;
    for (const { library, loader } of candidates) {
      const start = this.findStart(chain, library, loader);
      if (!start) continue;
      const after = chain.links.slice(start.index + 1);
      if (loader.requires && !after.some((l) => loader.requires!.includes(l.name)) && !loader.requires.includes(start.link?.name ?? 'call'))
        continue;
      if (after.some((l) => loader.notLoads.includes(l.name))) return 'not-load';
      // `await qb.getMany()` is reported at `getMany`; `await x.stream()` is not a load.
      if (consumption.kind === 'await' && after.some((l) => this.tables.terminals.has(l.name) || STREAMING.has(l.name))) return 'not-load';
      if (consumption.kind === 'terminal' && consumption.name === 'then' && !loader.thenable) return 'not-load';
      if (this.isBoundedChain(start.call, start.link, after, loader)) return 'not-load';
      return { library, loader, start: start.call, startLink: start.link, after };
    }
    return 'none';
  }

  private findStart(
    chain: Chain,
    library: LibraryEntry,
    loader: BuilderLoader,
  ): { index: number; call: TSESTree.CallExpression; link: Link | null } | null {
    const callable = loader.starts.includes('call');
    if (callable && chain.root.type === AST_NODE_TYPES.CallExpression && this.isCalledReceiver(chain.root, library, loader)) {
      return { index: -1, call: chain.root, link: null };
    }
    for (let i = 0; i < chain.links.length; i++) {
      const link = chain.links[i]!;
      if (callable && this.isCalledReceiver(link.call, library, loader)) return { index: i, call: link.call, link: null };
      if (!loader.starts.includes(link.name)) continue;
      const receiver = i === 0 ? chain.root : chain.links[i - 1]!.call;
      const resolution = this.resolver.resolve(receiver);
      if (this.accepts(resolution, receiver, library, loader.role, loader.evidence)) {
        if (isFunctionArgument(link.call.arguments[0], this.scopeOf)) return null;
        return { index: i, call: link.call, link };
      }
    }
    return null;
  }

  /** `knex('users')`, `this.knex('users')`, `trx('users')`: the client called with a table, not the factory. */
  private isCalledReceiver(call: TSESTree.CallExpression, library: LibraryEntry, loader: BuilderLoader): boolean {
    const target = unwrapSequence(call.callee);
    if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (!isTableCall(call)) return false;
    const ref = nameRef(target, this.scopeOf);
    if (ref?.origin && library.modules.some((m) => (typeof m === 'string' ? m === ref.origin!.module : m.test(ref.origin!.module))))
      return false;
    const resolution = this.resolver.resolve(target);
    return isResolved(resolution) && resolution.library === library && resolution.role === loader.role;
  }

  private isBoundedChain(start: TSESTree.CallExpression, startLink: Link | null, after: Link[], loader: BuilderLoader): boolean {
    if (after.some((l) => loader.boundMethods.includes(l.name))) return true;
    // `knex('pg_proc')`, `.from('information_schema.tables')`: the schema's size, not the data's.
    const tables = [
      ...(startLink === null || TABLE_METHODS.has(startLink.name) ? [start] : []),
      ...after.filter((l) => TABLE_METHODS.has(l.name)).map((l) => l.call),
    ];
    if (
      tables.some((call) => {
        const name = literalString(call.arguments[0] ?? call);
        return name !== null && isCatalogTable(name);
      })
    )
      return true;
    if (tables.some((call) => call.arguments[0] && isFunctionSource(call.arguments[0]))) return true;
    // `knex('roles')`, `.from(Role, 'r')`, `getRepository(Role).createQueryBuilder('r')`: a small table.
    const entities =
      tables.length > 0
        ? tables.map((call) => call.arguments[0])
        : [startLink?.name === 'createQueryBuilder' && start.arguments.length === 2 ? start.arguments[0] : startLink?.member.object];
    if (entities.some((entity) => entity && this.isSmallEntity(entity))) return true;
    if (startLink && loader.boundMethods.includes(startLink.name)) return true;
    if (loader.startOptions && startLink) {
      const options = start.arguments[loader.startOptions.arg];
      if (options) {
        const view = viewObject(options, this.scopeOf);
        if (!view || hasAnyKey(view, loader.startOptions.keys) || !view.complete) return true;
      }
    }
    if (loader.startFilterArg !== undefined && startLink && startLink.name !== loader.pipeline?.method) {
      const filter = start.arguments[loader.startFilterArg];
      if (filter && isPrimaryKeyFilter(filter, this.scopeOf)) return true;
      if (filter && !viewObject(filter, this.scopeOf) && unwrap(filter).type !== AST_NODE_TYPES.Identifier) return false;
    }
    if (loader.pipeline && startLink?.name === loader.pipeline.method) {
      const pipeline = start.arguments[loader.pipeline.arg];
      if (!pipeline || unwrap(pipeline).type !== AST_NODE_TYPES.ArrayExpression) return true;
      const stages = (unwrap(pipeline) as TSESTree.ArrayExpression).elements;
      for (const stage of stages) {
        if (!stage || stage.type === AST_NODE_TYPES.SpreadElement) return true;
        const view = viewObject(stage, this.scopeOf);
        if (!view) return true;
        if (hasAnyKey(view, ['$limit', '$count', '$sample'])) return true;
      }
    }
    if (loader.whereMethods) {
      for (const link of after) {
        if (loader.whereMethods.includes(link.name) && this.isKeyCondition(link.call.arguments, link.name)) return true;
      }
    }
    if (loader.selectMethods) {
      const grouped = this.settings.sqlPolicy.groupedAggregatesUnbounded && after.some((l) => GROUPING.has(l.name));
      const selects = [
        ...(startLink && loader.selectMethods.includes(startLink.name) ? [start] : []),
        ...after.filter((l) => loader.selectMethods!.includes(l.name)).map((l) => l.call),
      ];
      if (!grouped && selects.some((s) => s.arguments.some((a) => this.isAggregate(a)))) return true;
    }
    return false;
  }

  /**
   * `where('id', x)`, `where({ id })`, `whereIn('id', ids)`, `where(eq(t.id, x))`, `where('u.id = :id')`;
   * and any column against the caller's list: `whereIn('email', emails)`, `inArray(t.email, emails)`.
   */
  private isKeyCondition(args: readonly TSESTree.CallExpressionArgument[], method: string): boolean {
    const [first, second, third] = args.map((a) => unwrap(a));
    if (!first) return false;
    if (/^(?:and)?whereIn$/i.test(method) && args.length === 2 && isCallerList(second, this.scopeOf)) return true;
    if (args.length === 3 && literalString(second!)?.toLowerCase() === 'in' && isCallerList(third, this.scopeOf)) return true;
    // TypeORM's `where(entityIds)`, `entityIds = entities.map(…)`: any of the caller's key objects.
    if (args.length === 1 && isBuiltList(first, this.scopeOf)) return true;
    const column = (node: Node | undefined) =>
      node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string'
        ? node.value.slice(node.value.lastIndexOf('.') + 1).replace(/["`]/g, '')
        : null;
    const pkColumn = column(first);
    if (pkColumn !== null && PRIMARY_KEYS.has(pkColumn)) {
      if (args.length === 2) return true;
      const op = column(second);
      return args.length === 3 && (op === '=' || op?.toLowerCase() === 'in') && third !== undefined;
    }
    if ((first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') || first.type === AST_NODE_TYPES.TemplateLiteral) {
      if (args.length > 2) return false;
      // `where('u.id = :id')`, `whereRaw(\`LOWER(??) IN (${emails.map(() => '?')})\`, …)`.
      const text = (piece: string) => ({ kind: 'text' as const, text: piece.replace(/:\.\.\.\w+/g, '?'), sourceStart: null });
      const pieces: SqlPiece[] =
        first.type === AST_NODE_TYPES.Literal
          ? [text(first.value)]
          : first.quasis.flatMap((q, i) =>
              i === 0 ? [text(q.value.cooked ?? q.value.raw)] : [{ kind: 'hole' as const }, text(q.value.cooked ?? q.value.raw)],
            );
      const verdict = judgeSql([text('SELECT * FROM t WHERE '), ...pieces]);
      return verdict.kind === 'bounded' && verdict.reason === 'primary-key';
    }
    if (first.type === AST_NODE_TYPES.ObjectExpression) return isPrimaryKeyFilter(first, this.scopeOf);
    if (first.type === AST_NODE_TYPES.CallExpression) return this.isKeyHelper(first);
    return false;
  }

  /** Drizzle's `eq(t.id, x)`, `inArray(t.id, ids)`, and `and(…)` containing one. */
  private isKeyHelper(call: TSESTree.CallExpression): boolean {
    const callee = unwrapSequence(call.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? memberPropertyName(callee)
          : null;
    if (name === 'and')
      return call.arguments.some(
        (a) => unwrap(a).type === AST_NODE_TYPES.CallExpression && this.isKeyHelper(unwrap(a) as TSESTree.CallExpression),
      );
    if (name === 'inArray' && isCallerList(call.arguments[1], this.scopeOf)) return true;
    if (name !== 'eq' && name !== 'inArray') return false;
    const column = call.arguments[0] && unwrap(call.arguments[0]);
    return column?.type === AST_NODE_TYPES.MemberExpression && PRIMARY_KEYS.has(memberPropertyName(column) ?? '');
  }

  /** `count()`, `fn.countAll()`, `` sql`count(*)` ``, `knex.raw('count(*)')`, and objects of them. */
  private isAggregate(node: Node): boolean {
    const target = unwrap(node);
    // `select({ kind, count: knex.raw('count(*)') })`: with `groupBy`, the key columns sit beside the aggregate.
    if (target.type === AST_NODE_TYPES.ObjectExpression) {
      return target.properties.some((p) => p.type === AST_NODE_TYPES.Property && this.isAggregate(p.value));
    }
    if (target.type === AST_NODE_TYPES.ArrayExpression) {
      return target.elements.some((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && this.isAggregate(e));
    }
    return (
      findInSubtree(target, this.sourceCode.visitorKeys, (n) => {
        if (n.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrap(n.callee);
          const name =
            callee.type === AST_NODE_TYPES.Identifier
              ? callee.name
              : callee.type === AST_NODE_TYPES.MemberExpression
                ? memberPropertyName(callee)
                : null;
          if (name && AGGREGATE_CALLS.has(name)) return true;
        }
        if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && AGGREGATE_TEXT.test(n.value)) return true;
        if (n.type === AST_NODE_TYPES.TemplateElement && AGGREGATE_TEXT.test(n.value.cooked ?? n.value.raw)) return true;
        return null;
      }) !== null
    );
  }

  private builderFinding(match: ChainMatch, candidate: Expression, consumption: Consumption): LoadFinding | null {
    const { loader, start, startLink, after } = match;
    const parts: Node[] = [start, ...after.map((l) => l.call)];
    if (this.isExempt(start, parts)) return null;
    const startText = startLink
      ? `${shortText(this.sourceCode.getText(startLink.member.object), 40)}.${startLink.name}()`
      : `${shortText(this.sourceCode.getText(start), 40)}`;
    const names = after.map((l) => `${l.name}()`);
    const shown = names.length > 3 ? [...names.slice(0, 2), '…', names.at(-1)!] : names;
    const terminal = consumption.kind === 'terminal' && consumption.name !== 'then' ? [`${consumption.name}()`] : [];
    const construct = [startText, ...shown, ...terminal].join('.');
    const bounds = loader.boundMethods.filter((m) => !m.includes('InIds')).map((m) => `\`.${m}()\``);
    const node =
      consumption.kind === 'terminal' && consumption.name !== 'then'
        ? (unwrap(consumption.call.callee) as TSESTree.MemberExpression).property
        : startLink
          ? startLink.member.property
          : start;
    const limit = limitText(this.sourceCode, start, this.settings.limit);
    const insertAfter = consumption.kind === 'terminal' ? (unwrap(consumption.call.callee) as TSESTree.MemberExpression).object : candidate;
    const plain =
      insertAfter.type === AST_NODE_TYPES.CallExpression ||
      insertAfter.type === AST_NODE_TYPES.Identifier ||
      insertAfter.type === AST_NODE_TYPES.MemberExpression;
    const suggest: LoadSuggestion[] = plain
      ? [
          {
            messageId: 'addMethod',
            data: { method: loader.fixMethod, limit: limit.text },
            fix: (fixer) => fixer.insertTextAfter(insertAfter, `.${loader.fixMethod}(${limit.text})`),
          },
        ]
      : [];
    return {
      node,
      messageId: 'unboundedChain',
      data: { construct, unit: loader.unit, bound: orList(bounds), fix: loader.fixMethod },
      suggest,
    };
  }

  // ----------------------------------------------------------------------------------------
  // Raw SQL
  // ----------------------------------------------------------------------------------------

  private checkSqlCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): LoadFinding | null {
    const { methods, lazyMethods, prepared, tags, runningTags, singleRowOptions } = this.tables.sql!.loader;
    let source: Node | undefined;
    const object = unwrap(callee.object);
    if (prepared.terminals.includes(name) && call.arguments.length === 0) {
      const statement = this.preparedStatement(object, prepared.methods);
      source = statement?.arguments[0];
    } else if (
      name === 'execute' &&
      object.type === AST_NODE_TYPES.TaggedTemplateExpression &&
      sqlTagName(object.tag, [...tags, ...runningTags])
    ) {
      source = object;
    } else if (methods.includes(name) || lazyMethods.includes(name)) {
      source = call.arguments[0];
      const target = source && unwrap(source);
      // `items.map((x) => …)`, `promises.all(…)`: a callback is never the SQL; most calls of these names are not queries.
      if (!target || isFunction(target)) return null;
      if (target?.type === AST_NODE_TYPES.ObjectExpression) {
        const view = viewObject(target, this.scopeOf);
        source = view?.keys.get('text') ?? view?.keys.get('sql') ?? undefined;
      }
      if (lazyMethods.includes(name)) {
        const above = chainAbove(call);
        if (!isConsumed(above.top) && above.links[0]?.name !== 'then') return null;
      }
      const options = call.arguments[1];
      if (
        options &&
        singleRowOptions.some(({ key, value }) => {
          const view = viewObject(options, this.scopeOf);
          const v = view?.keys.get(key);
          return v && unwrap(v).type === AST_NODE_TYPES.Literal && (unwrap(v) as TSESTree.Literal).value === value;
        })
      ) {
        return null;
      }
    }
    if (!source) return null;
    const above = chainAbove(call);
    if (above.links.some((l) => STREAMING.has(l.name))) return null;
    const reportOn =
      unwrap(source).type === AST_NODE_TYPES.TaggedTemplateExpression
        ? (unwrap(source) as TSESTree.TaggedTemplateExpression).quasi
        : source;
    return this.judgeSqlNode(source, call, reportOn, () => callText(this.sourceCode, callee, 40), [...call.arguments]);
  }

  /** `db.prepare(sql)`, directly or through a `const stmt = db.prepare(sql)`. */
  private preparedStatement(node: Node, methods: readonly string[]): TSESTree.CallExpression | null {
    let target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const def = this.sourceCode.getScope(target).references.find((r) => r.identifier === target)?.resolved?.defs[0];
      const init = def?.type === DefinitionType.Variable ? def.node.init : null;
      if (!init) return null;
      target = unwrap(init);
    }
    if (target.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = unwrap(target.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && methods.includes(memberPropertyName(callee) ?? '') ? target : null;
  }

  /** `construct` names the call in the message: only built for a finding, as the callee may be a long chain. */
  private judgeSqlNode(source: Node, call: Node, reportOn: Node, construct: () => string, parts: Node[]): LoadFinding | null {
    const { tags, runningTags } = this.tables.sql!.loader;
    const pieces = sqlPieces(source, this.scopeOf, [...tags, ...runningTags]);
    const first = pieces[0];
    if (first?.kind !== 'text' || !looksLikeQuery(first.text)) return null;
    const verdict = judgeSql(pieces, this.settings.sqlPolicy);
    if (verdict.kind !== 'unbounded') return null;
    if (this.isExempt(call, parts.length > 0 ? parts : [source])) return null;
    const suggest: LoadSuggestion[] = [];
    if (verdict.insertAt !== null && !this.usesDialectWithoutLimit()) {
      const at = verdict.insertAt;
      const limit = limitText(this.sourceCode, call, this.settings.limit);
      // Only a constant cares whether it lands in a template (`${LIMIT}`), so only then look.
      const inTemplate =
        limit.constant && nodeAtIndex(this.sourceCode.ast, this.sourceCode.visitorKeys, at)?.type === AST_NODE_TYPES.TemplateElement;
      const text = limit.constant ? (inTemplate ? `\${${limit.text}}` : String(this.settings.limit.defaultLimit)) : limit.text;
      suggest.push({
        messageId: 'appendLimit',
        data: { limit: text },
        fix: (fixer) => fixer.insertTextAfterRange([at, at], ` LIMIT ${text}`),
      });
    }
    return { node: reportOn, messageId: 'unboundedSql', data: { construct: construct(), sql: sqlPreview(pieces) }, suggest };
  }

  /** Whether the file loads a driver whose SQL has no `LIMIT`; once per file, since it scans the whole top level. */
  private usesDialectWithoutLimit(): boolean {
    const modules = topLevelModules(this.sourceCode.ast);
    this.noLimitDialect ??= (this.tables.sql?.loader.modulesWithoutLimit ?? []).some((m) => modules.has(m));
    return this.noLimitDialect;
  }

  // ----------------------------------------------------------------------------------------
  // Redis
  // ----------------------------------------------------------------------------------------

  private checkRedis(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): LoadFinding | null {
    const { library, loader, command } = this.tables.redis.get(name)!;
    const args = call.arguments;
    if (args.length < command.minArgs || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
    // The receiver first: it rules out the common `Object.keys(x)` at once, and is cached.
    const receiver = this.resolver.resolve(callee.object);
    const evidence: Evidence = command.shape === 'keyspace' ? 'receiver' : loader.evidence;
    if (!this.accepts(receiver, callee.object, library, loader.role, evidence) || isFunctionArgument(args[0], this.scopeOf)) return null;
    const construct = callText(this.sourceCode, callee, 50);
    return redisFinding(this.judge, call, callee, command, name, construct);
  }

  // ----------------------------------------------------------------------------------------
  // Constructors: new DataLoader(fn)
  // ----------------------------------------------------------------------------------------
}

/**
 * `` sql`pragma_table_info(${t})`.as('i') ``, `` sql`generate_series(1, 10)` ``: a table argument that
 * calls a function, whose rows are what the function returns, not a table's.
 */
function isFunctionSource(node: Node): boolean {
  let target = unwrap(node);
  if (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberPropertyName(target.callee) === 'as'
  ) {
    target = unwrap(target.callee.object);
  }
  if (target.type !== AST_NODE_TYPES.TaggedTemplateExpression) return false;
  return /^\s*[\w.]+\s*\(/.test(target.quasi.quasis[0]?.value.cooked ?? '');
}

/** What `consumed` can judge: a call (`await knex('t').where(…)`) or a variable holding a builder. A cheap test to run before finding out whether the value is consumed. */
export function isConsumable(expression: Expression): boolean {
  const type = unwrap(expression).type;
  return type === AST_NODE_TYPES.CallExpression || type === AST_NODE_TYPES.Identifier;
}

/** A link a builder can start at: a start method, or (`knex('t')`) a call with a table name. */
function startsAt(starts: BuilderStarts, name: string, call: TSESTree.CallExpression): boolean {
  return starts.names.has(name) || (starts.callable && isTableCall(call));
}

/** A chain's root a builder can start at: `knex('t')` itself. */
function startsAtRoot(starts: BuilderStarts, root: Expression): boolean {
  return starts.callable && root.type === AST_NODE_TYPES.CallExpression && isTableCall(root);
}

/** `x('users')`: a call with one argument that may name a table. */
function isTableCall(call: TSESTree.CallExpression): boolean {
  return call.arguments.length === 1 && isTableName(call.arguments[0]!);
}

/** `'users'`, `` `${schema}.users` ``, `TABLE_USERS`, `meta.tableName`: what a table argument looks like. */
function isTableName(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string';
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return true;
  const name =
    target.type === AST_NODE_TYPES.Identifier
      ? target.name
      : target.type === AST_NODE_TYPES.MemberExpression
        ? memberPropertyName(target)
        : null;
  return name !== null && (/table/i.test(name) || /^[A-Z][A-Z0-9_]*$/.test(name));
}
