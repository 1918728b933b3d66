/**
 * A small SQL scanner: is this statement a SELECT that returns an unbounded number of rows?
 *
 * It reads the text a program builds (string literals, template literals, `sql` tags, `+`
 * concatenations), with every interpolation replaced by a hole. It does not parse SQL; it
 * tokenises (strings, quoted identifiers, comments, parameters), tracks parenthesis depth and
 * looks at the keywords of the top-level statement. When it cannot tell, it says `unknown`, and
 * the rule stays quiet.
 */

/** One piece of the SQL text: static text (with where it sits in the file), or an interpolation. */
export type SqlPiece =
  | {
      kind: 'text';
      text: string;
      /** File offset of `text[0]`, or null when the source is not the text itself. */ sourceStart: number | null;
    }
  | { kind: 'hole' };

export type SqlBoundReason =
  'limit' | 'top' | 'fetch' | 'rownum' | 'aggregate' | 'grouped-aggregate' | 'primary-key' | 'no-from' | 'catalog' | 'small-table' | 'cte';

/** What the caller counts as bounded beyond the SQL itself. */
export interface SqlPolicy {
  /** Whether `SELECT k, count(*) … GROUP BY k` is unbounded (one row per group) rather than a summary. */
  groupedAggregatesUnbounded: boolean;
  /** Tables small by construction (`roles`, `settings`): the project's schema, not its data. */
  isSmallTable: (name: string, kind: 'table') => boolean;
}

const DEFAULT_POLICY: SqlPolicy = { groupedAggregatesUnbounded: false, isSmallTable: () => false };

export type SqlVerdict =
  | { kind: 'not-select' }
  | { kind: 'unknown'; why: string }
  | { kind: 'bounded'; reason: SqlBoundReason }
  | {
      kind: 'unbounded';
      /** File offset where ` LIMIT n` can be inserted, or null when no safe place is known. */
      insertAt: number | null;
      /** `LIMIT` for most dialects; `TOP`/`FETCH FIRST` are named in messages only. */
    };

const HOLE = '\u0001';

type TokenType = 'word' | 'quoted' | 'number' | 'string' | 'param' | 'hole' | 'open' | 'close' | 'op' | 'semi';

interface Token {
  type: TokenType;
  /** Upper-cased text for words; raw text otherwise. */
  text: string;
  start: number;
  end: number;
  /** Parenthesis depth at the token (an opening parenthesis has the depth outside it). */
  depth: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

export function tokenizeSql(sql: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (type: TokenType, start: number, end: number, text = sql.slice(start, end)) => {
    tokens.push({ type, text, start, end, depth });
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === "'") {
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") j++;
          else break;
        }
      }
      push('string', i, Math.min(j + 1, sql.length));
      i = j + 1;
    } else if (c === '"' || c === '`') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      push('quoted', i, stop, sql.slice(i + 1, stop - 1).toUpperCase());
      i = stop;
    } else if (c === '$' && next !== undefined && /\d/.test(next)) {
      let j = i + 1;
      while (j < sql.length && /\d/.test(sql[j]!)) j++;
      push('param', i, j);
      i = j;
    } else if (c === '$' && next !== undefined && /[A-Za-z_$]/.test(next)) {
      // Dollar quoting: $$…$$ or $tag$…$tag$.
      const tagEnd = sql.indexOf('$', i + 1);
      const tag = tagEnd === -1 ? null : sql.slice(i, tagEnd + 1);
      if (tag && /^\$[A-Za-z_]*\$$/.test(tag)) {
        const close = sql.indexOf(tag, tagEnd + 1);
        const stop = close === -1 ? sql.length : close + tag.length;
        push('string', i, stop);
        i = stop;
      } else {
        push('op', i, i + 1);
        i++;
      }
    } else if (c === '?') {
      push('param', i, i + 1);
      i++;
    } else if ((c === ':' || c === '@') && next !== undefined && WORD_START.test(next) && sql[i - 1] !== ':') {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
      push('param', i, j);
      i = j;
    } else if (c === HOLE) {
      push('hole', i, i + 1);
      i++;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
      push('word', i, j, sql.slice(i, j).toUpperCase());
      i = j;
    } else if (/\d/.test(c) || (c === '.' && next !== undefined && /\d/.test(next))) {
      let j = i + 1;
      while (j < sql.length && /[\d.eE]/.test(sql[j]!)) j++;
      push('number', i, j);
      i = j;
    } else if (c === '(') {
      push('open', i, i + 1);
      depth++;
      i++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      push('close', i, i + 1);
      i++;
    } else if (c === ';') {
      push('semi', i, i + 1);
      i++;
    } else {
      const two = sql.slice(i, i + 2);
      const width = ['<=', '>=', '<>', '!=', '||', '::', '->', '#>', '@>', '<@'].includes(two) ? 2 : 1;
      push('op', i, i + width);
      i += width;
    }
  }
  return tokens;
}

