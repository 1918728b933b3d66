// The SQL scanner behind no-unbounded-load: which statements return an unbounded number of rows.
import { describe, expect, it } from 'vitest';
import { judgeSql, looksLikeQuery, tokenizeSql, type SqlPiece } from '../../src/analysis/loaders/sql/index.js';
import { MAX_SQL_DEPTH } from '../../src/analysis/loaders/sql/judge.js';

/** Text with `${}` marking interpolations, as pieces (the text's own offsets as its source). */
function pieces(template: string): SqlPiece[] {
  const parts = template.split('${}');
  const out: SqlPiece[] = [];
  let offset = 0;
  parts.forEach((text, i) => {
    out.push({ kind: 'text', text, sourceStart: offset });
    offset += text.length + 3;
    if (i < parts.length - 1) out.push({ kind: 'hole' });
  });
  return out;
}

const judge = (sql: string) => judgeSql(pieces(sql));

describe('judgeSql: bounded', () => {
  it.each([
    ['SELECT * FROM users LIMIT 10', 'limit'],
    ['select * from users order by id limit $1 offset $2', 'limit'],
    ['SELECT * FROM users ORDER BY id LIMIT ${}', 'limit'],
    ['SELECT * FROM users OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY', 'fetch'],
    ['SELECT TOP 10 * FROM users', 'top'],
    ['SELECT DISTINCT TOP (5) name FROM users', 'top'],
    ['SELECT * FROM users WHERE ROWNUM <= 10', 'rownum'],
    ['SELECT count(*) FROM users', 'aggregate'],
    ['SELECT max(revision) AS r FROM services', 'aggregate'],
    ['SELECT COALESCE(MAX(version), 0)::int AS version FROM migrations', 'aggregate'],
    ['SELECT -NULLIF(COUNT(*) FILTER (WHERE a IS NULL), 0) FROM t', 'aggregate'],
    ['SELECT last_value FROM users_id_seq', 'aggregate'],
    ['SELECT * FROM users WHERE id = $1', 'primary-key'],
    ['SELECT * FROM users WHERE "id" = ? AND deleted_at IS NULL', 'primary-key'],
    ['SELECT * FROM users u WHERE u.id = :id', 'primary-key'],
    ['SELECT * FROM users WHERE id = -1', 'primary-key'],
    ['SELECT * FROM users WHERE $1 = id', 'primary-key'],
    ['SELECT * FROM users WHERE id IN ($1, $2, $3)', 'primary-key'],
    ['SELECT * FROM users WHERE id = ANY($1)', 'primary-key'],
    ['SELECT id FROM tasks WHERE identifier = any($1::text[])', 'primary-key'],
    ['SELECT email FROM users WHERE email IN ($1, $2) AND org = 3', 'primary-key'],
    // A key-value table's `key` (rate-limiter-flexible's MySQL store).
    ['SELECT points, expire FROM ??.?? WHERE `key` = ?;', 'primary-key'],
    ['SELECT value FROM settings WHERE key = $1', 'primary-key'],
    ['SELECT * FROM t WHERE t.name IN (?, ?)', 'primary-key'],
    // A row of columns against the caller's rows (@medusajs/product's option links).
    ['SELECT DISTINCT option_id FROM product_option WHERE (product_id, option_id) IN (${}) AND deleted_at IS NULL', 'primary-key'],
    ['SELECT * FROM t WHERE (t.a, "b") IN ((?, ?), (?, ?))', 'primary-key'],
    ['SELECT org, count(*) FROM users GROUP BY org', 'grouped-aggregate'],
    ['SELECT * FROM users WHERE id = ${}', 'primary-key'],
    ['SELECT u.*, r.name FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = $1', 'primary-key'],
    ['SELECT 1', 'no-from'],
    ['SELECT now()', 'no-from'],
    ['SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)', 'no-from'],
    ["SELECT * FROM information_schema.columns WHERE table_name = 'users'", 'catalog'],
    ['SELECT oid FROM pg_proc WHERE proname = $1', 'catalog'],
    ['SELECT name FROM sqlite_master', 'catalog'],
    // One-row tables: Oracle's and MySQL's DUAL, SAP HANA's DUMMY (as @nestjs/terminus pings it), DB2's.
    ['SELECT SYSDATE FROM DUAL', 'catalog'],
    ['SELECT now() FROM dummy', 'catalog'],
    ['SELECT 1 FROM SYSIBM.SYSDUMMY1', 'catalog'],
    ['WITH m AS (SELECT max(id) AS id FROM users) SELECT * FROM m', 'cte'],
    ['SELECT * FROM current_database()', 'cte'],
    ['SELECT * FROM "${}"."INFORMATION_SCHEMA"."TABLES" WHERE "TABLE_TYPE" = \'BASE TABLE\'', 'catalog'],
    ['SELECT * FROM (SELECT count(*) AS n FROM users) AS t', 'cte'],
    ['SELECT 1 AS "exists" FROM global_name@"remote"', 'catalog'],
    ['(SELECT * FROM users LIMIT 1)', 'limit'],
    ['SELECT a FROM t UNION ALL SELECT b FROM u LIMIT 5', 'limit'],
    ['SELECT count(*) FROM t UNION SELECT count(*) FROM u', 'aggregate'],
  ])('%s → %s', (sql, reason) => {
    expect(judge(sql)).toEqual({ kind: 'bounded', reason });
  });
});

