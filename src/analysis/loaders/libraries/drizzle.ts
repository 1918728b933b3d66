import type { LibraryEntry } from '../catalog.js';

const DATABASE_TYPES = [
  'NodePgDatabase',
  'PostgresJsDatabase',
  'MySql2Database',
  'BetterSQLite3Database',
  'LibSQLDatabase',
  'PgDatabase',
  'MySqlDatabase',
  'BaseSQLiteDatabase',
  'DrizzleD1Database',
  'NeonHttpDatabase',
  'NeonDatabase',
  'VercelPgDatabase',
  'PlanetScaleDatabase',
  'BunSQLiteDatabase',
  'PgliteDatabase',
  'SingleStoreDatabase',
  'PgTransaction',
  'MySqlTransaction',
  'SQLiteTransaction',
];

export const drizzle: LibraryEntry = {
  id: 'drizzle',
  name: 'Drizzle',
  modules: [/^drizzle-orm(?:\/|$)/],
  // `where(eq(t.id, id))`, `where(inArray(t.email, emails))`, `where(and(eq(t.id, id), …))`.
  keyFilters: { operators: ['eq'], equal: ['eq'], list: ['inArray'], all: ['and'] },
  roles: {
    db: {
      factories: [{ name: 'drizzle', imported: true }],
      callbacks: [{ from: 'db', names: ['transaction'] }],
      types: DATABASE_TYPES.map((name) => ({ name, imported: true })),
    },
    query: {
      properties: [
        { from: 'db', names: ['query'] },
        { from: '*', names: ['query'] },
      ],
    },
    relational: {
      properties: [{ from: 'query', names: '*' }],
      types: [{ name: 'RelationalQueryBuilder', imported: true }],
    },
  },
  loaders: [
    {
      kind: 'options',
      role: 'relational',
      methods: ['findMany'],
      optionsArg: 0,
      boundKeys: ['limit'],
      filter: null,
      evidence: 'import',
      unit: 'row',
    },
    {
      kind: 'builder',
      id: 'drizzle-select',
      role: 'db',
      starts: ['select', 'selectDistinct', 'selectDistinctOn'],
      requires: ['from'],
      terminals: ['execute', 'all', 'values'],
      thenable: true,
      boundMethods: ['limit'],
      notLoads: ['get', 'prepare', 'iterator', 'toSQL', 'getSQL', 'as', '$dynamic'],
      whereMethods: ['where'],
      tableMethods: ['from'],
      selectMethods: ['select'],
      groupMethods: ['groupBy'],
      fixMethod: 'limit',
      evidence: 'import',
      unit: 'row',
    },
  ],
};