const AGGREGATES = new Set([
  'COUNT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'BOOL_AND',
  'BOOL_OR',
  'EVERY',
  'ARRAY_AGG',
  'STRING_AGG',
  'JSON_AGG',
  'JSONB_AGG',
  'JSON_OBJECT_AGG',
  'JSONB_OBJECT_AGG',
  'GROUP_CONCAT',
  'LISTAGG',
  'STDDEV',
  'STDDEV_POP',
  'STDDEV_SAMP',
  'VARIANCE',
  'VAR_POP',
  'VAR_SAMP',
  'BIT_AND',
  'BIT_OR',
  'JSON_ARRAYAGG',
  'JSON_OBJECTAGG',
  'COUNT_BIG',
  'ANY_VALUE',
]);

/** Keywords after which an interpolation is an operand (a value, a name, a condition), never a clause. */
const OPERAND_KEYWORDS = new Set([
  'SELECT',
  'DISTINCT',
  'ALL',
  'FROM',
  'JOIN',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'ON',
  'BY',
  'IN',
  'LIKE',
  'ILIKE',
  'IS',
  'BETWEEN',
  'WHEN',
  'THEN',
  'ELSE',
  'CASE',
  'LIMIT',
  'OFFSET',
  'TOP',
  'FIRST',
  'NEXT',
  'SET',
  'VALUES',
  'INTO',
  'UPDATE',
  'TABLE',
  'AS',
  'HAVING',
  'RETURNING',
  'ANY',
  'SOME',
  'EXISTS',
  'INTERVAL',
  'ESCAPE',
  'USING',
  'OVER',
  'PARTITION',
  'SIMILAR',
  'TO',
  'ARRAY',
  'CAST',
  'DESC',
  'ASC',
  'WITH',
  'RECURSIVE',
  'LATERAL',
]);

/** System catalogs, whose size is the size of the schema, not of the data; and one-row tables (`DUAL`, SAP HANA's `DUMMY`, DB2's `SYSIBM.SYSDUMMY1`). */
const CATALOG_TABLE =
  /^(?:INFORMATION_SCHEMA|PG_CATALOG|PG_[A-Z_]+|SQLITE_MASTER|SQLITE_SCHEMA|SQLITE_TEMP_MASTER|SQLITE_SEQUENCE|PRAGMA_[A-Z_]+|SYS|MYSQL|PERFORMANCE_SCHEMA|DUAL|DUMMY|SYSIBM|GLOBAL_NAME|SYSDATABASES|SYSOBJECTS|SYSCOLUMNS|SYSINDEXES|SYSUSERS|V\$[A-Z_$]+|ALL_[A-Z_]+|USER_[A-Z_]+|DBA_[A-Z_]+|DUCKDB_[A-Z_]+)$/;

