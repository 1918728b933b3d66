// Redis (ioredis, node-redis, Upstash): `KEYS`, whole sets, hashes, lists, sorted sets and streams.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import Redis from 'ioredis';
const redis = new Redis();
const MAX = 1000;
export const a = () => redis.scan('0', 'MATCH', 'session:*', 'COUNT', 100);
export const b = (k: string) => redis.lrange(k, 0, 99);
export const c = (k: string) => redis.zrange(k, 0, -1, 'BYSCORE');
export async function d(k: string) {
  if ((await redis.scard(k)) > MAX) throw new RangeError('set too large');
  return redis.smembers(k);
}
export const e = (k: string) => redis.sscan(k, '0');`,
    `// Map, Object and lodash keys are not Redis
import _ from 'lodash';
const m = new Map<string, number>();
export const a = () => [...m.keys()];
export const b = (o: object) => Object.keys(o);
export const c = (o: object) => _.keys(o);
export const d = (cache: { keys(): string[] }) => cache.keys();`,
    `// built-ins are not clients, even in a file that uses Redis
import Redis from 'ioredis';
export const redis = new Redis();
export const a = (o: object) => Object.keys(o);
export const b = (o: object) => Reflect.ownKeys(o);`,
    `// no evidence of Redis: someone's own hgetall
export const a = (store: { hgetall(k: string): unknown }) => store.hgetall('x');`,
    `// ranges of scores, names and IDs: bounded by LIMIT or COUNT, or by a start or stop that is not the end
import Redis from 'ioredis';
const redis = new Redis();
export const a = (k: string) => redis.zrangebyscore(k, '-inf', '+inf', 'LIMIT', 0, 100);
export const b = (k: string) => redis.zrangebyscore(k, '-inf', '+inf', 'WITHSCORES', 'LIMIT', 0, 100);
export const c = (k: string) => redis.zrangebyscore(k, 0, Date.now());
export const d = (k: string, now: number) => redis.zrangebyscore(k, '-inf', now);
export const e = (k: string) => redis.zrevrangebyscore(k, '+inf', '-inf', 'limit', 0, 10);
export const f = (k: string) => redis.zrangebylex(k, '-', '+', 'LIMIT', 0, 10);
export const g = (k: string) => redis.xrange(k, '-', '+', 'COUNT', 100);
export const h = (k: string, last: string) => redis.xrange(k, last, '+');
export const i = (k: string) => redis.xrevrange(k, '+', '-', 'COUNT', 1);
export const j = (k: string, since: string) => redis.xrevrange(k, '+', since);
export const l = (k: string, modifier: string) => redis.zrangebyscore(k, '-inf', '+inf', modifier, 0, 10);`,
    `// node-redis passes LIMIT and COUNT in an options object
import { createClient } from 'redis';
const client = createClient();
export const a = (k: string) => client.zRangeByScore(k, '-inf', '+inf', { LIMIT: { offset: 0, count: 100 } });
export const b = (k: string) => client.xRange(k, '-', '+', { COUNT: 100 });
export const c = (k: string) => client.xRevRange(k, '+', '-', { COUNT: 1 });
export const d = (k: string) => client.zRangeByLex(k, '-', '+', { LIMIT: { offset: 0, count: 10 } });`,
    `// Upstash passes the count as a number
import { Redis } from '@upstash/redis';
const redis = new Redis({ url: 'https://x', token: 't' });
export const a = (k: string) => redis.xrange(k, '-', '+', 100);
export const b = (k: string) => redis.xrevrange(k, '+', '-', 1);`,
    `// a whole stream read after a size check
import Redis from 'ioredis';
const redis = new Redis();
const MAX = 1000;
export async function events(k: string) {
  if ((await redis.xlen(k)) > MAX) throw new RangeError('stream too long');
  return redis.xrange(k, '-', '+');
}`,
    `// no evidence of Redis: someone's own xrange
