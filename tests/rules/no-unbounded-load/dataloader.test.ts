// DataLoader: `new DataLoader(fn)` without `maxBatchSize`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import DataLoader from 'dataloader';
const batch = async (ids: readonly string[]) => ids;
export const a = new DataLoader(batch, { maxBatchSize: 100 });
export const b = new DataLoader(batch, { batch: false });
export const c = (options: object) => new DataLoader(batch, options);`,
    // Batch loaders are bounded by the request that fills them: `strict` reports them, `recommended` does not.
    `import DataLoader from 'dataloader';
export const users = new DataLoader(async (ids: readonly string[]) => ids.map((id) => ({ id })));`,
    `// a DataLoader of the user's own
class DataLoader { constructor(public fn: unknown) {} }
export const a = new DataLoader(() => []);`,
  ],
  invalid: [
    {
      name: 'no options',
      code: `import DataLoader from 'dataloader';
export const users = new DataLoader(async (ids: readonly string[]) => ids.map((id) => ({ id })));`,
      options: [{ checkBatchLoaders: true }],
      errors: [
        {
          messageId: 'unboundedBatch',
          data: { name: 'DataLoader', key: 'maxBatchSize' },
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import DataLoader from 'dataloader';
export const users = new DataLoader(async (ids: readonly string[]) => ids.map((id) => ({ id })), { maxBatchSize: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'options without maxBatchSize',
      code: `import DataLoader from 'dataloader';
export const users = new DataLoader(async (ids: readonly string[]) => ids, { cache: false });`,
      options: [{ checkBatchLoaders: true }],
      errors: [
        {
          messageId: 'unboundedBatch',
          data: { name: 'DataLoader', key: 'maxBatchSize' },
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import DataLoader from 'dataloader';
export const users = new DataLoader(async (ids: readonly string[]) => ids, { cache: false, maxBatchSize: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS',
      code: `const DataLoader = require('dataloader');
module.exports = new DataLoader(async (ids) => ids);`,
      filename: 'file.cjs',
      options: [{ checkBatchLoaders: true }],
      errors: [
        {
          messageId: 'unboundedBatch',
          data: { name: 'DataLoader', key: 'maxBatchSize' },
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'addOption',
              output: `const DataLoader = require('dataloader');
module.exports = new DataLoader(async (ids) => ids, { maxBatchSize: 100 });`,
            },
          ],
        },
      ],
    },
  ],
});
