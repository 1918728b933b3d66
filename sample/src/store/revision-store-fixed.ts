// The same store after the post-mortem: a timeout is a typed error, never a plausible value, and
// bulk loads are paged and capped. Nothing in this file should be reported.
import type { Pool } from 'pg';
import pTimeout from 'p-timeout';
import type { ServiceRow } from './revision-store.js';

export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';

  constructor(
    readonly elapsedMs: number,
    readonly limitMs: number,
  ) {
    super(`query took ${elapsedMs} ms, over the ${limitMs} ms limit`);
  }
}

/** Throws QueryTimeoutError on a slow query. */
export async function latestRevision(db: Pool, maxWaitMs: number): Promise<number> {
  const start = Date.now();
  const { rows } = await db.query<{ r: number }>('SELECT max(revision) AS r FROM services');
  const elapsed = Date.now() - start;
  if (maxWaitMs !== 0 && elapsed > maxWaitMs) {
    throw new QueryTimeoutError(elapsed, maxWaitMs);
  }
  return rows[0]?.r ?? 0;
}

/** Go style kept, but the timeout comes back as an error the caller has to look at. */
export async function latestRevisionResult(db: Pool, maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const { rows } = await db.query<{ r: number }>('SELECT max(revision) AS r FROM services');
  const elapsed = Date.now() - start;
  if (maxWaitMs !== 0 && elapsed > maxWaitMs) {
    return [0, new QueryTimeoutError(elapsed, maxWaitMs)];
  }
  return [rows[0]?.r ?? 0, null];
}

/** The abort is turned into the typed error; other failures propagate as they are. */
export async function changedIds(url: string, limitMs: number): Promise<string[]> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(limitMs) });
    return (await response.json()) as string[];
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new QueryTimeoutError(limitMs, limitMs);
    }
    throw error;
  }
}

/** The timer rejects; the count is only ever a real count. */
export function countServices(db: Pool, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new QueryTimeoutError(ms, ms)), ms);
    db.query<{ n: string }>('SELECT count(*) AS n FROM services').then(
      ({ rows }) => {
        clearTimeout(timer);
        resolve(Number(rows[0]?.n ?? 0));
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Without a fallback, p-timeout rejects with its TimeoutError. */
export function changedIdsWithin(url: string, milliseconds: number): Promise<string[]> {
  return pTimeout(changedIds(url, milliseconds * 2), { milliseconds });
}

/** An empty list is the real answer for no ids: no timeout is involved. */
export async function servicesByIds(db: Pool, ids: string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ServiceRow>('SELECT * FROM services WHERE id = ANY($1)', [ids]);
  return rows;
}

/** A readiness probe: `false` on timeout is the answer itself ("not ready yet"). */
export async function isDatabaseReady(db: Pool, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  await db.query('SELECT 1');
  if (Date.now() - start > timeoutMs) return false;
  return true;
}

/** Degrades on purpose: a timeout keeps the cache as it is and is retried later, paged. */
export async function syncServices(db: Pool, cache: Map<string, ServiceRow>, pageSize = 1_000): Promise<void> {
  let revision: number;
  try {
    revision = await latestRevision(db, 500);
  } catch (error) {
    if (error instanceof QueryTimeoutError) return;
    throw error;
  }
  for (let after = revision; ; ) {
    const { rows } = await db.query<ServiceRow>(
      'SELECT * FROM services WHERE revision > $1 ORDER BY revision LIMIT $2',
      [after, pageSize],
    );
    for (const row of rows) cache.set(row.id, row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.revision;
  }
}
