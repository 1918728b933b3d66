// Elasticsearch and OpenSearch (`@elastic/elasticsearch`, `@opensearch-project/opensearch`, the legacy
// `elasticsearch`, NestJS's `ElasticsearchService`): searches asking for 10,000 hits or more, and
// scroll, `search_after` and `scrollDocuments` loops that keep every page.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const SCROLL_ALL = `import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function allLogs(index: string) {
  const all = [];
  let response = await client.search({ index, scroll: '30s', size: 1000, query: { match_all: {} } });
  while (response.hits.hits.length > 0) {
    all.push(...response.hits.hits);
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  }
  return all;
}`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// a search returns 10 hits unless it asks for more; a page below the ceiling is a bound
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
const PAGE = 500;
export const a = (index: string) => client.search({ index, query: { match_all: {} } });
export const b = (index: string) => client.search({ index, size: 100 });
export const c = (index: string) => client.search({ index, size: 9999 });
export const d = (index: string, size: number) => client.search({ index, size });
export const e = (index: string) => client.search({ index, size: PAGE });
export const f = (index: string) => client.search({ index, body: { size: 100, query: { match_all: {} } } });
export const g = (index: string) => client.helpers.search({ index, size: 50 });
export const h = (index: string) => client.count({ index });`,
    `// the first page of a scroll or point-in-time read: a page, however large
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export const a = (index: string) => client.search({ index, scroll: '30s', size: 10000 });
export const b = (index: string) => client.search({ index, scroll: '1m', body: { size: 10000, query: { match_all: {} } } });
export const c = (id: string, after: unknown[]) => client.search({ pit: { id }, size: 10000, search_after: after, sort: ['_shard_doc'] });`,
    `// options we cannot see in full may make it a page
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export const a = (params: object) => client.search({ ...params, size: 10000 });
export const b = (body: object) => client.search({ index: 'logs', body: { ...body, size: 10000 } });`,
    `// no evidence of Elasticsearch: another search API with a size
export const a = (index: { search(o: object): unknown }) => index.search({ size: 10000 });
export class Catalog {
  search(o: object) { return o; }
  all() { return this.search({ size: 10000 }); }
}`,
    `// a scroll loop that handles each page as it comes
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
declare function handle(hit: unknown): Promise<void>;
export async function reindex(index: string) {
  let response = await client.search({ index, scroll: '30s', size: 1000 });
  do {
    for (const hit of response.hits.hits) await handle(hit);
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  } while (response.hits.hits.length);
}`,
    `// a scroll loop that stops at a maximum, and one that hands each batch on and empties it
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
const MAX = 50000;
declare function flush(batch: unknown[]): Promise<void>;
export async function some(index: string) {
  const all = [];
  let response = await client.search({ index, scroll: '30s', size: 1000 });
  while (response.hits.hits.length) {
    all.push(...response.hits.hits);
    if (all.length >= MAX) break;
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  }
  return all;
}
export async function copy(index: string) {
  let batch = [];
  let response = await client.search({ index, scroll: '30s', size: 1000 });
  while (response.hits.hits.length) {
    batch.push(...response.hits.hits);
    await flush(batch);
    batch = [];
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  }
}`,
    `// a search_after loop that keeps each page in a variable of its own
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
declare function send(hits: unknown[]): Promise<void>;
export async function forward(index: string) {
  let after: unknown[] | undefined;
  for (;;) {
    const page = [];
    const res = await client.search({ index, size: 1000, sort: ['_doc'], search_after: after });
    if (res.hits.hits.length === 0) break;
    page.push(...res.hits.hits);
    await send(page);
    after = res.hits.hits[res.hits.hits.length - 1].sort;
  }
}`,
    `// scrollDocuments handled one document at a time
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
declare function handle(doc: unknown): Promise<void>;
export async function each(index: string) {
  for await (const doc of client.helpers.scrollDocuments({ index, query: { match_all: {} } })) {
    await handle(doc);
  }
}`,
    `// no evidence of Elasticsearch: a page scrolled in a loop that collects positions
export function positions(view: { scroll(o: object): number }) {
  const seen = [];
  for (let y = 0; y < 1000; y += 100) {
    const top = view.scroll({ top: y });
    seen.push(top);
  }
  return seen;
}`,
    `// a scroll loop after a check of the total, or of a count, against a maximum
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
const LIMIT = 10000;
export async function allMatching(request: { index: string; scroll: string }) {
  let { hits, _scroll_id } = await client.search(request);
  const totalHits = typeof hits.total === 'number' ? hits.total : hits.total.value;
  if (totalHits > LIMIT) throw new RangeError('too many documents');
  let documents = hits.hits.map((h) => ({ _id: h._id, _source: h._source }));
  while (totalHits !== documents.length) {
    ({ hits, _scroll_id } = await client.scroll({ scroll: request.scroll, scroll_id: _scroll_id }));
    documents = documents.concat(hits.hits.map((h) => ({ _id: h._id, _source: h._source })));
  }
  return documents;
}
export async function counted(index: string) {
  if ((await client.count({ index })).count > LIMIT) throw new RangeError('too many documents');
  const all = [];
  let response = await client.search({ index, scroll: '30s', size: 1000 });
  while (response.hits.hits.length) {
    all.push(...response.hits.hits);
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  }
  return all;
}
export async function checkedInside(index: string) {
  const all = [];
  let response = await client.search({ index, scroll: '30s', size: 1000 });
  while (response.hits.hits.length) {
    if (response.hits.total.value > LIMIT) break;
    all.push(...response.hits.hits);
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  }
  return all;
}`,
    `// a scroll loop collecting what a callback makes of each page, which may be anything
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function mExecute(index: string, callback: (hits: unknown[]) => Promise<unknown>) {
  const results = [];
  let body = await client.search({ index, scroll: '5s', size: 10 });
  while (body.hits.hits.length > 0) {
    results.push(await callback(body.hits.hits));
    body = await client.scroll({ scroll: '5s', scroll_id: body._scroll_id });
  }
  return results;
}`,
    `// a scroll loop collecting into an array of something else
import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function pages(index: string) {
  const took = [];
  let response = await client.search({ index, scroll: '30s', size: 1000 });
  while (response.hits.hits.length) {
    took.push(Date.now());
    response = await client.scroll({ scroll_id: response._scroll_id, scroll: '30s' });
  }
  return took;
}`,
  ],
  invalid: [
    {
      name: 'a search for 10,000 hits',
      code: `import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function logs(index: string) {
  const result = await client.search({ index, size: 10000, query: { match_all: {} } });
  return result.hits.hits;
}`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'client.search()', value: '10000', units: 'documents', key: 'size' },
          line: 4,
          column: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the size in the body (OpenSearch, older Elasticsearch clients), held by a constant',
      code: `import { Client } from '@opensearch-project/opensearch';
const client = new Client({ node: 'https://localhost:9200' });
const MAX_RESULTS = 10_000;
export async function users(index: string) {
  const { body } = await client.search({ index, body: { size: MAX_RESULTS, query: { match_all: {} } } });
  return body.hits.hits;
}`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'client.search()', value: '10000', units: 'documents', key: 'size' },
          line: 5,
          column: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the legacy client, in a file that only requires it',
      filename: 'file.cjs',
      code: `const elasticsearch = require('elasticsearch');
const client = new elasticsearch.Client({ host: 'localhost:9200' });
exports.all = (index, done) => client.search({ index, size: 50000, body: { query: { match_all: {} } } }, done);`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'client.search()', value: '50000', units: 'documents', key: 'size' },
          line: 3,
          column: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'OpenSearch in CommonJS, with the size as a string',
      filename: 'file.cjs',
      code: `const { Client } = require('@opensearch-project/opensearch');
const client = new Client({ node: 'https://localhost:9200' });
async function all(index) {
  const response = await client.search({ index, size: '10000' });
  return response.body.hits.hits;
}
module.exports = { all };`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'client.search()', value: '10000', units: 'documents', key: 'size' },
          line: 4,
          column: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the search helper, a typed client and NestJS ElasticsearchService',
      code: `import type { Client } from '@elastic/elasticsearch';
import { ElasticsearchService } from '@nestjs/elasticsearch';
export const docs = (client: Client) => client.helpers.search({ index: 'docs', size: 10000 });
export class Search {
  constructor(private readonly elasticsearchService: ElasticsearchService) {}
  all() {
    return this.elasticsearchService.search({ index: 'products', size: 10000 });
  }
}`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'client.helpers.search()', value: '10000', units: 'documents', key: 'size' },
          line: 3,
          column: 56,
          suggestions: [],
        },
        {
          messageId: 'oversizedBound',
          data: { construct: 'this.elasticsearchService.search()', value: '10000', units: 'documents', key: 'size' },
          line: 7,
          column: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a client by its conventional name, in a file that does not import the library',
      code: `export const all = (esClient: any, index: string) => esClient.search({ index, size: 10000 });`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'esClient.search()', value: '10000', units: 'documents', key: 'size' },
          line: 1,
          column: 63,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a scroll loop that keeps every page',
      code: SCROLL_ALL,
      errors: [
        {
          messageId: 'collectedPages',
          data: { construct: 'client.scroll()', target: 'all' },
          line: 8,
          column: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the scroll queue of the client docs, with concat',
      code: `export async function fetchAllSearchResults(esClient, searchParams) {
  let allResults = [];
  const responseQueue = [];
  responseQueue.push(await esClient.search({ ...searchParams, scroll: '30s', size: 1000 }));
  while (responseQueue.length) {
    const response = responseQueue.shift();
    allResults = allResults.concat(response.hits.hits);
    if (allResults.length === response.hits.total.value) break;
    responseQueue.push(await esClient.scroll({ scroll: '30s', scrollId: response._scroll_id }));
  }
  return allResults;
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'collectedPages',
          data: { construct: 'esClient.scroll()', target: 'allResults' },
          line: 9,
          column: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a scroll queue with each hit pushed in a callback',
      code: `import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function quotes() {
  const allQuotes: string[] = [];
  const responseQueue = [];
  responseQueue.push(await client.search({ index: 'game-of-thrones', scroll: '30s', size: 1, query: { match: { quote: 'winter' } } }));
  while (responseQueue.length) {
    const { body } = responseQueue.shift();
    body.hits.hits.forEach(function (hit) {
      allQuotes.push(hit._source.quote);
    });
    if (body.hits.total.value === allQuotes.length) break;
    responseQueue.push(await client.scroll({ scroll_id: body._scroll_id, scroll: '30s' }));
  }
  return allQuotes;
}`,
      errors: [
        {
          messageId: 'collectedPages',
          data: { construct: 'client.scroll()', target: 'allQuotes' },
          line: 13,
          column: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a search_after loop that keeps every page',
      code: `import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function everything(index: string) {
  const all = [];
  let after: unknown[] | undefined;
  while (true) {
    const res = await client.search({ index, size: 1000, sort: ['_doc'], search_after: after });
    const hits = res.hits.hits;
    if (hits.length === 0) break;
    for (const hit of hits) all.push(hit._source);
    after = hits[hits.length - 1].sort;
  }
  return all;
}`,
      errors: [
        {
          messageId: 'collectedPages',
          data: { construct: 'client.search()', target: 'all' },
          line: 7,
          column: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a search_after loop in the body, on OpenSearch, in CommonJS',
      filename: 'file.cjs',
      code: `const { Client } = require('@opensearch-project/opensearch');
const client = new Client({ node: 'https://localhost:9200' });
async function everything(index) {
  let docs = [];
  let after;
  do {
    const { body } = await client.search({ index, body: { size: 500, sort: ['_doc'], search_after: after } });
    docs = [...docs, ...body.hits.hits];
    after = body.hits.hits.length ? body.hits.hits[body.hits.hits.length - 1].sort : undefined;
  } while (after);
  return docs;
}
module.exports = { everything };`,
      errors: [
        {
          messageId: 'collectedPages',
          data: { construct: 'client.search()', target: 'docs' },
          line: 7,
          column: 35,
          suggestions: [],
        },
      ],
    },
    {
      name: 'scrollDocuments collected into one array',
      code: `import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
export async function dump(index: string) {
  const docs = [];
  for await (const doc of client.helpers.scrollDocuments({ index, query: { match_all: {} } })) {
    docs.push(doc);
  }
  return docs;
}`,
      errors: [
        {
          messageId: 'collectedPages',
          data: { construct: 'client.helpers.scrollDocuments()', target: 'docs' },
          line: 5,
          column: 42,
          suggestions: [],
        },
      ],
    },
  ],
});

// With type information: `client.helpers` is the package's `Helpers` class, and a client of the
// application's own is not Elasticsearch whatever it is called (stand-ins in tests/fixtures).
const typed = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' },
      tsconfigRootDir: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures'),
    },
  },
});

typed.run('no-unbounded-load (typed, Elasticsearch)', rule, {
  valid: [
    `// named like an Elasticsearch client, typed as the application's own search
import { esClient } from './local/search';
export const a = () => esClient.search({ size: 10000 });`,
  ],
  invalid: [
    {
      code: `// a client returned by a helper: its helpers, by their type
import { getSearch } from './local/search';
export const a = () => getSearch().helpers.search({ index: 'docs', size: 10000 });
export async function dump() {
  const docs = [];
  for await (const doc of getSearch().helpers.scrollDocuments({ index: 'docs' })) docs.push(doc);
  return docs;
}`,
      errors: [
        {
          messageId: 'oversizedBound',
          data: { construct: 'getSearch().helpers.search()', value: '10000', units: 'documents', key: 'size' },
          line: 3,
          column: 44,
        },
        {
          messageId: 'collectedPages',
          data: { construct: 'getSearch().helpers.scrollDocuments()', target: 'docs' },
          line: 6,
          column: 47,
        },
      ],
    },
  ],
});