/** Whether a table name (`pg_proc`, `information_schema.columns`) is a system catalog. */
export function isCatalogTable(name: string): boolean {
  const first = name
    .replace(/["`[\]]/g, '')
    .split('.')[0]!
    .toUpperCase();
  return CATALOG_TABLE.test(first);
}

/**
 * Column and field names taken as keys, in SQL and in ORM filters alike: primary keys, and natural
 * keys that are unique by design.
 */
export const PRIMARY_KEYS: ReadonlySet<string> = new Set(['id', '_id', 'uuid', 'key', 'slug', 'email', 'username', 'token', 'code']);

/** `PRIMARY_KEYS` as the tokenizer spells identifiers (upper case). */
const PRIMARY_KEY_COLUMNS = new Set([...PRIMARY_KEYS].map((name) => name.toUpperCase()));

const CLAUSE_END = new Set([
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

const isWord = (t: Token | undefined, ...words: string[]) => t?.type === 'word' && words.includes(t.text);

/** Whether an interpolation after `previous` is an operand rather than a clause of its own. */
function isOperandPosition(previous: Token | undefined): boolean {
  if (!previous) return false;
  switch (previous.type) {
    case 'op':
    case 'open':
      return true;
    case 'word':
      return OPERAND_KEYWORDS.has(previous.text);
    default:
      return false;
  }
}

function isValueToken(t: Token | undefined): boolean {
  return t?.type === 'param' || t?.type === 'hole' || t?.type === 'number' || t?.type === 'string';
}

/** `id`, `"id"`, `t.id`, `"t"."id"`: the column name of a (qualified) reference ending at `index`. */
function columnAt(tokens: Token[], index: number): { column: string; qualifier: string | null; first: number } | null {
  const t = tokens[index];
  if (t?.type !== 'word' && t?.type !== 'quoted') return null;
  const dot = tokens[index - 1];
  if (dot?.type === 'op' && dot.text === '.') {
    const q = tokens[index - 2];
    if (q?.type === 'word' || q?.type === 'quoted') return { column: t.text, qualifier: q.text, first: index - 2 };
  }
  return { column: t.text, qualifier: null, first: index };
}

/** Past a value and its casts (`$1`, `$1::bigint[]`, `?::text`): the index after it, or -1. */
function skipValue(tokens: Token[], i: number): number {
  if (!isValueToken(tokens[i])) return -1;
  let j = i + 1;
  while (tokens[j]?.type === 'op' && tokens[j]!.text === '::' && tokens[j + 1]?.type === 'word') {
    j += 2;
    while (tokens[j]?.text === '[' && tokens[j + 1]?.text === ']') j += 2;
  }
  return j;
}

/** A parameter, an interpolation, or a quoted interpolation (`'${name}'`): a value the caller passes. */
const isParameter = (t: Token | undefined) => t?.type === 'param' || t?.type === 'hole' || (t?.type === 'string' && t.text.includes(HOLE));

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
function isKeyConjunct(tokens: Token[]): boolean {
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
function conjuncts(tokens: Token[], depth: number): Token[][] | null {
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

interface SelectPart {
  tokens: Token[];
  depth: number;
}

/** Table names and aliases a `JOIN` brings in, and whether its `ON` matches the joined table's key. */
function joinsAreToOne(tokens: Token[], depth: number): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.depth !== depth || !isWord(t, 'JOIN')) continue;
    const names = new Set<string>();
    let j = i + 1;
    if (isWord(tokens[j], 'LATERAL') || tokens[j]?.type === 'open') return false;
    while (
      tokens[j] &&
      (tokens[j]!.type === 'word' || tokens[j]!.type === 'quoted' || (tokens[j]!.type === 'op' && tokens[j]!.text === '.'))
    ) {
      if (isWord(tokens[j], 'ON', 'USING')) break;
      if (tokens[j]!.type !== 'op' && !isWord(tokens[j], 'AS')) names.add(tokens[j]!.text);
      j++;
    }
    if (!isWord(tokens[j], 'ON')) return false;
    let toOne = false;
    for (let k = j + 1; k < tokens.length; k++) {
      const u = tokens[k]!;
      if (
        u.depth === depth &&
        (isWord(u, 'JOIN', 'WHERE', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS', 'OUTER') || CLAUSE_END.has(u.type === 'word' ? u.text : ''))
      )
        break;
      if ((u.type === 'word' || u.type === 'quoted') && PRIMARY_KEY_COLUMNS.has(u.text)) {
        const column = columnAt(tokens, k);
        if (column?.qualifier && names.has(column.qualifier)) toOne = true;
      }
    }
    if (!toOne) return false;
  }
  return true;
}

const SEQUENCE_COLUMNS = new Set(['LAST_VALUE', 'IS_CALLED', 'LOG_CNT']);

/**
 * Whether a select list aggregates: an aggregate call at any depth (`COALESCE(MAX(v), 0)`), but
 * not inside a scalar subquery and not a window function (`count(*) OVER (…)` keeps every row).
 */
function hasAggregate(selectList: Token[], depth: number): boolean {
  const subqueryDepths: number[] = [];
  for (let i = 0; i < selectList.length; i++) {
    const t = selectList[i]!;
    if (t.type === 'open' && isWord(selectList[i + 1], 'SELECT', 'WITH')) subqueryDepths.push(t.depth);
    if (t.type === 'close' && subqueryDepths.at(-1) === t.depth) subqueryDepths.pop();
    if (subqueryDepths.length > 0 || t.type !== 'word' || !AGGREGATES.has(t.text) || selectList[i + 1]?.type !== 'open' || t.depth < depth)
      continue;
    const close = selectList.findIndex((u, k) => k > i + 1 && u.type === 'close' && u.depth === t.depth);
    if (close === -1 || !isWord(selectList[close + 1], 'OVER')) return true;
  }
  return false;
}

type PartVerdict = `bounded-${Exclude<SqlBoundReason, 'limit' | 'top' | 'fetch' | 'rownum'>}` | 'unbounded';

/** What a FROM/JOIN reads: a table (`t`, `s.t`, `"db"."s"."t"`), a function call, or `(subquery)`. */
type Source = { kind: 'table' | 'catalog' | 'small' | 'bounded' | 'unknown' };

/** Functions that return one row: `FROM current_database()`. */
const SCALAR_FUNCTIONS = new Set([
  'CURRENT_DATABASE',
  'CURRENT_SCHEMA',
  'CURRENT_USER',
  'SESSION_USER',
  'VERSION',
  'NOW',
  'DATABASE',
  'SCHEMA',
  'USER',
]);

function readSource(tokens: Token[], start: number, ctes: ReadonlyMap<string, boolean | null>, policy: SqlPolicy): Source {
  const first = tokens[start];
  if (!first) return { kind: 'table' };
  if (first.type === 'open') {
    const close = closingIndex(tokens, start);
    const inner = tokens.slice(start + 1, close).map((t) => ({ ...t, depth: t.depth - first.depth - 1 }));
    if (inner.length === 1 && inner[0]!.type === 'hole') return { kind: 'unknown' };
    const verdict = judgeTokens(inner, null, policy);
    if (verdict.kind === 'bounded') return { kind: 'bounded' };
    return verdict.kind === 'unknown' ? { kind: 'unknown' } : { kind: 'table' };
  }
  if (isWord(first, 'LATERAL')) return { kind: 'table' };
  // A dotted name: any catalog segment (`"db"."INFORMATION_SCHEMA"."TABLES"`, `sys.objects`) makes it one.
  const segments: Token[] = [];
  let i = start;
  while (tokens[i] && (tokens[i]!.type === 'word' || tokens[i]!.type === 'quoted' || tokens[i]!.type === 'hole')) {
    segments.push(tokens[i]!);
    if (tokens[i + 1]?.type === 'op' && (tokens[i + 1]!.text === '.' || tokens[i + 1]!.text === '@')) i += 2;
    else break;
  }
  if (segments.some((t) => t.type !== 'hole' && CATALOG_TABLE.test(t.text))) return { kind: 'catalog' };
  const last = segments.at(-1);
  if (last && last.type !== 'hole' && tokens[i + 1]?.type === 'open') {
    // `FROM current_database()` is one row; `FROM complete_jobs($1)` returns what the function
    // chooses to, which the text does not show.
    return SCALAR_FUNCTIONS.has(last.text) ? { kind: 'bounded' } : { kind: 'unknown' };
  }
  if (segments.length === 1 && last && ctes.has(last.text)) {
    const bounded = ctes.get(last.text);
    return bounded === true ? { kind: 'bounded' } : bounded === null ? { kind: 'unknown' } : { kind: 'table' };
  }
  return last && last.type !== 'hole' && policy.isSmallTable(last.text, 'table') ? { kind: 'small' } : { kind: 'table' };
}

function judgePart(part: SelectPart, ctes: ReadonlyMap<string, boolean | null>, policy: SqlPolicy): PartVerdict | 'unknown' {
  const { tokens, depth } = part;
  const top = (t: Token) => t.depth === depth;
  const fromIndex = tokens.findIndex((t) => top(t) && isWord(t, 'FROM'));
  if (fromIndex === -1) return 'bounded-no-from';
  // What each FROM/JOIN reads: a (qualified) table, a scalar function, or a derived table.
  const sources: Source[] = [];
  for (let i = fromIndex; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!top(t) || !isWord(t, 'FROM', 'JOIN')) continue;
    sources.push(readSource(tokens, i + 1, ctes, policy));
  }
  if (sources.some((s) => s.kind === 'unknown')) return 'unknown';
  if (sources.length > 0 && sources.every((s) => s.kind !== 'table')) {
    return sources.some((s) => s.kind === 'catalog')
      ? 'bounded-catalog'
      : sources.some((s) => s.kind === 'small')
        ? 'bounded-small-table'
        : 'bounded-cte';
  }
  const hasGroupBy = tokens.some((t, i) => top(t) && isWord(t, 'GROUP') && isWord(tokens[i + 1], 'BY'));
  const selectList = tokens.slice(0, fromIndex);
  if (hasAggregate(selectList, depth)) {
    if (!hasGroupBy) return 'bounded-aggregate';
    if (!policy.groupedAggregatesUnbounded) return 'bounded-grouped-aggregate';
  }
  // `SELECT last_value FROM some_seq`: a sequence has one row.
  const columns = selectList.filter((t) => t.type === 'word' && t.depth === depth && t.text !== 'SELECT');
  if (columns.length > 0 && columns.every((t) => SEQUENCE_COLUMNS.has(t.text))) return 'bounded-aggregate';
  const whereIndex = tokens.findIndex((t) => top(t) && isWord(t, 'WHERE'));
  if (whereIndex !== -1) {
    let end = whereIndex + 1;
    while (end < tokens.length && !(top(tokens[end]!) && tokens[end]!.type === 'word' && CLAUSE_END.has(tokens[end]!.text))) end++;
    const parts = conjuncts(tokens.slice(whereIndex + 1, end), depth);
    if (parts?.some(isKeyConjunct) && joinsAreToOne(tokens.slice(fromIndex, whereIndex), depth)) return 'bounded-primary-key';
  }
  return 'unbounded';
}

/** Concatenates pieces into scan text (holes become one marker character) and remembers where text came from. */
function assemble(pieces: readonly SqlPiece[]): { sql: string; map: { scanStart: number; scanEnd: number; sourceStart: number | null }[] } {
  let sql = '';
  const map: { scanStart: number; scanEnd: number; sourceStart: number | null }[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'hole') {
      sql += HOLE;
      continue;
    }
    map.push({ scanStart: sql.length, scanEnd: sql.length + piece.text.length, sourceStart: piece.sourceStart });
    sql += piece.text;
  }
  return { sql, map };
}

function toSource(map: ReturnType<typeof assemble>['map'], position: number): number | null {
  const inside = map.find((m) => m.scanStart < position && position <= m.scanEnd) ?? map.find((m) => m.scanStart === position);
  if (!inside || inside.sourceStart === null) return null;
  return inside.sourceStart + (position - inside.scanStart);
}

/**
 * The index of the main `SELECT` of a statement (after a `WITH` list), or -1 when it is not a
 * query; and the names of the common table expressions that return a bounded number of rows.
 */
function mainSelect(tokens: Token[], policy: SqlPolicy): { index: number; ctes: Map<string, boolean | null> } {
  /** CTE name → bounded (true), unbounded (false), or not a query / unknown (null). */
  const ctes = new Map<string, boolean | null>();
  const first = tokens[0];
  if (isWord(first, 'SELECT')) return { index: 0, ctes };
  if (!isWord(first, 'WITH')) return { index: -1, ctes };
  let i = isWord(tokens[1], 'RECURSIVE') ? 2 : 1;
  // name [(columns)] AS [[NOT] MATERIALIZED] ( body ) [, …]
  while (i < tokens.length) {
    const name = tokens[i];
    if (name?.type !== 'word' && name?.type !== 'quoted') break;
    i++;
    if (tokens[i]?.type === 'open') i = closingIndex(tokens, i) + 1;
    if (!isWord(tokens[i], 'AS')) break;
    i++;
    if (isWord(tokens[i], 'NOT')) i++;
    if (isWord(tokens[i], 'MATERIALIZED')) i++;
    if (tokens[i]?.type !== 'open') break;
    const close = closingIndex(tokens, i);
    const body = tokens.slice(i + 1, close).map((t) => ({ ...t, depth: t.depth - 1 }));
    const verdict = judgeTokens(body, null, policy);
    ctes.set(name.text, verdict.kind === 'bounded' ? true : verdict.kind === 'unbounded' ? false : null);
    i = close + 1;
    if (tokens[i]?.type === 'op' && tokens[i]!.text === ',') i++;
    else break;
  }
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.depth !== 0 || t.type !== 'word') continue;
    if (t.text === 'SELECT') return { index: j, ctes };
    if (['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE'].includes(t.text)) return { index: -1, ctes };
  }
  return { index: -1, ctes };
}

function closingIndex(tokens: Token[], open: number): number {
  const depth = tokens[open]!.depth;
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i]!.type === 'close' && tokens[i]!.depth === depth) return i;
  }
  return tokens.length - 1;
}

