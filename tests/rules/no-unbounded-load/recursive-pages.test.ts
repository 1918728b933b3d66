// Pages of any API collected by a recursion: a function that calls itself with the response's
// page token and adds every page to one array, handed on or declared outside it (Contentstack's
// `getSyncData`, Kontent.ai's `getListAllResponse`, Drupal's `getNext`, all in the census). No
// library: the shape is the evidence.
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

function collected(construct: string, target: string, line: number, column: number) {
  return { messageId: 'recursivePages' as const, data: { construct, target }, line, column, suggestions: [] };
}

const API = `type Page = { items: string[]; nextPage?: string; total: number };
declare function get(url: string, cursor?: string): Promise<Page>;
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// one page at a time: the caller asks for the next
${API}export async function page(cursor?: string) {
  const res = await get('/items', cursor);
  return { items: res.items, next: res.nextPage };
}`,
    `// a cap on the pages collected
${API}export async function firstThousand(cursor?: string, acc: string[] = []): Promise<string[]> {
  const res = await get('/items', cursor);
  acc.push(...res.items);
  if (acc.length >= 1000) return acc;
  if (res.nextPage) return firstThousand(res.nextPage, acc);
  return acc;
}`,
    `// the cap in the recursion's own test
${API}export async function upTo(max: number, page = 1, cursor?: string, acc: string[] = []): Promise<string[]> {
  const res = await get('/items', cursor);
  acc.push(...res.items);
  if (res.nextPage && page < max) return upTo(max, page + 1, res.nextPage, acc);
  return acc;
}`,
    `// every page handed to the caller's callback, nothing kept
${API}export async function each(visit: (items: string[]) => Promise<void>, cursor?: string): Promise<void> {
  const res = await get('/items', cursor);
  await visit(res.items);
  if (res.nextPage) return each(visit, res.nextPage);
}`,
    `// a walk of a linked list in memory: nothing awaited
type Node = { value: string; next?: Node };
export function values(node: Node, acc: string[] = []): string[] {
  acc.push(node.value);
  if (node.next) return values(node.next, acc);
  return acc;
}`,
    `// a recursion over a tree, no page token handed on
${API}export async function tree(path: string, acc: string[] = []): Promise<string[]> {
  const res = await get(path);
  acc.push(...res.items);
  for (const child of res.items) await tree(path + '/' + child, acc);
  return acc;
}`,
    `// another function of the same name elsewhere is not a recursion
${API}async function listAll(cursor?: string, acc: string[] = []) {
  return acc.concat((await get('/a', cursor)).items);
}
export class Client {
  async listAll(cursor?: string, acc: string[] = []): Promise<string[]> {
    const res = await get('/items', cursor);
    acc.push(...res.items);
    return listAll(res.nextPage, acc);
  }
}`,
    `// an array declared inside the recursion: one page each
${API}export async function walk(cursor?: string): Promise<void> {
  const res = await get('/items', cursor);
  const names: string[] = [];
  names.push(...res.items);
  console.log(names.length);
  if (res.nextPage) await walk(res.nextPage);
}`,
    `// an outer array not built from [] (a Set of ids seen), and a recursion whose result is used, not awaited alone
${API}const seen = new Set<string>();
export async function mark(cursor?: string): Promise<number> {
  const res = await get('/items', cursor);
  for (const id of res.items) seen.add(id);
  const rest = res.nextPage ? await mark(res.nextPage) : 0;
  return rest + res.items.length;
}`,
    `// the accumulator is not grown: only the token goes on
${API}export async function last(cursor?: string, seen: string[] = []): Promise<string | undefined> {
  const res = await get('/items', cursor);
  if (res.nextPage) return last(res.nextPage, seen);
  return res.items.at(-1);
}`,
  ],
  invalid: [
    {
      name: 'an async function: the token and a grown copy of the accumulator handed on',
      code: `${API}export async function listAll(cursor?: string, acc: string[] = []): Promise<string[]> {
  const res = await get('/items', cursor);
  if (res.nextPage) return listAll(res.nextPage, [...acc, ...res.items]);
  return [...acc, ...res.items];
}`,
      errors: [collected('listAll(…)', 'acc', 5, 28)],
    },
    {
      name: 'a method: `return await this.m({ … })` with the array in an options object (Kontent.ai)',
      code: `${API}export class Client {
  async all(data: { page: number; next?: string; results: Page[]; config?: { pages?: number } }): Promise<Page[]> {
    if (data.config?.pages) {
      if (data.page > data.config.pages) return data.results;
    }
    const response = await get('/items', data.next);
    data.results.push(response);
    const nextPage = response.nextPage;
    if (nextPage) {
      return await this.all({ page: data.page + 1, next: nextPage, results: data.results, config: data.config });
    }
    return data.results;
  }
}`,
      errors: [collected('this.all(…)', 'data.results', 12, 25)],
    },
    {
      name: 'a cap checked only when it is set, in one test',
      code: `${API}export async function all(max: number | undefined, acc: string[], cursor?: string): Promise<string[]> {
  const res = await get('/items', cursor);
  acc.push(...res.items);
  if (max && acc.length > max) return acc;
  if (res.nextPage) return all(max, acc, res.nextPage);
  return acc;
}`,
      errors: [collected('all(…)', 'acc', 7, 28)],
    },
    {
      name: 'regenerator-compiled async (Contentstack): `_context.abrupt("return", f(…))`, `acc.data = acc.data.concat(…)`',
      filename: 'fetch.js',
      code: `var getSyncData = function () {
  var _ref = _asyncToGenerator(function (url, query) {
    var aggregated = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : null;
    return _regenerator.mark(function _callee() {
      var response;
      return _regenerator.wrap(function _callee$(_context) {
        while (1) switch (_context.prev = _context.next) {
          case 0:
            _context.next = 2;
            return fetchData(url, query);
          case 2:
            response = _context.sent;
            if (!aggregated) {
              aggregated = { data: response.items };
            } else {
              aggregated.data = aggregated.data.concat(response.items);
            }
            if (!response.pagination_token) {
              _context.next = 7;
              break;
            }
            return _context.abrupt("return", getSyncData(url, query = {
              pagination_token: response.pagination_token
            }, aggregated));
          case 7:
            return _context.abrupt("return", aggregated);
        }
      }, _callee);
    })();
  });
  return function getSyncData(_x, _x2) {
    return _ref.apply(this, arguments);
  };
}();
module.exports = { getSyncData: getSyncData };`,
      errors: [collected('getSyncData(…)', 'aggregated', 22, 46)],
    },
    {
      name: 'awaited, every page pushed into an array declared outside the function (Drupal)',
      filename: 'gatsby-node.js',
      code: `exports.sourceNodes = async ({ actions }, { baseUrl }) => {
  const dataArray = [];
  const getNext = async (url) => {
    const d = await got(url, { responseType: 'json' });
    dataArray.push(...(d.body.data || []));
    if (d.body.links && d.body.links.next) {
      await getNext(d.body.links.next);
    }
  };
  await getNext(baseUrl);
  return dataArray;
};`,
      errors: [collected('getNext(…)', 'dataArray', 7, 13)],
    },
    {
      name: 'concat handed on, the offset computed from the page',
      filename: 'list.mjs',
      code: `export async function fetchAll(client, offset = 0, rows = []) {
  const page = await client.get('/rows', { offset, limit: 100 });
  if (page.rows.length === 100) return fetchAll(client, offset + 100, rows.concat(page.rows));
  return rows.concat(page.rows);
}`,
      errors: [collected('fetchAll(…)', 'rows', 3, 40)],
    },
    {
      name: 'another finding in the same function (a Redis KEYS) does not hide the recursion',
      code: `import Redis from 'ioredis';
const redis = new Redis();
${API}export async function syncAll(cursor?: string, acc: string[] = []): Promise<string[]> {
  const tags = await redis.keys('tag:*');
  const res = await get('/items', cursor);
  acc.push(...res.items, ...tags);
  if (res.nextPage) return syncAll(res.nextPage, acc);
  return acc;
}`,
      errors: [
        { messageId: 'redisKeys', data: { construct: 'redis.keys()' }, line: 6, column: 28, suggestions: [] },
        collected('syncAll(…)', 'acc', 9, 28),
      ],
    },
    {
      name: 'a DynamoDB scan collected by a recursion is reported once, as a catalog read (dynamodb.test.ts)',
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function scanAll(nextKey?: Record<string, unknown>, acc: unknown[] = []): Promise<unknown[]> {
  const res = await client.send(new ScanCommand({ TableName: 'users', ExclusiveStartKey: nextKey }));
  acc.push(...(res.Items ?? []));
  const next = res.LastEvaluatedKey;
  if (next) return scanAll(next, acc);
  return acc;
}`,
      errors: [
        {
          messageId: 'unboundedPages',
          data: {
            construct: 'client.send()',
            pages: 'reads page after page until `LastEvaluatedKey` runs out',
            target: 'acc',
            unit: 'item',
          },
          line: 5,
          column: 28,
          suggestions: [],
        },
      ],
    },
  ],
});