describe('judgeSql: unbounded', () => {
  it.each([
    'SELECT * FROM users',
    'select id, name from services where revision > $1',
    'SELECT * FROM users WHERE org_id = $1',
    'SELECT * FROM users WHERE id = $1 OR email = $2',
    'SELECT * FROM users WHERE id > $1 ORDER BY id',
    'SELECT * FROM users WHERE id IN (SELECT user_id FROM posts)',
    'SELECT p.* FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id = $1',
    'SELECT id, count(*) OVER () FROM users',
    'SELECT * FROM users LIMIT ALL',
    'SELECT * FROM (SELECT * FROM users) AS u',
    "SELECT * FROM users WHERE status IN ('active', 'pending')",
    "SELECT * FROM t WHERE (a, b) IN (('x', 'y'))",
    'SELECT * FROM t WHERE (a, b) IN (SELECT a, b FROM u)',
    'SELECT * FROM users WHERE email = ANY(ARRAY[$1])',
    'SELECT * FROM public.users',
    'SELECT * FROM ${} WHERE active',
    "SELECT * FROM users WHERE name LIKE '%${}%'",
    'SELECT a FROM t UNION SELECT count(*) FROM u',
    'WITH recent AS (SELECT * FROM events) SELECT * FROM recent',
    "SELECT 'LIMIT 10' AS label FROM t -- LIMIT 10",
    'SELECT * FROM t /* LIMIT 10 */',
  ])('%s', (sql) => {
    expect(judge(sql).kind).toBe('unbounded');
  });
});

describe('judgeSql: not a query, or unknown', () => {
  it.each([
    'INSERT INTO users (name) VALUES ($1)',
    'UPDATE users SET a = 1',
    'DELETE FROM users',
    'SHOW TABLES',
    'SELECT id INTO tmp FROM users',
    'WITH d AS (DELETE FROM t RETURNING id) INSERT INTO log SELECT id FROM d',
  ])('not a query: %s', (sql) => {
    expect(judge(sql).kind).toBe('not-select');
  });

  it.each([
    ['SELECT * FROM users WHERE active ${}', 'interpolated clause'],
    ['SELECT * FROM users ${}', 'interpolated clause'],
    ['SELECT * FROM users ORDER BY id ${}', 'interpolated clause'],
    ['${} FROM users', 'starts with an interpolation'],
    ['SELECT 1; SELECT * FROM users', 'several statements'],
    ['WITH batch AS (DELETE FROM jobs RETURNING id) SELECT * FROM batch', 'reads a source it cannot see'],
    ['SELECT * FROM (${}) AS kcu WHERE a = 1', 'reads a source it cannot see'],
    // What a set-returning function returns is its own business (`complete_jobs($1)`, `unnest($1)`).
    ['SELECT * FROM complete_jobs($1::bigint[])', 'reads a source it cannot see'],
    ['SELECT * FROM unnest($1::int[]) AS x', 'reads a source it cannot see'],
  ])('unknown: %s', (sql, why) => {
    expect(judge(sql)).toEqual({ kind: 'unknown', why });
  });
});

describe('judgeSql: where a LIMIT goes', () => {
  const at = (sql: string) => {
    const verdict = judge(sql);
    if (verdict.kind !== 'unbounded' || verdict.insertAt === null) return null;
    return `${sql.slice(0, verdict.insertAt)} LIMIT 100${sql.slice(verdict.insertAt)}`;
  };
  it.each([
    ['SELECT * FROM t', 'SELECT * FROM t LIMIT 100'],
    ['SELECT * FROM t;', 'SELECT * FROM t LIMIT 100;'],
    ['SELECT * FROM t\n  ', 'SELECT * FROM t LIMIT 100\n  '],
    ['SELECT * FROM t -- all', 'SELECT * FROM t LIMIT 100 -- all'],
    ['SELECT * FROM t FOR UPDATE SKIP LOCKED', 'SELECT * FROM t LIMIT 100 FOR UPDATE SKIP LOCKED'],
    ['SELECT * FROM t ORDER BY id OFFSET 10', 'SELECT * FROM t ORDER BY id LIMIT 100 OFFSET 10'],
  ])('%j → %j', (sql, expected) => {
    expect(at(sql)).toBe(expected);
  });

  it('after a final interpolation, at the start of the text that follows it', () => {
    const verdict = judgeSql([
      { kind: 'text', text: 'SELECT * FROM t WHERE a = ', sourceStart: 100 },
      { kind: 'hole' },
      { kind: 'text', text: '', sourceStart: 200 },
    ]);
    expect(verdict).toEqual({ kind: 'unbounded', insertAt: 200 });
  });

  it('nowhere when the text there is not the source itself', () => {
    expect(judgeSql([{ kind: 'text', text: 'SELECT * FROM t', sourceStart: null }])).toEqual({ kind: 'unbounded', insertAt: null });
  });
});

