/**
 * The shape of a catalog entry: how a data-access library's receivers are recognised, which of
 * its calls load many rows, and what bounds them. Entries are data (see `libraries/`); the
 * load finder (`loads/`) reads them and never names a library itself.
 */

export type LibraryId =
  | 'prisma'
  | 'typeorm'
  | 'sequelize'
  | 'mikro-orm'
  | 'mongoose'
  | 'mongodb'
  | 'knex'
  | 'objection'
  | 'drizzle'
  | 'kysely'
  | 'sql'
  | 'redis'
  | 'elasticsearch'
  | 'dataloader'
  | 'couchdb'
  | 'meteor'
  | 'supabase'
  | 'firestore'
  | 'dynamodb'
  | 'prismic';

/** A name, and whether it only counts when the binding comes from one of the library's modules. */
export interface NameRule {
  name: string;
  /** True for common names (`Repository`, `Model`, `Collection`): the import must be the library's. */
  imported?: boolean;
}

/**
 * How a receiver of one kind (a Prisma client, a TypeORM repository, a Redis client, …) comes to
 * be. Each list is a piece of evidence the resolver accepts; `from` names another role of the
 * same library, or `'*'` for a receiver nothing else is known about, in a file importing the library.
 */
export interface RoleSpec {
  /** `new X(…)`. */
  constructs?: readonly NameRule[];
  /** `f(…)`; the name `default` stands for the module's default export (`require('knex')(…)`). */
  factories?: readonly NameRule[];
  /** `<from>.m(…)` returns this role. */
  methods?: readonly { from: string; names: readonly string[] }[];
  /** `<from>.p` is this role; `'*'` is any property not starting with `$` or `_`. */
  properties?: readonly { from: string; names: readonly string[] | '*' }[];
  /** `<from>.m(…, (x) => …)`: the callback's first parameter is this role. */
  callbacks?: readonly { from: string; names: readonly string[] }[];
  /** Type names, read from annotations without types and from declared types with them. */
  types?: readonly NameRule[];
  /** With types: a type having all of these properties is this role (Prisma's generated delegates). */
  members?: readonly string[];
  /** Decorators that inject it (`@InjectRepository(User)`). */
  decorators?: readonly NameRule[];
  /** A class extending one of these is this role: its instances (`this.find()`), or its static side with `baseSide`. */
  bases?: readonly NameRule[];
  /** `'static'`: a class extending a base is this role on its static side (a model: `User.findAll()`). */
  baseSide?: 'instance' | 'static';
  /** The module object itself is this role (`import mongoose from 'mongoose'`). */
  moduleObject?: boolean;
  /**
   * Naming conventions, the last resort: name patterns for the receiver's last name, where `*`
   * stands for any run of characters (`*Repository`, `prisma*`), matched case-sensitively.
   */
  names?: readonly string[];
  /** A class-like name (`User`, `db.User`) counts too, in a file that imports the library (models). */
  classNames?: boolean;
  /** Naming conventions (and class names) only count in a file that imports the library. */
  namesNeedImport?: boolean;
}

/**
 * How sure the finder must be of the receiver:
 * - `receiver`: the receiver resolves to the role (creation, injection, type, naming convention);
 * - `import`: or nothing is known of the receiver and the file imports the library;
 * - `shape`: or nothing is known of the receiver and the call chain itself is the library's.
 */
export type Evidence = 'receiver' | 'import' | 'shape';

/** What a load returns, for messages: "loads every matching row". */
export type Unit = 'row' | 'document' | 'entity' | 'item';

/**
 * An option that makes a call something other than a multi-row read: `key` set, to `value` when
 * one is given (a value that is not a literal counts too: it may be that one).
 */
export interface NotLoadOption {
  key: string;
  value?: unknown;
}

