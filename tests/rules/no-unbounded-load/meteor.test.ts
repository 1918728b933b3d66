// Meteor: a collection's `find(selector, options)` read by `fetch()`/`fetchAsync()`/`map()`/`mapAsync()`
// without a `limit` option.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

/** The report of an unbounded cursor read, and its one suggestion's output. */
function unbounded(construct: string, line: number, column: number, output: string) {
  return {
    messageId: 'unboundedCall' as const,
    data: { construct, unit: 'document', bound: '`limit`' },
    line,
    column,
    suggestions: [{ messageId: 'addOption' as const, output }],
  };
}

const CARDS = `import { Mongo } from 'meteor/mongo';
export const Cards = new Mongo.Collection('cards');
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// a limit, ids, one document, counts, a walk over the cursor, options it cannot see
${CARDS}export async function reads(boardId: string, ids: string[], options: object) {
  await Cards.find({ boardId }, { limit: 50 }).fetchAsync();
  Cards.find({ boardId }, { sort: { at: -1 }, limit: 10 }).fetch();
  await Cards.find({ _id: { $in: ids } }).fetchAsync();
  await Cards.find({ _id: boardId }).fetchAsync();
  await Cards.findOneAsync({ boardId });
  Cards.findOne({ boardId });
  await Cards.find({ boardId }).countAsync();
  Cards.find({ boardId }).count();
  await Cards.find({ boardId }).forEachAsync((card) => card);
  Cards.find({ boardId }).forEach((card) => card);
  Cards.find({ boardId }, options).fetch();
  for await (const card of Cards.find({ boardId })) console.log(card);
  return ids.find((id) => id === boardId);
}`,
    `// a publication hands the cursor to Meteor: nothing is fetched here
import { Meteor } from 'meteor/meteor';
import { Cards } from '/imports/api/cards';
Meteor.publish('cards', function (boardId: string) { return Cards.find({ boardId }); });`,
    `// client code: Minimongo holds what the subscription sent
import { useTracker } from 'meteor/react-meteor-data';
import { TasksCollection } from '/imports/api/tasks';
export const useTasks = () => useTracker(() => TasksCollection.find({}, { sort: { createdAt: -1 } }).fetch());`,
    `// Blaze helpers, also client code
import { Template } from 'meteor/templating';
import { Cards } from '/imports/api/cards';
Template.board.helpers({ cards() { return Cards.find({}).fetch(); } });`,
    `// no evidence of Meteor: a collection imported into a file that imports no Meteor package
import { Cards } from './cards';
export const all = () => Cards.find({}).fetch();`,
    `// a find().map() of something else in a Meteor file: an array's find takes a function
import { Meteor } from 'meteor/meteor';
export const names = (lists: string[][]) => lists.find((l) => l.length > 0)?.map((s) => s.trim());`,
    `// a string selector is an _id; jQuery's find(selector).map() in a Meteor file is no cursor
import { Meteor } from 'meteor/meteor';
import { Cards } from '/imports/api/cards';
export const one = (n: number) => Cards.find(\`card-\${n}\`).fetch();
export const pinned = () => Cards.find('pinned').fetch();
export const texts = (el: unknown) => $(el).find('li').map((i: number, li: { textContent: string }) => li.textContent);
declare function $(el: unknown): { find(selector: string): { map(fn: (i: number, el: any) => string): string[] } };`,
    {
      code: `// CommonJS: bounded
const { Mongo } = require('meteor/mongo');
const Cards = new Mongo.Collection('cards');
module.exports = (boardId) => Cards.find({ boardId }, { limit: 20 }).fetch();`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      name: 'fetchAsync() on a collection defined in the file',
      code: `${CARDS}export async function onBoard(boardId: string) {
  return Cards.find({ boardId }).fetchAsync();
}`,
      errors: [
        unbounded(
          'Cards.find().fetchAsync()',
          4,
          34,
          `${CARDS}export async function onBoard(boardId: string) {
  return Cards.find({ boardId }, { limit: 100 }).fetchAsync();
}`,
        ),
      ],
    },
    {
      name: 'an imported collection in a methods file; fetch() and map() with a sort',
      code: `import { Meteor } from 'meteor/meteor';
import { Cards } from '/imports/api/cards';
Meteor.methods({
  'cards.ids'(boardId: string) {
    const cards = Cards.find({ boardId }).fetch();
    const ids = Cards.find({}, { sort: { at: -1 } }).map((card: { _id: string }) => card._id);
    return [cards, ids];
  },
});`,
      errors: [
        unbounded(
          'Cards.find().fetch()',
          5,
          43,
          `import { Meteor } from 'meteor/meteor';
import { Cards } from '/imports/api/cards';
Meteor.methods({
  'cards.ids'(boardId: string) {
    const cards = Cards.find({ boardId }, { limit: 100 }).fetch();
    const ids = Cards.find({}, { sort: { at: -1 } }).map((card: { _id: string }) => card._id);
    return [cards, ids];
  },
});`,
        ),
        unbounded(
          'Cards.find().map()',
          6,
          54,
          `import { Meteor } from 'meteor/meteor';
import { Cards } from '/imports/api/cards';
Meteor.methods({
  'cards.ids'(boardId: string) {
    const cards = Cards.find({ boardId }).fetch();
    const ids = Cards.find({}, { sort: { at: -1 }, limit: 100 }).map((card: { _id: string }) => card._id);
    return [cards, ids];
  },
});`,
        ),
      ],
    },
    {
      // `*Collection` is the MongoDB driver's naming too: in a Meteor file, it is Meteor's.
      name: 'Meteor.users and a TasksCollection, with no selector',
      code: `import { Meteor } from 'meteor/meteor';
import { TasksCollection } from '/imports/api/tasks';
export async function everything() {
  const users = await Meteor.users.find().fetchAsync();
  const tasks = await TasksCollection.find().mapAsync((task: { text: string }) => task.text);
  return [users, tasks];
}`,
      errors: [
        unbounded(
          'Meteor.users.find().fetchAsync()',
          4,
          43,
          `import { Meteor } from 'meteor/meteor';
import { TasksCollection } from '/imports/api/tasks';
export async function everything() {
  const users = await Meteor.users.find({}, { limit: 100 }).fetchAsync();
  const tasks = await TasksCollection.find().mapAsync((task: { text: string }) => task.text);
  return [users, tasks];
}`,
        ),
        unbounded(
          'TasksCollection.find().mapAsync()',
          5,
          46,
          `import { Meteor } from 'meteor/meteor';
import { TasksCollection } from '/imports/api/tasks';
export async function everything() {
  const users = await Meteor.users.find().fetchAsync();
  const tasks = await TasksCollection.find({}, { limit: 100 }).mapAsync((task: { text: string }) => task.text);
  return [users, tasks];
}`,
        ),
      ],
    },
    {
      name: 'a cursor held in a variable, and a Mongo.Collection annotation',
      code: `import { Mongo } from 'meteor/mongo';
export function open(boards: Mongo.Collection<{ owner: string }>, owner: string) {
  const cursor = boards.find({ owner });
  return cursor.fetch();
}`,
      errors: [
        unbounded(
          'boards.find().fetch()',
          4,
          17,
          `import { Mongo } from 'meteor/mongo';
export function open(boards: Mongo.Collection<{ owner: string }>, owner: string) {
  const cursor = boards.find({ owner }, { limit: 100 });
  return cursor.fetch();
}`,
        ),
      ],
    },
    {
      name: 'CommonJS',
      code: `const { Mongo } = require('meteor/mongo');
const Cards = new Mongo.Collection('cards');
module.exports = (boardId) => Cards.find({ boardId }, { fields: { title: 1 } }).fetch();`,
      filename: 'file.cjs',
      errors: [
        unbounded(
          'Cards.find().fetch()',
          3,
          81,
          `const { Mongo } = require('meteor/mongo');
const Cards = new Mongo.Collection('cards');
module.exports = (boardId) => Cards.find({ boardId }, { fields: { title: 1 }, limit: 100 }).fetch();`,
        ),
      ],
    },
    {
      // A collection's raw driver collection is the MongoDB driver's: its own finding, its own bound.
      name: "rawCollection() is the MongoDB driver's",
      code: `${CARDS}export const raw = () => Cards.rawCollection().find({}).toArray();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'Cards.rawCollection().find().toArray()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 3,
          column: 57,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `${CARDS}export const raw = () => Cards.rawCollection().find({}).limit(100).toArray();`,
            },
          ],
        },
      ],
    },
  ],
});
