// no-unbounded-load across libraries: options, receivers, the false-positive traps, and the
// strict-only reads. Each library's own cases are in tests/rules/no-unbounded-load/<library>.test.ts;
// type-aware cases in tests/rules/no-unbounded-load/typed.test.ts.
import rule from '../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    {
      name: 'small tables: schema, configuration and access metadata, by table, entity, repository or delegate name',
      code: `import knex from 'knex';
import { PrismaClient } from '@prisma/client';
import { getRepository } from 'typeorm';
const db = knex({ client: 'pg' });
const prisma = new PrismaClient();
export const a = async () => db('directus_fields').where({ collection: 'posts' });
export const b = async () => db.select('id').from('roles');
export const c = async (pg: any) => pg.query('SELECT * FROM "_SCHEMA"');
export const d = async () => getRepository(Role).find();
export const e = async (ctx: unknown, conn: any) => conn.getRepository(ctx, entities.ShippingMethod).find({ where: { enabled: true } });
export const f = async () => prisma.setting.findMany();
declare const Role: unknown;
declare const entities: { ShippingMethod: unknown };`,
    },
    {
      name: 'rows matched against a list the caller holds, on any column',
      code: `import knex from 'knex';
import { getRepository, In } from 'typeorm';
import { PrismaClient } from '@prisma/client';
const db = knex({ client: 'pg' });
const prisma = new PrismaClient();
export const a = async (emails: string[]) => db('users').whereIn('email', emails);
export const b = async (posts: { id: string }[]) => db('posts_tags').whereIn('post_id', posts.map((p) => p.id));
export const c = async (names: string[]) => getRepository(User).find({ where: { name: In(names) } });
export const d = async (ids: string[]) => prisma.membership.findMany({ where: { user: { id: { in: ids } } } });
export const e = async (pg: any, names: string[]) => pg.query('select id from tasks where identifier = any($1::text[])', [names]);
export const f = async (ids: string[]) => getRepository(User).createQueryBuilder('u').where('u.email IN (:...ids)', { ids }).getMany();
declare const User: unknown;`,
    },
    {
      name: 'aggregates with GROUP BY: one row per group, left to strict',
      code: `import knex from 'knex';
import { getRepository } from 'typeorm';
const db = knex({ client: 'pg' });
export const a = async () => db('members').select('status', db.raw('count(*) as n')).groupBy('status');
export const b = async (pg: any) => pg.query('SELECT currency, sum(mrr) FROM subscriptions GROUP BY currency');
export const c = async () =>
  getRepository(Order).createQueryBuilder('o').select('o.type').addSelect('COUNT(*)', 'n').groupBy('o.type').getRawMany();
declare const Order: unknown;`,
    },
    {
      name: 'lookups the text shows are bounded: natural keys, raw IN lists, a built list of key objects, a function as the source',
      code: `import knex from 'knex';
import { getRepository } from 'typeorm';
import { Kysely, sql } from 'kysely';
const db = knex({ client: 'pg' });
declare const kdb: Kysely<any>;
export const a = async (slug: string) => getRepository(Post).find({ where: { slug } });
export const b = async (pg: any) => pg.query("SELECT * FROM discounts WHERE code = 'WELCOME'");
export const c = async (emails: string[]) =>
  db.select('email').from('users').whereRaw(\`LOWER(??) IN (\${emails.map(() => '?')})\`, ['email', ...emails]);
export const d = async (entities: { id: number }[]) => {
  const ids = entities.map((e) => ({ id: e.id }));
  return getRepository(Post).createQueryBuilder().select('p').from(Post, 'p').where(ids).getMany();
};
export const e = async (name: string) => kdb.selectFrom(sql\`pragma_table_info(\${name})\`.as('i')).select(['name']).execute();
export const f = async (t: unknown) => db('entities').select({ kind: t, count: db.raw('count(*)') }).groupBy(t as string);
declare const Post: unknown;`,
    },
    {
      name: 'a generic Redis key reader asks for the key type first',
      code: `import Redis from 'ioredis';
const client = new Redis();
export async function getValue(key: string) {
  const type = await client.type(key);
  if (type === 'hash') return client.hgetall(key);
  if (type === 'set') return client.smembers(key);
  return client.get(key);
}`,
    },
    {
      name: 'smallTables replaces the defaults',
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db('audit_kinds');`,
      options: [{ smallTables: ['*_kind'] }],
    },
    {
      name: 'migrations are left out unless checkMigrations is on',
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function up() {
  const fields = await db('app_events').select('id');
  return fields;
}`,
      filename: 'db/migrations/20240101-fields.ts',
    },
    `// the traps: arrays, maps, axios.delete, an unknown find
import axios from 'axios';
const m = new Map<string, number>();
export const a = () => [...m.keys()];
export const b = (xs: number[]) => xs.find((x) => x > 1);
export const c = (xs: number[]) => xs.filter((x) => x > 1);
export const d = (id: string) => axios.delete(\`/users/\${id}\`);
export const e = (thing: any) => thing.find({ where: { a: 1 } });
export const f = (xs: number[], isBig: (x: number) => boolean) => xs.find(isBig);
const isOdd = (x: number) => x % 2 === 1;
export const g = (repo: any) => repo.find(isOdd);
export const h = (m2: Map<string, number>) => m2.delete('k');`,
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = () => prisma.user.findMany();`,
      options: [{ libraries: ['redis'] }],
    },
    {
      code: `import { prisma } from './db';