/** `repo.find({ take })`: one call that loads, bounded by keys of an options object. */
export interface OptionsLoader {
  kind: 'options';
  role: string;
  methods: readonly string[];
  /** Index of the options object among the arguments. */
  optionsArg: number;
  /** Keys that bound the load (`take`, `limit`). */
  boundKeys: readonly string[];
  /**
   * Every key the library's options object has, where the options are an argument of their own
   * (`repo.find(where, options)`): an options literal naming none of them is some other API's
   * (a project's own `find(query, transformOptions)`), and the call is not judged.
   */
  optionKeys?: readonly string[];
  /** Where the row filter is, to recognise a filter on the primary key: an argument, or a key of the options. */
  filter: { arg: number; key?: string } | null;
  /** The method that counts what the load would return, with the same filter (`count`): a size guard's measure. */
  countMethod?: string;
  /** The suggestion adds this key (the first bound key if absent). */
  fixKey?: string;
  /**
   * Methods that take a filter and no options (`findBy(where)`): the suggestion rewrites the call
   * to `<to>({ where: <filter>, <fixKey>: n })`, keeping the other arguments.
   */
  rewrite?: { to: string; whereArg: number };
  /** `em.find(Entity, …)`: arguments that must be present for the call to be this loader's. */
  minArgs?: number;
  /**
   * The library bounds the load itself when no bound key is given (Elasticsearch returns 10 hits):
   * the call is reported only when a bound key is a constant of at least `max` (as many as the
   * server returns at once), and not when the options carry one of `pageKeys` (then it is a page
   * of a longer read, which a `pages` loader judges).
   */
  ceiling?: { max: number; pageKeys: readonly string[] };
  /** Keys whose object value holds more of the options (`body` in older Elasticsearch clients). */
  nestedOptions?: readonly string[];
  /**
   * Keys that bound the load only when their value is the caller's (a parameter, a variable, a
   * list built from data) rather than a constant the code writes: a CouchDB view's `key: userId`
   * reads one key's rows, `key: 'user'` every document of a type.
   */
  callerKeys?: readonly string[];
  /** Options that make the call no multi-row read: a CouchDB view's `reduce: true`, `group: true`. */
  notLoadOptions?: readonly NotLoadOption[];
  evidence: Evidence;
  unit: Unit;
}

/** `knex('t').where(…)`, `qb.getMany()`: a builder chain that loads when executed. */
export interface BuilderLoader {
  kind: 'builder';
  /** A short name for this builder, for tests and messages' wording. */
  id: string;
  role: string;
  /**
   * Receivers of `role` (`'*'`: of any role of the library) the chain may start from; `role` is the
   * first method called on them, and the entry `'call'` means the receiver itself is called (`knex('t')`).
   * The entry `'receiver'`: a receiver resolved to `role` (never one merely guessed from the file's
   * imports) is itself a builder, run by a terminal with nothing before it (a Firestore collection
   * reference: `usersRef.get()`).
   */
  starts: readonly string[];
  /**
   * The chain starts at its last start, not its first: a start after a `notLoads` step reads anew
   * (Firestore's `collection('users').doc(id).collection('orders')` reads the orders).
   */
  lastStart?: boolean;
  /** The chain must also call one of these (`from` for Drizzle's `select()`). */
  requires?: readonly string[];
  /** Methods that execute the chain and load every row (`getMany`, `execute`, `toArray`). */
  terminals: readonly string[];
  /** Whether `await chain` / `chain.then()` executes it. */
  thenable: boolean;
  boundMethods: readonly string[];
  /** Methods that select by the caller's keys (`whereInIds(ids)`): they bound the chain, but are not the bound a message offers. */
  keyMethods?: readonly string[];
  /** Methods that make the chain something other than a multi-row read (`insert`, `count`, `stream`). */
  notLoads: readonly string[];
  /** Options object of the start call (`collection.find(filter, { limit })`). */
  startOptions?: { arg: number; keys: readonly string[] };
  /** Filter argument of the start call, for primary-key filters (`find({ _id })`). */
  startFilterArg?: number;
  /** A string written as that filter (`find('…')`, `` find(`…`) ``) is a document's id: Meteor's selectors. */
  stringFilterIsKey?: boolean;
  /** Aggregation pipeline argument of a start method, and the stages that bound it (`aggregate([…, { $limit }])`). */
  pipeline?: { method: string; arg: number; boundStages: readonly string[] };
  /** Methods that take a condition (`where`, `andWhere`), checked for primary-key filters. */
  whereMethods?: readonly string[];
  /** Condition methods that match a column against a list (`whereIn('email', emails)`): the caller's keys bound it. */
  listMethods?: readonly string[];
  /** Methods naming the table read (`from('roles')`), for small and catalog tables. */
  tableMethods?: readonly string[];
  /** A start method that names the entity read when called with `args` arguments (`createQueryBuilder(User, 'u')`). */
  startEntity?: { method: string; args: number; arg: number };
  /** Select methods whose arguments may make it an aggregate (`select({ n: count() })`). */
  selectMethods?: readonly string[];
  /** Grouping methods: an aggregate grouped by them returns a row per group (`groupBy`). */
  groupMethods?: readonly string[];
  /** A method whose options argument makes the chain no multi-row read: Supabase's `select('*', { head: true })` reads a count. */
  notLoadOptions?: readonly (NotLoadOption & { method: string; arg: number })[];
  /**
   * Modules whose import marks a file as client code, where the chain reads a client-side cache
   * that the server's publication bounds (Meteor's Minimongo in a React or Blaze file): the
   * builder is not judged there.
   */
  clientModules?: readonly (string | RegExp)[];
  /** The suggestion inserts `.<fixMethod>(n)` before the terminal (or at the end of the chain). */
  fixMethod?: string;
  /**
   * For a builder no method bounds (Meteor's cursors): the suggestion sets `<key>: n` in argument
   * `arg` of the start call (`find(selector, { limit: n })`) instead, and the message names the key.
   */
  fixOption?: { arg: number; key: string };
  /**
   * Methods that make `x('table').<method>(…)` this builder whatever `x` is (`this.db('t')`,
   * `dbOrTx('t')`), in a file or package using the library, when nothing else is known of `x`: a
   * receiver called with a table name and chained on with the builder's own vocabulary.
   */
  tableCallMethods?: readonly string[];
  evidence: Evidence;
  unit: Unit;
}

