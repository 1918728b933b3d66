// Warms the service cache at startup. Plain JavaScript: the rules need no type information.
// Lines marked ✗ are what `npm run sample` reports.

/**
 * Counts the services to warm, giving up after `ms`. The timer and the query race to settle
 * one promise; when the timer wins, the count is 0.
 */
export function countServices(db, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(0), ms); // ✗ resilience/no-timeout-sentinel
    db.query('SELECT count(*) AS n FROM services').then(
      ({ rows }) => {
        clearTimeout(timer);
        resolve(Number(rows[0].n));
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * A deadline for the other startup jobs. It does reject, but with a plain Error: callers can only
 * tell a timeout from any other failure by reading the message.
 */
export function withDeadline(work, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms); // ✗ resilience/prefer-typed-timeout-error
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export async function warmCache(db, cache, pageSize = 1_000) {
  const total = await countServices(db, 1_000);
  if (total === 0) { // ✗ resilience/no-sentinel-full-load
    // "An empty registry: nothing to page through, take it in one go." Also what a slow count says.
    const { rows } = await db.query('SELECT * FROM services'); // ✗ resilience/no-unbounded-load
    for (const row of rows) cache.set(row.id, row);
    return;
  }
  for (let offset = 0; offset < total; offset += pageSize) {
    const { rows } = await db.query('SELECT * FROM services ORDER BY id LIMIT $1 OFFSET $2', [pageSize, offset]);
    for (const row of rows) cache.set(row.id, row);
  }
}
