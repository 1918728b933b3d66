import type { KeyFilters } from '../catalog.js';
import { CATALOG } from '../libraries/index.js';

/**
 * How filters select by key, over the whole catalog: a key filter written with one library's
 * operator or helper (`{ id: In(ids) }`, `{ _id: { $in: ids } }`) is one whatever the receiver
 * resolved to, so every entry's `keyFilters` count everywhere.
 */
const all = (pick: (filters: KeyFilters) => readonly string[] | undefined) =>
  new Set(CATALOG.flatMap((entry) => (entry.keyFilters ? (pick(entry.keyFilters) ?? []) : [])));

/** Operators whose value keeps a filter on a key: `equals`, `$eq`, and the list ones (`in`, `$in`). */
export const KEY_OPERATORS: ReadonlySet<string> = all((f) => [...(f.operators ?? []), ...(f.listOperators ?? [])]);
/** Operators matching a field against a list: `{ in: ids }`, `{ $in: ids }`. */
export const LIST_OPERATORS: ReadonlySet<string> = all((f) => f.listOperators);
/** Helpers that keep a key filter one (`Equal(id)`, `eq(t.id, id)`) or a list of keys (`In(ids)`, `inArray(t.id, ids)`). */
export const KEY_HELPERS: ReadonlySet<string> = all((f) => [...(f.equal ?? []), ...(f.list ?? [])]);
/** Helpers that match a field against a list: `In(ids)`, `inArray(t.email, emails)`. */
export const LIST_HELPERS: ReadonlySet<string> = all((f) => f.list);
/** Helpers that join conditions, any of which may be the key one: `and(…)`. */
export const ALL_HELPERS: ReadonlySet<string> = all((f) => f.all);
