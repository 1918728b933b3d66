import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { dottedName, enclosingFunction, lastName, literalString, memberPropertyName, propertyKeyName, unwrap, wordsOf } from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { scopeOf } from '../js/scopes.js';
import { NOT_ROWS } from './full-loads.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * What a request to a remote source looks like from the call alone: a named call (not `Math`,
 * `JSON` or `parseInt`) whose name reads (`fetchChanges`, `api.get`, `doRequest`, `segmentChangesFetcher`),
 * that does not write (`saveCheckpoint`, `'POST'`, `INSERT …`), reads rows rather than ids or keys,
 * asks for no bounded page (`limit`, `per_page`, `?first=`) and whose result is waited for.
 * Used by `remote-loads.ts` for the shapes a marker selects such a request in.
 */

/** Text longer than this is not searched for a URL's bound. */
const MAX_TEXT = 4096;

/** Variables followed from a value to the call it reaches: `path` → `url` → `this.get(url)`. */
export const MAX_HOPS = 2;
/** Steps walked up from a value to the call that takes it, or from a call to what consumes it. */
const MAX_CLIMB = 12;

/** Keys of a request's options, and names of its arguments, that ask for one bounded page. */
const BOUND_NAMES = new Set([
  'limit',
  'take',
  'top',
  '$top',
  'first',
  'max',
  'maxResults',
  'max_results',
  'maxCount',
  'maxItems',
  'max_items',
  'pageSize',
  'page_size',
  'perPage',
  'per_page',
  'batchSize',
  'batch_size',
  'pageLimit',
  'count',
  'size',
]);
/** Words of a name that make its value a page's bound: `pageLimit`, `batchSize`, `maxCount`. */
const BOUND_WORDS = new Set(['limit', 'take', 'top', 'max', 'size', 'count']);

function isBoundName(name: string | null): boolean {
  return name !== null && (BOUND_NAMES.has(name) || wordsOf(name).some((word) => BOUND_WORDS.has(word)));
}

/** Keys under which a request nests its query: `{ params: { limit } }`, `{ qs: { per_page } }`. */
const NESTED_OPTIONS = new Set(['params', 'qs', 'query', 'searchParams', 'options', 'body', 'data']);
/** The same names as a URL's query parameters: `?limit=100`, `&per_page=50`. */
const URL_BOUND = /[?&](?:limit|take|top|\$top|first|max|max_?results|max_?count|page_?size|per_?page|batch_?size|count|size)=/i;

/** Words of a callee's name that say it writes, not reads (`save`, `insertRows`, `postEvent`). */
const WRITE_WORDS = new Set([
  'set',
  'save',
  'insert',
  'update',
  'upsert',
  'put',
  'post',
  'patch',
  'write',
  'emit',
  'send',
  'publish',
  'delete',
  'remove',
  'del',
  'add',
  'push',
  'create',
  'log',
  'track',
  'store',
  'commit',
  'ack',
  'mark',
  'record',
  'notify',
  'incr',
  'increment',
  'zadd',
  'hset',
]);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** SQL that writes, as a request's first words: `runQuery('INSERT INTO events …', { seq })`. */
const SQL_WRITE = /^\s*(?:insert|update|delete|upsert|replace|merge)\b/i;
/** First words of a callee's name that say it reads from a source: `fetchChanges`, `api.get`, `client.sync`. */
const READ_VERBS = new Set([
  'fetch',
  'get',
  'list',
  'load',
  'pull',
  'read',
  'sync',
  'synchronize',
  'query',
  'find',
  'request',
  'download',
  'poll',
  'watch',
  'replicate',
  'subscribe',
  'follow',
  'export',
]);
/** Words anywhere in it that say the same: `segmentChangesFetcher`, `updatesFeed`. */
const READ_NOUNS = new Set(['changes', 'feed', 'fetcher', 'loader', 'updates', 'delta', 'since']);
/** Read verbs that also name a local lookup: `getFeatureResult`, `findRule`, `readConfig`. */
const LOOKUP_VERBS = new Set(['get', 'find', 'read']);
/** First words that only say a verb follows: `doRequest`, `performSync`. */
const AUXILIARIES = new Set(['do', 'try', 'perform']);
/** Roots of calls that compute locally: `Math.max(since ?? 0, …)`, `new Date(since || 0)` (a `new`, never a call), `JSON.parse`. */
const LOCAL_ROOTS = new Set([
  'Math',
  'JSON',
  'Object',
  'Number',
  'String',
  'Array',
  'Date',
  'Promise',
  'console',
  'Buffer',
  'Reflect',
  'BigInt',
  'Symbol',
]);
const LOCAL_FUNCTIONS = new Set([
  'parseInt',
  'parseFloat',
  'encodeURIComponent',
  'decodeURIComponent',
  'Number',
  'String',
  'Boolean',
  'BigInt',
  'require',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'isNaN',
  'isFinite',
]);
const PROMISE_COMBINATORS = new Set(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);

