// Every page of any API requested at once from the count a first response reports (Storyblok's
// `getAll`, Strapi's `fetchEntities`, both in the census), and every page collected through a page
// callback that always asks for the next (Airtable's `Query.all`). No library: the shape is the
// evidence.
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

function fanned(construct: string, total: string, line: number, column: number) {
  return { messageId: 'fannedPages' as const, data: { construct, total }, line, column, suggestions: [] };
}

function callback(construct: string, target: string, next: string, line: number, column: number) {
  return { messageId: 'callbackPages' as const, data: { construct, target, next }, line, column, suggestions: [] };
}

const API = `type Page = { data: string[]; total: number; perPage: number; meta: { pagination: { page: number; pageCount: number } } };
declare function get(url: string, params: object): Promise<Page>;
declare function range(from: number, to?: number): number[];
declare function asyncMap<T, R>(list: T[], fn: (item: T) => Promise<R>): Promise<R[]>;
`;

const AIRTABLE = `type Rec = { id: string };
interface Query { eachPage(page: (records: Rec[], fetchNextPage: () => void) => void, done: (err?: Error) => void): void }
declare const table: { select(options?: object): Query };
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// one page at a time: the caller asks for the next
${API}export async function page(n: number) {
  return get('/items', { page: n });
}`,
    `// the count capped with Math.min
${API}export async function some() {
  const first = await get('/items', { page: 1 });
  const lastPage = Math.min(Math.ceil(first.total / first.perPage), 10);
  const rest = await Promise.all(range(2, lastPage + 1).map((page) => get('/items', { page })));
  return [first, ...rest];
}`,
    `// the count compared with a maximum that throws first
${API}const MAX_PAGES = 50;
export async function guarded() {
  const first = await get('/items', { page: 1 });
  const lastPage = Math.ceil(first.total / first.perPage);
  if (lastPage > MAX_PAGES) throw new Error('too many pages');
  const rest = await Promise.all(range(2, lastPage + 1).map((page) => get('/items', { page })));
  return [first, ...rest];
}`,
    `// a count the caller gives, not one a response reports
${API}export async function pages(lastPage: number) {
  return Promise.all(range(1, lastPage).map(async (page) => get('/items', { page })));
}`,
    `// every request sent, nothing kept: each page is handled as it arrives
${API}declare function save(rows: string[]): Promise<void>;
export async function sync() {
  const first = await get('/items', { page: 1 });
  const totalPages = Math.ceil(first.total / first.perPage);
  await Promise.all(range(2, totalPages + 1).map(async (page) => save((await get('/items', { page })).data)));
}`,
    `// a total that is not about pages: one task per worker, nothing requested by page
${API}declare function spawn(index: number): Promise<number>;
export async function start() {
  const config = await get('/workers', {});
  return await Promise.all(range(config.total).map((index) => spawn(index)));
}`,
    `// a list of items in memory, not page numbers
${API}export async function each(ids: string[]) {
  return Promise.all(ids.map((id) => get('/items/' + id, {})));
}`,
    `// a page callback that stops at a maximum
${AIRTABLE}export function some(done: (rows: Rec[]) => void) {
  const rows: Rec[] = [];
  table.select().eachPage((records, fetchNextPage) => {
    rows.push(...records);
    if (rows.length >= 500) return done(rows);
    fetchNextPage();
  }, () => done(rows));
}`,
    `// maxRecords on the read
${AIRTABLE}export function firstHundred(done: (rows: Rec[]) => void) {
  const rows: Rec[] = [];
  table.select({ maxRecords: 100 }).eachPage((records, fetchNextPage) => {
    rows.push(...records);
    fetchNextPage();
  }, () => done(rows));
}`,
    `// each page handled and dropped
${AIRTABLE}declare function save(rows: Rec[]): void;
export function sync(done: () => void) {
  table.select().eachPage((records, fetchNextPage) => {
    save(records);
    fetchNextPage();
  }, () => done());
}`,
    `// an async.eachSeries loop over items in memory: no page name
declare const async: { eachSeries<T>(items: T[], fn: (item: T, next: () => void) => void, done: () => void): void };
export function copy(items: string[], done: (out: string[]) => void) {
  const out: string[] = [];
  async.eachSeries(items, (item, next) => {
    out.push(item);
    next();
  }, () => done(out));
}`,
  ],
  invalid: [
    {
      // Storyblok's getAll
      code: `${API}export class Client {
  async getAll(url: string, params: { per_page?: number } = {}) {
    const perPage = params.per_page || 25;
    const firstRes = await get(url, { ...params, page: 1 });
    const lastPage = firstRes.total ? Math.ceil(firstRes.total / (firstRes.perPage || perPage)) : 1;
    const restRes = await asyncMap(range(1, lastPage), (i: number) => get(url, { ...params, page: i + 1 }));
    return [firstRes, ...restRes].flatMap((res) => res.data);
  }
}`,
      errors: [fanned('asyncMap(…)', 'firstRes.total', 10, 27)],
    },
    {
      // Strapi's fetchEntities: page numbers from meta.pagination.pageCount, one request per page in an IIFE
      code: `${API}export async function fetchEntities(url: string) {
  const { data: response } = await get(url, {});
  const meta = response?.meta;
  const page = Number.parseInt(String(meta?.pagination.page || 1), 10);
  const pageCount = Number.parseInt(String(meta?.pagination.pageCount || 1), 10);
  const pagesToGet = Array.from({ length: pageCount - page }).map((_, index) => index + page + 1);
  const fetchPagesPromises = pagesToGet.map((page) => {
    return (async () => {
      const options = { pagination: { page } };
      const { data } = await get(url, options);
      return data;
    })();
  });
  const results = await Promise.all(fetchPagesPromises);
  return [...response.data, ...results.flat()];
}`,
      errors: [fanned('Promise.all(…)', 'meta?.pagination.pageCount', 18, 33)],
    },
    {
      // [...Array(n).keys()] and an offset per page
      code: `${API}export async function all(url: string) {
  const res = await get(url, {});
  const requestsCount = Math.floor(res.total / res.perPage);
  return await Promise.all([...Array(requestsCount).keys()].map((pageOffset) => get(url, { offset: (pageOffset + 1) * res.perPage })));
}`,
      errors: [fanned('Promise.all(…)', 'res.total', 8, 24)],
    },
    {
      // Airtable's Query.all: the page callback pushes every page and always asks for the next
      code: `${AIRTABLE}export class Q {
  eachPage(page: (records: Rec[], fetchNextPage: () => void) => void, done: (err?: Error) => void): void {}
  all(done: (err: Error | null, records?: Rec[]) => void) {
    var allRecords: Rec[] = [];
    this.eachPage(function (pageRecords, fetchNextPage) {
      allRecords.push.apply(allRecords, pageRecords);
      fetchNextPage();
    }, function (err) {
      if (err) done(err);
      else done(null, allRecords);
    });
  }
}`,
      errors: [callback('eachPage(…)', 'allRecords', 'fetchNextPage', 8, 10)],
    },
    {
      // the Airtable idiom in user code: forEach over the page
      code: `${AIRTABLE}export function everything(done: (rows: Rec[]) => void) {
  const rows: Rec[] = [];
  table.select({ view: 'Grid' }).eachPage((records, fetchNextPage) => {
    records.forEach((record) => rows.push(record));
    fetchNextPage();
  }, () => done(rows));
}`,
      errors: [callback('eachPage(…)', 'rows', 'fetchNextPage', 6, 34)],
    },
  ],
});