export type RedisShape = 'keyspace' | 'set' | 'hash' | 'list' | 'sorted set' | 'stream';

export interface RedisCommand {
  /** Method names (ioredis lower case, node-redis camelCase, `…Buffer` variants). */
  names: readonly string[];
  shape: RedisShape;
  /** The command that reads the same data in bounded steps. */
  scan: string;
  /** The command that measures it first (a size guard); absent for `KEYS`. */
  size?: readonly string[];
  /** Only `LRANGE k 0 -1`-style calls: the start and stop argument positions, and modifiers that make them scores or names (`BYSCORE`). */
  range?: { start: number; stop: number; byValue?: readonly string[]; whole?: WholeRange };
  /** Arguments the call must have (a key; several keys for `SUNION`). */
  minArgs: number;
  /** The command reads several keys (`SUNION a b`, node-redis's `sUnion([a, b])`): no one key's size guards it. */
  multiKey?: boolean;
  /**
   * False where a call in a Lua script reads one record rather than a collection: scripts keep a
   * record in a hash (`HGETALL jobKey`, a job's fields, fixed by the code that writes them), so
   * there the whole-hash read is no unbounded load (bull and bullmq: 8 of 8 such findings wrong).
   */
  inScripts?: boolean;
}

/**
 * A range of scores, names or IDs rather than positions (`ZRANGEBYSCORE k -inf +inf`, `XRANGE k - +`):
 * the start and stop values that span everything, and the modifiers that bound the reply. Values
 * are compared as lower-case text (`Infinity` reads as `+inf`, `-Infinity` as `-inf`). Any argument
 * after the range other than a string literal (an options object, a count) or a callback may bound
 * it, and the call is not judged; of string literals, only `bounds` do (`'WITHSCORES'` does not).
 */
export interface WholeRange {
  start: readonly string[];
  stop: readonly string[];
  /** Modifiers that bound the reply (`LIMIT`, `COUNT`); the first is named in the message. */
  bounds: readonly string[];
}

/** Redis commands that return a whole keyspace, set, hash or list in one reply. */
export interface RedisLoader {
  kind: 'redis';
  role: string;
  commands: readonly RedisCommand[];
  /**
   * How a server-side script calls a command (`redis.call('LRANGE', KEYS[1], 0, -1)` in Lua): in
   * template literals, these calls are judged as the commands are, by their upper-case
   * name, with the arguments after the name in the positions the commands' `range` gives.
   */
  scriptCalls?: readonly string[];
  evidence: Evidence;
}

/**
 * Calls that fetch one page of a longer read (`client.scroll(…)`, a search with `search_after`,
 * `for await (… of client.helpers.scrollDocuments(…))`): reported when the loop around them
 * collects every page into one array declared outside it, with no cap on that array's length.
 */
export interface PageLoader {
  kind: 'pages';
  role: string;
  /** Methods that fetch the next page, whatever their arguments (`scroll`). */
  methods: readonly string[];
  /** Methods that fetch a page when their options carry one of `keys` (`search` with `search_after`). */
  cursor?: { methods: readonly string[]; optionsArg: number; keys: readonly string[]; nestedOptions?: readonly string[] };
  /** Methods returning an async iterable of every page or item, read with `for await` (`scrollDocuments`). */
  iterators?: readonly string[];
  /**
   * Words naming the size of the whole read (`total`, as in `hits.total.value`): an `if` before or
   * in the loop comparing a name that holds one (`totalHits`) with a maximum, and leaving, guards it.
   */
  totals?: readonly string[];
  evidence: Evidence;
}

/** `new DataLoader(fn)`: a constructor whose options must carry a bound. */
export interface ConstructorLoader {
  kind: 'constructor';
  classes: readonly NameRule[];
  optionsArg: number;
  boundKeys: readonly string[];
  /** Options that make the bound unnecessary: `{ batch: false }`. */
  exemptions: readonly { key: string; value: unknown }[];
  fixKey: string;
}