/** The callee as a dotted path (`this.client.get`), or null for what cannot be named or only computes. */
export function remoteCallee(call: TSESTree.CallExpression): string | null {
  const name = dottedName(call.callee);
  if (name === null) return null;
  const dot = name.indexOf('.');
  if (dot === -1 ? LOCAL_FUNCTIONS.has(name) : LOCAL_ROOTS.has(name.slice(0, dot))) return null;
  return name;
}

/** The words of the callee's own name: `this.api.fetchChanges` → fetch, changes. */
function calleeWords(name: string): string[] {
  return wordsOf(name.slice(name.lastIndexOf('.') + 1));
}

/** Whether the call writes: its name says so (`saveCheckpoint`), or it sends `'POST'` or `{ method: 'PUT' }`. */
function writes(call: TSESTree.CallExpression, name: string): boolean {
  if (calleeWords(name).some((word) => WRITE_WORDS.has(word))) return true;
  for (const argument of call.arguments) {
    const target = unwrap(argument);
    const text = literalString(target);
    if (text !== null && WRITE_METHODS.has(text.toUpperCase())) return true;
    const leading = target.type === AST_NODE_TYPES.TemplateLiteral ? target.quasis[0]!.value.cooked : text;
    if (leading && SQL_WRITE.test(leading)) return true;
    if (target.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== 'method') continue;
      const method = literalString(property.value);
      if (method !== null && WRITE_METHODS.has(method.toUpperCase())) return true;
    }
  }
  return false;
}

/** Whether the call reads ids, keys or a count (`fetchSegmentIds`, `listAllKeys`), not rows. */
function readsNoRows(name: string): boolean {
  return NOT_ROWS.has(calleeWords(name).at(-1) ?? '');
}

/** Whether an options object (or one nested under `params`, `qs`, …) asks for one bounded page. */
function objectBounded(object: TSESTree.ObjectExpression, nested: boolean): boolean {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (key === null) continue;
    if (isBoundName(key)) return true;
    const value = unwrap(property.value);
    if (nested && NESTED_OPTIONS.has(key) && value.type === AST_NODE_TYPES.ObjectExpression && objectBounded(value, false)) return true;
  }
  return false;
}

/** Whether a request value asks for one page: an options object with a bound, a URL with `?limit=`, a `limit` argument. */
export function valueBounded(value: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(value);
  switch (target.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return objectBounded(target, true);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return isBoundName(lastName(target));
    case AST_NODE_TYPES.LogicalExpression:
      // `pageLimit || 0`, `opts.limit ?? 100`
      return isBoundName(lastName(target.left));
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
      return target.range[1] - target.range[0] <= MAX_TEXT && URL_BOUND.test(sourceCode.getText(target));
    default:
      return false;
  }
}

function callBounded(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  return call.arguments.some((argument) => valueBounded(argument, sourceCode));
}

/**
 * How a call's result is consumed, as a request's is: `waited` (awaited, yielded, `then`-ed, one of
 * `Promise.all([…])`'s, returned by an async function), `returned`, or not at all (null): a call whose
 * value is used on the spot (`versions.get(rev ?? 0)`, `format(since || 0)`) computes; it does not fetch.
 */
function consumption(call: TSESTree.CallExpression): 'waited' | 'returned' | null {
  let node: Node = call;
  for (let steps = 0; steps < MAX_CLIMB && node.parent; steps++) {
    const parent: Node = node.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
        return 'waited';
      case AST_NODE_TYPES.ReturnStatement:
        return enclosingFunction(parent)?.async ? 'waited' : 'returned';
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body !== node ? null : parent.async ? 'waited' : 'returned';
      case AST_NODE_TYPES.MemberExpression: {
        const method = parent.object === node ? memberPropertyName(parent) : null;
        const then =
          (method === 'then' || method === 'catch' || method === 'finally') && parent.parent?.type === AST_NODE_TYPES.CallExpression;
        return then ? 'waited' : null;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return null;
        break;
      case AST_NODE_TYPES.CallExpression: {
        const name = dottedName(parent.callee);
        if (parent.callee === node || name === null || !PROMISE_COMBINATORS.has(name)) return null;
        break;
      }
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ArrayExpression:
        break;
      default:
        return null;
    }
    node = parent;
  }
  return null;
}

