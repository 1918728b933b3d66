// Drizzle: `select().from()` and `db.query.<table>.findMany()` without `limit`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
import { count, inArray } from 'drizzle-orm';
export const a = () => db.select().from(users).limit(20);
export const b = (id: number) => db.select().from(users).where(eq(users.id, id));
export const c = (ids: number[]) => db.select().from(users).where(inArray(users.id, ids));
export const d = async () => db.select({ n: count() }).from(users);
export const e = () => db.query.users.findMany({ limit: 10 });
export const f = () => db.query.users.findFirst();
export const g = () => db.select().from(users).prepare('all_users');`,
    `// no evidence of Drizzle
export const a = async (db: any, t: unknown) => await db.select().from(t);`,
  ],
  invalid: [
    {
      name: 'an awaited select',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function active() {
  return await db.select().from(users).where(eq(users.active, true));
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'db.select().from().where()', unit: 'row', bound: '`.limit()`', fix: 'limit' },
          line: 6,
          column: 19,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function active() {
  return await db.select().from(users).where(eq(users.active, true)).limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execute',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const all = () => db.select({ id: users.id }).from(users).execute();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'db.select().from().execute()', unit: 'row', bound: '`.limit()`', fix: 'limit' },
          line: 5,
          column: 66,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const all = () => db.select({ id: users.id }).from(users).limit(100).execute();`,
            },
          ],
        },
      ],
    },
    {
      name: 'the relational API',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const withPosts = () => db.query.users.findMany({ with: { posts: true } });`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'db.query.users.findMany()', unit: 'row', bound: '`limit`' },
          line: 5,
          column: 47,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const withPosts = () => db.query.users.findMany({ with: { posts: true }, limit: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a transaction',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const run = () => db.transaction(async (tx) => {
  const rows = await tx.select().from(users);
  return rows;
});`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'tx.select().from()', unit: 'row', bound: '`.limit()`', fix: 'limit' },
          line: 6,
          column: 25,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export const run = () => db.transaction(async (tx) => {
  const rows = await tx.select().from(users).limit(100);
  return rows;
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'any client in a file importing Drizzle',
      code: `import { and, eq } from 'drizzle-orm';
import { posts } from './schema';
export async function published(adapter: any) {
  return await adapter.drizzle.select().from(posts).where(and(eq(posts.published, true)));
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'adapter.drizzle.select().from().where()', unit: 'row', bound: '`.limit()`', fix: 'limit' },
          line: 4,
          column: 32,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { and, eq } from 'drizzle-orm';
import { posts } from './schema';
export async function published(adapter: any) {
  return await adapter.drizzle.select().from(posts).where(and(eq(posts.published, true))).limit(100);
}`,
            },
          ],
        },
      ],
    },
  ],
});
