// The incident, as it was written: a slow query is reported as "revision 0, no error", and the
// caller reads revision 0 as "nothing cached yet, load everything".
// Lines marked ✗ are what `npm run sample` reports.
import type { Pool } from 'pg';

export interface ServiceRow {
  id: string;
  name: string;
  revision: number;
}

/** The latest change marker, Go style: `[revision, error]`. */
export async function latestRevision(db: Pool, maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const { rows } = await db.query<{ r: number }>('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    console.info(`[store] query took ${Date.now() - start} ms, over ${maxWaitMs}, skip`);
    return [0, null]; // ✗ resilience/no-timeout-sentinel
  }
  return [rows[0]?.r ?? 0, null];
}

/** How many services changed since `revision`; gives up once `deadline` (epoch ms) has passed. */
export async function countChangedSince(db: Pool, revision: number, deadline: number): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM services WHERE revision > $1', [revision]);
  if (Date.now() > deadline) {
    return 0; // ✗ resilience/no-timeout-sentinel
  }
  return Number(rows[0]?.n ?? 0);
}

/** The other half of the incident: 0 turns into an unbounded load of all ~200,000 services. */
export async function syncServices(db: Pool, cache: Map<string, ServiceRow>): Promise<void> {
  const [revision] = await latestRevision(db, 500);
  const { rows } =
    revision === 0 // ✗ resilience/no-sentinel-full-load
      ? await db.query<ServiceRow>('SELECT * FROM services') // ✗ resilience/no-unbounded-load
      : await db.query<ServiceRow>('SELECT * FROM services WHERE revision > $1 LIMIT 1000', [revision]);
  for (const row of rows) cache.set(row.id, row);
}
