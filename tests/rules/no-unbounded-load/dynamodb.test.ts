// DynamoDB: `Scan`/`Query` read page after page (`ExclusiveStartKey = LastEvaluatedKey`) until the
// last one, every page's `Items` collected into one array: by a loop, a recursion or a paginator,
// with the v3 commands (`client.send(new ScanCommand(…))`), the v3 aggregated and v2 document
// clients (`docClient.scan(params)`, `.promise()`), and `paginateScan`/`paginateQuery`. One page is
// bounded by DynamoDB (1 MB), and is not reported.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const UNTIL = 'reads page after page until `LastEvaluatedKey` runs out';

/** Every page of a paged read collected into `target`: no suggestion, the fix is the code's shape. */
function pages(construct: string, target: string, line: number, column: number, how = UNTIL) {
  return {
    messageId: 'unboundedPages' as const,
    data: { construct, pages: how, target, unit: 'item' },
    line,
    column,
    suggestions: [],
  };
}

const V3 = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// one page: at most 1 MB, handed back with its cursor
${V3}export const first = () => client.send(new ScanCommand({ TableName: 'users' }));
export const page = (key?: Record<string, unknown>) =>
  client.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExclusiveStartKey: key, Limit: 50 }));
export async function items(key?: Record<string, unknown>) {
  const res = await client.send(new ScanCommand({ TableName: 'users', ExclusiveStartKey: key }));
  return { items: res.Items ?? [], next: res.LastEvaluatedKey };
}`,
    `// every page, each handled as it comes
${V3}export async function visitAll(visit: (item: unknown) => Promise<void>) {
  let lastKey: Record<string, unknown> | undefined;
  do {
    const res = await client.send(new ScanCommand({ TableName: 'users', ExclusiveStartKey: lastKey }));
    for (const item of res.Items ?? []) await visit(item);
    lastKey = res.LastEvaluatedKey;
  } while (lastKey);
}
export async function count() {
  let total = 0;
  let lastKey: Record<string, unknown> | undefined;
  do {
    const res = await client.send(new ScanCommand({ TableName: 'users', Select: 'COUNT', ExclusiveStartKey: lastKey }));
    total += res.Count ?? 0;
    lastKey = res.LastEvaluatedKey;
  } while (lastKey);
  return total;
}`,
    `// collected up to a maximum
${V3}export async function some(max: number) {
  const items: unknown[] = [];
  let lastKey: Record<string, unknown> | undefined;
  do {
    const { Items, LastEvaluatedKey } = await client.send(new ScanCommand({ TableName: 'users', ExclusiveStartKey: lastKey }));
    items.push(...(Items ?? []));
    lastKey = LastEvaluatedKey;
  } while (lastKey && items.length < max);
  return items;
}
export async function upTo(max: number) {
  const items: unknown[] = [];
  const input: Record<string, unknown> = { TableName: 'users' };
  for (;;) {
    const res = await client.send(new ScanCommand(input));
    items.push(...(res.Items ?? []));
    if (items.length >= max || !res.LastEvaluatedKey) break;
    input.ExclusiveStartKey = res.LastEvaluatedKey;
  }
  return items;
}
export const capped = async (input: any, acc: unknown[] = []): Promise<unknown[]> => {
  const res = await client.send(new ScanCommand(input));
  acc.push(...(res.Items ?? []));
  if (res.LastEvaluatedKey && acc.length < 1000) return capped({ ...input, ExclusiveStartKey: res.LastEvaluatedKey }, acc);
  return acc;
};`,
    `// paginators: pages handled one by one, or up to a maximum
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export async function visit(handle: (items: unknown[]) => Promise<void>) {
  for await (const page of paginateScan({ client }, { TableName: 'users' })) await handle(page.Items ?? []);
}
export async function some() {
  const out: unknown[] = [];
  for await (const page of paginateScan({ client, pageSize: 100 }, { TableName: 'users' })) {
    out.push(...(page.Items ?? []));
    if (out.length >= 500) break;
  }
  return out;
}`,
    `// a small table, read whole