/** `'/changes?since=…'` and `\`${base}/changes\`` name the same endpoint: the text before the query string. */
export function endpointOf(node: Node, sourceCode: SourceCode): string | null {
  const target = unwrap(node);
  if (
    target.type !== AST_NODE_TYPES.Literal &&
    target.type !== AST_NODE_TYPES.TemplateLiteral &&
    target.type !== AST_NODE_TYPES.BinaryExpression
  )
    return null;
  if (target.range[1] - target.range[0] > MAX_TEXT) return null;
  const text = sourceCode.getText(target);
  const query = text.indexOf('?');
  return (query === -1 ? text : text.slice(0, query)).replace(/['"`\s+]/g, '');
}

/**
 * The calls a value reaches as an argument: `api.get('/c', { since: x })`, `fetch(url + x)`, or a
 * variable it is stored in (`const qs = x; … fetch(base + qs)`), followed `hops` times. The first
 * one found that `accept`s.
 */
export function reachedCall(
  value: Node,
  sourceCode: SourceCode,
  hops: number,
  accept: (call: TSESTree.CallExpression) => boolean,
): TSESTree.CallExpression | null {
  let node: Node = value;
  for (let steps = 0; steps < MAX_CLIMB && node.parent; steps++) {
    const parent: Node = node.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === node) return null;
        if (accept(parent)) return parent;
        // `encodeURIComponent(since || 0)` inside the URL of the request: go on to the request.
        if (remoteCallee(parent) !== null) return null;
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier && hops > 0
          ? viaVariable(parent.id, sourceCode, hops - 1, accept)
          : null;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier && hops > 0
          ? viaVariable(parent.left, sourceCode, hops - 1, accept)
          : null;
      case AST_NODE_TYPES.Property:
        if (parent.value !== node) return null;
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return null;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return null;
        break;
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        break;
      default:
        return null;
    }
    node = parent;
  }
  return null;
}

export function viaVariable(
  id: TSESTree.Identifier,
  sourceCode: SourceCode,
  hops: number,
  accept: (call: TSESTree.CallExpression) => boolean,
): TSESTree.CallExpression | null {
  const variable = findVariable(scopeOf(sourceCode, id), id.name);
  // A variable written again (`seq += 1`) no longer holds the value by the time it is sent.
  if (!variable || variable.references.length > 32 || variable.references.filter((r) => r.isWrite()).length > 1) return null;
  for (const reference of variable.references) {
    if (!reference.isRead() || reference.identifier === id) continue;
    const found = reachedCall(reference.identifier, sourceCode, hops, accept);
    if (found) return found;
  }
  return null;
}

/** What the three shapes share: a named call that is waited for, reads, and asks for more than a page. */
export function asksForEverything(call: TSESTree.CallExpression, sourceCode: SourceCode): string | null {
  const name = remoteCallee(call);
  if (name === null || writes(call, name) || readsNoRows(name) || callBounded(call, sourceCode) || consumption(call) === null) return null;
  return name;
}

/** The verb a callee's name starts with, past an auxiliary: `fetchChanges` → fetch, `doRequest` → request. */
function verbOf(words: readonly string[]): string | undefined {
  return AUXILIARIES.has(words[0] ?? '') ? words[1] : words[0];
}

/** Whether a callee's name says it reads from a source (`fetchChanges`, `api.get`), not that it closes, logs or computes. */
export function readsFromSource(name: string | null): boolean {
  if (name === null) return false;
  const words = calleeWords(name);
  const verb = verbOf(words);
  return (verb !== undefined && READ_VERBS.has(verb)) || words.some((word) => READ_NOUNS.has(word));
}

/**
 * `readsFromSource`, where nothing but the call's name says it is a request (a fallback, an
 * optional parameter): `get`, `find` and `read` also name local lookups (`getFeatureResult(…)`),
 * so with them the result must be waited for.
 */
export function requestsFromSource(call: TSESTree.CallExpression, sourceCode: SourceCode): boolean {
  // The name first: most calls a value reaches read nothing (`format(since ?? 0)`), and the name is cheaper to ask than the arguments.
  const name = remoteCallee(call);
  if (!readsFromSource(name) || asksForEverything(call, sourceCode) === null) return false;
  const words = calleeWords(name!);
  return !LOOKUP_VERBS.has(verbOf(words) ?? '') || words.some((word) => READ_NOUNS.has(word)) || consumption(call) === 'waited';
}
