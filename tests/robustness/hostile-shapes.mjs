// Hostile shapes of growing size (issue 24): inputs an attacker or a very large codebase hands the
// rules, each a valid program whose size grows with `n`. The robustness tests (hostile.test.ts)
// lint them and assert no crash and the right findings; scripts/bench-hostile.mjs times them at
// doubling sizes to show that the time per size stays linear. Plain JavaScript, so that the
// benchmark can import it with node alone.

/** `SELECT * FROM (SELECT * FROM (… users …) x) x`: `n` nested subqueries in one `pool.query`. */
function nestedSubqueries(n) {
  const sql = `${'SELECT * FROM ('.repeat(n)}SELECT * FROM users${') x'.repeat(n)}`;
  return `import { Pool } from 'pg';
const pool = new Pool();
export const rows = await pool.query('${sql}');
`;
}

/** `((((SELECT * FROM users))))`: a statement wrapped in `n` parentheses. */
function wrappedStatement(n) {
  return `import { Pool } from 'pg';
const pool = new Pool();
export const rows = await pool.query('${'('.repeat(n)}SELECT * FROM users${')'.repeat(n)}');
`;
}

/** A table name of `n` upper-case letters, in SQL, a knex builder and a Prisma model. */
function longTableName(n) {
  const name = 'A'.repeat(n);
  return `import { Pool } from 'pg';
import knex from 'knex';
import { PrismaClient } from '@prisma/client';
const pool = new Pool();
const db = knex({ client: 'pg' });
const prisma = new PrismaClient();
export const a = await pool.query('SELECT * FROM ${name}');
export const b = await db('${name}').select('*');
export const c = await prisma.${name}.findMany();
`;
}

/** `r0 === 0 ? (r1 === 0 ? (… loadAll() …) : since(r1)) : since(r0)`: ternaries nested `n` deep in the "then" branch. */
function nestedTernaries(n) {
  const params = Array.from({ length: n }, (_, i) => `since_${i}`).join(', ');
  let body = 'loadAll()';
  for (let i = n - 1; i >= 0; i--) body = `since_${i} === 0 ? (${body}) : loadSince(since_${i})`;
  return `export function sync(${params}) {
  return ${body};
}
`;
}

/** `if (r0 === 0) { if (r1 === 0) { … loadAll() … } else … }`: `if`s nested `n` deep in the "then" branch. */
function nestedIfs(n) {
  let body = 'return loadAll();';
  for (let i = n - 1; i >= 0; i--) body = `if (since_${i} === 0) {\n${body}\n} else {\nreturn loadSince(since_${i});\n}`;
  const params = Array.from({ length: n }, (_, i) => `since_${i}`).join(', ');
  return `export async function sync(${params}) {\n${body}\n}\n`;
}

/** `const c1 = c0; const c2 = c1; …`: a client reached through `n` aliases. */
function aliasChain(n) {
  const aliases = Array.from({ length: n }, (_, i) => `const c${i + 1} = c${i};`).join('\n');
  return `import { PrismaClient } from '@prisma/client';
const c0 = new PrismaClient();
${aliases}
export const users = await c${n}.user.findMany();
`;
}

/** `function f1() { return f0(); }`: a client returned through `n` functions. */
function returnChain(n) {
  const fns = Array.from({ length: n }, (_, i) => `function f${i + 1}() { return f${i}(); }`).join('\n');
  return `import { PrismaClient } from '@prisma/client';
function f0() { return new PrismaClient(); }
${fns}
export const users = await f${n}().user.findMany();
`;
}

/** `const q1 = q0; …`: a SQL statement reached through `n` constants. */
function sqlAliasChain(n) {
  const aliases = Array.from({ length: n }, (_, i) => `const q${i + 1} = q${i};`).join('\n');
  return `import { Pool } from 'pg';
const pool = new Pool();
const q0 = 'SELECT * FROM users';
${aliases}
export const rows = await pool.query(q${n});
`;
}

/** `knex('users').where(…).where(…)…`: a query-builder chain `n` calls long. */
function builderChain(n) {
  return `import knex from 'knex';
const db = knex({ client: 'pg' });
export const rows = await db('users')${".where('a', 1)".repeat(n)};
`;
}

/** `return [[[…0…]]]` on a timeout: a sentinel wrapped in `n` arrays. */
function wrappedSentinel(n) {
  return `export async function load(start, maxWait) {
  const rows = await work();
  if (Date.now() - start > maxWait) return ${'['.repeat(n)}0${']'.repeat(n)};
  return rows;
}
`;
}

/** `if (r0 === 0) {…} else if (r1 === 0) {…} …`: an `else if` chain `n` long. */
function elseIfChain(n) {
  const branches = Array.from({ length: n }, (_, i) => `if (r[${i}] === 0) {\n    return loadAll();\n  }`);
  return `export function sync(r) {
  ${branches.join(' else ')} else {
    return loadSince(r);
  }
}
`;
}

/** `if (r === 0) { loadAll() } else if (r === 1) …`: the same subject, tested `n` times, its other side querying with it. */
function elseIfSameSubject(n) {
  const branches = Array.from({ length: n }, (_, i) => `if (rev !== ${i}) {\n    count++;\n  }`);
  return `let count = 0;
export async function sync(rev) {
  if (rev === 0) {
    return loadAll();
  } else ${branches.join(' else ')} else {
    return prisma.service.findMany({ where: { revision: { gt: rev } } });
  }
}
`;
}

