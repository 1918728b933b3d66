// Prismic: `dangerouslyGetAll()` and the `getAllBy…` methods without `limit`, which request page
// after page until the repository runs out and keep every document.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

/** The report of a read of every document, and its one suggestion's output. */
function unbounded(construct: string, line: number, column: number, output: string) {
  return {
    messageId: 'unboundedCall' as const,
    data: { construct, unit: 'document', bound: '`limit`' },
    line,
    column,
    suggestions: [{ messageId: 'addOption' as const, output }],
  };
}

const CLIENT = `import { createClient } from '@prismicio/client';
const client = createClient('my-repo');
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// a limit, one page, the caller's documents, options it cannot see
${CLIENT}export async function reads(ids: string[], uids: string[], params: { limit?: number }) {
  await client.dangerouslyGetAll({ limit: 500 });
  await client.getAllByType('blog_post', { limit: 20, pageSize: 20 });
  await client.getAllByTag('featured', { limit: 10 });
  await client.getAllByIDs(ids);
  await client.getAllByUIDs('page', uids);
  await client.getByType('blog_post', { page: 2, pageSize: 20 });
  await client.get({ pageSize: 100 });
  await client.getAllByType('blog_post', params);
}`,
    `// getAllByType of something else, in a file not importing Prismic: an in-memory index, a repository
export class Milestones {
  constructor(private resources: { getAllByType(type: string): unknown[] }) {}
  async getAllByType(type: string, currency = 'usd') { return [type, currency]; }
  all(type: string) { return [this.resources.getAllByType(type), this.getAllByType(type)]; }
}`,
    {
      code: `// CommonJS: bounded
const prismic = require('@prismicio/client');
const client = prismic.createClient('my-repo');
exports.recent = () => client.getAllByType('article', { limit: 10 });`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      name: 'every document of the repository',
      code: `${CLIENT}export const all = () => client.dangerouslyGetAll();`,
      errors: [
        unbounded('client.dangerouslyGetAll()', 3, 33, `${CLIENT}export const all = () => client.dangerouslyGetAll({ limit: 100 });`),
      ],
    },
    {
      name: 'pageSize sizes each request, not the total',
      code: `${CLIENT}export const posts = () => client.getAllByType('blog_post', { pageSize: 100 });`,
      errors: [
        unbounded(
          'client.getAllByType()',
          3,
          35,
          `${CLIENT}export const posts = () => client.getAllByType('blog_post', { pageSize: 100, limit: 100 });`,
        ),
      ],
    },
    {
      name: 'the module object, new Client, no options at all',
      code: `import * as prismic from '@prismicio/client';
const client = prismic.createClient('my-repo');
const other = new prismic.Client('https://other.cdn.prismic.io/api/v2');
export async function tagged() {
  await client.getAllByTag('featured');
  await other.getAllBySomeTags(['a', 'b']);
  await other.getAllByEveryTag(['a', 'b']);
}`,
      errors: [
        unbounded(
          'client.getAllByTag()',
          5,
          16,
          `import * as prismic from '@prismicio/client';
const client = prismic.createClient('my-repo');
const other = new prismic.Client('https://other.cdn.prismic.io/api/v2');
export async function tagged() {
  await client.getAllByTag('featured', { limit: 100 });
  await other.getAllBySomeTags(['a', 'b']);
  await other.getAllByEveryTag(['a', 'b']);
}`,
        ),
        unbounded(
          'other.getAllBySomeTags()',
          6,
          15,
          `import * as prismic from '@prismicio/client';
const client = prismic.createClient('my-repo');
const other = new prismic.Client('https://other.cdn.prismic.io/api/v2');
export async function tagged() {
  await client.getAllByTag('featured');
  await other.getAllBySomeTags(['a', 'b'], { limit: 100 });
  await other.getAllByEveryTag(['a', 'b']);
}`,
        ),
        unbounded(
          'other.getAllByEveryTag()',
          7,
          15,
          `import * as prismic from '@prismicio/client';
const client = prismic.createClient('my-repo');
const other = new prismic.Client('https://other.cdn.prismic.io/api/v2');
export async function tagged() {
  await client.getAllByTag('featured');
  await other.getAllBySomeTags(['a', 'b']);
  await other.getAllByEveryTag(['a', 'b'], { limit: 100 });
}`,
        ),
      ],
    },
    {
      name: "the project's own client module: dangerouslyGetAll is Prismic's by its name",
      code: `import { createClient } from '@/prismicio';
export async function sitemap() {
  const client = createClient();
  return client.dangerouslyGetAll({ fetchOptions: { cache: 'no-store' } });
}`,
      errors: [
        unbounded(
          'client.dangerouslyGetAll()',
          4,
          17,
          `import { createClient } from '@/prismicio';
export async function sitemap() {
  const client = createClient();
  return client.dangerouslyGetAll({ fetchOptions: { cache: 'no-store' }, limit: 100 });
}`,
        ),
      ],
    },
    {
      name: 'CommonJS: any receiver in a file requiring the client',
      code: `const { Client } = require('@prismicio/client');
/** @param {Client} client */
async function pages(client) {
  return client.getAllByType('page');
}
module.exports = { pages };`,
      filename: 'file.cjs',
      errors: [
        unbounded(
          'client.getAllByType()',
          4,
          17,
          `const { Client } = require('@prismicio/client');
/** @param {Client} client */
async function pages(client) {
  return client.getAllByType('page', { limit: 100 });
}
module.exports = { pages };`,
        ),
      ],
    },
  ],
});
