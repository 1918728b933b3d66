import { PrismaClient } from '@prisma/client';

/** The registry's database handle, shared by the whole service. */
export const registry = new PrismaClient();

/** How long a query waited, in milliseconds. */
export function elapsedSince(start: number): number {
  return Date.now() - start;
}