/** `a.b.b.b…`: a member chain `n` long, called and awaited, in a timeout branch. */
function memberChain(n) {
  return `export async function load(start, maxWait) {
  const rows = await db${'.b'.repeat(n)}.findMany();
  if (Date.now() - start > maxWait) return [];
  return rows;
}
`;
}

/** `'SELECT ' + a + … + ' FROM users'`: a SQL string concatenated from `n` pieces. */
function longConcatenation(n) {
  const pieces = Array.from({ length: n }, (_, i) => `'c${i}, '`).join(' + ');
  return `import { Pool } from 'pg';
const pool = new Pool();
export const rows = await pool.query('SELECT ' + ${pieces} + 'id FROM users');
`;
}

/** `f(f(f(…)))` around a load, nested `n` deep, after an elapsed-time guard. */
function nestedCalls(n) {
  return `export async function load(start, maxWait) {
  const rows = await ${'f('.repeat(n)}prisma.user.findMany()${')'.repeat(n)};
  if (Date.now() - start > maxWait) return ${'['.repeat(n)}${']'.repeat(n)};
  return rows;
}
`;
}

/** `a || b || … || loadAll()`: a logical chain `n` long. */
function logicalChain(n) {
  const names = Array.from({ length: n }, (_, i) => `r${i}`).join(' || ');
  return `export function sync(r0) {
  return ${names} || loadAll();
}
`;
}

/** `() => () => … => { timeout }`: functions nested `n` deep, the innermost returning a sentinel on a timeout. */
function nestedFunctions(n) {
  return `export const f = ${'() => '.repeat(n)}{
  const start = Date.now();
  const rows = work();
  if (Date.now() - start > 100) return [];
  return rows;
};
`;
}

/** `timeoutError`-style shapes: `n` findings of no-timeout-sentinel in one file (each a fix site). */
export function manyTimeoutSentinels(n) {
  const blocks = Array.from(
    { length: n },
    (_, i) => `export async function load${i}(start, maxWait) {
  const rows = await prisma.user.findMany({ take: 10 });
  if (Date.now() - start > maxWait) {
    throw new Error('query timed out');
  }
  return rows;
}
`,
  );
  return `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
${blocks.join('')}`;
}

/**
 * Each shape: its name, what it is, its generator, the sizes the benchmark doubles through, and
 * the rule whose finding a small instance must give (null: none expected).
 */
export const HOSTILE_SHAPES = [
  { name: 'nested-subqueries', about: 'SQL subqueries nested n deep', generate: nestedSubqueries, sizes: [250, 8000] },
  { name: 'wrapped-statement', about: 'a SQL statement in n parentheses', generate: wrappedStatement, sizes: [1000, 32000] },
  { name: 'long-table-name', about: 'a table/model name of n upper-case letters', generate: longTableName, sizes: [10000, 320000] },
  { name: 'nested-ternaries', about: 'sentinel ternaries nested n deep in the then branch', generate: nestedTernaries, sizes: [100, 3200] },
  { name: 'nested-ifs', about: 'sentinel ifs nested n deep in the then branch', generate: nestedIfs, sizes: [100, 3200] },
  { name: 'else-if-chain', about: 'an else-if chain n long', generate: elseIfChain, sizes: [400, 12800] },
  { name: 'else-if-same-subject', about: 'an else-if chain n long on one subject', generate: elseIfSameSubject, sizes: [400, 12800] },
  { name: 'member-chain', about: 'a member chain n long', generate: memberChain, sizes: [500, 16000] },
  { name: 'long-concatenation', about: "SQL built from n '+' pieces", generate: longConcatenation, sizes: [250, 8000] },
  { name: 'nested-calls', about: 'calls and arrays nested n deep', generate: nestedCalls, sizes: [100, 3200] },
  { name: 'logical-chain', about: 'a || chain n long', generate: logicalChain, sizes: [500, 16000] },
  { name: 'nested-functions', about: 'arrow functions nested n deep', generate: nestedFunctions, sizes: [100, 3200] },
  { name: 'alias-chain', about: 'a client through n aliases', generate: aliasChain, sizes: [500, 16000] },
  { name: 'return-chain', about: 'a client returned through n functions', generate: returnChain, sizes: [500, 16000] },
  { name: 'sql-alias-chain', about: 'SQL through n constants', generate: sqlAliasChain, sizes: [500, 16000] },
  { name: 'builder-chain', about: 'a query-builder chain of n calls', generate: builderChain, sizes: [250, 8000] },
  { name: 'wrapped-sentinel', about: 'a timeout sentinel in n arrays', generate: wrappedSentinel, sizes: [100, 3200] },
  { name: 'many-findings', about: 'n timeout sentinels in one file', generate: manyTimeoutSentinels, sizes: [100, 3200] },
];

/** The sizes from `first` to `last`, doubling. */
export function doublings([first, last]) {
  const sizes = [];
  for (let n = first; n <= last; n *= 2) sizes.push(n);
  return sizes;
}
