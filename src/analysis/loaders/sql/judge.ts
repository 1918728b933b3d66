/**
 * The judge: whether a statement is a SELECT, and whether it returns a bounded number of rows
 * (LIMIT, TOP, FETCH, ROWNUM, aggregates, keys, catalogs, bounded CTEs), and where ` LIMIT n` goes.
 */

import { CLAUSE_END, conjuncts, isKeyConjunct } from './conditions.js';
import { CATALOG_TABLE, hasAggregate, joinsAreToOne, SCALAR_FUNCTIONS, SEQUENCE_COLUMNS } from './sources.js';
import { closingIndex, HOLE, isOperandPosition, isWord, tokenizeSql, type Token } from './tokens.js';

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

interface SelectPart {
  tokens: Token[];
  depth: number;
}

type PartVerdict = `bounded-${Exclude<SqlBoundReason, 'limit' | 'top' | 'fetch' | 'rownum'>}` | 'unbounded';

/** What a FROM/JOIN reads: a table (`t`, `s.t`, `"db"."s"."t"`), a function call, or `(subquery)`. */
type Source = { kind: 'table' | 'catalog' | 'small' | 'bounded' | 'unknown' };

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

/**
 * How deep parentheses may nest in a statement the judge reads. The judge reads a subquery, a CTE
 * and a parenthesised statement by reading its tokens again, one level deeper: past this depth
 * (no hand-written SQL gets near it) it gives up, so that the stack it uses and the tokens it
 * copies stay proportional to the text.
 */
export const MAX_SQL_DEPTH = 32;

/** Judges a statement given as pieces of text and holes. */
export function judgeSql(pieces: readonly SqlPiece[], policy: SqlPolicy = DEFAULT_POLICY): SqlVerdict {
  const { sql, map } = assemble(pieces);
  const tokens = tokenizeSql(sql);
  if (tokens.some((t) => t.depth > MAX_SQL_DEPTH)) return { kind: 'unknown', why: 'nested too deep' };
  return judgeTokens(tokens, map, policy);
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
  // `#` starts a comment in MySQL (and is an operator in PostgreSQL): what follows it may be a
  // comment running to the end of the line, where an inserted ` LIMIT n` would be commented out.
  const hashComment = body.some((t) => t.type === 'op' && t.text === '#');
  const insertAt = anchor && map && !hashComment ? toSource(map, anchor.end) : null;
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
