// Knex: table queries executed (awaited, `then`) without `.limit()`/`.first()`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const THIS_CLIENTS = `import knexFactory from 'knex';
export class Users {
  constructor() {
    this.store = knexFactory({ client: 'pg' });
    (this).archive = knexFactory({ client: 'pg' });
    this . mirror
      = knexFactory({ client: 'pg' });
    this./* read replica */ replica = knexFactory({ client: 'pg' });
    this['backup'] = knexFactory({ client: 'pg' });
    this.other = makeSomething();
    this.cache = new Map();
  }
  async a() { return await this.store('users').select('id'); }
  async b() { return await this.archive('users').select('id'); }
  async c() { return await this.mirror('users').select('id'); }
  async d() { return await this.replica('users').select('id'); }
  async e() { return await this.backup('users').select('id'); }
  async f() { return await this.other('users').select('id'); }
  async g() { return await this.cache.get('users').select('id'); }
}`;

/** `code` with `.limit(100)` after the `select('id')` of line `line` (1-based): the suggestion's output. */
function limitedOnLine(code: string, line: number): string {
  return code
    .split('\n')
    .map((text, i) => (i === line - 1 ? text.replace(".select('id')", ".select('id').limit(100)") : text))
    .join('\n');
}

/** A file of a package that depends on knex (tests/fixtures/packages/uses-knex/package.json) but does not import it. */
const IN_KNEX_PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/packages/uses-knex/src/task-store.js');

/** Compiled data-layer code: the client is injected, so no file imports knex (Backstage's stores). */
const INJECTED_CLIENT = `class TaskStore {
  constructor(options) { this.db = options.database; }
  async listStale() { return await this.db('tasks').where({ status: 'processing' }).select(['id']); }
  async listBounded() { return await this.db('tasks').where({ status: 'open' }).limit(20); }
}
module.exports = { TaskStore };`;

/**
 * Backstage's task list (plugin-scaffolder-backend, DatabaseTaskStore.list), reduced: an injected
 * client, a filter helper the builder is handed to, `.limit()` only when the caller passes one,
 * and the rows read in a `Promise.all` beside a count.
 */
const TASK_LIST = `class TaskStore {
  constructor(client) { this.db = client; }
  parseFilter(filter, query, negate = false) {
    if (filter.not) return this.parseFilter(filter.not, query, !negate);
    if (filter.key) { query.whereIn(filter.key, filter.values); return query; }
    return query[negate ? 'andWhereNot' : 'andWhere']((sub) => {
      for (const f of filter.anyOf ?? []) sub.orWhere((inner) => this.parseFilter(f, inner));
    });
  }
  page(query, limit) { query.limit(limit); }
  async list({ status, pagination, filters }) {
    const queryBuilder = this.db('tasks');
    if (filters) {
      this.parseFilter(filters, queryBuilder);
    }
    if (status) queryBuilder.whereIn('status', status);
    const countQuery = queryBuilder.clone();
    countQuery.count('tasks.id', { as: 'count' });
    if (pagination?.limit !== undefined) {
      queryBuilder.limit(pagination.limit);
    }
    const [results, [{ count }]] = await Promise.all([queryBuilder.select(['id', 'spec']), countQuery]);
    return { results, count };
  }
}
module.exports = { TaskStore };`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    // The same code in a package that does not depend on knex: nothing says \`this.db\` is a client.
    { code: INJECTED_CLIENT, filename: 'task-store.js', options: [{ checkTableCallShape: true }] },
    // In a knex package without checkTableCallShape (the default): the shape alone is not enough.
    { code: INJECTED_CLIENT, filename: IN_KNEX_PACKAGE },
    {
      // In a knex package, a call with a string chained on with another vocabulary is not a query.
      code: `export const greet = (t, $) => [t('greeting').replace('x', 'y'), $('div.item').find('a'), t('a').where];
export async function other(load) { return await load('users').then((rows) => rows); }
// one of knex's methods on an unknown receiver is not a client called with a table
export async function listed(store) { return await store.select('USERS').where({ active: true }); }
// a method with a string in the middle of a chain is not a client called with a table
export async function inUse(db) { return db.from('roles').countDistinct('roles.id').leftJoin('ru', 'a', 'b').then((r) => r); }`,
      filename: IN_KNEX_PACKAGE,
      options: [{ checkTableCallShape: true }],
    },
    `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const a = () => knex('users').where({ active: true }).limit(50);
