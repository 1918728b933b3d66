// Generators of programs around the shapes our rules inspect, for the property tests in this
// folder: elapsed-time guards, catches that test for timeouts, timer races, p-timeout options,
// callbacks, untyped timeout errors, ORM / query-builder / Redis / DataLoader loads with and
// without bounds, raw SQL; wrapped in odd syntax (optional chaining, computed members, spread,
// sequence expressions, decorators, `satisfies`, `as`, non-null, JSX, async generators, labels,
// classes with private fields). Every generated program is valid in its dialect.
import fc from 'fast-check';

export type Dialect = 'ts' | 'tsx' | 'js' | 'jsx' | 'cjs';

export const DIALECTS: readonly Dialect[] = ['ts', 'tsx', 'js', 'jsx', 'cjs'];

/** What a dialect allows. */
export interface Syntax {
  ts: boolean;
  jsx: boolean;
  /** ES module (imports, top-level await) rather than CommonJS. */
  module: boolean;
  /** `<T>value` casts: TypeScript outside JSX files. */
  angleCast: boolean;
}

export function syntaxOf(dialect: Dialect): Syntax {
  return {
    ts: dialect === 'ts' || dialect === 'tsx',
    jsx: dialect === 'tsx' || dialect === 'jsx',
    module: dialect !== 'cjs',
    angleCast: dialect === 'ts',
  };
}

/** A piece of code, and the syntax it needs. */
interface Piece {
  code: string;
  needs?: 'ts' | 'jsx' | 'module' | 'angleCast';
}

const piece = (code: string, needs?: Piece['needs']): Piece => ({ code, needs });

function allowed(syntax: Syntax, p: Piece): boolean {
  return p.needs === undefined || syntax[p.needs];
}

function pick(syntax: Syntax, pieces: readonly Piece[]): fc.Arbitrary<string> {
  return fc.constantFrom(...pieces.filter((p) => allowed(syntax, p)).map((p) => p.code));
}

/** Values a timeout path may hand back instead of an answer, plain and wrapped. */
const SENTINELS: readonly Piece[] = [
  piece('0'),
  piece('null'),
  piece('undefined'),
  piece('[]'),
  piece('{}'),
  piece("''"),
  piece('false'),
  piece('-1'),
  piece('NaN'),
  piece('0n'),
  piece('void 0'),
  piece('[0, null]'),
  piece('{ data: [], error: null }'),
  piece('{ rows: [], timedOut: true }'),
  piece('ok(0)'),
  piece('new Map()'),
  piece('(0, [])'),
  piece('[...[]]'),
  piece('{ ...{} }'),
  piece('`${""}`'),
  piece('cached ?? []'),
  piece('flag ? [] : null'),
  piece('Object.freeze([])'),
  piece('[] as never[]', 'ts'),
  piece('0 satisfies number', 'ts'),
  piece('null!', 'ts'),
  piece('(<unknown[]>[])', 'angleCast'),
];

/** Timeout messages, some mixed with arbitrary text. */
const MESSAGE_WORDS = ['timed out', 'Timeout', 'ETIMEDOUT', 'deadline exceeded', 'took too long', 'not found', ''];
const message: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...MESSAGE_WORDS), fc.string({ maxLength: 12 }), fc.boolean())
  .map(([word, noise, before]) => JSON.stringify(before ? `${noise}${word}` : `${word}${noise}`));

/** Errors and strings a timeout may be signalled with. */
function errorValue(syntax: Syntax): fc.Arbitrary<string> {
  const fixed: readonly Piece[] = [
    piece("new Error('timed out')"),
    piece('Error(`Timeout after ${ms} ms`)'),
    piece("'ETIMEDOUT'"),
    piece('`timeout of ${ms}ms exceeded`'),
    piece("new TimeoutError('slow')"),
    piece("Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })"),
    piece("new Error(...['timeout'])"),
    piece("new Error('timeout', { cause: err })"),
    piece("new DOMException('t', 'TimeoutError')"),
    piece('new Error()'),
    piece("new (Error)('timeout')"),
    piece('new Error(msg)'),
    piece("new Error('query timed out') as Error", 'ts'),
  ];
  return fc.oneof(
    pick(syntax, fixed),
    message.map((m) => `new Error(${m})`),
    message,
  );
}