export const a = () => prisma.user.findMany();`,
      options: [{ receiverNames: { 'prisma.client': [] } }],
    },
    {
      code: `import { api } from './api';
export const a = () => api.items.list({ status: 'open', limit: 50 });
export const c = (q: object) => api.items.list(q);
export const d = () => api.orders.list({});`,
      options: [{ loaders: [{ callee: 'api.items.list', boundArgs: ['limit'] }] }],
    },
    {
      code: `import { fetchAll } from './local';
export const a = () => fetchAll();`,
      options: [{ loaders: [{ callee: 'fetchAll', module: '@acme/data' }] }],
    },
    `// the strict-only checks are off by default
export async function a(url: string) { const res = await fetch(url); return res.json(); }`,
    {
      code: `import axios from 'axios';
import fs from 'node:fs';
import path from 'node:path';
const api = axios.create({ maxContentLength: 1_000_000 });
export const a = () => api.get('/x');
export const b = (url: string) => axios.get(url, { responseType: 'stream' });
export const c = (url: string) => axios.get(url, { maxContentLength: 10_000 });
export const d = () => fs.readFileSync(path.join(__dirname, 'schema.sql'), 'utf8');
export const e = () => fs.readFileSync(new URL('./data.json', import.meta.url));
export async function f(url: string) {
  const res = await fetch(url);
  if (Number(res.headers.get('content-length')) > 1_000_000) throw new RangeError('too large');
  return res.json();
}
export async function g(p: string) {
  const { size } = await fs.promises.stat(p);
  if (size > 1_000_000) throw new RangeError('too large');
  return fs.promises.readFile(p);
}
export async function h(stream: AsyncIterable<Buffer>) {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes > 1_000_000) throw new RangeError('too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
export const i = (res: { json(): unknown }) => res.json();
export const j = (rows: { toArray(): unknown[] }) => rows.toArray();`,
      options: [{ checkHttpBodies: true, checkFileReads: true, checkStreams: true }],
    },
  ],
  invalid: [
    {
      name: "a list of the code's own values is no bound",
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
const OPEN = ['new', 'pending'];
export const a = async () => db('jobs').whereIn('status', OPEN);
export const b = async () => db('jobs').whereIn('status', ['new', 'pending']);`,
      errors: [
        {
          messageId: 'unboundedChain',
          line: 4,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
const OPEN = ['new', 'pending'];
export const a = async () => db('jobs').whereIn('status', OPEN).limit(100);
export const b = async () => db('jobs').whereIn('status', ['new', 'pending']);`,
            },
          ],
        },
        {
          messageId: 'unboundedChain',
          line: 5,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
const OPEN = ['new', 'pending'];
export const a = async () => db('jobs').whereIn('status', OPEN);
export const b = async () => db('jobs').whereIn('status', ['new', 'pending']).limit(100);`,
            },
          ],
        },
      ],
    },
    {
      name: 'checkGroupedAggregates: true reports aggregates with GROUP BY',
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db('events').select('post_id', db.raw('count(*) as n')).groupBy('post_id');
export const b = async (pg: any) => pg.query('SELECT post_id, count(*) FROM events GROUP BY post_id');`,
      options: [{ checkGroupedAggregates: true }],
      errors: [
        {
          messageId: 'unboundedChain',
          line: 3,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db('events').select('post_id', db.raw('count(*) as n')).groupBy('post_id').limit(100);
export const b = async (pg: any) => pg.query('SELECT post_id, count(*) FROM events GROUP BY post_id');`,
            },
          ],
        },
        {
          messageId: 'unboundedSql',
          line: 4,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db('events').select('post_id', db.raw('count(*) as n')).groupBy('post_id');
export const b = async (pg: any) => pg.query('SELECT post_id, count(*) FROM events GROUP BY post_id LIMIT 100');`,
            },
          ],
        },
      ],
    },
    {
      name: 'smallTables: [] turns the defaults off',
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db('roles');`,
      options: [{ smallTables: [] }],
      errors: [
        {
          messageId: 'unboundedChain',
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db('roles').limit(100);`,
            },
          ],
        },
      ],
    },
    {
      name: 'checkMigrations: true checks migration files too',
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function up() {
  const fields = await db('app_events').select('id');
  return fields;
}`,
      filename: 'db/migrations/20240101-fields.ts',
      options: [{ checkMigrations: true }],
      errors: [
        {
          messageId: 'unboundedChain',
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function up() {
  const fields = await db('app_events').select('id').limit(100);
  return fields;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'libraries: only the ones listed are checked',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
import Redis from 'ioredis';
const redis = new Redis();
export const a = () => prisma.user.findMany({ where: {} });
export const b = () => redis.keys('*');`,
      options: [{ libraries: ['redis'] }],
      errors: [
        {
          messageId: 'redisKeys',
          data: { construct: 'redis.keys()' },
          line: 6,
          column: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: 'loaders: a loader of your own, bounded by an option',
      code: `import { api } from './api';
export const items = () => api.items.list({ status: 'open' });`,
      options: [{ loaders: [{ callee: 'api.items.list', boundArgs: ['limit'] }] }],
      errors: [
        {
          messageId: 'unboundedCustom',
          data: { construct: 'api.items.list()', bound: '`limit`' },
          line: 2,
          column: 38,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { api } from './api';
export const items = () => api.items.list({ status: 'open', limit: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'loaders: any receiver, bounded by a chained method',
      code: "export const all = (store: any) => store.scanAll('orders');",
      options: [{ loaders: [{ callee: '*.scanAll', boundMethods: ['take'] }] }],
      errors: [
        {
          messageId: 'unboundedCustom',
          data: { construct: 'store.scanAll()', bound: '`.take()`' },
          line: 1,
          column: 42,
          suggestions: [{ messageId: 'addMethod', output: "export const all = (store: any) => store.scanAll('orders').take(100);" }],
        },
      ],
    },
    {
      name: 'loaders: only the binding from a module',
      code: `import { fetchAll } from '@acme/data';
import * as data from '@acme/data';
export const a = () => data.fetchAll();`,
      options: [{ loaders: [{ callee: 'data.fetchAll', module: '@acme/data', boundArgs: ['max'] }] }],
      errors: [
        {
          messageId: 'unboundedCustom',
          data: { construct: 'data.fetchAll()', bound: '`max`' },
          line: 3,
          column: 29,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { fetchAll } from '@acme/data';
import * as data from '@acme/data';
export const a = () => data.fetchAll({ max: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'receiverNames: a convention of your own',
      code: `import { Repository } from 'typeorm';
export const a = (accounts: any) => accounts.find({ where: { active: true } });`,
      options: [{ receiverNames: { 'typeorm.repository': ['accounts'] } }],
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'accounts.find()', unit: 'entity', bound: '`take`' },
          line: 2,
          column: 46,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Repository } from 'typeorm';
export const a = (accounts: any) => accounts.find({ where: { active: true }, take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      // The file names no library: only the convention makes `sqlClient` a Knex client.
      name: 'receiverNames: an awaited builder by a convention of your own',
      code: `export async function openOrders(sqlClient: any) {
  return await sqlClient('orders').where({ status: 'open' });
}`,
      options: [{ receiverNames: { 'knex.client': ['sqlClient'] } }],
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "sqlClient('orders').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `export async function openOrders(sqlClient: any) {
  return await sqlClient('orders').where({ status: 'open' }).limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'receiverNames: a builder run by `.then()`, by a convention of your own',
      code: `export function openOrders(sqlClient: any) {
  return sqlClient('orders').where({ status: 'open' }).then((rows: unknown[]) => rows.length);
}`,
      options: [{ receiverNames: { 'knex.client': ['sqlClient'] } }],
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "sqlClient('orders').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 2,
          column: 10,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `export function openOrders(sqlClient: any) {
  return sqlClient('orders').where({ status: 'open' }).limit(100).then((rows: unknown[]) => rows.length);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'defaultLimit',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = () => prisma.user.findMany();`,
      options: [{ defaultLimit: 500 }],
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 3,
          column: 36,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = () => prisma.user.findMany({ take: 500 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'limitConstant not in scope: the number, never an unresolved name',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = () => prisma.user.findMany();`,
      options: [{ limitConstant: 'PAGE_SIZE', defaultLimit: 25 }],
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 3,
          column: 36,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = () => prisma.user.findMany({ take: 25 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'limitConstant in a template literal of SQL',
      code: `const MAX_ROWS = 200;
export const a = (db: any) => db.query(\`SELECT * FROM t\`);`,
      options: [{ limitConstant: 'MAX_ROWS' }],
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'db.query()', sql: 'SELECT * FROM t' },
          line: 2,
          column: 40,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `const MAX_ROWS = 200;
export const a = (db: any) => db.query(\`SELECT * FROM t LIMIT \${MAX_ROWS}\`);`,
            },
          ],
        },
      ],
    },
    {
      name: 'limitError imported when missing',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function a() {
  const rows = await prisma.user.findMany();
  return rows;
}`,
      options: [{ limitError: { name: 'TooManyRowsError', from: '#errors' } }],
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 34,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function a() {
  const rows = await prisma.user.findMany({ take: 100 });
  return rows;
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { PrismaClient } from '@prisma/client';
import { TooManyRowsError } from '#errors';
const prisma = new PrismaClient();
export async function a() {
  if ((await prisma.user.count()) > 100) {
    throw new TooManyRowsError('Refusing to load more than 100 rows at once');
  }
  const rows = await prisma.user.findMany();
  return rows;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a …LimitError class in scope is used',
      code: `import Redis from 'ioredis';
import { QueryLimitError } from './errors';
const redis = new Redis();
export async function a(key: string) {
  const all = await redis.hgetall(key);
  return all;
}`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.hgetall()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 5,
          column: 27,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import Redis from 'ioredis';
import { QueryLimitError } from './errors';
const redis = new Redis();
export async function a(key: string) {
  if ((await redis.hlen(key)) > 100) {
    throw new QueryLimitError('Refusing to load a Redis hash larger than 100');
  }
  const all = await redis.hgetall(key);
  return all;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'receivers: or and conditional',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = (tx?: any) => (tx ?? prisma).user.findMany();`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: '(tx ?? prisma).user.findMany()', unit: 'row', bound: '`take`' },
          line: 3,
          column: 52,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = (tx?: any) => (tx ?? prisma).user.findMany({ take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'checkHttpBodies: fetch bodies read whole',
      code: `export async function a(url: string) {
  const res = await fetch(url);
  return res.json();
}
export const b = async (url: string) => (await fetch(url)).text();`,
      options: [{ checkHttpBodies: true }],
      errors: [
        {
          messageId: 'wholeBody',
          data: { construct: 'res.json()', method: 'json' },
          line: 3,
          column: 14,
          suggestions: [],
        },
        {
          messageId: 'wholeBody',
          data: { construct: '(await fetch(url)).text()', method: 'text' },
          line: 5,
          column: 60,
          suggestions: [],
        },
      ],
    },
    {
      name: 'checkHttpBodies: undici and axios',
      code: `import { request } from 'undici';
import axios from 'axios';
export async function a(url: string) {
  const { body } = await request(url);
  return body.json();
}
export const b = (url: string) => axios.get(url);
const client = axios.create({ baseURL: 'https://api' });
export const c = () => client.post('/x', {});
export const d = (url: string) => axios({ url });`,
      options: [{ checkHttpBodies: true }],
      errors: [
        {
          messageId: 'wholeBody',
          data: { construct: 'body.json()', method: 'json' },
          line: 5,
          column: 15,
          suggestions: [],
        },
        {
          messageId: 'axiosBody',
          data: { construct: 'axios.get()' },
          line: 7,
          column: 35,
          suggestions: [],
        },
        {
          messageId: 'axiosBody',
          data: { construct: 'client.post()' },
          line: 9,
          column: 24,
          suggestions: [],
        },
        {
          messageId: 'axiosBody',
          data: { construct: 'axios()' },
          line: 10,
          column: 35,
          suggestions: [],
        },
      ],
    },
    {
      name: 'checkFileReads: a path that is not a constant',
      code: `import { readFile } from 'node:fs/promises';
import fs from 'node:fs';
export const a = (path: string) => readFile(path, 'utf8');
export const b = (name: string) => fs.readFileSync(\`./uploads/\${name}\`);
export const c = (p: string) => fs.promises.readFile(p);`,
      options: [{ checkFileReads: true }],
      errors: [
        {
          messageId: 'wholeFile',
          data: { construct: 'readFile()' },
          line: 3,
          column: 36,
          suggestions: [],
        },
        {
          messageId: 'wholeFile',
          data: { construct: 'fs.readFileSync()' },
          line: 4,
          column: 39,
          suggestions: [],
        },
        {
          messageId: 'wholeFile',
          data: { construct: 'fs.promises.readFile()' },
          line: 5,
          column: 45,
          suggestions: [],
        },
      ],
    },
    {
      name: 'checkStreams: toArray and chunk accumulation',
      code: `import fs from 'node:fs';
import { Readable } from 'node:stream';
export const a = (p: string) => fs.createReadStream(p).toArray();
export async function b(stream: AsyncIterable<Buffer>) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
export function c(req: Readable) {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => console.log(body));
}
export const d = (items: string[]) => Readable.from(items).toArray();`,
      options: [{ checkStreams: true }],
      errors: [
        {
          messageId: 'streamToArray',
          data: { construct: 'fs.createReadStream(p).toArray()' },
          line: 3,
          column: 56,
          suggestions: [],
        },
        {
          messageId: 'chunkAccumulation',
          data: { target: 'chunks' },
          line: 7,
          column: 10,
          suggestions: [],
        },
        {
          messageId: 'chunkAccumulation',
          data: { target: 'body' },
          line: 11,
          column: 31,
          suggestions: [],
        },
        {
          messageId: 'streamToArray',
          data: { construct: 'Readable.from(items).toArray()' },
          line: 14,
          column: 60,
          suggestions: [],
        },
      ],
    },
  ],
});
