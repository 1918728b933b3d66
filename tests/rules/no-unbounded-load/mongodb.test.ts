// MongoDB driver: `find()`/`aggregate()` collected with `toArray()` without a limit.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import type { Collection } from 'mongodb';
export const a = (c: Collection) => c.find({}).limit(50).toArray();
export const b = (c: Collection) => c.find({}, { limit: 50 }).toArray();
export const c = (c: Collection, id: string) => c.find({ _id: id }).toArray();
export const settings = (c: Collection, key: string) => c.find({ key }).toArray();
export const d = (c: Collection) => c.aggregate([{ $match: {} }, { $limit: 10 }]).toArray();
export async function e(c: Collection) { for await (const doc of c.find({})) console.log(doc); }
export const f = (c: Collection) => c.find({}).stream();
export const g = (c: Collection) => c.countDocuments();`,
  ],
  invalid: [
    {
      name: 'find().toArray() on a collection',
      code: `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost');
export async function active() {
  const users = await client.db('app').collection('users').find({ active: true }).toArray();
  return users;
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "client.db('app').collection('users').find().toArray()", unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 4,
          column: 83,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost');
export async function active() {
  const users = await client.db('app').collection('users').find({ active: true }).limit(100).toArray();
  return users;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a typed collection, sorted',
      code: `import type { Collection } from 'mongodb';
export const recent = (events: Collection) => events.find({}).sort({ at: -1 }).toArray();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'events.find().sort().toArray()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 2,
          column: 80,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import type { Collection } from 'mongodb';
export const recent = (events: Collection) => events.find({}).sort({ at: -1 }).limit(100).toArray();`,
            },
          ],
        },
      ],
    },
    {
      name: 'an aggregation without $limit',
      code: `import type { Db } from 'mongodb';
export const byDay = (db: Db) => db.collection('events').aggregate([{ $group: { _id: '$day', n: { $sum: 1 } } }]).toArray();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "db.collection('events').aggregate().toArray()", unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 2,
          column: 115,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import type { Db } from 'mongodb';
export const byDay = (db: Db) => db.collection('events').aggregate([{ $group: { _id: '$day', n: { $sum: 1 } } }]).limit(100).toArray();`,
            },
          ],
        },
      ],
    },
  ],
});
