/**
 * A small SQL scanner: is this statement a SELECT that returns an unbounded number of rows?
 *
 * It reads the text a program builds (string literals, template literals, `sql` tags, `+`
 * concatenations), with every interpolation replaced by a hole. It does not parse SQL; it
 * tokenises (strings, quoted identifiers, comments, parameters), tracks parenthesis depth and
 * looks at the keywords of the top-level statement. When it cannot tell, it says `unknown`, and
 * the rule stays quiet.
 */

export { PRIMARY_KEYS } from './conditions.js';
export { judgeSql, looksLikeQuery, type SqlBoundReason, type SqlPiece, type SqlPolicy, type SqlVerdict } from './judge.js';
export { isCatalogTable } from './sources.js';
export { tokenizeSql } from './tokens.js';
