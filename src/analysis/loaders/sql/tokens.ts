/**
 * The tokens of SQL text: words, quoted identifiers, strings, parameters, interpolation holes,
 * parentheses (with their depth) and operators; and the small tests the readers ask of them.
 */

export const HOLE = '\u0001';

type TokenType = 'word' | 'quoted' | 'number' | 'string' | 'param' | 'hole' | 'open' | 'close' | 'op' | 'semi';

export interface Token {
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

export const isWord = (t: Token | undefined, ...words: string[]) => t?.type === 'word' && words.includes(t.text);

/** Whether an interpolation after `previous` is an operand rather than a clause of its own. */
export function isOperandPosition(previous: Token | undefined): boolean {
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

export function isValueToken(t: Token | undefined): boolean {
  return t?.type === 'param' || t?.type === 'hole' || t?.type === 'number' || t?.type === 'string';
}

/** Past a value and its casts (`$1`, `$1::bigint[]`, `?::text`): the index after it, or -1. */
export function skipValue(tokens: Token[], i: number): number {
  if (!isValueToken(tokens[i])) return -1;
  let j = i + 1;
  while (tokens[j]?.type === 'op' && tokens[j]!.text === '::' && tokens[j + 1]?.type === 'word') {
    j += 2;
    while (tokens[j]?.text === '[' && tokens[j + 1]?.text === ']') j += 2;
  }
  return j;
}

/** A parameter, an interpolation, or a quoted interpolation (`'${name}'`): a value the caller passes. */
export const isParameter = (t: Token | undefined) =>
  t?.type === 'param' || t?.type === 'hole' || (t?.type === 'string' && t.text.includes(HOLE));

export function closingIndex(tokens: Token[], open: number): number {
  const depth = tokens[open]!.depth;
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i]!.type === 'close' && tokens[i]!.depth === depth) return i;
  }
  return tokens.length - 1;
}
