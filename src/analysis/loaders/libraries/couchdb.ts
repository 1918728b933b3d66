import type { LibraryEntry, NotLoadOption, OptionsLoader } from '../catalog.js';

// CouchDB through nano (and Cloudant's nano-based client) and PouchDB. What loads every row:
// `_all_docs` (nano's `db.list()`, PouchDB's `db.allDocs()`) and a view (nano's `db.view()`,
// PouchDB's `db.query()`), which have no default limit. Mango queries (`db.find({ selector })`)
// are not here: CouchDB answers them with 25 documents and a bookmark when `limit` is absent
// (`[mango] default_limit`), and pouchdb-find does the same since PouchDB 9.

/** A view with a reduce function reduces unless told not to: `reduce: true` is one row, `group`/`group_level` a row per group. */
const REDUCED: readonly NotLoadOption[] = [{ key: 'reduce', value: true }, { key: 'group', value: true }, { key: 'group_level' }];

/** `_all_docs`: `key` and `keys` are document ids, whatever the code writes. */
function allDocs(role: string, methods: string[], optionsArg: number, evidence: OptionsLoader['evidence']): OptionsLoader {
  return {
    kind: 'options',
    role,
    methods,
    optionsArg,
    boundKeys: ['limit', 'keys', 'key'],
    filter: null,
    ...(optionsArg > 0 ? { minArgs: optionsArg } : {}),
    evidence,
    unit: 'document',
  };
}

/** A view: `key` and `keys` are the keys the view emits, a bound only when they are the caller's (`key: 'user'` is every user). */
function view(role: string, methods: string[], optionsArg: number): OptionsLoader {
  return {
    kind: 'options',
    role,
    methods,
    optionsArg,
    boundKeys: ['limit'],
    callerKeys: ['key', 'keys'],
    notLoadOptions: REDUCED,
    filter: null,
    minArgs: optionsArg,
    evidence: 'receiver',
    unit: 'document',
  };
}

/**
 * nano's document scope and a PouchDB database are one role; `nano(url)` is the server, unless the
 * URL names a database (`nano('http://host/db')` returns the database), so the loads of a
 * database are looked for on both.
 */
const loaders = (role: string): OptionsLoader[] => [
  allDocs(role, ['list'], 0, 'receiver'),
  allDocs(role, ['partitionedList'], 1, 'receiver'),
  view(role, ['view'], 2),
  view(role, ['partitionedView'], 3),
  // PouchDB: `allDocs` is its name alone; `query` is every driver's, so the receiver must be shown.
  allDocs(role, ['allDocs'], 0, 'shape'),
  view(role, ['query'], 1),
];

export const couchdb: LibraryEntry = {
  id: 'couchdb',
  name: 'CouchDB',
  modules: ['nano', '@cloudant/cloudant', 'pouchdb', /^pouchdb-/],
  roles: {
    // `require('nano')(url)`, `Nano({ url })`, `Cloudant({ url })`.
    server: {
      factories: [{ name: 'default', imported: true }],
      types: [{ name: 'ServerScope', imported: true }],
    },
    // `nano.db`: create, destroy and list databases.
    databases: {
      properties: [{ from: 'server', names: ['db'] }],
      types: [{ name: 'DatabaseScope', imported: true }],
    },
    // `nano.db.use('x')`, `nano.use('x')`, `new PouchDB('x')`.
    database: {
      constructs: [{ name: 'PouchDB' }, { name: 'default', imported: true }],
      methods: [
        { from: 'server', names: ['use', 'scope'] },
        { from: 'databases', names: ['use', 'scope'] },
      ],
      types: [{ name: 'DocumentScope', imported: true }, { name: 'PouchDB.Database' }],
    },
  },
  loaders: [...loaders('database'), ...loaders('server')],
};