/** Calls that load data (or do slow work), bounded and unbounded, through odd member syntax. */
const LOADS: readonly Piece[] = [
  piece('prisma.user.findMany()'),
  piece('prisma.user.findMany({ take: 10 })'),
  piece('prisma.user.findMany({ where: { id }, ...opts })'),
  piece('prisma?.user?.findMany({ where: { id } })'),
  piece("prisma['user'].findMany()"),
  piece('prisma[model].findMany({ skip: 0 })'),
  piece('repo.find()'),
  piece('repo.find({ take: 5, order: { id: "ASC" } })'),
  piece('repo.findAndCount({ where: { id } })'),
  piece('repo.createQueryBuilder("u").getMany()'),
  piece("knex('t').select('*')"),
  piece("knex('t').select('*').limit(10)"),
  piece("knex.select('id').from('t').where({ id })"),
  piece('db.select().from(t)'),
  piece('db.select().from(t).limit(1)'),
  piece("redis.keys('*')"),
  piece("redis.smembers('s')"),
  piece("redis.hgetall('h')"),
  piece("redis.lrange('l', 0, -1)"),
  piece("db.query('SELECT * FROM users')"),
  piece('db.query(`SELECT * FROM ${table} LIMIT 10`)'),
  piece('db.raw("select id from t where a = ?", [id])'),
  piece('sql`SELECT * FROM t`'),
  piece('Model.findAll()'),
  piece('Model.find({}).lean()'),
  piece('collection.find({}).toArray()'),
  piece('loader.loadMany(ids)'),
  piece('fetch(url, { signal: AbortSignal.timeout(ms) })'),
  piece('work()'),
  piece('(0, repo.find)()'),
  piece('withTimeout(work(), ms)'),
  piece('pTimeout(work(), { milliseconds: ms })'),
  piece('(repo as any).find()', 'ts'),
  piece('repo!.find()', 'ts'),
  piece('prisma.user.findMany() satisfies Promise<unknown>', 'ts'),
];

/** Loads of everything a sentinel may select: unbounded queries and functions named for it. */
const FULL_LOADS = [
  'prisma.service.findMany()',
  "knex('services').select('*')",
  'repo.find()',
  "db.query('SELECT * FROM services')",
  'loadAll()',
  'fetchAllServices()',
  'getAllServices(db)',
  'this?.fullSync()',
];

/** Conditions that make a branch a timeout path, and some that do not. */
const GUARDS: readonly Piece[] = [
  piece('Date.now() - start > maxWait'),
  piece('maxWait !== 0 && Date.now() - start > maxWait'),
  piece('elapsed >= timeoutMs'),
  piece('timedOut'),
  piece('!done && timePass > maxWait'),
  piece('performance.now() - t0 > budget'),
  piece('Date.now() > deadline'),
  piece('signal.aborted'),
  piece('(elapsed, timedOut)'),
  piece('opts?.timeout && Date.now() - start >= opts.timeout'),
  piece("this?.['timedOut']"),
  piece('rows.length === 0'),
  piece('(Date.now() - start as number) > maxWait', 'ts'),
  piece('timedOut!', 'ts'),
];

const ERROR_TESTS: readonly Piece[] = [
  piece('e instanceof TimeoutError'),
  piece("e.name === 'TimeoutError'"),
  piece("e?.code === 'ETIMEDOUT'"),
  piece("String(e).includes('timed out')"),
  piece("/timeout/i.test(e?.message ?? '')"),
  piece('true'),
  piece("(e as Error).message.includes('timeout')", 'ts'),
];

/** What a timeout branch does: returns a sentinel, returns nothing, throws, rejects. */
function exitStatement(syntax: Syntax): fc.Arbitrary<string> {
  return fc.oneof(
    pick(syntax, SENTINELS).map((v) => `return ${v};`),
    pick(syntax, SENTINELS).map((v) => `return (${v});`),
    pick(syntax, SENTINELS).map((v) => `log('skip'), count++; return ${v};`),
    fc.constant('return;'),
    errorValue(syntax).map((e) => `throw ${e};`),
    errorValue(syntax).map((e) => `return Promise.reject(${e});`),
  );
}

/** What a timer does to the promise it races: resolve a sentinel, reject an error. */
function settle(syntax: Syntax): fc.Arbitrary<string> {
  return fc.oneof(
    pick(syntax, SENTINELS).map((v) => `resolve(${v})`),
    fc.constant('resolve()'),
    errorValue(syntax).map((e) => `reject(${e})`),
  );
}

