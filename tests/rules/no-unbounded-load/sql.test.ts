// Raw SQL: a `SELECT` with no `LIMIT`/`FETCH FIRST`/`TOP` run by `query`, `execute`, `$queryRaw`, `sql` tags.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `export const sqls = (db: any, n: number, id: string, ids: string[]) => [
  db.query('SELECT * FROM users LIMIT 10'),
  db.query(\`SELECT * FROM users ORDER BY id LIMIT \${n}\`),
  db.query('SELECT * FROM users ORDER BY id FETCH FIRST 10 ROWS ONLY'),
  db.query('SELECT TOP 10 * FROM users'),
  db.query('SELECT count(*) FROM users'),
  db.query('SELECT COALESCE(MAX(version), 0) AS v FROM migrations'),
  db.query('SELECT max(revision) AS r FROM services'),
  db.query('SELECT * FROM users WHERE id = $1', [id]),
  db.query('SELECT * FROM users WHERE id = ANY($1)', [ids]),
  db.query('SELECT u.*, r.name FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = $1', [id]),
  db.query('SELECT 1'),
  db.query('SELECT now()'),
  db.query("SELECT * FROM information_schema.columns WHERE table_name = 'users'"),
  db.query('SELECT tablename FROM pg_catalog.pg_tables'),
  db.query('INSERT INTO users (name) VALUES ($1)', ['a']),
  db.query('WITH m AS (SELECT max(id) AS id FROM users) SELECT * FROM m'),
  db.query('SELECT last_value FROM users_id_seq'),
  db.query('SELECT a FROM t UNION SELECT count(*) FROM u LIMIT 5'),
];`,
    `// names quoted by a helper are read as names: a filter on a natural key (Vendure's migrations)
export const a = (queryRunner: any, esc: (name: string) => string) =>
  queryRunner.query(\`SELECT \${esc('defaultLanguageCode')} FROM \${esc('orders')} WHERE \${esc('code')} = '__default__'\`);`,
    `// an interpolated clause may be the LIMIT
export const a = (db: any, paging: string) => db.query(\`SELECT * FROM users WHERE active \${paging}\`);
export const b = (db: any, sql: string) => db.query(sql);`,
    `// not a full read: a single-row option, a stream, a fragment
export const a = (sequelize: any) => sequelize.query('SELECT * FROM users', { plain: true });
export const b = (connection: any) => connection.query('SELECT * FROM users').stream();
import { sql } from 'drizzle-orm';
export const c = sql\`SELECT * FROM users\`;`,
    `// one page per pass of a loop advancing the offset
export async function each(db: any) {
  for (let offset = 0; ; offset += 100) {
    const { rows } = await db.query(\`SELECT * FROM users ORDER BY id OFFSET \${offset}\`);
    if (rows.length === 0) break;
  }
}`,
  ],
  invalid: [
    {
      name: 'names quoted by a helper, filtered by a column that is no key',
      code: `export const a = (queryRunner: any, esc: (name: string) => string) =>
  queryRunner.query(\`SELECT \${esc('id')} FROM \${esc('orders')} WHERE \${esc('status')} = 'new'\`);`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'queryRunner.query()', sql: "SELECT id FROM orders WHERE status = 'new'" },
          line: 2,
          column: 21,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `export const a = (queryRunner: any, esc: (name: string) => string) =>
  queryRunner.query(\`SELECT \${esc('id')} FROM \${esc('orders')} WHERE \${esc('status')} = 'new' LIMIT 100\`);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a string passed to query',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const all = () => pool.query('SELECT * FROM services');`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'pool.query()', sql: 'SELECT * FROM services' },
          line: 3,
          column: 37,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import { Pool } from 'pg';
const pool = new Pool();
export const all = () => pool.query('SELECT * FROM services LIMIT 100');`,
            },
          ],
        },
      ],
    },
    {
      name: 'a template with a trailing semicolon and a parameter',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const since = (rev: number) => pool.query(\`
  SELECT id, name
  FROM services
  WHERE revision > $1;
\`, [rev]);`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'pool.query()', sql: 'SELECT id, name FROM services WHERE revision > $1;' },
          line: 3,
          column: 50,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import { Pool } from 'pg';
