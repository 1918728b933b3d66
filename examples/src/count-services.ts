// A timeout that does fail, but with a plain Error, and a load that only type information finds.
// Lines marked ✗ are what ESLint reports; "(type information)" marks those found only by
// `eslint.typed.config.mjs`, which turns on `parserOptions.projectService`.
import { elapsedSince, registry } from './db.js';

/** How many services there are; the timeout is an Error only its message tells apart. */
export async function countServices(maxWaitMs: number): Promise<number> {
  const start = Date.now();
  const count = await registry.service.count();
  if (elapsedSince(start) > maxWaitMs) {
    throw new Error(`count query timed out after ${maxWaitMs} ms`); // ✗ resilience/prefer-typed-timeout-error
  }
  return count;
}

/** `registry` is a PrismaClient, but only its declared type says so. */
export async function allServiceNames(): Promise<string[]> {
  const services = await registry.service.findMany(); // ✗ resilience/no-unbounded-load (type information)
  return services.map((service) => service.name);
}
