import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { lastName, unwrap } from '../../js/ast.js';
import type {
  BuilderLoader,
  ConstructorLoader,
  FunctionLoader,
  LibraryEntry,
  OptionsLoader,
  PageLoader,
  PagedLoader,
  RedisCommand,
  RedisLoader,
  SqlLoader,
} from '../catalog.js';
import type { CustomLoader, FinderOptions } from './finding.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

export interface Entry<T> {
  library: LibraryEntry;
  loader: T;
}

/**
 * Where some builders can start, by name only (what the builder finder looks for before resolving
 * any receiver): a start method, or (`knex('t')`) a call with a table name. A chain with none of
 * them is none of those builders.
 */
export interface BuilderStarts {
  readonly names: Set<string>;
  callable: boolean;
  /**
   * Libraries of builders that may be a receiver with nothing called on it (`usersRef.get()`,
   * starts `'receiver'`): looked for only in files importing one.
   */
  readonly receivers: LibraryEntry[];
}

function addStarts(starts: BuilderStarts, library: LibraryEntry, loader: BuilderLoader): void {
  // `'call'` stays a name too: findStart also takes a link named `call` as a start.
  for (const start of loader.starts) starts.names.add(start);
  if (loader.starts.includes('call')) starts.callable = true;
  if (loader.starts.includes('receiver') && !starts.receivers.includes(library)) starts.receivers.push(library);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The loaders of the enabled libraries, indexed by the names the entry points look up. */
export class LoaderTables {
  /** Every method name any entry point cares about: the rule's first, cheap filter. */
  readonly memberNames = new Set<string>();
  readonly options = new Map<string, Entry<OptionsLoader>[]>();
  /** The builders that run when awaited: the candidates for an `await` or async `return`. */
  readonly thenables: Entry<BuilderLoader>[] = [];
  /** Where a thenable builder can start: the candidates for an `await` or async `return`. */
  readonly thenableStarts: BuilderStarts = { names: new Set(), callable: false, receivers: [] };
  readonly terminals = new Map<string, Entry<BuilderLoader>[]>();
  /** Where the builders a terminal (`getMany`, `then`, `exec`) ends can start, by terminal name. */
  readonly terminalStarts = new Map<string, BuilderStarts>();
  readonly redis = new Map<string, Entry<RedisLoader> & { command: RedisCommand }>();
  /** How scripts call commands (`redis.call`), and the commands by their upper-case name. */
  readonly scriptCalls: string[] = [];
  readonly scriptCommands = new Map<string, Entry<RedisLoader> & { command: RedisCommand }>();
  /** Page loaders by every method name they look at: pages, cursor searches and iterators. */
  readonly pages = new Map<string, Entry<PageLoader>[]>();
  readonly constructors: Entry<ConstructorLoader>[] = [];
  readonly sql: Entry<SqlLoader> | null = null;
  readonly custom = new Map<string, CustomLoader[]>();
  /** Calls whose last argument is the entity read (`getRepository(User)`), of every enabled library. */
  readonly entityGetters = new Set<string>();
  /** Query functions by the name of the function that runs the query (`getDocs`). */
  readonly functions = new Map<string, Entry<FunctionLoader>[]>();
  /** Paged reads by the method that reads one page (`scan`, `send`). */
  readonly pagedReads = new Map<string, Entry<PagedLoader>[]>();
  /** Paged reads by their paginator function (`paginateScan`). */
  readonly paginators = new Map<string, Entry<PagedLoader>[]>();
  /** The names of plain calls that may load (`getDocs(q)`, `paginateScan(…)`), as they are exported: the plain-call entry point's first filter. */
  readonly plainCallNames = new Set<string>();

  constructor(settings: FinderOptions) {
    let sql: Entry<SqlLoader> | null = null;
    for (const library of settings.libraries) {
      for (const getter of library.entityGetters ?? []) this.entityGetters.add(getter);
      for (const loader of library.loaders) {
        switch (loader.kind) {
          case 'options':
            for (const method of loader.methods) push(this.options, method, { library, loader });
            break;
          case 'builder':
            if (loader.thenable) {
              this.thenables.push({ library, loader });
              addStarts(this.thenableStarts, library, loader);
            }
            for (const name of loader.terminals) push(this.terminals, name, { library, loader });
            if (loader.thenable) push(this.terminals, 'then', { library, loader });
            break;
          case 'redis':
            for (const command of loader.commands) {
              for (const name of command.names) {
                this.redis.set(name, { library, loader, command });
                if (loader.scriptCalls && command.inScripts !== false)
                  this.scriptCommands.set(name.toUpperCase(), { library, loader, command });
              }
            }
            for (const call of loader.scriptCalls ?? []) if (!this.scriptCalls.includes(call)) this.scriptCalls.push(call);
            break;
          case 'pages':
            for (const name of [...loader.methods, ...(loader.cursor?.methods ?? []), ...(loader.iterators ?? [])]) {
              push(this.pages, name, { library, loader });
            }
            break;
          case 'constructor':
            this.constructors.push({ library, loader });
            break;
          case 'sql':
            sql = { library, loader };
            break;
          case 'function':
            for (const name of loader.runs) push(this.functions, name, { library, loader });
            break;
          case 'paged':
            for (const name of [...loader.methods, loader.commands.method]) push(this.pagedReads, name, { library, loader });
            for (const rule of loader.paginators) push(this.paginators, rule.name, { library, loader });
            break;
        }
      }
    }
    this.sql = sql;
    for (const [name, entries] of this.terminals) {
      const starts: BuilderStarts = { names: new Set(), callable: false, receivers: [] };
      for (const { library, loader } of entries) addStarts(starts, library, loader);
      this.terminalStarts.set(name, starts);
    }
    for (const custom of settings.customLoaders) push(this.custom, custom.callee.slice(custom.callee.lastIndexOf('.') + 1), custom);
    for (const map of [this.options, this.terminals, this.redis, this.custom, this.functions, this.pages, this.pagedReads, this.paginators])
      for (const name of map.keys()) this.memberNames.add(name);
    for (const map of [this.functions, this.paginators]) for (const name of map.keys()) this.plainCallNames.add(name);
    if (sql) {
      const { methods, lazyMethods, prepared } = sql.loader;
      for (const name of [...methods, ...lazyMethods, ...prepared.terminals]) this.memberNames.add(name);
    }
  }
}

const tablesBySettings = new WeakMap<FinderOptions, LoaderTables>();

/** The tables of one settings object, built once and shared by every file linted with it. */
export function loaderTablesOf(settings: FinderOptions): LoaderTables {
  let tables = tablesBySettings.get(settings);
  if (!tables) tablesBySettings.set(settings, (tables = new LoaderTables(settings)));
  return tables;
}

/** A link a builder can start at: a start method, or (`knex('t')`) a call with a table name. */
export function startsAt(starts: BuilderStarts, name: string, call: TSESTree.CallExpression): boolean {
  return starts.names.has(name) || (starts.callable && isTableCall(call));
}

/** A chain's root a builder can start at: `knex('t')` itself. */
export function startsAtRoot(starts: BuilderStarts, root: Expression): boolean {
  return starts.callable && root.type === AST_NODE_TYPES.CallExpression && isTableCall(root);
}

/** `x('users')`: a call with one argument that may name a table. */
export function isTableCall(call: TSESTree.CallExpression): boolean {
  return call.arguments.length === 1 && isTableName(call.arguments[0]!);
}

/** `'users'`, `` `${schema}.users` ``, `TABLE_USERS`, `meta.tableName`: what a table argument looks like. */
function isTableName(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string';
  if (target.type === AST_NODE_TYPES.TemplateLiteral) return true;
  const name = lastName(target);
  return name !== null && (/table/i.test(name) || /^[A-Z][A-Z0-9_]*$/.test(name));
}
