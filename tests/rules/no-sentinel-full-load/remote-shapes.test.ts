// Full loads that are remote calls (issue 22), in the shapes sync clients write them: a branch on a
// progress marker that makes the other side's request without the marker, or picks request
// parameters without it, and a marker's fallback (`since || -1`, `lastSeq ?? 0`) sent as "from the
// beginning". And what is not: a user's optional filter, a bounded page, a list of ids, another
// endpoint, a write, a value computed on the spot.
import rule from '../../../src/rules/no-sentinel-full-load.js';
import { runRuleTests } from '../../rule-tester.js';

const FAIL = (subject: string) => `{ throw new RangeError('${subject} is missing: refusing to load every row'); }`;
const HTTP = 'declare const api: { get(path: string, options?: object): Promise<unknown[]> };\n';

const changes = (otherwise: string) => `${HTTP}async function changes(since?: string) {
  return since ? api.get('/changes', { since }) : ${otherwise};
}`;

const registry = (guard: string) => `class Registry {
  constructor(private http: { get(path: string, options?: object): Promise<unknown[]> }) {}
  async fetchServices(rev?: number) {
    return this.http.get('/services', { params: { rev } });
  }
  async refresh(rev?: number) {
    if (!rev) ${guard}
    return this.fetchServices(rev);
  }
}`;

const urlChanges = (otherwise: string) => `async function changes(base: string, since?: number) {
  const res = since ? await fetch(\`\${base}/changes?since=\${since}\`) : await fetch(${otherwise});
  return res.json();
}`;

const syncParams = (initial: string) => `declare const client: { sync(params: object): Promise<{ items: unknown[] }> };
async function pull(syncToken?: string) {
  const params = syncToken ? { sync_token: syncToken } : ${initial};
  return client.sync(params);
}`;

const timeoutChain = `async function changeNumber(): Promise<number | undefined> {
  try {
    return await pTimeout(readMarker(), { milliseconds: 500 });
  } catch (error) {
    if (error instanceof TimeoutError) return undefined;
    throw error;
  }
}
export async function update() {
  const since = await changeNumber();
  return fetchSegmentChanges(since || -1);
}
declare function fetchSegmentChanges(since: number): Promise<unknown[]>;
declare function pTimeout<T>(p: Promise<T>, o: object): Promise<T>;
declare function readMarker(): Promise<number>;
declare class TimeoutError extends Error {}`;

