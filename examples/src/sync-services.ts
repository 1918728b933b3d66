// The incident (INCIDENT.md), as it was written. A slow query answers "revision 0, no error",
// and the caller reads revision 0 as "nothing cached yet, load everything".
// Lines marked ✗ are what ESLint reports (tests/e2e checks that exactly these are reported).
import { PrismaClient, type Service } from '@prisma/client';

const prisma = new PrismaClient();

/** The latest change marker, Go style: `[revision, error]`. */
export async function latestRevision(maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await prisma.$queryRaw<Array<{ r: number }>>`SELECT max(revision) AS r FROM "Service"`;
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    console.info(`query took ${Date.now() - start} ms, over ${maxWaitMs}, skip`);
    return [0, null]; // ✗ resilience/no-timeout-sentinel
  }
  return [rows[0]?.r ?? 0, null];
}

/** 0 means "load all 200,000 rows". */
export async function changedServices(): Promise<Service[]> {
  const [revision] = await latestRevision(500);
  return revision === 0 // ✗ resilience/no-sentinel-full-load
    ? await prisma.service.findMany() // ✗ resilience/no-unbounded-load
    : await prisma.service.findMany({ where: { revision: { gt: revision } }, take: 1000 });
}
