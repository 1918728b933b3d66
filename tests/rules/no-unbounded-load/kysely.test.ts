// Kysely: `selectFrom(…).execute()` without `.limit()`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import { Kysely, sql } from 'kysely';
export const a = (db: Kysely<any>) => db.selectFrom('person').selectAll().limit(10).execute();
export const b = (db: Kysely<any>, id: number) => db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
export const c = (db: Kysely<any>) => db.selectFrom('person').select((eb) => eb.fn.countAll().as('n')).execute();
export const d = (db: Kysely<any>, id: number) => db.selectFrom('person').selectAll().where('id', '=', id).execute();
export const e = (db: Kysely<any>) => db.selectFrom('person').selectAll().stream();`,
  ],
  invalid: [
    {
      name: 'selectFrom … execute',
      code: `import { Kysely } from 'kysely';
export const people = (db: Kysely<any>) => db.selectFrom('person').selectAll().where('age', '>', 18).execute();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'db.selectFrom().selectAll().where().execute()', unit: 'row', bound: '`.limit()`', fix: 'limit' },
          line: 2,
          column: 102,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { Kysely } from 'kysely';
export const people = (db: Kysely<any>) => db.selectFrom('person').selectAll().where('age', '>', 18).limit(100).execute();`,
            },
          ],
        },
      ],
    },
    {
      name: 'a transaction',
      code: `import type { Kysely } from 'kysely';
export const run = (db: Kysely<any>) => db.transaction().execute(async (trx) => {
  const pets = await trx.selectFrom('pet').select(['id', 'name']).execute();
  return pets;
});`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'trx.selectFrom().select().execute()', unit: 'row', bound: '`.limit()`', fix: 'limit' },
          line: 3,
          column: 67,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import type { Kysely } from 'kysely';
export const run = (db: Kysely<any>) => db.transaction().execute(async (trx) => {
  const pets = await trx.selectFrom('pet').select(['id', 'name']).limit(100).execute();
  return pets;
});`,
            },
          ],
        },
      ],
    },
  ],
});