/** Judges a statement given as pieces of text and holes. */
export function judgeSql(pieces: readonly SqlPiece[], policy: SqlPolicy = DEFAULT_POLICY): SqlVerdict {
  const { sql, map } = assemble(pieces);
  return judgeTokens(tokenizeSql(sql), map, policy);
}

function judgeTokens(all: Token[], map: ReturnType<typeof assemble>['map'] | null, policy: SqlPolicy): SqlVerdict {
  let tokens = all;
  // A statement wrapped in parentheses: `(SELECT …)`.
  while (
    tokens[0]?.type === 'open' &&
    tokens.at(-1)?.type === 'close' &&
    tokens.every((t, i) => i === 0 || i === tokens.length - 1 || t.depth > tokens[0]!.depth)
  ) {
    tokens = tokens.slice(1, -1).map((t) => ({ ...t, depth: t.depth - 1 }));
  }
  const firstSemi = tokens.findIndex((t) => t.type === 'semi');
  if (firstSemi !== -1) {
    if (tokens.slice(firstSemi).some((t) => t.type !== 'semi')) return { kind: 'unknown', why: 'several statements' };
    tokens = tokens.slice(0, firstSemi);
  }
  if (tokens[0]?.type === 'hole') return { kind: 'unknown', why: 'starts with an interpolation' };
  const { index: start, ctes } = mainSelect(tokens, policy);
  if (start === -1) return { kind: 'not-select' };
  const body = tokens.slice(start);
  const top = (t: Token) => t.depth === 0;

  // SELECT … INTO writes rows somewhere; it does not return them.
  const firstFrom = body.findIndex((t) => top(t) && isWord(t, 'FROM'));
  const selectList = firstFrom === -1 ? body : body.slice(0, firstFrom);
  if (selectList.some((t) => top(t) && isWord(t, 'INTO'))) return { kind: 'not-select' };

  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (!top(t)) {
      if (isWord(t, 'ROWNUM')) return { kind: 'bounded', reason: 'rownum' };
      continue;
    }
    if (isWord(t, 'LIMIT') && !isWord(body[i + 1], 'ALL')) return { kind: 'bounded', reason: 'limit' };
    if (isWord(t, 'FETCH') && isWord(body[i + 1], 'FIRST', 'NEXT')) return { kind: 'bounded', reason: 'fetch' };
    if (isWord(t, 'ROWNUM')) return { kind: 'bounded', reason: 'rownum' };
    if (isWord(t, 'TOP') && (isWord(body[i - 1], 'SELECT') || (isWord(body[i - 1], 'DISTINCT', 'ALL') && isWord(body[i - 2], 'SELECT')))) {
      return { kind: 'bounded', reason: 'top' };
    }
  }

  // Compound queries: every part must be bounded on its own.
  const parts: SelectPart[] = [];
  let current: Token[] = [];
  for (const t of body) {
    if (top(t) && isWord(t, 'UNION', 'INTERSECT', 'EXCEPT')) {
      parts.push({ tokens: current, depth: 0 });
      current = [];
      continue;
    }
    current.push(t);
  }
  parts.push({ tokens: current, depth: 0 });
  const verdicts = parts.map((part) => {
    // `(SELECT …) UNION (SELECT …)`: judge the inside.
    const inner = part.tokens.filter((t) => !(isWord(t, 'ALL', 'DISTINCT') && t === part.tokens[0]));
    if (inner[0]?.type === 'open') {
      const closeAt = inner.findIndex((t, i) => i > 0 && t.type === 'close' && t.depth === 0);
      return judgePart({ tokens: inner.slice(1, closeAt === -1 ? undefined : closeAt), depth: 1 }, ctes, policy);
    }
    return judgePart({ tokens: inner, depth: 0 }, ctes, policy);
  });
  if (verdicts.includes('unknown')) return { kind: 'unknown', why: 'reads a source it cannot see' };
  if (verdicts.every((v) => v !== 'unbounded')) {
    const reason = (verdicts.find((v) => v !== 'bounded-no-from') ?? 'bounded-no-from') as PartVerdict;
    return { kind: 'bounded', reason: reason.slice('bounded-'.length) as SqlBoundReason };
  }

  // An interpolation in clause position (`… WHERE a = 1 ${paging}`) may be the LIMIT we cannot see.
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (t.type === 'hole' && top(t) && !isOperandPosition(body[i - 1])) return { kind: 'unknown', why: 'interpolated clause' };
  }

  // Where ` LIMIT n` goes: after the last token, before a locking clause or an OFFSET.
  let insertToken = body.length;
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (!top(t)) continue;
    if ((isWord(t, 'FOR') && isWord(body[i + 1], 'UPDATE', 'SHARE', 'NO', 'KEY')) || (isWord(t, 'LOCK') && isWord(body[i + 1], 'IN'))) {
      insertToken = i;
      break;
    }
    if (isWord(t, 'OFFSET')) {
      insertToken = i;
      break;
    }
  }
  const anchor = body[insertToken - 1];
  const insertAt = anchor && map ? toSource(map, anchor.end) : null;
  return { kind: 'unbounded', insertAt };
}

/** Whether static text starts like a query (`SELECT`, `WITH`, `(SELECT`), ignoring comments. */
export function looksLikeQuery(text: string): boolean {
  const head = text.slice(0, 400);
  // Most strings passed to `query()` are DDL, writes or not SQL at all: no tokenizing for those.
  if (!/select|with/i.test(head)) return false;
  const first = tokenizeSql(head).find((t) => t.type !== 'open');
  return isWord(first, 'SELECT', 'WITH');
}
