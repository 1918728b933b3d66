// The same code after the post-mortem: a timeout is a typed error, never a plausible value, and
// the bulk load is paged. Nothing in this file is reported.
import { PrismaClient, type Service } from '@prisma/client';
import { elapsedSince } from './db.js';
import { QueryTimeoutError } from './errors.js';

const prisma = new PrismaClient();
const PAGE_SIZE = 1_000;

/** Throws QueryTimeoutError on a slow query. */
export async function latestRevision(maxWaitMs: number): Promise<number> {
  const start = Date.now();
  const rows = await prisma.$queryRaw<Array<{ r: number }>>`SELECT max(revision) AS r FROM "Service"`;
  if (maxWaitMs !== 0 && elapsedSince(start) > maxWaitMs) {
    throw new QueryTimeoutError(`query took ${elapsedSince(start)} ms, over ${maxWaitMs}`);
  }
  return rows[0]?.r ?? 0;
}

/** Go style kept, but the timeout comes back as an error the caller has to look at. */
export async function latestRevisionResult(maxWaitMs: number): Promise<[number, Error | null]> {
  try {
    return [await latestRevision(maxWaitMs), null];
  } catch (error) {
    if (error instanceof QueryTimeoutError) return [0, error];
    throw error;
  }
}

/** Pages through the changed services; a timeout keeps the cache as it is. */
export async function* changedServices(maxWaitMs: number): AsyncGenerator<Service[]> {
  let after = await latestRevision(maxWaitMs);
  for (;;) {
    const page = await prisma.service.findMany({
      where: { revision: { gt: after } },
      orderBy: { revision: 'asc' },
      take: PAGE_SIZE,
    });
    if (page.length > 0) yield page;
    const last = page[page.length - 1];
    if (page.length < PAGE_SIZE || last === undefined) return;
    after = last.revision;
  }
}
