import type { LibraryEntry } from '../catalog.js';

export const kysely: LibraryEntry = {
  id: 'kysely',
  name: 'Kysely',
  modules: ['kysely', /^kysely-/],
  roles: {
    db: {
      constructs: [{ name: 'Kysely' }],
      methods: [{ from: 'db', names: ['withSchema', 'withPlugin', 'withoutPlugins', 'withTables'] }],
      callbacks: [{ from: 'transaction', names: ['execute'] }],
      types: [{ name: 'Kysely' }, { name: 'Transaction', imported: true }],
    },
    transaction: {
      methods: [{ from: 'db', names: ['transaction'] }],
    },
  },
  loaders: [
    {
      kind: 'builder',
      id: 'kysely-select',
      role: 'db',
      starts: ['selectFrom'],
      terminals: ['execute'],
      thenable: false,
      boundMethods: ['limit'],
      notLoads: ['executeTakeFirst', 'executeTakeFirstOrThrow', 'stream', 'compile', 'explain'],
      whereMethods: ['where'],
      tableMethods: ['selectFrom'],
      selectMethods: ['select'],
      groupMethods: ['groupBy'],
      fixMethod: 'limit',
      evidence: 'shape',
      unit: 'row',
    },
  ],
};