type Shape = (name: string) => string;

/** An arrow function's expression body: an object literal needs parentheses. */
const arrowBody = (value: string) => (value.startsWith('{') ? `(${value})` : value);

function shapes(syntax: Syntax): fc.Arbitrary<Shape>[] {
  const sentinel = pick(syntax, SENTINELS);
  const load = pick(syntax, LOADS);
  const guard = pick(syntax, GUARDS);
  const exit = exitStatement(syntax);
  const ann = (type: string) => (syntax.ts ? `: ${type}` : '');
  const list: fc.Arbitrary<Shape>[] = [
    // The incident: an elapsed-time guard after a query.
    fc.tuple(load, guard, exit).map(
      ([l, g, x]) =>
        (name) => `
async function ${name}(db${ann('any')}, maxWait${ann('number')}) {
  const start = Date.now();
  const rows = await ${l};
  if (${g}) {
    ${x}
  }
  return rows;
}`,
    ),
    // A catch that tests for a timeout.
    fc.tuple(load, pick(syntax, ERROR_TESTS), exit, fc.boolean()).map(
      ([l, t, x, rethrow]) =>
        (name) => `
export async function ${name}() {
  try {
    return await ${l};
  } catch (e${syntax.ts ? ': any' : ''}) {
    if (${t}) {
      ${x}
    }
    ${rethrow ? 'throw e;' : 'return null;'}
  }
}`,
    ),
    fc.tuple(load, sentinel).map(
      ([l, v]) =>
        (name) => `
const ${name} = async () => {
  try { return await withTimeout(${l}, 50); } catch { return ${v}; }
};`,
    ),
    // A chain behind a timeout.
    fc.tuple(load, sentinel, fc.boolean()).map(
      ([l, v, block]) =>
        (name) => `
const ${name} = (ms${ann('number')}) => withTimeout(${l}, ms).catch(${block ? `(e) => { return ${v}; }` : `() => ${arrowBody(v)}`});`,
    ),
    // Promise.race with a timer.
    fc.tuple(load, settle(syntax)).map(
      ([l, s]) =>
        (name) => `
export const ${name} = (ms${ann('number')}) =>
  Promise.race([${l}, new Promise((resolve, reject) => setTimeout(() => ${s}, ms))]);`,
    ),
    // A promise executor whose timer settles first.
    fc.tuple(load, settle(syntax)).map(
      ([l, s]) =>
        (name) => `
function ${name}(ms${ann('number')}) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ${s};
    }, ms);
    ${l}.then((value${ann('unknown')}) => {
      clearTimeout(timer);
      resolve(value);
    }, reject);
  });
}`,
    ),
    // p-timeout options.
    fc.tuple(load, sentinel, fc.constantFrom('fallback', 'message-false', 'message')).map(([l, v, kind]) => (name) => {
      const option =
        kind === 'fallback' ? `fallback: () => ${arrowBody(v)}` : kind === 'message-false' ? 'message: false' : "message: 'timed out'";
      return `
export async function ${name}() {
  return pTimeout(${l}, { milliseconds: 50, ${option} });
}`;
    }),
    // A Node-style callback called from a timer.
    fc.tuple(load, sentinel).map(
      ([l, v]) =>
        (name) => `
function ${name}(cb${ann('(error: unknown, value?: unknown) => void')}) {
  const timer = setTimeout(() => cb(null, ${v}), 100);
  ${l}.then((value${ann('unknown')}) => { clearTimeout(timer); cb(null, value); }, cb);
}`,
    ),
    // Untyped timeout errors delivered in odd ways.
    fc.tuple(errorValue(syntax), fc.constantFrom('throw', 'reject', 'abort', 'callback', 'destroy')).map(([e, how]) => (name) => {
      const body = {
        throw: `throw ${e};`,
        reject: `return Promise.reject(${e});`,
        abort: `controller.abort(${e});`,
        callback: `callback(${e});`,
        destroy: `stream?.destroy(${e});`,
      }[how];
      return `
function ${name}(callback${ann('(error: unknown) => void')}, controller${ann('AbortController')}) {
  if (Date.now() > deadline) {
    ${body}
  }
}`;
    }),
    // Loads, bounded or not, with a caller that turns "nothing" into "everything".
    fc.tuple(load, load).map(
      ([a, b]) =>
        (name) => `
export async function ${name}(rev${ann('number')}) {
  const rows = rev === 0 ? await ${a} : await ${b};
  for await (const row of rows ?? []) count += row ? 1 : 0;
  return [...rows, ...(await ${a})];
}`,
    ),
    // A zero, empty or missing value selecting a load of everything (the incident's caller).
    fc
      .tuple(
        fc.constantFrom('rev', 'state.rev', 'opts?.cursor', 'since'),
        fc.constantFrom('=== 0', '== null', '<= 0', '=== undefined', '!'),
        fc.constantFrom(...FULL_LOADS),
        fc.constantFrom('ternary', 'if', 'or', 'chain'),
      )
      .map(([subject, test, full, form]) => (name) => {
        const cond = test === '!' ? `!${subject}` : `${subject} ${test}`;
        const other = `prisma.service.findMany({ where: { revision: { gt: ${subject} } }, take: 1000 })`;
        const body = {
          ternary: `const rows = ${cond}\n    ? await ${full}\n    : await ${other};\n  return rows;`,
          if: `if (${cond}) {\n    return ${full};\n  }\n  return ${other};`,
          or: `return ${subject} || ${full};`,
          chain: `const [latest] = await latestRevision${name}(db, 500);\n  return latest === 0 ? await ${full} : await prisma.service.findMany({ where: { revision: { gt: latest } }, take: 100 });`,
        }[form];
        const helper =
          form === 'chain'
            ? `async function latestRevision${name}(db${ann('any')}, maxWaitMs${ann('number')}) {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) return [0, null];
  return [rows[0].r, null];
}
`
            : '';
        return `
${helper}export async function ${name}(rev${ann('number')}, state${ann('{ rev?: number }')}, since${ann('number | undefined')}) {
  ${body}
}`;
      }),
    // new DataLoader, and loaders in object literals with computed keys.
    load.map(
      (l) => (name) => `
const ${name} = {
  loader: new DataLoader(async (keys${ann('readonly string[]')}) => keys.map(() => null)),
  ['all' + 'Rows']: async () => ${l},
  async *stream() { yield* await ${l}; },
};`,
    ),
    // Async generators and labels.
    fc.tuple(load, guard, sentinel).map(
      ([l, g, v]) =>
        (name) => `
async function* ${name}(batches${ann('number')}) {
  outer: for (let i = 0; i < batches; i++) {
    inner: while (true) {
      const page = await ${l};
      if (${g}) { yield ${v}; break outer; }
      if (!page) continue outer;
      yield page;
      break inner;
    }
  }
}`,
    ),
    // A class with private fields, static blocks, accessors.
    fc.tuple(load, guard, exit).map(
      ([l, g, x]) =>
        (name) => `
class ${name} {
  #timedOut = false;
  static #instances = 0;
  static { ${name}.#instances++; }
  constructor(repo${ann('any')}) { this.repo = repo; }
  get timedOut() { return this.#timedOut; }
  async load(maxWait${ann('number')}) {
    const start = Date.now();
    const rows = await ${l};
    if (${g}) {
      this.#timedOut = true;
      ${x}
    }
    return rows;
  }
}`,
    ),
    // Sequence expressions, comma returns, nested arrows.
    fc.tuple(load, sentinel).map(
      ([l, v]) =>
        (name) => `
const ${name} = (ms${ann('number')}) => (count++, withTimeout(${l}, ms).then((r) => r, () => (log('timeout'), ${v})));`,
    ),
  ];

  if (syntax.module) {
    list.push(
      fc.tuple(load, sentinel).map(
        ([l, v]) =>
          (name) => `
export const ${name} = await pTimeout(${l}, { milliseconds: 5, fallback: () => ${arrowBody(v)} }).catch(() => ${arrowBody(v)});`,
      ),
    );
  }
  if (syntax.ts) {
    list.push(
      // Decorators, parameter properties, overloads, `satisfies`, non-null, abstract members.
      fc.tuple(load, guard, exit).map(
        ([l, g, x]) =>
          (name) => `
abstract class Base${name} { abstract run(): Promise<unknown>; }
@injectable()
export class ${name} extends Base${name} {
  private readonly cache = new Map<string, unknown>();
  constructor(@InjectRepository(User) private readonly repo: Repository<User>, private timeoutMs = 500) { super(); }
  run(): Promise<unknown>;
  run(id?: string): Promise<unknown>;
  @logged()
  async run(id?: string): Promise<unknown> {
    const start = Date.now();
    const rows = (await ${l})!;
    if (${g}) {
      ${x}
    }
    return rows satisfies unknown;
  }
}`,
      ),
      // Values from overloads and declared functions (bodiless signatures) feeding a sentinel test.
      fc.tuple(fc.constantFrom(...FULL_LOADS), fc.constantFrom('== null', '=== 0', '!')).map(([full, test]) => (name) => {
        const cond = (subject: string) => (test === '!' ? `!${subject}` : `${subject} ${test}`);
        return `
declare function lookup${name}(key: string): number | null;
export function lookup${name}Twice(key: string): number | null;
export function lookup${name}Twice(key: string, fallback: number): number;
export function lookup${name}Twice(key: string, fallback?: number): number | null { return fallback ?? null; }
export class ${name} {
  get(key: string): number | null;
  get(key: string, required: true): number;
  get(key: string, required?: boolean): number | null { return required ? 1 : null; }
  async sync() {
    const rev = this.get('rev');
    if (${cond('rev')}) {
      return ${full};
    }
    const other = lookup${name}('rev') ?? lookup${name}Twice('rev');
    return ${cond('other')} ? ${full} : prisma.service.findMany({ where: { revision: { gt: rev } }, take: 10 });
  }
}`;
      }),
      fc.tuple(load, sentinel).map(
        ([l, v]) =>
          (name) => `
namespace ${name} {
  export enum Mode { Fast, Slow }
  export type Result<T> = { data: T[]; error: Error | null };
  export async function get<T>(): Promise<Result<T>> {
    const data = await ${l} as T[];
    return Date.now() > deadline ? { data: ${v} as never, error: null } : { data, error: null };
  }
}`,
      ),
    );
  }
  if (syntax.jsx) {
    list.push(
      fc.tuple(load, sentinel).map(
        ([l, v]) =>
          (name) => `
export const ${name} = async (props${ann('{ ms: number }')}) => (
  <List items={await withTimeout(${l}, props.ms).catch(() => ${arrowBody(v)})} empty={<>{${v}}</>} {...props} />
);`,
      ),
    );
  }
  return list;
}

