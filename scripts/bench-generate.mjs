// A rule-heavy TypeScript module of about N lines, for bench.mjs's scaling check: the shapes our
// rules inspect (elapsed-time guards, timer races, catches that test for timeouts, p-timeout
// fallbacks, callbacks, untyped timeout errors, ORM / query-builder / Redis / DataLoader loads with
// and without bounds, raw SQL), repeated with fresh names, all in one module scope so that any
// lookup that scans the whole scope or file per node shows up as time per line growing with size.
//
//   node scripts/bench-generate.mjs 10000 > /tmp/heavy.ts

const PRELUDE = `import pTimeout, { TimeoutError } from 'p-timeout';
import { PrismaClient } from '@prisma/client';
import type { Repository } from 'typeorm';
import knex from 'knex';
import Redis from 'ioredis';
import DataLoader from 'dataloader';

const prisma = new PrismaClient();
const db = knex({ client: 'pg' });
const redis = new Redis();
declare const log: { info(message: string): void };
declare function withTimeout<T>(work: Promise<T>, ms: number): Promise<T>;
interface Pool { query(sql: string, params?: unknown[]): Promise<Array<{ r: number }>> }
`;

/** One block of shapes; `i` makes every name unique. About 120 lines. */
function block(i) {
  return `
export async function latestRevision${i}(pool: Pool, maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await pool.query('SELECT max(revision) AS r FROM services WHERE shard = $1', [${i}]);
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    log.info(\`query took \${Date.now() - start} ms, over \${maxWaitMs}, skip\`);
    return [0, null];
  }
  return [rows[0]?.r ?? 0, null];
}

export function raceCache${i}<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

export async function activeUsers${i}(take?: number) {
  try {
    return await pTimeout(prisma.user.findMany({ where: { active: true, shard: ${i} } }), { milliseconds: 500 });
  } catch (error) {
    if (error instanceof TimeoutError) return [];
    throw error;
  }
}

export const recentOrders${i} = (userId: string) =>
  pTimeout(prisma.order.findMany({ where: { userId }, take: 100 }), { milliseconds: 200, fallback: () => [] });

export function waitForReply${i}(ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(\`no reply within \${ms} ms\`)), ms);
    redis.get('reply:${i}').then((value) => {
      clearTimeout(timer);
      resolve(value ?? '');
    }, reject);
  });
}

export function countLater${i}(cb: (error: Error | null, count?: number) => void, deadline: number) {
  const timer = setTimeout(() => cb(null, 0), Math.max(0, deadline - Date.now()));
  db('jobs').count({ n: '*' }).then(([row]) => {
    clearTimeout(timer);
    cb(null, Number(row?.n ?? 0));
  }, cb);
}

export class ServiceStore${i} {
  #timedOut = false;
  private readonly loader = new DataLoader<string, unknown>(async (ids) => ids.map(() => null));

  constructor(private readonly repo: Repository<{ id: string; revision: number }>) {}

  async all() {
    return this.repo.find();
  }

  async page(offset: number) {
    return this.repo.find({ skip: offset, take: 500, order: { revision: 'ASC' } });
  }

  async changedSince(revision: number, budgetMs: number) {
    const begin = performance.now();
    const rows = await db.select('*').from('services').where('revision', '>', revision);
    const elapsed = performance.now() - begin;
    if (elapsed > budgetMs) {
      this.#timedOut = true;
      return [];
    }
    return rows;
  }

  async keys() {
    const names = await redis.keys('service:${i}:*');
    const members = await redis.smembers('services:${i}');
    const fields = await redis.hgetall('service:${i}');
    return { names, members, fields, loaded: await this.loader.load('${i}') };
  }

  get timedOut() {
    return this.#timedOut;
  }
}

export async function report${i}(rows: Array<{ revision: number; name: string }>) {
  const byRevision = new Map<number, string[]>();
  for (const row of rows) {
    const names = byRevision.get(row.revision) ?? [];
    names.push(row.name.trim().toLowerCase());
    byRevision.set(row.revision, names);
  }
  let total = 0;
  for (const [revision, names] of byRevision) {
    if (revision % 2 === 0) total += names.length;
    else total -= names.length >> 1;
  }
  const raw = await db.raw('SELECT id, name FROM services WHERE shard = ?', [${i}]);
  const limited = await db.raw('SELECT id FROM services WHERE shard = ? LIMIT 100', [${i}]);
  return { total, raw, limited, label: \`report-${i}\` };
}

export async function fetchWithDeadline${i}(url: string) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return await response.json();
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new Error('upstream timed out');
    throw error;
  }
}
`;
}

/** The module text: the prelude, then blocks until it has at least `lines` lines. */
export function generateRuleHeavy(lines) {
  const parts = [PRELUDE];
  let count = PRELUDE.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const text = block(i);
    parts.push(text);
    count += text.split('\n').length - 1;
  }
  return parts.join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(generateRuleHeavy(Number(process.argv[2] ?? 1000)));
}
