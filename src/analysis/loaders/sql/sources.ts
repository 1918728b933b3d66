/**
 * What a query reads from and what its select list does: system catalogs, one-row functions,
 * joins that match one row each, and aggregates.
 */

import { CLAUSE_END, columnAt, PRIMARY_KEY_COLUMNS } from './conditions.js';
import { closingIndex, isWord, type Token } from './tokens.js';

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

/** System catalogs, whose size is the size of the schema, not of the data; and one-row tables (`DUAL`, SAP HANA's `DUMMY`, DB2's `SYSIBM.SYSDUMMY1`). */
export const CATALOG_TABLE =
  /^(?:INFORMATION_SCHEMA|PG_CATALOG|PG_[A-Z_]+|SQLITE_MASTER|SQLITE_SCHEMA|SQLITE_TEMP_MASTER|SQLITE_SEQUENCE|PRAGMA_[A-Z_]+|SYS|MYSQL|PERFORMANCE_SCHEMA|DUAL|DUMMY|SYSIBM|GLOBAL_NAME|SYSDATABASES|SYSOBJECTS|SYSCOLUMNS|SYSINDEXES|SYSUSERS|V\$[A-Z_$]+|ALL_[A-Z_]+|USER_[A-Z_]+|DBA_[A-Z_]+|DUCKDB_[A-Z_]+)$/;

/** Whether a table name (`pg_proc`, `information_schema.columns`) is a system catalog. */
export function isCatalogTable(name: string): boolean {
  const first = name
    .replace(/["`[\]]/g, '')
    .split('.')[0]!
    .toUpperCase();
  return CATALOG_TABLE.test(first);
}

/** Table names and aliases a `JOIN` brings in, and whether its `ON` matches the joined table's key. */
export function joinsAreToOne(tokens: Token[], depth: number): boolean {
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

export const SEQUENCE_COLUMNS = new Set(['LAST_VALUE', 'IS_CALLED', 'LOG_CNT']);

/**
 * Whether a select list aggregates: an aggregate call at any depth (`COALESCE(MAX(v), 0)`), but
 * not inside a scalar subquery and not a window function (`count(*) OVER (…)` keeps every row).
 */
export function hasAggregate(selectList: Token[], depth: number): boolean {
  const subqueryDepths: number[] = [];
  for (let i = 0; i < selectList.length; i++) {
    const t = selectList[i]!;
    if (t.type === 'open' && isWord(selectList[i + 1], 'SELECT', 'WITH')) subqueryDepths.push(t.depth);
    if (t.type === 'close' && subqueryDepths.at(-1) === t.depth) subqueryDepths.pop();
    if (subqueryDepths.length > 0 || t.type !== 'word' || !AGGREGATES.has(t.text) || selectList[i + 1]?.type !== 'open' || t.depth < depth)
      continue;
    // From the call's own parenthesis, not from the start: a select list of many windows stays linear.
    const close = closingIndex(selectList, i + 1);
    if (!isWord(selectList[close + 1], 'OVER')) return true;
  }
  return false;
}

/** Functions that return one row: `FROM current_database()`. */
export const SCALAR_FUNCTIONS = new Set([
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