function prelude(syntax: Syntax): string {
  const declare = syntax.ts ? 'declare let' : 'let';
  const vars =
    `${declare} db, repo, Model, collection, sql, loader, work, withTimeout, ok, log, url, ms, id, ids, t, table, msg, err, ` +
    'start, maxWait, elapsed, timeoutMs, timedOut, t0, budget, deadline, signal, done, timePass, opts, model, cached, flag, ' +
    'count, stream, injectable, logged, InjectRepository, User, List, loadAll, fetchAllServices, getAllServices;';
  if (!syntax.module) {
    return `'use strict';
const pTimeout = require('p-timeout');
const { TimeoutError } = require('p-timeout');
const { PrismaClient } = require('@prisma/client');
const knex = require('knex')({ client: 'pg' });
const Redis = require('ioredis');
const DataLoader = require('dataloader');
const prisma = new PrismaClient();
const redis = new Redis();
${vars}
`;
  }
  return `import pTimeout, { TimeoutError } from 'p-timeout';
import { PrismaClient } from '@prisma/client';
import knexFactory from 'knex';
import Redis from 'ioredis';
import DataLoader from 'dataloader';
${syntax.ts ? "import type { Repository } from 'typeorm';\n" : ''}const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg' });
const redis = new Redis();
${vars}
`;
}

/** A whole program in `dialect`: the prelude, then 1 to `max` shapes. */
export function program(dialect: Dialect, max = 5): fc.Arbitrary<string> {
  const syntax = syntaxOf(dialect);
  return fc.array(fc.oneof(...shapes(syntax)), { minLength: 1, maxLength: max }).map((list) => {
    const body = list.map((shape, i) => shape(`f${i}`)).join('\n');
    // CommonJS has no `export`: the same declarations, unexported.
    return `${prelude(syntax)}${syntax.module ? body : body.replace(/^export /gm, '')}\n`;
  });
}
