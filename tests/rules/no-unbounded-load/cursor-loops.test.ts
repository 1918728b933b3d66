// Pages of any API collected by a loop that follows the cursor each response gives (n8n's BigQuery
// `…AllItems`, Temporal's `fetchHistory`, an Akahu transactions handler on the corpus). No library:
// the cursor taken from each response and handed to the next request is the evidence.
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

function looped(construct: string, cursor: string, target: string, line: number, column: number) {
  return { messageId: 'cursorLoopPages' as const, data: { construct, cursor, target }, line, column, suggestions: [] };
}

const API = `type Page = { items: string[]; next_cursor?: string; pageToken?: string };
declare const api: { list(args: { cursor?: string; pageToken?: string }): Promise<Page> };
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// each page handled and dropped
${API}declare function handle(items: string[]): Promise<void>;
export async function visitAll() {
  let cursor: string | undefined;
  do {
    const page = await api.list({ cursor });
    await handle(page.items);
    cursor = page.next_cursor;
  } while (cursor);
}`,
    `// the loop's test stops at a maximum
${API}export async function some(max = 1000) {
  const items: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.list({ cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}`,
    `// an if that leaves at a maximum number of pages
${API}export async function pages(maxPages: number) {
  const items: string[] = [];
  let cursor: string | undefined;
  for (let n = 0; ; n++) {
    if (n >= maxPages) break;
    const page = await api.list({ cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return items;
}`,
    `// a retry loop: nothing the request reads comes from the response
${API}export async function retry() {
  const seen: string[] = [];
  let attempt = 0;
  while (attempt < 3) {
    const page = await api.list({});
    seen.push(...page.items);
    attempt++;
  }
  return seen;
}`,
    `// a counter, not a cursor from the response: a batch over a list in memory
declare function save(rows: string[], offset: number): Promise<string[]>;
export async function saveAll(rows: string[]) {
  const ids: string[] = [];
  let offset = 0;
  while (true) {
    ids.push(...(await save(rows.slice(offset, offset + 100), offset)));
    offset += 100;
    if (offset >= rows.length) break;
  }
  return ids;
}`,
    `// a counter kept in the request's options: params.offset reads only itself
${API}declare function get(params: { offset: number }): Promise<{ items: string[]; more: boolean }>;
export async function pages() {
  const all: string[] = [];
  const params = { offset: 0 };
  for (;;) {
    const res = await get(params);
    all.push(...res.items);
    params.offset = params.offset + 100;
    if (!res.more) break;
  }
  return all;
}`,
    `// keys pushed to a stream as they come (bullmq's scanStream), not kept in an array
import { Readable } from 'node:stream';
declare function scan(cursor: string): Promise<[string, string[]]>;
export function scanStream() {
  let cursor = '0';
  const readable: Readable = new Readable({
    objectMode: true,
    async read() {
      while (true) {
        const [nextCursor, keys] = await scan(cursor);
        cursor = nextCursor;
        if (keys.length > 0) {
          readable.push(keys);
          return;
        }
        if (cursor === '0') return void readable.push(null);
      }
    },
  });
  return readable;
}`,
  ],
  invalid: [
    {
      code: `${API}export async function listAll() {
  const items: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.list({ cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}`,
      errors: [looped('api.list(…)', 'cursor', 'items', 7, 28)],
    },
    {
      // n8n's BigQuery helper: the cursor is a property of the request's options
      code: `${API}declare function request(this: unknown, query: { pageToken?: string }): Promise<{ rows?: string[]; pageToken?: string }>;
export async function requestAllItems(this: unknown, query: { pageToken?: string } = {}) {
  let rows: string[] = [];
  let responseData;
  do {
    responseData = await request.call(this, query);
    query.pageToken = responseData.pageToken;
    rows = rows.concat(responseData.rows ?? []);
  } while (responseData.pageToken !== undefined && responseData.pageToken !== '');
  return { ...responseData, rows };
}`,
      errors: [looped('request.call(…)', 'query.pageToken', 'rows', 8, 34)],
    },
    {
      // gatsby-source-notion's getAll: the cursor destructured from the response, advanced with Object.assign
      code: `type Page = { has_more: boolean; next_cursor: string | null; results: string[] };
export async function getAll(fn2: (arg: object) => Promise<Page>, arg: object) {
  const state: { next?: string; hasMore: boolean } = { next: undefined, hasMore: true };
  const entities: string[] = [];
  while (state.hasMore) {
    const { has_more, next_cursor, results } = await fn2({ ...arg, page_size: 100, start_cursor: state.next });
    Object.assign(state, { hasMore: has_more, next: next_cursor ?? undefined });
    entities.push(...results);
  }
  return entities;
}`,
      errors: [looped('fn2(…)', 'state.next', 'entities', 6, 54)],
    },
    {
      // the cursor given the name destructured from the response
      code: `${API}export async function listAll() {
  const items: string[] = [];
  let cursor: string | undefined;
  do {
    const { items: page, next_cursor: nextCursor } = await api.list({ cursor });
    items.push(...page);
    cursor = nextCursor;
  } while (cursor);
  return items;
}`,
      errors: [looped('api.list(…)', 'cursor', 'items', 7, 64)],
    },
  ],
});
