import type { LibraryEntry } from '../catalog.js';

/** Raw SQL, whichever client runs it: the statement's text is the evidence. */
export const sql: LibraryEntry = {
  id: 'sql',
  name: 'Raw SQL',
  modules: [
    'pg',
    'mysql',
    'mysql2',
    'mysql2/promise',
    'better-sqlite3',
    'sqlite3',
    'sqlite',
    'postgres',
    'slonik',
    'pg-promise',
    'mssql',
    'tedious',
    'oracledb',
    '@vercel/postgres',
    '@neondatabase/serverless',
    '@planetscale/database',
    'bun:sqlite',
    'node:sqlite',
    '@libsql/client',
    'duckdb',
  ],
  roles: {},
  loaders: [
    {
      kind: 'sql',
      methods: ['query', 'execute', '$queryRaw', '$queryRawUnsafe', 'unsafe', 'any', 'many', 'manyOrNone', 'all', 'map'],
      lazyMethods: ['raw'],
      runningTags: ['$queryRaw'],
      tags: ['sql', 'SQL'],
      prepared: { methods: ['prepare'], terminals: ['all'] },
      // `db.query({ text, values })` (pg), `conn.query({ sql, values })` (mysql).
      textKeys: ['text', 'sql'],
      singleRowOptions: [{ key: 'plain', value: true }],
      modulesWithoutLimit: ['mssql', 'tedious', 'oracledb'],
    },
  ],
};
