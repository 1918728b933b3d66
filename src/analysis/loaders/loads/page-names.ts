import { wordsOf } from '../../js/ast.js';

// The names that say a value is about pages of a longer read. The checks of pages of any API
// (recursive-pages.ts, fanned-pages.ts, callback-pages.ts, cursor-loops.ts) name no library: names like these,
// with the shape around them, are their evidence.

/** Words of the names that carry a position in a list of pages: `nextPage`, `pagination_token`, `continuationToken`, `cursor`. */
const PAGE_WORDS: ReadonlySet<string> = new Set([
  'next',
  'cursor',
  'continuation',
  'pagination',
  'scroll',
  'page',
  'offset',
  'skip',
  'marker',
]);

/** Words of the names of a count of items or pages a response reports: `total`, `pageCount`, `totalPages`, `lastPage`, `meta.count`. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(['total', 'count', 'pages', 'last']);

export function isPageName(name: string | null): boolean {
  return name !== null && wordsOf(name).some((word) => PAGE_WORDS.has(word));
}

export function isTotalName(name: string | null): boolean {
  return name !== null && wordsOf(name).some((word) => TOTAL_WORDS.has(word));
}
