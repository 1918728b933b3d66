// What a request to a remote source looks like from the call alone (src/analysis/sentinel/requests.ts,
// issue 22): its callee, whether it asks for a bounded page, the endpoint it names, the call a value
// reaches, and whether a call reads from a source, writes, or only computes.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findInSubtree } from '../../src/analysis/js/ast.js';
import {
  asksForEverything,
  endpointOf,
  MAX_HOPS,
  reachedCall,
  readsFromSource,
  remoteCallee,
  requestsFromSource,
  valueBounded,
  viaVariable,
} from '../../src/analysis/sentinel/requests.js';
import { parseSourceCode } from './parse.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The nodes of `sourceCode` that `matches`, in source order. */
function nodesWhere(sourceCode: SourceCode, matches: (node: Node) => boolean): Node[] {
  const found: Node[] = [];
  findInSubtree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (matches(node)) found.push(node);
    return null;
  });
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** The first identifier named `name`. */
function identifierOf(sourceCode: SourceCode, name: string): TSESTree.Identifier {
  const [found] = nodesWhere(sourceCode, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === name);
  if (!found) throw new Error(`no \`${name}\``);
  return found as TSESTree.Identifier;
}

/** The first call of `code` whose callee is written `callee`. */
function callIn(code: string, callee: string): { call: TSESTree.CallExpression; sourceCode: SourceCode } {
  const sourceCode = parseSourceCode(code);
  const [call] = nodesWhere(
    sourceCode,
    (node) => node.type === AST_NODE_TYPES.CallExpression && sourceCode.getText(node.callee) === callee,
  );
  if (!call) throw new Error(`no call of \`${callee}\``);
  return { call: call as TSESTree.CallExpression, sourceCode };
}

/** The value of `const v = …;` as the last statement of `code`. */
function valueIn(code: string): { value: Node; sourceCode: SourceCode } {
  const sourceCode = parseSourceCode(code);
  const last = sourceCode.ast.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.VariableDeclaration || !last.declarations[0]?.init) throw new Error('no `const v = …` last');
  return { value: last.declarations[0].init, sourceCode };
}

const named = (name: string) => (call: TSESTree.CallExpression) => remoteCallee(call) === name;

describe('remoteCallee', () => {
  const calleeOf = (code: string, callee: string) => remoteCallee(callIn(code, callee).call);

  it.each([
    ["api.get('/changes')", 'api.get', 'api.get'],
    ['this.client.fetchChanges(since)', 'this.client.fetchChanges', 'this.client.fetchChanges'],
    ['fetch(url)', 'fetch', 'fetch'],
    ['api?.pull()', 'api?.pull', 'api.pull'],
  ])('%s is made by %s', (code, callee, name) => expect(calleeOf(code, callee)).toBe(name));

  it.each([
    ['Math.max(since, 0)', 'Math.max'],
    ['JSON.parse(text)', 'JSON.parse'],
    ['Date.now()', 'Date.now'],
    ['parseInt(text, 10)', 'parseInt'],
    ['encodeURIComponent(since)', 'encodeURIComponent'],
    ['setTimeout(f, 10)', 'setTimeout'],
  ])('%s only computes', (code, callee) => expect(calleeOf(code, callee)).toBeNull());

  it.each([
    ['handlers[kind](since)', 'handlers[kind]'],
    ['make()(since)', 'make()'],
    ['(await client).get(since)', '(await client).get'],
  ])('%s has no dotted name', (code, callee) => expect(calleeOf(`async function f() { ${code}; }`, callee)).toBeNull());

  it('a method named like a local root is still a request', () =>
    expect(calleeOf('client.Math(since)', 'client.Math')).toBe('client.Math'));
});

describe('valueBounded', () => {
  const bounded = (code: string) => {
    const { value, sourceCode } = valueIn(`const v = ${code};`);
    return valueBounded(value, sourceCode);
  };

  it.each([
    '{ limit: 100 }',
    '{ since, per_page: 50 }',
    "{ 'maxResults': 10 }",
    '{ params: { pageSize: 20 } }',
    '{ qs: { batch_size: 5 } }',
    'pageLimit',
    'options.maxItems',
    'opts.limit ?? 100',
    "'/changes?since=1&limit=100'",
    '`${base}/changes?per_page=${n}`',
    "base + '/changes?max_results=' + n",
    '{ limit: 100 } as const',
  ])('%s asks for one page', (code) => expect(bounded(code)).toBe(true));

  it.each([
    '{ since }',
    '{ body: { filter: 1 } }',
    // One level of nesting only, and only under the names of a request's query.
    '{ params: { options: { limit: 1 } } }',
    '{ headers: { limit: 1 } }',
    "'/changes?since=1'",
    "'/changes?unlimited=1'",
    'since',
    // Whole words: `delimiter` is no `limit`.
    'delimiter',
    'options.filter',
    'since ?? 0',
    '[limit]',
  ])('%s does not', (code) => expect(bounded(code)).toBe(false));

  it('does not search a text longer than 4096 characters', () => {
    expect(bounded(`'/changes?${'a=1&'.repeat(10)}limit=5'`)).toBe(true);
    expect(bounded(`'/changes?${'a=1&'.repeat(1100)}limit=5'`)).toBe(false);
  });
});

