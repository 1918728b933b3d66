// Pages of any API yielded by a same-file async generator and kept by the `for await` loop that
// reads it (Notion's `collectPaginatedAPI` and `collectAllDataSourceRows`, both in the census). No
// library: a cursor advanced from each response and handed to the next request, a `yield`, and an
// array outside the reading loop are the evidence.
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

function generated(construct: string, cursor: string, target: string, line: number, column: number) {
  return { messageId: 'generatorPages' as const, data: { construct, cursor, target }, line, column, suggestions: [] };
}

const PAGER = `type Page<T> = { results: T[]; next_cursor: string | null };
type ListFn<T> = (args: { start_cursor?: string }) => Promise<Page<T>>;
async function* iteratePaginatedAPI<T>(listFn: ListFn<T>, firstPageArgs: { start_cursor?: string }) {
  let nextCursor = firstPageArgs.start_cursor;
  do {
    const response = await listFn({ ...firstPageArgs, start_cursor: nextCursor });
    yield* response.results;
    nextCursor = response.next_cursor ?? undefined;
  } while (nextCursor);
}
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// each item handled as it arrives
${PAGER}declare function handle(item: unknown): Promise<void>;
export async function visitAll<T>(listFn: ListFn<T>) {
  for await (const item of iteratePaginatedAPI(listFn, {})) await handle(item);
}`,
    `// the reading loop stops at a maximum
${PAGER}export async function firstThousand<T>(listFn: ListFn<T>) {
  const results: T[] = [];
  for await (const item of iteratePaginatedAPI(listFn, {})) {
    results.push(item);
    if (results.length >= 1000) break;
  }
  return results;
}`,
    `// the generator stops at a maximum number of pages
type Page<T> = { results: T[]; next_cursor: string | null };
async function* somePages<T>(listFn: (args: { start_cursor?: string }) => Promise<Page<T>>, maxPages: number) {
  let cursor: string | undefined;
  let pages = 0;
  do {
    const response = await listFn({ start_cursor: cursor });
    yield* response.results;
    cursor = response.next_cursor ?? undefined;
    pages++;
    if (pages >= maxPages) return;
  } while (cursor);
}
export async function collect<T>(listFn: (args: { start_cursor?: string }) => Promise<Page<T>>) {
  const results: T[] = [];
  for await (const item of somePages(listFn, 10)) results.push(item);
  return results;
}`,
    `// a generator over an array in memory: no cursor taken from a response
async function* each<T>(items: T[]) {
  for (const item of items) yield item;
}
export async function copy<T>(items: T[]) {
  const out: T[] = [];
  for await (const item of each(items)) out.push(item);
  return out;
}`,
    `// a generator imported from another file is not read (the catalog knows library ones)
import { iterate } from './pager';
export async function all() {
  const out: unknown[] = [];
  for await (const item of iterate()) out.push(item);
  return out;
}`,
  ],
  invalid: [
    {
      // Notion's collectPaginatedAPI
      code: `${PAGER}export async function collectPaginatedAPI<T>(listFn: ListFn<T>, firstPageArgs: { start_cursor?: string }) {
  const results: T[] = [];
  for await (const item of iteratePaginatedAPI(listFn, firstPageArgs)) {
    results.push(item);
  }
  return results;
}`,
      errors: [generated('iteratePaginatedAPI(…)', 'nextCursor', 'results', 13, 28)],
    },
    {
      // a class's generator method, compiled optional chaining in the cursor's assignment
      code: `type Page = { items: string[]; nextPageToken?: string | null };
declare function list(token?: string): Promise<Page>;
export class Reader {
  async *pages() {
    let pageToken: string | undefined;
    while (true) {
      var _b;
      const page = await list(pageToken);
      for (const item of page.items) yield item;
      pageToken = (_b = page.nextPageToken) !== null && _b !== void 0 ? _b : undefined;
      if (!pageToken) return;
    }
  }
  async readAll() {
    const all: string[] = [];
    for await (const item of this.pages()) all.push(item);
    return all;
  }
}`,
      errors: [generated('pages(…)', 'pageToken', 'all', 16, 35)],
    },
  ],
});
