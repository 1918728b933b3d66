// Redis (ioredis, node-redis): `KEYS`, whole sets, hashes, lists and sorted sets.
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