describe('endpointOf', () => {
  const endpoint = (code: string) => {
    const { value, sourceCode } = valueIn(`const v = ${code};`);
    return endpointOf(value, sourceCode);
  };

  it.each([
    ["'/changes?since=1'", '/changes'],
    ["'/changes'", '/changes'],
    ['`${base}/changes?since=${since}`', '${base}/changes'],
    ["base + '/changes?since=' + since", 'base/changes'],
    ["'/changes' as string", '/changes'],
  ])('%s names %s', (code, name) => expect(endpoint(code)).toBe(name));

  it('a URL with its query and the same URL without it name the same endpoint', () =>
    expect(endpoint('`${base}/c?since=${s}`')).toBe(endpoint('`${base}/c`')));

  it.each(['url', 'options.path', 'makeUrl(since)', '{ path: "/changes" }'])('%s names none', (code) => expect(endpoint(code)).toBeNull());

  it('not in a text longer than 4096 characters', () => expect(endpoint(`'/${'a'.repeat(5000)}'`)).toBeNull());
});

describe('reachedCall', () => {
  /** The call the read of `x` in `code` reaches, accepted by `accept`. */
  const reached = (code: string, accept: (call: TSESTree.CallExpression) => boolean, hops = MAX_HOPS) => {
    const sourceCode = parseSourceCode(`declare const x: number; declare const base: string;\n${code}`);
    // The first `x` after its declaration.
    const value = nodesWhere(sourceCode, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === 'x')[1]!;
    const call = reachedCall(value, sourceCode, hops, accept);
    return call && sourceCode.getText(call);
  };

  it.each([
    ["api.get('/c', { since: x });", 'api.get', "api.get('/c', { since: x })"],
    ["fetch(base + '/c?since=' + x);", 'fetch', "fetch(base + '/c?since=' + x)"],
    ['fetch(`${base}/c?since=${x}`);', 'fetch', 'fetch(`${base}/c?since=${x}`)'],
    ['pull({ since: x ?? 0 });', 'pull', 'pull({ since: x ?? 0 })'],
    ['pull([{ since: x }]);', 'pull', 'pull([{ since: x }])'],
    ['pull({ ...{ since: x } });', 'pull', 'pull({ ...{ since: x } })'],
    ['pull(flag ? x : 0);', 'pull', 'pull(flag ? x : 0)'],
    // A local function inside the request's URL: on to the request.
    ["fetch('/c?since=' + encodeURIComponent(x));", 'fetch', "fetch('/c?since=' + encodeURIComponent(x))"],
    // Through a variable.
    ["const query = '?since=' + x; fetch(base + query);", 'fetch', 'fetch(base + query)'],
    ["let query; query = { since: x }; api.get('/c', query);", 'api.get', "api.get('/c', query)"],
  ])('%s reaches %s', (code, name, call) => expect(reached(code, named(name))).toBe(call));

  it('through two variables, not three', () => {
    expect(reached('const a = x; const b = a; pull(b);', named('pull'))).toBe('pull(b)');
    expect(reached('const a = x; const b = a; const c = b; pull(c);', named('pull'))).toBeNull();
    expect(reached('const a = x; pull(a);', named('pull'), 0)).toBeNull();
  });

  it.each([
    // Another call takes the value first.
    ['pull(format(x));', 'pull'],
    // Where the value is not an argument: a callee, a test, arithmetic, a key, a write.
    ['x(1);', 'x'],
    ['flag(x ? pull() : pull(1));', 'pull'],
    ['pull(x - 1);', 'pull'],
    ['pull({ [x]: 1 });', 'pull'],
    ['store.since = x; pull(store);', 'pull'],
    ['let a = 0; a += x; pull(a);', 'pull'],
    // Not the call asked for.
    ["api.post('/c', { since: x });", 'api.get'],
  ])('%s does not reach %s', (code, name) => expect(reached(code, named(name))).toBeNull());
});

describe('viaVariable', () => {
  const via = (code: string, hops = 0) => {
    const sourceCode = parseSourceCode(`declare const x: number;\n${code}`);
    const id = identifierOf(sourceCode, 'v');
    const call = viaVariable(id, sourceCode, hops, named('pull'));
    return call && sourceCode.getText(call);
  };

  it('the call a variable is read in', () => expect(via('const v = { since: x }; pull(v);')).toBe('pull(v)'));
  it('the first read that reaches one', () => expect(via('const v = x; log(v); pull({ v }); pull(v);')).toBe('pull({ v })'));
  it('not a variable written again', () => expect(via('let v = x; v = 1; pull(v);')).toBeNull());
  it('not a variable read in no such call', () => expect(via('const v = x; log(v);')).toBeNull());
  it('a further variable only with a hop left', () => {
    expect(via('const v = x; const w = v; pull(w);')).toBeNull();
    expect(via('const v = x; const w = v; pull(w);', 1)).toBe('pull(w)');
  });
  it('not a variable with more than 32 references', () => {
    const logs = (count: number) => 'log(v); '.repeat(count);
    // The declaration's write, the logs and the request.
    expect(via(`const v = x; ${logs(30)}pull(v);`)).toBe('pull(v)');
    expect(via(`const v = x; ${logs(31)}pull(v);`)).toBeNull();
  });
});