${V3}export async function settings() {
  const all: unknown[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await client.send(new ScanCommand({ TableName: 'settings', ExclusiveStartKey }));
    all.push(...(res.Items ?? []));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return all;
}`,
    `// one page of each table, collected: no cursor is followed
${V3}export async function samples(tables: string[]) {
  const all: unknown[] = [];
  for (const TableName of tables) {
    const res = await client.send(new ScanCommand({ TableName, Limit: 1 }));
    all.push(...(res.Items ?? []));
  }
  return all;
}
export const next = (key: unknown) => ({ ExclusiveStartKey: key });`,
    `// a \`ScanCommand\` of the code's own, and keys read in batches (the caller's keys)
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from './commands';
declare const client: DynamoDBDocumentClient;
export async function all() {
  const out: unknown[] = [];
  let key: unknown;
  do {
    const res: any = await client.send(new ScanCommand({ ExclusiveStartKey: key }) as any);
    out.push(...res.Items);
    key = res.LastEvaluatedKey;
  } while (key);
  return out;
}
export async function byKeys(keys: Record<string, unknown>[]) {
  const out: unknown[] = [];
  let RequestItems: any = { users: { Keys: keys } };
  while (RequestItems && Object.keys(RequestItems).length > 0) {
    const res = await client.send(new BatchGetCommand({ RequestItems }));
    out.push(...(res.Responses?.users ?? []));
    RequestItems = res.UnprocessedKeys;
  }
  return out;
}`,
    {
      code: `// CommonJS: one page
const AWS = require('aws-sdk');
const docClient = new AWS.DynamoDB.DocumentClient();
exports.page = (key) => docClient.query({ TableName: 'orders', ExclusiveStartKey: key, Limit: 50 }).promise();
exports.first = async () => (await docClient.scan({ TableName: 'users' }).promise()).Items;`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      name: 'v3 commands: a do…while loop pushing every page',
      code: `${V3}export async function scanAll() {
  const items: unknown[] = [];
  let lastKey: Record<string, unknown> | undefined;
  do {
    const res = await client.send(new ScanCommand({ TableName: 'users', ExclusiveStartKey: lastKey }));
    items.push(...(res.Items ?? []));
    lastKey = res.LastEvaluatedKey;
  } while (lastKey);
  return items;
}`,
      errors: [pages('client.send()', 'items', 8, 30)],
    },
    {
      name: 'v3 commands: a command in a variable, a loop left on the last page, items pushed one by one',
      code: `${V3}export async function queryAll(pk: string) {
  const results: Record<string, unknown>[] = [];
  const input: Record<string, unknown> = { TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } };
  while (true) {
    const command = new QueryCommand(input);
    const data = await client.send(command);
    data.Items?.forEach((item) => results.push(item));
    if (!data.LastEvaluatedKey) break;
    input.ExclusiveStartKey = data.LastEvaluatedKey;
  }
  return results;
}`,
      errors: [pages('client.send()', 'results', 9, 31)],
    },
    {
      name: 'destructured pages, concatenated',
      code: `${V3}export async function all() {
  let out: unknown[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await client.send(new ScanCommand({ TableName: 'events', ExclusiveStartKey }));
    out = out.concat(Items);
    ExclusiveStartKey = LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}`,
      errors: [pages('client.send()', 'out', 8, 59)],
    },
    {
      name: 'paginators collected: for await, a paginator in a variable, Array.fromAsync',
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, paginateScan } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export async function orders(pk: string) {
  const out = [];
  for await (const page of paginateQuery({ client }, { TableName: 'orders', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })) {
    out.push(...(page.Items ?? []));
  }
  return out;
}
export async function users() {
  const users: unknown[] = [];
  const paginator = paginateScan({ client, pageSize: 100 }, { TableName: 'users' });
  for await (const { Items } of paginator) for (const user of Items ?? []) users.push(user);
  return users;
}
export const pages = () => Array.fromAsync(paginateScan({ client }, { TableName: 'events' }));`,
      errors: [
        pages('paginateQuery()', 'out', 6, 28, 'yields every page'),
        pages('paginateScan()', 'users', 13, 21, 'yields every page'),
        pages('paginateScan()', 'Array.fromAsync()', 17, 44, 'yields every page'),
      ],
    },
    {
      name: 'recursions: an accumulator, and pages joined on the way back',
      code: `${V3}export const exhaustiveScan = async (command: ScanCommand, items: unknown[] = []): Promise<unknown[]> => {
  const res = await client.send(command);
  items.push(...(res.Items ?? []));
  if (res.LastEvaluatedKey) {
    command.input.ExclusiveStartKey = res.LastEvaluatedKey;
    return exhaustiveScan(command, items);
  }
  return items;
};
export async function queryAll(input: any): Promise<unknown[]> {
  const res = await client.send(new QueryCommand(input));
  if (!res.LastEvaluatedKey) return res.Items ?? [];
  return [...(res.Items ?? []), ...(await queryAll({ ...input, ExclusiveStartKey: res.LastEvaluatedKey }))];
}`,
      errors: [pages('client.send()', 'items', 5, 28), pages('client.send()', 'queryAll()', 14, 28)],
    },
    {
      name: 'the v3 aggregated client',
      code: `import { DynamoDB } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDB({});
export async function scan(params: any) {
  const accumulated = [];
  let result;
  do {
    result = await ddb.scan(params);
    accumulated.push(...(result.Items ?? []));
    params.ExclusiveStartKey = result.LastEvaluatedKey;
  } while (result.LastEvaluatedKey);
  return accumulated;
}`,
      errors: [pages('ddb.scan()', 'accumulated', 7, 24)],
    },
    {
      name: 'v3, CommonJS: commands and a paginator required',
      code: `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, ScanCommand, paginateScan } = require('@aws-sdk/lib-dynamodb');
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
exports.all = async (TableName) => {
  const items = [];
  let ExclusiveStartKey;
  do {
    const res = await client.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    items.push(...res.Items);
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};
exports.pages = async (TableName) => {
  const pages = [];
  for await (const page of paginateScan({ client }, { TableName })) pages.push(page);
  return pages;
};`,
      filename: 'file.cjs',
      errors: [pages('client.send()', 'items', 8, 30), pages('paginateScan()', 'pages', 16, 28, 'yields every page')],
    },
    {
      name: 'v2 DocumentClient, CommonJS: promise(), then(), a node-style callback, a recursion through a Promise',
      code: `const AWS = require('aws-sdk');
const documentClient = new AWS.DynamoDB.DocumentClient();
exports.scanTable = async (TableName) => {
  const params = { TableName };
  const scanResults = [];
  let items;
  do {
    items = await documentClient.scan(params).promise();
    items.Items.forEach((item) => scanResults.push(item));
    params.ExclusiveStartKey = items.LastEvaluatedKey;
  } while (typeof items.LastEvaluatedKey !== 'undefined');
  return scanResults;
};
exports.scanFull = async (TableName) => {
  let items = [];
  let hasMoreResults = true;
  let lastKey = null;
  while (hasMoreResults) {
    hasMoreResults = false;
    await documentClient
      .scan({ ExclusiveStartKey: lastKey, TableName })
      .promise()
      .then((results) => {
        hasMoreResults = !!results.LastEvaluatedKey;
        lastKey = results.LastEvaluatedKey;
        items = [...items, ...results.Items];
      });
  }
  return items;
};
const movies = [];
const params = { TableName: 'Movies' };
function onScan(err, data) {
  if (err) return console.error(err);
  movies.push(...data.Items);
  if (typeof data.LastEvaluatedKey !== 'undefined') {
    params.ExclusiveStartKey = data.LastEvaluatedKey;
    documentClient.scan(params, onScan);
  }
}
documentClient.scan(params, onScan);
exports.query = (params, retrieved = []) =>
  new Promise((resolve, reject) => {
    documentClient.query(params).promise().then((data) => {
      const items = [...retrieved, ...data.Items];
      if (data.LastEvaluatedKey) return exports.query({ ...params, ExclusiveStartKey: data.LastEvaluatedKey }, items).then(resolve, reject);
      resolve(items);
    }, reject);
  });`,
      filename: 'file.cjs',
      errors: [
        pages('documentClient.scan()', 'scanResults', 8, 34),
        pages('documentClient.scan()', 'items', 21, 8),
        pages('documentClient.scan()', 'movies', 38, 20),
        pages('documentClient.query()', 'items', 44, 20),
      ],
    },
  ],
});
