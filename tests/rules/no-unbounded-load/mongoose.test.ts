// Mongoose: `Model.find()`/`aggregate()` executed without `.limit()`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

/** A file of a package that depends on mongoose (tests/fixtures/packages/uses-mongoose/package.json) and does not import it. */
const IN_MONGOOSE_PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/packages/uses-mongoose/src/update-jobs.js');

/**
 * Payload's Mongoose adapter (db-mongodb `updateJobs`), reduced: the model comes from the adapter's
 * own `getCollection()`, the file imports nothing of mongoose, and the options object the last
 * `find` spreads is handed to the model's other methods too.
 */
const UPDATE_JOBS = `import { getCollection } from './utilities/getEntity.js';
export async function updateJobs({ data, limit, where }) {
  const { Model } = getCollection({ adapter: this, collectionSlug: 'payload-jobs' });
  let query = where;
  const baseOptions = { timestamps: false };
  const findOptions = { ...baseOptions, lean: true };
  if (typeof limit === 'number' && limit > 0) {
    const docs = await Model.find(query, {}, { ...findOptions, limit, projection: { _id: 1 } });
    query = { _id: { $in: docs.map((doc) => doc._id) } };
  }
  await Model.updateMany(query, data, baseOptions);
  return await Model.find(query, {}, { ...findOptions, sort: 'createdAt' });
}`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({}));
export const a = () => User.find({ active: true }).limit(20).exec();
export const b = () => User.find({ active: true }, null, { limit: 20 }).exec();
export const c = (id: string) => User.findOne({ _id: id }).exec();
export const d = () => User.countDocuments();
export const e = (ids: string[]) => User.find({ _id: { $in: ids } }).exec();
export const f = () => User.aggregate([{ $match: {} }, { $limit: 10 }]).exec();
export async function* g() { for await (const u of User.find().cursor()) yield u; }
export function h() { return User.find({ active: true }); }`,
    `// Array.prototype.find with a callback, in a file importing mongoose
import mongoose from 'mongoose';
export const a = async (items: { id: number }[]) => items.find((i) => i.id === 1);`,
    // The same code in a package that does not depend on mongoose: nothing says \`Model\` is a model.
    { code: UPDATE_JOBS, filename: 'update-jobs.js' },
    {
      // In the mongoose package: the caller's options spread (they may hold a limit), options handed
      // to a helper that may add one, and a class-like name, which counts only where mongoose is imported.
      code: `import { getCollection } from './utilities/getEntity.js';
import { applyPaging } from './utilities/paging.js';
export async function updateMany({ options, where }) {
  const { Model } = getCollection({ adapter: this });
  const a = await Model.find(where, {}, { ...options, lean: true });
  const findOptions = { lean: true };
  applyPaging(findOptions);
  const b = await Model.find(where, {}, { ...findOptions });
  const c = await User.find(where);
  return [a, b, c];
}`,
      filename: IN_MONGOOSE_PACKAGE,
    },
  ],
  invalid: [
    {
      name: "a model from the adapter's own getter, in a package that depends on mongoose",
      code: UPDATE_JOBS,
      filename: IN_MONGOOSE_PACKAGE,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'Model.find()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 12,
          column: 22,
          suggestions: [
            {
              messageId: 'addMethod',
              output: UPDATE_JOBS.replace("sort: 'createdAt' });", "sort: 'createdAt' }).limit(100);"),
            },
          ],
        },
      ],
    },
    {
      name: 'an awaited query',
      code: `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ name: String }));
export async function active() {
  return await User.find({ active: true });
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'User.find()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 4,
          column: 21,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import mongoose from 'mongoose';
const User = mongoose.model('User', new mongoose.Schema({ name: String }));
export async function active() {
  return await User.find({ active: true }).limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'exec, lean and then',
      code: `import { model, Schema } from 'mongoose';
const Post = model('Post', new Schema({ title: String }));
export const a = () => Post.find({ draft: false }).sort({ createdAt: -1 }).exec();
export const b = async () => (await Post.find().lean()).length;
export const c = () => Post.find({ tags: 'news' }).then((posts) => posts.length);`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'Post.find().sort().exec()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 3,
          column: 76,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { model, Schema } from 'mongoose';
const Post = model('Post', new Schema({ title: String }));
export const a = () => Post.find({ draft: false }).sort({ createdAt: -1 }).limit(100).exec();
export const b = async () => (await Post.find().lean()).length;
export const c = () => Post.find({ tags: 'news' }).then((posts) => posts.length);`,
            },
          ],
        },
        {
          messageId: 'unboundedChain',
          data: { construct: 'Post.find().lean()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 4,
          column: 42,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { model, Schema } from 'mongoose';
const Post = model('Post', new Schema({ title: String }));
export const a = () => Post.find({ draft: false }).sort({ createdAt: -1 }).exec();
export const b = async () => (await Post.find().lean().limit(100)).length;
export const c = () => Post.find({ tags: 'news' }).then((posts) => posts.length);`,
            },
          ],
        },
        {
          messageId: 'unboundedChain',
          data: { construct: 'Post.find()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 5,
          column: 29,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { model, Schema } from 'mongoose';
const Post = model('Post', new Schema({ title: String }));
export const a = () => Post.find({ draft: false }).sort({ createdAt: -1 }).exec();
export const b = async () => (await Post.find().lean()).length;
export const c = () => Post.find({ tags: 'news' }).limit(100).then((posts) => posts.length);`,
            },
          ],
        },
      ],
    },
    {
      name: 'an injected model',
      code: `import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Cat, CatDocument } from './cat.schema';
export class CatsService {
  constructor(@InjectModel(Cat.name) private catModel: Model<CatDocument>) {}
  async findAll(): Promise<Cat[]> {
    return this.catModel.find().exec();
  }
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'this.catModel.find().exec()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 7,
          column: 33,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Cat, CatDocument } from './cat.schema';
export class CatsService {
  constructor(@InjectModel(Cat.name) private catModel: Model<CatDocument>) {}
  async findAll(): Promise<Cat[]> {
    return this.catModel.find().limit(100).exec();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an aggregation without $limit',
      code: `import { Model } from 'mongoose';
export const stats = async (Order: Model<unknown>) => Order.aggregate([{ $match: { paid: true } }, { $group: { _id: '$customer', n: { $sum: 1 } } }]);`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'Order.aggregate()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { Model } from 'mongoose';
export const stats = async (Order: Model<unknown>) => Order.aggregate([{ $match: { paid: true } }, { $group: { _id: '$customer', n: { $sum: 1 } } }]).limit(100);`,
            },
          ],
        },
      ],
    },
  ],
});