describe('tokenizeSql', () => {
  it('keeps strings, quoted names, comments and dollar quotes out of the keywords', () => {
    const words = tokenizeSql(`SELECT 'LIMIT' AS "LIMIT", $$ LIMIT $$ FROM t -- LIMIT\n/* LIMIT */ WHERE a = 'it''s'`)
      .filter((t) => t.type === 'word')
      .map((t) => t.text);
    expect(words).toEqual(['SELECT', 'AS', 'FROM', 'T', 'WHERE', 'A']);
  });

  it('reads parameters of every driver', () => {
    const params = tokenizeSql('a = $1 AND b = ? AND c = :name AND d = @p1 AND e::int = 1')
      .filter((t) => t.type === 'param')
      .map((t) => t.text);
    expect(params).toEqual(['$1', '?', ':name', '@p1']);
  });
});

describe('looksLikeQuery', () => {
  it.each([
    ['SELECT 1', true],
    ['  with x as (select 1) select * from x', true],
    ['(SELECT 1)', true],
    ['-- comment\nSELECT 1', true],
    ['api::article.article', false],
    ['selected items', false],
    ['INSERT INTO t VALUES (1)', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeQuery(text)).toBe(expected);
  });
});

describe('judgeSql: policy', () => {
  const strict = { groupedAggregatesUnbounded: true, isSmallTable: () => false };
  const small = { groupedAggregatesUnbounded: false, isSmallTable: (name: string) => name === 'ROLES' || name === '_SCHEMA' };

  it('grouped aggregates: one row per group, unbounded when the policy says so', () => {
    expect(judgeSql(pieces('SELECT org, count(*) FROM users GROUP BY org'), strict).kind).toBe('unbounded');
    expect(judgeSql(pieces('SELECT org, count(*) FROM users GROUP BY org')).kind).toBe('bounded');
    expect(judgeSql(pieces('SELECT org FROM users GROUP BY org')).kind).toBe('unbounded');
  });

  it.each(['SELECT * FROM roles', 'SELECT * FROM "_SCHEMA"', 'SELECT * FROM public.roles r WHERE r.active'])('small table: %s', (sql) => {
    expect(judgeSql(pieces(sql), small)).toEqual({ kind: 'bounded', reason: 'small-table' });
  });

  it('a join with a table that grows is not small', () => {
    expect(judgeSql(pieces('SELECT * FROM roles JOIN users ON users.role_id = roles.id'), small).kind).toBe('unbounded');
  });
});

describe('judgeSql: hostile text (issue 24)', () => {
  const nested = (depth: number) => `${'SELECT * FROM ('.repeat(depth)}SELECT * FROM users${') x'.repeat(depth)}`;

  it('reads subqueries nested up to MAX_SQL_DEPTH, and gives up quietly past it', () => {
    expect(judge(nested(MAX_SQL_DEPTH)).kind).toBe('unbounded');
    expect(judge(nested(MAX_SQL_DEPTH + 1))).toEqual({ kind: 'unknown', why: 'nested too deep' });
    // The depth that overflowed the stack before.
    expect(judge(nested(5000))).toEqual({ kind: 'unknown', why: 'nested too deep' });
    expect(judge(`${'('.repeat(5000)}SELECT * FROM users${')'.repeat(5000)}`)).toEqual({ kind: 'unknown', why: 'nested too deep' });
  });

  it('judges a select list of many window functions (each read from its own parenthesis)', () => {
    const windows = Array.from({ length: 2000 }, (_, i) => `count(c${i}) OVER ()`).join(', ');
    expect(judge(`SELECT ${windows} FROM users`).kind).toBe('unbounded');
    expect(judge(`SELECT ${windows}, count(*) FROM users`)).toEqual({ kind: 'bounded', reason: 'aggregate' });
  });

  it('offers no LIMIT after a `#`, which may start a MySQL comment', () => {
    expect(judge('SELECT * FROM users # all of them')).toEqual({ kind: 'unbounded', insertAt: null });
    expect(judge('SELECT a # b FROM users')).toEqual({ kind: 'unbounded', insertAt: null });
  });
});