const pool = new Pool();
export const since = (rev: number) => pool.query(\`
  SELECT id, name
  FROM services
  WHERE revision > $1 LIMIT 100;
\`, [rev]);`,
            },
          ],
        },
      ],
    },
    {
      name: 'before a locking clause and after a comment',
      code: `export const lock = (db: any) => db.query("SELECT * FROM jobs WHERE state = 'queued' FOR UPDATE SKIP LOCKED");
export const note = (db: any) => db.query('SELECT * FROM jobs -- all of them');`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'db.query()', sql: "SELECT * FROM jobs WHERE state = 'queued' FOR UPD…" },
          line: 1,
          column: 43,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `export const lock = (db: any) => db.query("SELECT * FROM jobs WHERE state = 'queued' LIMIT 100 FOR UPDATE SKIP LOCKED");
export const note = (db: any) => db.query('SELECT * FROM jobs -- all of them');`,
            },
          ],
        },
        {
          messageId: 'unboundedSql',
          data: { construct: 'db.query()', sql: 'SELECT * FROM jobs -- all of them' },
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `export const lock = (db: any) => db.query("SELECT * FROM jobs WHERE state = 'queued' FOR UPDATE SKIP LOCKED");
export const note = (db: any) => db.query('SELECT * FROM jobs LIMIT 100 -- all of them');`,
            },
          ],
        },
      ],
    },
    {
      name: 'an OFFSET without a LIMIT',
      code: "export const page = (db: any, offset: number) => db.query('SELECT * FROM jobs ORDER BY id OFFSET $1', [offset]);",
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'db.query()', sql: 'SELECT * FROM jobs ORDER BY id OFFSET $1' },
          line: 1,
          column: 59,
          suggestions: [
            {
              messageId: 'appendLimit',
              output:
                "export const page = (db: any, offset: number) => db.query('SELECT * FROM jobs ORDER BY id LIMIT 100 OFFSET $1', [offset]);",
            },
          ],
        },
      ],
    },
    {
      name: 'Prisma $queryRaw',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const users = () => prisma.$queryRaw\`SELECT * FROM "User" WHERE "active" = \${true}\`;`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'prisma.$queryRaw`…`', sql: 'SELECT * FROM "User" WHERE "active" = ${…}' },
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const users = () => prisma.$queryRaw\`SELECT * FROM "User" WHERE "active" = \${true} LIMIT 100\`;`,
            },
          ],
        },
      ],
    },
    {
      name: 'an awaited sql tag (postgres.js)',
      code: `import postgres from 'postgres';
const sql = postgres();
export async function users(org: string) {
  return await sql\`select * from users where org = \${org}\`;
}`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'sql`…`', sql: 'select * from users where org = ${…}' },
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import postgres from 'postgres';
const sql = postgres();
export async function users(org: string) {
  return await sql\`select * from users where org = \${org} LIMIT 100\`;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'knex.raw awaited',
      code: "export const all = async (knex: any) => (await knex.raw('select * from events')).rows;",
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'knex.raw()', sql: 'select * from events' },
          line: 1,
          column: 57,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: "export const all = async (knex: any) => (await knex.raw('select * from events LIMIT 100')).rows;",
            },
          ],
        },
      ],
    },
    {
      name: 'a prepared statement (better-sqlite3)',
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const all = () => db.prepare('SELECT * FROM notes').all();`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: "db.prepare('SELECT * FROM notes').all()", sql: 'SELECT * FROM notes' },
          line: 3,
          column: 37,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const all = () => db.prepare('SELECT * FROM notes LIMIT 100').all();`,
            },
          ],
        },
      ],
    },
    {
      name: 'a query object and a constant',
      code: `const LIST = 'SELECT * FROM audit_log';
export const a = (client: any) => client.query({ text: 'SELECT * FROM users', values: [] });
export const b = (client: any) => client.query(LIST);`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'client.query()', sql: 'SELECT * FROM users' },
          line: 2,
          column: 56,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `const LIST = 'SELECT * FROM audit_log';
export const a = (client: any) => client.query({ text: 'SELECT * FROM users LIMIT 100', values: [] });
export const b = (client: any) => client.query(LIST);`,
            },
          ],
        },
        {
          messageId: 'unboundedSql',
          data: { construct: 'client.query()', sql: 'SELECT * FROM audit_log' },
          line: 3,
          column: 48,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `const LIST = 'SELECT * FROM audit_log LIMIT 100';
export const a = (client: any) => client.query({ text: 'SELECT * FROM users', values: [] });
export const b = (client: any) => client.query(LIST);`,
            },
          ],
        },
      ],
    },
    {
      name: 'Kysely and Drizzle sql',
      code: `import { sql } from 'kysely';
export const a = (db: any) => sql\`SELECT * FROM person\`.execute(db);
export const b = (db: any) => db.execute(sql\`SELECT * FROM person\`);`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'sql`SELECT * FROM person`.execute()', sql: 'SELECT * FROM person' },
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import { sql } from 'kysely';
export const a = (db: any) => sql\`SELECT * FROM person LIMIT 100\`.execute(db);
export const b = (db: any) => db.execute(sql\`SELECT * FROM person\`);`,
            },
          ],
        },
        {
          messageId: 'unboundedSql',
          data: { construct: 'db.execute()', sql: 'SELECT * FROM person' },
          line: 3,
          column: 45,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `import { sql } from 'kysely';
export const a = (db: any) => sql\`SELECT * FROM person\`.execute(db);
export const b = (db: any) => db.execute(sql\`SELECT * FROM person LIMIT 100\`);`,
            },
          ],
        },
      ],
    },
    {
      // The driver required with double quotes: the file's modules come from the AST, not from a
      // text search for require('mssql'), so SQL Server code is not told to add LIMIT.
      name: 'SQL Server through require("mssql"): reported, no LIMIT suggestion',
      code: `const sql = require("mssql");
exports.all = (pool) => pool.query('SELECT * FROM users');`,
      filename: 'file.cjs',
      errors: [{ messageId: 'unboundedSql', data: { construct: 'pool.query()', sql: 'SELECT * FROM users' }, line: 2, suggestions: [] }],
    },
    {
      name: 'SQL Server: reported, no LIMIT suggestion',
      code: `import sql from 'mssql';
export const all = (pool: sql.ConnectionPool) => pool.query('SELECT * FROM users');`,
      errors: [
        {
          messageId: 'unboundedSql',
          data: { construct: 'pool.query()', sql: 'SELECT * FROM users' },
          line: 2,
          column: 61,
          suggestions: [],
        },
      ],
    },
  ],
});