runRuleTests('no-sentinel-full-load (remote shapes)', rule, {
  valid: [
    // A user's optional filter: "no filter" means everything by design.
    `${HTTP}async function search(filter?: string) {
  return filter ? api.get('/items', { filter }) : api.get('/items');
}`,
    // The marker's absence asks for one bounded page: in the options, or in the URL.
    changes("api.get('/changes', { limit: 100 })"),
    changes("api.get('/changes', { params: { per_page: 50 } })"),
    urlChanges('`${base}/changes?limit=100`'),
    // Another endpoint: the sentinel side is not the incremental request without its marker.
    changes("api.get('/status')"),
    urlChanges('`${base}/status`'),
    // A list of ids is not rows that grow.
    `declare const api: { fetchSegmentIds(since?: number): Promise<string[]> };
async function ids(since?: number) {
  if (!since) return api.fetchSegmentIds();
  return api.fetchSegmentIds(since);
}`,
    // A write that carries the marker when there is one.
    `declare const api: { post(path: string, body?: object): Promise<void> };
async function ack(rev?: number) {
  return rev ? api.post('/ack', { rev }) : api.post('/ack');
}`,
    // The sentinel side's call is not waited for: it computes, it does not fetch.
    `function label(since?: number) {
  const text = since ? describe(since) : describe();
  return text.length;
}
declare function describe(since?: number): string;`,
    // Fallbacks used on the spot, written, or for a value that is no marker.
    `function age(since?: number) {
  return Math.max(since ?? 0, Date.now() - 1000);
}`,
    `declare const versions: Map<number, string>;
function name(rev?: number) {
  const found = versions.get(rev ?? 0);
  return found;
}`,
    `declare function saveCheckpoint(seq: number): Promise<void>;
async function store(lastSeq?: number) {
  await saveCheckpoint(lastSeq ?? 0);
}`,
    `declare function fetchUsers(filter: string): Promise<unknown[]>;
async function users(filter?: string) {
  return fetchUsers(filter || '');
}`,
    // A fallback sent with a bounded page.
    `declare const client: { pullChanges(o: object): Promise<unknown[]> };
async function pull(lastSeq?: number) {
  return client.pullChanges({ since: lastSeq ?? 0, limit: 100 });
}`,
    // Parameters without the marker that ask for a page.
    syncParams('{ initial: true, limit: 100 }'),
    // An ETag is a version of one resource, not a place in a feed: without it, the resource comes whole, as after any change.
    `declare function fetchMetadata(id: string, etag?: string): Promise<object>;
async function metadata(id: string, storedEtag?: string | null) {
  return fetchMetadata(id, storedEtag || undefined);
}`,
    // \`?? undefined\` only turns null into undefined: the marker is passed as it is, missing or not.
    `declare function pullChanges(o: object): Promise<unknown[]>;
async function pull(syncToken: string | null) {
  return pullChanges({ since: syncToken ?? undefined });
}`,
    // The fallback is a counter for rows written, not a place to read from.
    `declare function runQuery(sql: string, params: object): Promise<unknown[]>;
async function backfill(rows: { max?: number }[], items: string[]) {
  let seq = rows[0]?.max ?? 0;
  for (const item of items) {
    seq += 1;
    await runQuery('INSERT INTO events (seq, item) VALUES (:seq, :item)', { seq, item });
  }
}`,
    `declare function runQuery(sql: string, params: object): Promise<unknown[]>;
async function insert(lastSeq?: number) {
  await runQuery('INSERT INTO events (seq) VALUES (:seq)', { seq: lastSeq ?? 0 });
}`,
    // An optional field copied into an object a local function reads: \`get…\` alone does not make it a request.
    `function evaluate(rule: { bucketVersion?: number }) {
  const exp: { bucketVersion?: number } = {};
  if (rule.bucketVersion !== undefined) exp.bucketVersion = rule.bucketVersion;
  return getFeatureResult(exp);
}
declare function getFeatureResult(exp: object): object;`,
    // An optional parameter on a request that asks for a page.
    `declare const api: { fetchEvents(o: object): Promise<unknown[]> };
async function events(cursor?: string) {
  const params: { limit: number; cursor?: string } = { limit: 100 };
  if (cursor) params.cursor = cursor;
  return api.fetchEvents(params);
}`,
    // Parameters picked by the marker that reach no request.
    `function title(since?: number) {
  const text = since ? \`changes since \${since}\` : 'all changes';
  console.log(text);
}`,
  ],
  invalid: [
    {
      // The same request without the marker.
      code: changes("api.get('/changes')"),
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: 'since', subject: 'since', load: "api.get('/changes')" },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // An early return to the class's own request method, called without the revision.
      code: registry('return this.fetchServices();'),
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: '!rev', subject: 'rev', load: 'this.fetchServices()' },
          line: 7,
          suggestions: [{ messageId: 'failWhenMissing', output: registry(FAIL('rev')) }],
        },
      ],
    },
    {
      // A URL with `?since=` on one side and without it on the other.
      code: urlChanges('`${base}/changes`'),
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: 'since', subject: 'since', load: 'fetch(`${base}/changes`)' },
          line: 2,
          suggestions: [],
        },
      ],
    },
    {
      // CommonJS: axios with the cursor in its params on one side only.
      code: `const axios = require('axios');
module.exports = async function pull(url, cursor) {
  const { data } = cursor ? await axios.get(url, { params: { cursor } }) : await axios.get(url);
  return data;
};`,
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: 'cursor', subject: 'cursor', load: 'axios.get(url)' },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // The marker's fallback is the API's "from the beginning".
      code: `declare function fetchServices(since?: string): Promise<unknown[]>;
async function services(since?: string) {
  return fetchServices(since || undefined);
}`,
      errors: [
        {
          messageId: 'requestFromStart',
          data: { fallback: 'since || undefined', subject: 'since', load: 'fetchServices(since || undefined)' },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // In an options object, with `??`.
      code: `declare const client: { pullChanges(o: object): Promise<unknown[]> };
async function pull(lastSeq?: number) {
  return client.pullChanges({ since: lastSeq ?? 0 });
}`,
      errors: [
        {
          messageId: 'requestFromStart',
          data: { fallback: 'lastSeq ?? 0', subject: 'lastSeq', load: 'client.pullChanges({ since: lastSeq ?? 0 })' },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // In a URL.
      code: `async function feed(base: string, lastSeq?: number) {
  const res = await fetch(\`\${base}/_changes?since=\${lastSeq ?? 0}\`);
  return res.json();
}`,
      errors: [
        {
          messageId: 'requestFromStart',
          data: { fallback: 'lastSeq ?? 0', subject: 'lastSeq', load: 'fetch(`${base}/_changes?since=${lastSeq ?? 0}`)' },
          line: 2,
          suggestions: [],
        },
      ],
    },
    {
      // TypeScript's output for `timestamp ?? 0`, in a compiled generator.
      code: `class Requestor {
  requestData(timestamp) {
    return run(function* () {
      const { body } = yield this.requestWithETagCache(\`\${this.uri}?timestamp=\${timestamp !== null && timestamp !== void 0 ? timestamp : 0}\`, {});
      return body;
    });
  }
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'requestFromStart',
          data: {
            fallback: 'timestamp !== null && timestamp !== voi…',
            subject: 'timestamp',
            load: 'this.requestWithETagCache(`${this.uri}?timestamp=…',
          },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      // Parameters picked by the marker, stored in a variable, then sent.
      code: syncParams('{ init: true }'),
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: 'syncToken', subject: 'syncToken', load: 'client.sync(params)' },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // The marker picks a query string, which reaches the request through two variables.
      code: `class Fetcher {
  async download(sinceTime: number) {
    const path = '/download_config_specs' + (sinceTime === 0 ? '' : \`?sinceTime=\${sinceTime}\`);
    const url = this.base + path;
    return this.get(url);
  }
  declare base: string;
  declare get: (url: string) => Promise<Response>;
}`,
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: 'sinceTime === 0', subject: 'sinceTime', load: 'this.get(url)' },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // The marker added to the request's parameters only when there is one.
      code: `declare const client: { getShardIterator(p: object): Promise<{ ShardIterator: string }> };
async function iterator(shardId: string, sequenceNumber?: string) {
  const params: Record<string, string> = { ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' };
  if (sequenceNumber) {
    params.StartingSequenceNumber = sequenceNumber;
  }
  const { ShardIterator } = await client.getShardIterator(params);
  return ShardIterator;
}`,
      errors: [
        {
          messageId: 'markerDroppedFromRequest',
          data: { test: 'sequenceNumber', subject: 'sequenceNumber', load: 'client.getShardIterator(params)' },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      // A helper turns a timeout into `undefined`; the caller's fallback sends it as -1.
      code: timeoutChain,
      errors: [
        {
          messageId: 'timeoutSelectsFullLoad',
          data: {
            call: 'changeNumber()',
            value: 'undefined',
            line: '5',
            file: '',
            test: 'since || -1',
            load: 'fetchSegmentChanges(since || -1)',
          },
          line: 11,
          suggestions: [],
        },
      ],
    },
  ],
});
