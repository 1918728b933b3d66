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
  ],
});
