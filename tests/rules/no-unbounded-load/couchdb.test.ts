// CouchDB: nano's `db.list()` (`_all_docs`) and `db.view()`, PouchDB's `db.allDocs()` and
// `db.query()`, without `limit` (or the caller's keys, or a reduce).
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

/** The report of an unbounded `_all_docs` or view read, and its one suggestion's output. */
function unbounded(construct: string, line: number, column: number, output: string) {
  return {
    messageId: 'unboundedCall' as const,
    data: { construct, unit: 'document', bound: '`limit`' },
    line,
    column,
    suggestions: [{ messageId: 'addOption' as const, output }],
  };
}

const NANO = `import Nano from 'nano';
const nano = Nano('http://localhost:5984');
const db = nano.db.use('orders');
`;

const POUCH = `import PouchDB from 'pouchdb';
const db = new PouchDB('notes');
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// nano: a limit, document ids, the caller's view keys, a reduce, Mango, options it cannot see
${NANO}const CUSTOMER = process.env.CUSTOMER;
export async function reads(id: string, ids: string[], customerId: string, options: object) {
  await db.list({ include_docs: true, limit: 100 });
  await db.list({ keys: ids, include_docs: true });
  await db.list({ key: 'config' });
  await db.view('orders', 'by_customer', { key: customerId, include_docs: true });
  await db.view('orders', 'by_customer', { keys: ids });
  await db.view('orders', 'by_customer', { key: [customerId, 'open'] });
  await db.view('orders', 'by_customer', { key: \`customer:\${id}\` });
  await db.view('orders', 'by_customer', { key: CUSTOMER });
  await db.view('orders', 'totals', { reduce: true });
  await db.view('orders', 'totals', { group: true });
  await db.view('orders', 'totals', { group_level: 2 });
  await db.view('orders', 'by_customer', options);
  await db.find({ selector: { status: 'open' } });
  await db.get(id);
  await db.fetch({ keys: ids });
  await nano.db.list();
  await nano.db.get('orders');
}`,
    `// PouchDB: a limit, document ids, the caller's view keys, a reduce, pouchdb-find, a temporary view
${POUCH}export async function reads(ids: string[], tag: string) {
  await db.allDocs({ include_docs: true, limit: 50 });
  await db.allDocs({ keys: ids, include_docs: true });
  await db.query('notes/by_tag', { key: tag, include_docs: true });
  await db.query('notes/count_by_tag', { reduce: true });
  await db.find({ selector: { type: 'note' } });
  await db.query(function (doc: { tag: string }) { emit(doc.tag); });
}
declare function emit(key: unknown): void;`,
    `// a list(), view() or query() of something else, in a file importing nano
import Nano from 'nano';
export const a = async (api: { list(): Promise<unknown[]> }) => api.list();
export const b = async (pool: any) => pool.query('SELECT id FROM t WHERE id = $1', [1]);
export const c = async (arango: any) => arango.view('videosView');
export const server = Nano('http://localhost:5984');`,
    `// a view() or list() of an unknown receiver: not known to be nano's
export const a = async (db: any) => db.view('orders', 'all');
export const b = async (db: any) => db.list({ include_docs: true });`,
    {
      code: `// CommonJS: bounded
const nano = require('nano')(process.env.COUCH_URL);
const db = nano.use('orders');
exports.page = (startkey) => db.list({ startkey, limit: 101 });`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      name: '_all_docs with the documents',
      code: `${NANO}export async function all() {
  const body = await db.list({ include_docs: true });
  return body.rows;
}`,
      errors: [
        unbounded(
          'db.list()',
          5,
          25,
          `${NANO}export async function all() {
  const body = await db.list({ include_docs: true, limit: 100 });
  return body.rows;
}`,
        ),
      ],
    },
    {
      name: 'views: a constant key, a reduce turned off, no options at all',
      code: `${NANO}const STATUS = 'open';
export async function views() {
  await db.view('orders', 'by_status', { key: 'open', include_docs: true });
  await db.view('orders', 'by_status', { keys: ['open', 'held'] });
  await db.view('orders', 'by_status', { key: STATUS });
  await db.view('orders', 'totals', { reduce: false });
  await db.view('orders', 'all');
}`,
      errors: [
        unbounded(
          'db.view()',
          6,
          12,
          `${NANO}const STATUS = 'open';
export async function views() {
  await db.view('orders', 'by_status', { key: 'open', include_docs: true, limit: 100 });
  await db.view('orders', 'by_status', { keys: ['open', 'held'] });
  await db.view('orders', 'by_status', { key: STATUS });
  await db.view('orders', 'totals', { reduce: false });
  await db.view('orders', 'all');
}`,
        ),
        unbounded(
          'db.view()',
          7,
          12,
          `${NANO}const STATUS = 'open';
export async function views() {
  await db.view('orders', 'by_status', { key: 'open', include_docs: true });
  await db.view('orders', 'by_status', { keys: ['open', 'held'], limit: 100 });
  await db.view('orders', 'by_status', { key: STATUS });
  await db.view('orders', 'totals', { reduce: false });
  await db.view('orders', 'all');
}`,
        ),
        unbounded(
          'db.view()',
          8,
          12,
          `${NANO}const STATUS = 'open';
export async function views() {
  await db.view('orders', 'by_status', { key: 'open', include_docs: true });
  await db.view('orders', 'by_status', { keys: ['open', 'held'] });
  await db.view('orders', 'by_status', { key: STATUS, limit: 100 });
  await db.view('orders', 'totals', { reduce: false });
  await db.view('orders', 'all');
}`,
        ),
        unbounded(
          'db.view()',
          9,
          12,
          `${NANO}const STATUS = 'open';
export async function views() {
  await db.view('orders', 'by_status', { key: 'open', include_docs: true });
  await db.view('orders', 'by_status', { keys: ['open', 'held'] });
  await db.view('orders', 'by_status', { key: STATUS });
  await db.view('orders', 'totals', { reduce: false, limit: 100 });
  await db.view('orders', 'all');
}`,
        ),
        unbounded(
          'db.view()',
          10,
          12,
          `${NANO}const STATUS = 'open';
export async function views() {
  await db.view('orders', 'by_status', { key: 'open', include_docs: true });
  await db.view('orders', 'by_status', { keys: ['open', 'held'] });
  await db.view('orders', 'by_status', { key: STATUS });
  await db.view('orders', 'totals', { reduce: false });
  await db.view('orders', 'all', { limit: 100 });
}`,
        ),
      ],
    },
    {
      name: 'partitioned reads, and a database from nano.use()',
      code: `import Nano from 'nano';
const nano = Nano({ url: 'http://localhost:5984' });
export const a = (tenant: string) => nano.use('events').partitionedList(tenant, { include_docs: true });
export const b = (tenant: string) => nano.scope('events').partitionedView(tenant, 'events', 'by_day');`,
      errors: [
        unbounded(
          "nano.use('events').partitionedList()",
          3,
          57,
          `import Nano from 'nano';
const nano = Nano({ url: 'http://localhost:5984' });
export const a = (tenant: string) => nano.use('events').partitionedList(tenant, { include_docs: true, limit: 100 });
export const b = (tenant: string) => nano.scope('events').partitionedView(tenant, 'events', 'by_day');`,
        ),
        unbounded(
          "nano.scope('events').partitionedView()",
          4,
          59,
          `import Nano from 'nano';
const nano = Nano({ url: 'http://localhost:5984' });
export const a = (tenant: string) => nano.use('events').partitionedList(tenant, { include_docs: true });
export const b = (tenant: string) => nano.scope('events').partitionedView(tenant, 'events', 'by_day', { limit: 100 });`,
        ),
      ],
    },
    {
      name: 'a DocumentScope annotation',
      code: `import type { DocumentScope } from 'nano';
export const all = (db: DocumentScope<{ name: string }>) => db.list();`,
      errors: [
        unbounded(
          'db.list()',
          2,
          64,
          `import type { DocumentScope } from 'nano';
export const all = (db: DocumentScope<{ name: string }>) => db.list({ limit: 100 });`,
        ),
      ],
    },
    {
      name: 'CommonJS: nano with a database URL, and nano.db.use()',
      code: `const db = require('nano')('http://localhost:5984/orders');
exports.all = () => db.list();
const nano = require('nano')(process.env.COUCH_URL);
exports.users = () => nano.db.use('users').view('users', 'all', { include_docs: true });`,
      filename: 'file.cjs',
      errors: [
        unbounded(
          'db.list()',
          2,
          24,
          `const db = require('nano')('http://localhost:5984/orders');
exports.all = () => db.list({ limit: 100 });
const nano = require('nano')(process.env.COUCH_URL);
exports.users = () => nano.db.use('users').view('users', 'all', { include_docs: true });`,
        ),
        unbounded(
          "nano.db.use('users').view()",
          4,
          44,
          `const db = require('nano')('http://localhost:5984/orders');
exports.all = () => db.list();
const nano = require('nano')(process.env.COUCH_URL);
exports.users = () => nano.db.use('users').view('users', 'all', { include_docs: true, limit: 100 });`,
        ),
      ],
    },
    {
      name: 'PouchDB: allDocs over a prefix, and a view queried by a constant key',
      code: `${POUCH}export async function notes() {
  const all = await db.allDocs({ include_docs: true, startkey: 'note:', endkey: 'note:\\ufff0' });
  const urgent = await db.query('notes/by_tag', { key: 'urgent', include_docs: true });
  return [all, urgent];
}`,
      errors: [
        unbounded(
          'db.allDocs()',
          4,
          24,
          `${POUCH}export async function notes() {
  const all = await db.allDocs({ include_docs: true, startkey: 'note:', endkey: 'note:\\ufff0', limit: 100 });
  const urgent = await db.query('notes/by_tag', { key: 'urgent', include_docs: true });
  return [all, urgent];
}`,
        ),
        unbounded(
          'db.query()',
          5,
          27,
          `${POUCH}export async function notes() {
  const all = await db.allDocs({ include_docs: true, startkey: 'note:', endkey: 'note:\\ufff0' });
  const urgent = await db.query('notes/by_tag', { key: 'urgent', include_docs: true, limit: 100 });
  return [all, urgent];
}`,
        ),
      ],
    },
    {
      // `allDocs` is PouchDB's name alone: the call is the evidence, whatever the receiver.
      name: 'allDocs on any receiver',
      code: `export class NotesStore {
  constructor(private readonly localDB: any) {}
  all() { return this.localDB.allDocs({ include_docs: true }); }
}`,
      errors: [
        unbounded(
          'this.localDB.allDocs()',
          3,
          31,
          `export class NotesStore {
  constructor(private readonly localDB: any) {}
  all() { return this.localDB.allDocs({ include_docs: true, limit: 100 }); }
}`,
        ),
      ],
    },
    {
      name: 'CommonJS PouchDB; allDocs on a parameter',
      code: `const PouchDB = require('pouchdb');
const db = new PouchDB('http://localhost:5984/notes');
exports.all = () => db.allDocs();
exports.tagged = (other) => other.allDocs({ include_docs: true });`,
      filename: 'file.cjs',
      errors: [
        unbounded(
          'db.allDocs()',
          3,
          24,
          `const PouchDB = require('pouchdb');
const db = new PouchDB('http://localhost:5984/notes');
exports.all = () => db.allDocs({ limit: 100 });
exports.tagged = (other) => other.allDocs({ include_docs: true });`,
        ),
        unbounded(
          'other.allDocs()',
          4,
          35,
          `const PouchDB = require('pouchdb');
const db = new PouchDB('http://localhost:5984/notes');
exports.all = () => db.allDocs();
exports.tagged = (other) => other.allDocs({ include_docs: true, limit: 100 });`,
        ),
      ],
    },
    {
      name: 'a PouchDB.Database annotation, for query()',
      code: `import PouchDB from 'pouchdb';
export const byTag = (db: PouchDB.Database) => db.query('notes/by_tag', { include_docs: true });`,
      errors: [
        unbounded(
          'db.query()',
          2,
          51,
          `import PouchDB from 'pouchdb';
export const byTag = (db: PouchDB.Database) => db.query('notes/by_tag', { include_docs: true, limit: 100 });`,
        ),
      ],
    },
  ],
});

// With types: a global `PouchDB.Database` (as @types/pouchdb declares it) is a database; a
// `Database` of another library (arangojs's, whose `query` runs AQL) is not.
const typed = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' },
      tsconfigRootDir: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures'),
    },
  },
});

typed.run('no-unbounded-load (typed CouchDB)', rule, {
  valid: [
    `declare class Database { query(aql: string, options?: object): Promise<unknown[]>; }
declare function arango(): Database;
export const a = () => arango().query('FOR d IN docs RETURN d');`,
  ],
  invalid: [
    {
      code: `declare global {
  namespace PouchDB {
    interface Database { query(view: string, options?: object): Promise<unknown>; }
  }
}
declare function notes(): PouchDB.Database;
export const a = () => notes().query('notes/by_tag');`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'notes().query()', unit: 'document', bound: '`limit`' },
          line: 7,
          column: 32,
          suggestions: [
            {
              messageId: 'addOption',
              output: `declare global {
  namespace PouchDB {
    interface Database { query(view: string, options?: object): Promise<unknown>; }
  }
}
declare function notes(): PouchDB.Database;
export const a = () => notes().query('notes/by_tag', { limit: 100 });`,
            },
          ],
        },
      ],
    },
  ],
});