export const a = (chart: { xrange(a: string, b: string, c: string): unknown }) => chart.xrange('x', '-', '+');`,
  ],
  invalid: [
    {
      name: 'KEYS',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export const sessions = () => redis.keys('session:*');`,
      errors: [
        {
          messageId: 'redisKeys',
          data: { construct: 'redis.keys()' },
          line: 3,
          column: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: 'KEYS on node-redis',
      code: `import { createClient } from 'redis';
const client = createClient();
export const sessions = () => client.keys('session:*');`,
      errors: [
        {
          messageId: 'redisKeys',
          data: { construct: 'client.keys()' },
          line: 3,
          column: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole set, with a size guard to add',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function members(key: string) {
  const ids = await redis.smembers(key);
  return ids;
}`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.smembers()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import Redis from 'ioredis';
const redis = new Redis();
export async function members(key: string) {
  if ((await redis.scard(key)) > 100) {
    throw new RangeError('Refusing to load a Redis set larger than 100');
  }
  const ids = await redis.smembers(key);
  return ids;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a whole hash on node-redis',
      code: `import { createClient } from 'redis';
const client = createClient();
export async function profile(id: string) {
  return client.hGetAll(\`user:\${id}\`);
}`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'client.hGetAll()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import { createClient } from 'redis';
const client = createClient();
export async function profile(id: string) {
  if ((await client.hLen(\`user:\${id}\`)) > 100) {
    throw new RangeError('Refusing to load a Redis hash larger than 100');
  }
  return client.hGetAll(\`user:\${id}\`);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'hkeys and hvals',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export const names = (k: string) => redis.hkeys(k);
export const values = (k: string) => redis.hvals(k);`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.hkeys()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 3,
          column: 43,
          suggestions: [],
        },
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.hvals()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 4,
          column: 44,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a union of sets',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function audience(a: string, b: string) {
  return redis.sunion(a, b);
}`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.sunion()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 4,
          column: 16,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole list',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function events(key: string) {
  const entries = await redis.lrange(key, 0, -1);
  return entries;
}`,
      errors: [
        {
          messageId: 'redisRange',
          data: { construct: 'redis.lrange()', shape: 'list', start: '0', size: 'LLEN' },
          line: 4,
          column: 31,
          suggestions: [
            {
              messageId: 'boundRange',
              output: `import Redis from 'ioredis';
const redis = new Redis();
export async function events(key: string) {
  const entries = await redis.lrange(key, 0, 99);
  return entries;
}`,
            },
            {
              messageId: 'guardSize',
              output: `import Redis from 'ioredis';
const redis = new Redis();
export async function events(key: string) {
  if ((await redis.llen(key)) > 100) {
    throw new RangeError('Refusing to load a Redis list larger than 100');
  }
  const entries = await redis.lrange(key, 0, -1);
  return entries;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a whole sorted set, with string indexes',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export const board = () => redis.zrange('leaderboard', '0', '-1');`,
      errors: [
        {
          messageId: 'redisRange',
          data: { construct: 'redis.zrange()', shape: 'sorted set', start: "'0'", size: 'ZCARD' },
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'boundRange',
              output: `import Redis from 'ioredis';
const redis = new Redis();
export const board = () => redis.zrange('leaderboard', '0', '99');`,
            },
          ],
        },
      ],
    },
    {
      name: 'intersections and differences of sets, in both spellings; no one-key guard for several keys',
      code: `import Redis from 'ioredis';
import { createClient } from 'redis';
const redis = new Redis();
const client = createClient();
export async function common(keys: string[]) {
  const shared = await redis.sinter(keys);
  const missing = await redis.sdiff('all', 'seen');
  const both = await client.sInter(['a', 'b']);
  const left = await client.sDiff(keys);
  const any = await client.sUnion(keys);
  return [shared, missing, both, left, any];
}`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.sinter()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 6,
          column: 30,
          suggestions: [],
        },
        {
          messageId: 'redisWhole',
          data: { construct: 'redis.sdiff()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 7,
          column: 31,
          suggestions: [],
        },
        {
          messageId: 'redisWhole',
          data: { construct: 'client.sInter()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 8,
          column: 29,
          suggestions: [],
        },
        {
          messageId: 'redisWhole',
          data: { construct: 'client.sDiff()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 9,
          column: 29,
          suggestions: [],
        },
        {
          messageId: 'redisWhole',
          data: { construct: 'client.sUnion()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 10,
          column: 28,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole sorted set by score, with scores',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function ranking(key: string) {
  const entries = await redis.zrangebyscore(key, '-inf', '+inf', 'WITHSCORES');
  return entries;
}`,
      errors: [
        {
          messageId: 'redisOpenRange',
          data: { construct: 'redis.zrangebyscore()', shape: 'sorted set', start: "'-inf'", stop: "'+inf'", bound: 'LIMIT', size: 'ZCARD' },
          line: 4,
          column: 31,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import Redis from 'ioredis';
const redis = new Redis();
export async function ranking(key: string) {
  if ((await redis.zcard(key)) > 100) {
    throw new RangeError('Refusing to load a Redis sorted set larger than 100');
  }
  const entries = await redis.zrangebyscore(key, '-inf', '+inf', 'WITHSCORES');
  return entries;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'whole sorted sets by score and by name, reversed and not',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export const a = (k: string) => redis.zrevrangebyscore(k, '+inf', '-inf');
export const b = (k: string) => redis.zrangebylex(k, '-', '+');
export const c = (k: string) => redis.zrevrangebylex(k, '+', '-');
export const d = (k: string) => redis.zrangebyscore(k, '-INF', 'inf');`,
      errors: [
        {
          messageId: 'redisOpenRange',
          data: {
            construct: 'redis.zrevrangebyscore()',
            shape: 'sorted set',
            start: "'+inf'",
            stop: "'-inf'",
            bound: 'LIMIT',
            size: 'ZCARD',
          },
          line: 3,
          column: 39,
          suggestions: [],
        },
        {
          messageId: 'redisOpenRange',
          data: { construct: 'redis.zrangebylex()', shape: 'sorted set', start: "'-'", stop: "'+'", bound: 'LIMIT', size: 'ZCARD' },
          line: 4,
          column: 39,
          suggestions: [],
        },
        {
          messageId: 'redisOpenRange',
          data: { construct: 'redis.zrevrangebylex()', shape: 'sorted set', start: "'+'", stop: "'-'", bound: 'LIMIT', size: 'ZCARD' },
          line: 5,
          column: 39,
          suggestions: [],
        },
        {
          messageId: 'redisOpenRange',
          data: { construct: 'redis.zrangebyscore()', shape: 'sorted set', start: "'-INF'", stop: "'inf'", bound: 'LIMIT', size: 'ZCARD' },
          line: 6,
          column: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole sorted set by score on node-redis, with Infinity',
      code: `import { createClient } from 'redis';
const client = createClient();
export async function all(key: string) {
  return client.zRangeByScore(key, -Infinity, Infinity);
}`,
      errors: [
        {
          messageId: 'redisOpenRange',
          data: {
            construct: 'client.zRangeByScore()',
            shape: 'sorted set',
            start: '-Infinity',
            stop: 'Infinity',
            bound: 'LIMIT',
            size: 'ZCARD',
          },
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import { createClient } from 'redis';
const client = createClient();
export async function all(key: string) {
  if ((await client.zCard(key)) > 100) {
    throw new RangeError('Refusing to load a Redis sorted set larger than 100');
  }
  return client.zRangeByScore(key, -Infinity, Infinity);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a whole stream',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function history(stream: string) {
  const entries = await redis.xrange(stream, '-', '+');
  return entries;
}`,
      errors: [
        {
          messageId: 'redisOpenRange',
          data: { construct: 'redis.xrange()', shape: 'stream', start: "'-'", stop: "'+'", bound: 'COUNT', size: 'XLEN' },
          line: 4,
          column: 31,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import Redis from 'ioredis';
const redis = new Redis();
export async function history(stream: string) {
  if ((await redis.xlen(stream)) > 100) {
    throw new RangeError('Refusing to load a Redis stream larger than 100');
  }
  const entries = await redis.xrange(stream, '-', '+');
  return entries;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'whole streams on node-redis and Upstash, from the start ID 0 and backwards',
      code: `import { createClient } from 'redis';
import { Redis } from '@upstash/redis';
const client = createClient();
const upstash = new Redis({ url: 'https://x', token: 't' });
export const a = (k: string) => client.xRange(k, '0', '+');
export const b = (k: string) => client.xRevRange(k, '+', '-');
export const c = (k: string) => upstash.xrange(k, '-', '+');
export const d = (k: string) => upstash.xrevrange(k, '+', '0-0');`,
      errors: [
        {
          messageId: 'redisOpenRange',
          data: { construct: 'client.xRange()', shape: 'stream', start: "'0'", stop: "'+'", bound: 'COUNT', size: 'XLEN' },
          line: 5,
          column: 40,
          suggestions: [],
        },
        {
          messageId: 'redisOpenRange',
          data: { construct: 'client.xRevRange()', shape: 'stream', start: "'+'", stop: "'-'", bound: 'COUNT', size: 'XLEN' },
          line: 6,
          column: 40,
          suggestions: [],
        },
        {
          messageId: 'redisOpenRange',
          data: { construct: 'upstash.xrange()', shape: 'stream', start: "'-'", stop: "'+'", bound: 'COUNT', size: 'XLEN' },
          line: 7,
          column: 41,
          suggestions: [],
        },
        {
          messageId: 'redisOpenRange',
          data: { construct: 'upstash.xrevrange()', shape: 'stream', start: "'+'", stop: "'0-0'", bound: 'COUNT', size: 'XLEN' },
          line: 8,
          column: 41,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole stream in CommonJS, with a callback',
      filename: 'file.cjs',
      code: `const Redis = require('ioredis');
const redis = new Redis();
function history(stream, done) {
  redis.xrange(stream, '-', '+', (err, entries) => done(err, entries));
}
module.exports = { history };`,
      errors: [
        {
          messageId: 'redisOpenRange',
          data: { construct: 'redis.xrange()', shape: 'stream', start: "'-'", stop: "'+'", bound: 'COUNT', size: 'XLEN' },
          line: 4,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole sorted set in CommonJS, by position, reversed',
      filename: 'file.cjs',
      code: `const Redis = require('ioredis');
const redis = new Redis();
exports.top = (key) => redis.zrevrangeBuffer(key, 0, -1);`,
      errors: [
        {
          messageId: 'redisRange',
          data: { construct: 'redis.zrevrangeBuffer()', shape: 'sorted set', start: '0', size: 'ZCARD' },
          line: 3,
          column: 30,
          suggestions: [
            {
              messageId: 'boundRange',
              output: `const Redis = require('ioredis');
const redis = new Redis();
exports.top = (key) => redis.zrevrangeBuffer(key, 0, 99);`,
            },
          ],
        },
      ],
    },
    {
      name: 'an ElastiCache client is a Redis client, not an Elasticsearch one',
      filename: 'file.js',
      code: `import Redis from 'ioredis';
export const members = (elasticache, key) => elasticache.smembers(key);`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'elasticache.smembers()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 2,
          column: 58,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a client on this, by its conventional name',
      code: `export class Cache {
  constructor(private readonly redis: any) {}
  all() { return this.redis.hgetall('cache'); }
}`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'this.redis.hgetall()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 3,
          column: 29,
          suggestions: [],
        },
      ],
    },
  ],
});