/** Raw SQL: calls and tags that run a statement and return its rows. */
export interface SqlLoader {
  kind: 'sql';
  /** `x.query(sql)`: run at once, whatever the receiver (the SQL text is the evidence). */
  methods: readonly string[];
  /** `knex.raw(sql)`: run when awaited or chained with `then`. */
  lazyMethods: readonly string[];
  /** `` prisma.$queryRaw`…` ``: tags that run at once. */
  runningTags: readonly string[];
  /** `` sql`…` ``: tags building a statement, run when awaited or passed to a method above. */
  tags: readonly string[];
  /** `db.prepare(sql).all()`: a statement, and the methods that return all its rows. */
  prepared: { methods: readonly string[]; terminals: readonly string[] };
  /** Keys of a query-config object that hold the SQL: pg's `{ text }`, mysql's `{ sql }`. */
  textKeys: readonly string[];
  /** Options keys that make a call return one row (`sequelize.query(sql, { plain: true })`). */
  singleRowOptions: readonly { key: string; value: unknown }[];
  /** Drivers whose SQL has no `LIMIT` (SQL Server, Oracle): in a file that loads one, no suggestion appends it. */
  modulesWithoutLimit: readonly string[];
}

/**
 * `getDocs(query(collection(db, 'users'), where(…)))`: a function that runs a query built by other
 * functions of the library (Firestore's modular API). Every name must be imported from one of the
 * library's modules: the imports are the evidence.
 */
export interface FunctionLoader {
  kind: 'function';
  /** Functions that run the query in their first argument and return every match (`getDocs`). */
  runs: readonly string[];
  /** Functions that make a query of a whole source (`collection(db, 'users')`); their last argument names it. */
  sources: readonly string[];
  /** `query(q, ...constraints)`: functions adding the constraints after their first argument to the query in it. */
  refines: readonly string[];
  /** Constraints that bound the query (`limit(n)`); the first is what the suggestion adds. */
  bounds: readonly string[];
  /** Constraints that filter (`where(field, op, value)`), checked for key filters as a builder's `where`. */
  filters: readonly string[];
  unit: Unit;
}

/**
 * A read served a page at a time (DynamoDB's `Scan` and `Query`): the service bounds one page, so
 * what is reported is code that asks for the next page until the cursor runs out (a loop, a
 * recursion, a paginator) and collects every page into one array.
 */
export interface PagedLoader {
  kind: 'paged';
  /** `x.scan(input)`: methods that read one page, whatever the receiver (the cursor keys are the evidence). */
  methods: readonly string[];
  /** `x.send(new ScanCommand(input))`: a method sending a command, and the commands that read one page. */
  commands: { method: string; classes: readonly NameRule[] };
  /** Methods giving a page call's response (aws-sdk v2's `.promise()`). */
  promiseMethods: readonly string[];
  /** `for await (const page of paginateScan(config, input))`: functions yielding every page. */
  paginators: readonly NameRule[];
  /** The request key that carries the cursor, and the response key holding the next one. */
  cursor: { request: string; response: string };
  /** The response key of a page's records (`Items`), and the request key naming the table (`TableName`). */
  itemsKey: string;
  tableKey: string;
  unit: Unit;
}

export type LoaderSpec =
  OptionsLoader | BuilderLoader | RedisLoader | PageLoader | ConstructorLoader | SqlLoader | FunctionLoader | PagedLoader;

export interface LibraryEntry {
  id: LibraryId;
  /** Display name for messages and docs. */
  name: string;
  /** Module specifiers (exact, or patterns) that identify the library in imports. */
  modules: readonly (string | RegExp)[];
  roles: Readonly<Record<string, RoleSpec>>;
  loaders: readonly LoaderSpec[];
  /** Calls whose last argument is the entity a receiver reads (`getRepository(User)`), for small tables. */
  entityGetters?: readonly string[];
  /**
   * How a filter selects by key beyond `{ id }`: operators of a filter value (`{ $eq: id }`;
   * `listOperators` match a list: `{ in: ids }`), and helpers wrapping a value or a condition:
   * `equal` (`Equal(id)`, `eq(t.id, id)`), `list` (`In(ids)`), `all` joining conditions (`and(…)`).
   */
  keyFilters?: KeyFilters;
}

export interface KeyFilters {
  operators?: readonly string[];
  listOperators?: readonly string[];
  equal?: readonly string[];
  list?: readonly string[];
  all?: readonly string[];
}

export function moduleMatches(entry: LibraryEntry, source: string): boolean {
  return entry.modules.some((m) => (typeof m === 'string' ? m === source : m.test(source)));
}