export const b = (id: number) => knex('users').where({ id }).first();
export const c = () => knex('users').count('* as n');
export const d = () => knex('users').insert({ name: 'a' });
export const e = () => knex('users').where({ id: 1 }).update({ name: 'b' });
export const f = () => knex('users').where('created_at', '<', new Date()).del();
export const g = async () => knex.select(knex.raw('now()'));
export const h = async () => knex('pg_catalog.pg_tables').select('tablename');
export const i = async (id: number) => knex('users').where('id', id);
export const j = async (ids: number[]) => knex('users').whereIn('id', ids);
export const k = () => knex('users').stream();
export const l = async () => knex.schema.hasTable('users');`,
    `// a builder returned to a caller that may bound it, or handed to a helper
import knexFactory from 'knex';
import { paginate } from './paginate';
const knex = knexFactory({});
export function base() { return knex('users').where({ active: true }); }
export async function page() {
  const query = knex('users');
  paginate(query);
  return await query;
}`,
    `// a bound on every path: unconditional with a default, on both sides of an if, or a guard that leaves
import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function a(limit?: number) {
  const query = knex('tasks').select('id');
  query.limit(limit ?? 100);
  return await query;
}
export async function b(limit?: number) {
  const query = knex('tasks').select('id');
  if (limit) query.limit(limit);
  else query.limit(100);
  return await query;
}
export async function c(limit?: number) {
  const query = knex('tasks').select('id');
  if (!limit) throw new RangeError('limit is required');
  query.limit(Math.min(limit, 500));
  return await query;
}
export async function d(limit: number) {
  const query = knex('tasks').select('id');
  if (limit > 0) {
    query.limit(limit);
    return await query;
  }
  return [];
}`,
    `// a function called db is not knex
export async function a(db: (table: string) => Promise<unknown[]>) { return await db('users'); }`,
    {
      // Handed to a helper that may bound it (one that calls \`.limit()\`, or one of another module),
      // or filtered by the caller's keys besides the optional limit: not reported.
      code: TASK_LIST.replace('this.parseFilter(filters, queryBuilder);', 'this.page(queryBuilder, 50);'),
      filename: IN_KNEX_PACKAGE,
    },
    {
      code: `const { applyFilters } = require('./filters');
class TaskStore {
  constructor(client) { this.db = client; }
  async list({ filters, limit }) {
    const query = this.db('tasks');
    applyFilters(filters, query);
    if (limit) query.limit(limit);
    return await query.select(['id']);
  }
  async byIds(ids, limit) {
    const query = this.db('tasks').whereIn('id', ids);
    if (limit) query.limit(limit);
    return await query;
  }
}
module.exports = { TaskStore };`,
      filename: IN_KNEX_PACKAGE,
    },
    `// every builder of a Promise.all bounded, or not a read
import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function both() {
  return Promise.all([knex('users').select('id').limit(10), knex('users').count('* as n'), Promise.resolve(1)]);
}`,
  ],
  invalid: [
    {
      name: 'an unknown receiver called with a table and chained with knex methods, in a package that depends on knex',
      code: INJECTED_CLIENT,
      filename: IN_KNEX_PACKAGE,
      options: [{ checkTableCallShape: true }],
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "this.db('tasks').where().select()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 3,
          column: 36,
          suggestions: [
            {
              messageId: 'addMethod',
              output: INJECTED_CLIENT.replace(".select(['id'])", ".select(['id']).limit(100)"),
            },
          ],
        },
      ],
    },
    {
      name: 'any name for the client in a file that imports knex only for its types',
      code: `import type { Knex } from 'knex';
