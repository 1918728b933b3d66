/**
 * The `WHERE` clause: its top-level conjuncts, and whether one selects by key (`id = $1`) or by a
 * list the caller passes (`id = ANY($1)`, `(a, b) IN ((?, ?), …)`).
 */

import { closingIndex, isParameter, isValueToken, isWord, skipValue, type Token } from './tokens.js';

/**
 * Column and field names taken as keys, in SQL and in ORM filters alike: primary keys, and natural
 * keys that are unique by design.
 */
export const PRIMARY_KEYS: ReadonlySet<string> = new Set(['id', '_id', 'uuid', 'key', 'slug', 'email', 'username', 'token', 'code']);

/** `PRIMARY_KEYS` as the tokenizer spells identifiers (upper case). */
export const PRIMARY_KEY_COLUMNS = new Set([...PRIMARY_KEYS].map((name) => name.toUpperCase()));

export const CLAUSE_END = new Set([
  'GROUP',
  'ORDER',
  'LIMIT',
  'HAVING',
  'WINDOW',
  'FOR',
  'OFFSET',
  'FETCH',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'RETURNING',
  'LOCK',
]);

/** `id`, `"id"`, `t.id`, `"t"."id"`: the column name of a (qualified) reference ending at `index`. */
export function columnAt(tokens: Token[], index: number): { column: string; qualifier: string | null; first: number } | null {
  const t = tokens[index];
  if (t?.type !== 'word' && t?.type !== 'quoted') return null;
  const dot = tokens[index - 1];
  if (dot?.type === 'op' && dot.text === '.') {
    const q = tokens[index - 2];
    if (q?.type === 'word' || q?.type === 'quoted') return { column: t.text, qualifier: q.text, first: index - 2 };
  }
  return { column: t.text, qualifier: null, first: index };
}

/**
 * `WHERE` conjunct `[q.]col = ANY($1)` or `[q.]col IN ($1, $2)` for any column: rows matching a
 * list the caller passes, a few per element (unlike `status IN ('a', 'b')`, the code's own list).
 */
function isCallerListConjunct(tokens: Token[]): boolean {
  let at: number;
  const row = tokens[0]?.type === 'open';
  if (tokens[0]?.type === 'word' && tokens[1]?.type === 'open') {
    // `LOWER(email) IN (?, ?)`: a function of the column.
    at = closingIndex(tokens, 1) + 1;
  } else if (row) {
    // `(product_id, option_id) IN ((?, ?), …)`: a row of columns against the caller's rows.
    at = closingIndex(tokens, 0) + 1;
    if (
      at <= 1 ||
      !tokens
        .slice(1, at - 1)
        .every((t) => t.type === 'word' || t.type === 'quoted' || (t.type === 'op' && (t.text === ',' || t.text === '.')))
    )
      return false;
  } else {
    const end = tokens[1]?.type === 'op' && tokens[1].text === '.' ? 2 : 0;
    const left = columnAt(tokens, end);
    if (!left || left.first !== 0) return false;
    at = end + 1;
  }
  const op = tokens[at];
  if (op?.type === 'op' && op.text === '=' && isWord(tokens[at + 1], 'ANY') && tokens[at + 2]?.type === 'open') {
    return isParameter(tokens[at + 3]) && skipValue(tokens, at + 3) === tokens.length - 1 && tokens.at(-1)?.type === 'close';
  }
  if (isWord(op, 'IN') && tokens[at + 1]?.type === 'open' && tokens.at(-1)?.type === 'close') {
    const inner = tokens.slice(at + 2, -1);
    const inList = (x: Token) =>
      isValueToken(x) || (x.type === 'op' && x.text === ',') || (row && (x.type === 'open' || x.type === 'close'));
    return inner.some(isParameter) && inner.every(inList);
  }
  return false;
}

/**
 * `WHERE` conjunct that selects by keys: `[q.]id = value`, `value = [q.]id`, `[q.]id IN (values)`,
 * `[q.]id = ANY(value)`, or any column against the caller's list.
 */
export function isKeyConjunct(tokens: Token[]): boolean {
  if (isCallerListConjunct(tokens)) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.depth !== tokens[0]!.depth) continue;
    if (t.type === 'op' && t.text === '=') {
      const left = columnAt(tokens, i - 1);
      const right = tokens[i + 1];
      if (left && PRIMARY_KEY_COLUMNS.has(left.column) && left.first === 0) {
        if (isValueToken(right) && tokens.length === i + 2) return true;
        if (right?.type === 'op' && right.text === '-' && tokens[i + 2]?.type === 'number' && tokens.length === i + 3) return true;
        if (isWord(right, 'ANY') && tokens[i + 2]?.type === 'open' && isValueToken(tokens[i + 3]) && tokens[i + 4]?.type === 'close') {
          return tokens.length === i + 5;
        }
      }
      const rightColumn = columnAt(tokens, tokens.length - 1);
      if (i === 1 && isValueToken(tokens[0]) && rightColumn && rightColumn.first === i + 1 && PRIMARY_KEY_COLUMNS.has(rightColumn.column)) {
        return true;
      }
    }
    if (isWord(t, 'IN') && tokens[i + 1]?.type === 'open') {
      const left = columnAt(tokens, i - 1);
      if (!left || left.first !== 0 || !PRIMARY_KEY_COLUMNS.has(left.column)) continue;
      const inner = tokens.slice(i + 2, -1);
      const closes = tokens.at(-1)?.type === 'close';
      const onlyValues = inner.every((x) => isValueToken(x) || (x.type === 'op' && x.text === ','));
      return closes && inner.length > 0 && onlyValues;
    }
  }
  return false;
}

/** Splits tokens at top-level `AND` (not the `AND` of `BETWEEN … AND …`); null when an `OR` is at the top level. */
export function conjuncts(tokens: Token[], depth: number): Token[][] | null {
  const parts: Token[][] = [[]];
  let between = false;
  for (const t of tokens) {
    if (t.depth === depth && isWord(t, 'OR')) return null;
    if (t.depth === depth && isWord(t, 'BETWEEN')) between = true;
    if (t.depth === depth && isWord(t, 'AND')) {
      if (between) between = false;
      else {
        parts.push([]);
        continue;
      }
    }
    parts.at(-1)!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}