describe('asksForEverything', () => {
  const asks = (body: string, start: string) => {
    const { call, sourceCode } = callIn(`async function f(since?: number) {\n${body}\n}`, start);
    return asksForEverything(call, sourceCode);
  };

  it.each([
    ["await api.get('/changes');", 'api.get', 'api.get'],
    ["return api.get('/changes');", 'api.get', 'api.get'],
    ["api.get('/changes').then(use);", 'api.get', 'api.get'],
    ["await Promise.all([api.get('/a'), api.get('/b')]);", 'api.get', 'api.get'],
    ["const load = async () => api.get('/changes');", 'api.get', 'api.get'],
    ["const load = () => api.get('/changes');", 'api.get', 'api.get'],
    ["await (api.get('/changes') as Promise<unknown>);", 'api.get', 'api.get'],
    ['await this.client.syncAll({ since });', 'this.client.syncAll', 'this.client.syncAll'],
  ])('%s asks for everything', (body, start, name) => expect(asks(body, start)).toBe(name));

  it.each([
    // Not waited for: computed on the spot, stored, passed on.
    ["api.get('/changes');", 'api.get'],
    ["const pending = api.get('/changes');", 'api.get'],
    ["use(api.get('/changes'));", 'api.get'],
    ["await (api.get('/changes') ? a : b);", 'api.get'],
    // Writes, by name, method or SQL.
    ["await api.post('/changes', { since });", 'api.post'],
    ['await saveCheckpoint(since);', 'saveCheckpoint'],
    ["await api.request({ url: '/c', method: 'PUT' });", 'api.request'],
    ["await http('/c', 'delete');", 'http'],
    ["await db.query('INSERT INTO seen VALUES ($1)', [since]);", 'db.query'],
    ['await db.query(`update seen set at = ${since}`);', 'db.query'],
    // Ids, keys, a count.
    ['await api.fetchSegmentIds(since);', 'api.fetchSegmentIds'],
    ['await listAllKeys();', 'listAllKeys'],
    // A bounded page.
    ["await api.get('/changes', { limit: 100 });", 'api.get'],
    ["await api.get('/changes?per_page=50');", 'api.get'],
    ['await api.get(url, pageSize);', 'api.get'],
    // Local computation.
    ['await Promise.resolve(since);', 'Promise.resolve'],
  ])('%s does not', (body, start) => expect(asks(body, start)).toBeNull());
});

describe('readsFromSource', () => {
  it.each([
    'fetchChanges',
    'this.api.get',
    'client.sync',
    'doRequest',
    'tryPullUpdates',
    'segmentChangesFetcher',
    'updatesFeed',
    'replicate',
    'loadSince',
  ])('%s reads', (name) => expect(readsFromSource(name)).toBe(true));

  it.each([null, 'close', 'this.logger.info', 'doSomething', 'tryClose', 'parseResponse', 'format', 'getter.x.handle'])(
    '%s does not',
    (name) => expect(readsFromSource(name)).toBe(false),
  );
});

describe('requestsFromSource', () => {
  const requests = (code: string, start: string) => {
    const { call, sourceCode } = callIn(code, start);
    return requestsFromSource(call, sourceCode);
  };

  it.each([
    ['async function f(s?: number) { return api.fetchChanges(s || 0); }', 'api.fetchChanges'],
    ['function f(s?: number) { return api.fetchChanges(s || 0); }', 'api.fetchChanges'],
    // `get`, `find` and `read` name a request when the result is waited for, or with a request's noun.
    ['async function f(s?: number) { return await getRules(s || 0); }', 'getRules'],
    ['function f(s?: number) { return getRules(s || 0).then(use); }', 'getRules'],
    ['function f(s?: number) { return getChanges(s || 0); }', 'getChanges'],
  ])('%s is a request', (code, start) => expect(requests(code, start)).toBe(true));

  it.each([
    // A local lookup: `get` whose result is only returned.
    ['function f(s?: number) { return getFeatureResult(s || 0); }', 'getFeatureResult'],
    ['const f = (s?: number) => findRule(s ?? 0);', 'findRule'],
    // Waited for, but not a read.
    ['async function f(s?: number) { await close(s || 0); }', 'close'],
    // A read, but a bounded one or a write.
    ['async function f(s?: number) { await api.fetchChanges({ since: s || 0, limit: 10 }); }', 'api.fetchChanges'],
    ['async function f(s?: number) { await api.fetchAndStoreChanges(s || 0); }', 'api.fetchAndStoreChanges'],
  ])('%s is not', (code, start) => expect(requests(code, start)).toBe(false));
});