export type Db = Knex;
export async function locations(dbOrTx: any) {
  return dbOrTx('locations').select('id', 'target');
}`,
      options: [{ checkTableCallShape: true }],
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "dbOrTx('locations').select()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import type { Knex } from 'knex';
export type Db = Knex;
export async function locations(dbOrTx: any) {
  return dbOrTx('locations').select('id', 'target').limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      // The client is a field the constructor assigns, found however the assignment is spelled
      // (parentheses, spaces and a line break, a comment, a string key); an unknown value is not a
      // client (with checkTableCallShape, its call shape would make it one), nor a Map's \`get\`.
      name: 'knex clients assigned to this.x in the constructor',
      code: THIS_CLIENTS,
      errors: (['store', 'archive', 'mirror', 'replica', 'backup'] as const).map((field, i) => ({
        messageId: 'unboundedChain' as const,
        data: { construct: `this.${field}('users').select()`, unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
        line: 13 + i,
        column: 28,
        suggestions: [{ messageId: 'addMethod' as const, output: limitedOnLine(THIS_CLIENTS, 13 + i) }],
      })),
    },
    {
      // The await sees only `query`; the builder starts in a reassignment of the variable, so the
      // variable is followed (a pre-filter that looked at its initialiser alone would drop this).
      name: 'a builder that starts in a reassignment of an awaited variable',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function all() {
  let query = knex;
  query = query.select('id').from('users');
  return await query;
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'query.select().from()', unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 5,
          column: 17,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function all() {
  let query = knex;
  query = query.select('id').from('users');
  return await query.limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an awaited table query',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function active() {
  const rows = await knex('users').where({ active: true });
  return rows;
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "knex('users').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function active() {
  const rows = await knex('users').where({ active: true }).limit(100);
  return rows;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'select … from',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const emails = async () => knex.select('email').from('users').orderBy('email');`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'knex.select().from().orderBy()', unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 3,
          column: 40,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const emails = async () => knex.select('email').from('users').orderBy('email').limit(100);`,
            },
          ],
        },
      ],
    },
    {
      name: 'then',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const count = () => knex('users').where('active', true).then((rows) => rows.length);`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "knex('users').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 3,
          column: 28,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const count = () => knex('users').where('active', true).limit(100).then((rows) => rows.length);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a transaction',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const run = () => knex.transaction(async (trx) => {
  const jobs = await trx('jobs').where({ state: 'queued' });
  return jobs;
});`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "trx('jobs').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export const run = () => knex.transaction(async (trx) => {
  const jobs = await trx('jobs').where({ state: 'queued' }).limit(100);
  return jobs;
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a builder kept in a variable',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function search(name?: string) {
  const query = knex('users').select('id', 'name');
  if (name) query.where('name', 'like', \`%\${name}%\`);
  return await query;
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "knex('users').select().where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function search(name?: string) {
  const query = knex('users').select('id', 'name');
  if (name) query.where('name', 'like', \`%\${name}%\`);
  return await query.limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      // Backstage's task list: the limit applies only when the caller passes one.
      name: 'a bound on some paths only is no bound on the others',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function list(pagination?: { limit?: number; offset?: number }) {
  const query = knex('tasks').orderBy('created_at', 'desc');
  if (pagination?.limit !== undefined) {
    query.limit(pagination.limit);
  }
  if (pagination?.offset !== undefined) query.offset(pagination.offset);
  return await query.select(['id', 'spec']);
}
export async function events(limit: number, q = knex('events').where({ kind: 'x' })) {
  const builder = knex('events').where({ kind: 'x' });
  return limit > 0 ? await builder : await builder.clone();
}`,
      errors: [
        {
          messageId: 'boundOnSomePaths',
          data: {
            construct: "knex('tasks').orderBy().offset().select()",
            unit: 'row',
            test: 'pagination?.limit !== undefined',
            when: 'false',
            bound: 'limit',
          },
          line: 9,
          column: 22,
          suggestions: [],
        },
        {
          messageId: 'unboundedChain',
          data: { construct: "knex('events').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 12,
          column: 19,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function list(pagination?: { limit?: number; offset?: number }) {
  const query = knex('tasks').orderBy('created_at', 'desc');
  if (pagination?.limit !== undefined) {
    query.limit(pagination.limit);
  }
  if (pagination?.offset !== undefined) query.offset(pagination.offset);
  return await query.select(['id', 'spec']);
}
export async function events(limit: number, q = knex('events').where({ kind: 'x' })) {
  const builder = knex('events').where({ kind: 'x' });
  return limit > 0 ? await builder.limit(100) : await builder.clone();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a client on this, by its conventional name',
      code: `export class UsersService {
  constructor(private readonly knex: any) {}
  async list() {
    return this.knex('users').whereNull('deleted_at');
  }
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "this.knex('users').whereNull()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 4,
          column: 12,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `export class UsersService {
  constructor(private readonly knex: any) {}
  async list() {
    return this.knex('users').whereNull('deleted_at').limit(100);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a bound on some paths of an injected client handed to a filter helper, read in a Promise.all (Backstage)',
      code: TASK_LIST,
      filename: IN_KNEX_PACKAGE,
      errors: [
        {
          messageId: 'boundOnSomePaths',
          data: {
            construct: "this.db('tasks').whereIn().select()",
            unit: 'row',
            test: 'pagination?.limit !== undefined',
            when: 'false',
            bound: 'limit',
          },
          line: 22,
          column: 68,
          suggestions: [],
        },
      ],
    },
    {
      name: 'builders awaited together in a Promise.all or Promise.allSettled',
      code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function both() {
  const [users] = await Promise.allSettled([knex('users').select('id'), knex('users').count('* as n')]);
  return users;
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "knex('users').select()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 4,
          column: 45,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function both() {
  const [users] = await Promise.allSettled([knex('users').select('id').limit(100), knex('users').count('* as n')]);
  return users;
}`,
            },
          ],
        },
      ],
    },
  ],
});
