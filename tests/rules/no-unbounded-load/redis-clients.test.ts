// Redis clients wherever the code keeps them (issue 21): a field assigned in a method other than
// the constructor, a field set through `self`, a module object's field, a same-file factory's
// return (async too). Names are chosen so that no naming convention applies.
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const WHOLE_SET = { messageId: 'redisWhole' as const, suggestions: [] };

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// the same shapes with a value that is no client
import { createClient } from 'redis';
export class Cache {
  async init() { this.conn = new Set<string>(); }
  all() { return this.conn.keys(); }
}
export const fresh = createClient;`,
  ],
  invalid: [
    {
      name: 'a field assigned in init(), a field set through self, a module object field',
      code: `const { createClient } = require('redis');
const Redis = require('ioredis');
class Cache {
  async init() { this.conn = createClient(); await this.conn.connect(); }
  all(key) { return this.conn.sMembers(key); }
}
function Store() { const self = this; self.conn = createClient(); }
Store.prototype.all = function (key) { return this.conn.smembers(key); };
const registry = { conn: null, init() { this.conn = new Redis(); }, all(key) { return this.conn.hgetall(key); } };
module.exports = { Cache, Store, registry };`,
      errors: [
        { ...WHOLE_SET, data: { construct: 'this.conn.sMembers()', shape: 'set', size: 'SCARD', scan: 'SSCAN' }, line: 5 },
        { ...WHOLE_SET, data: { construct: 'this.conn.smembers()', shape: 'set', size: 'SCARD', scan: 'SSCAN' }, line: 8 },
        { ...WHOLE_SET, data: { construct: 'this.conn.hgetall()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' }, line: 9 },
      ],
    },
    {
      name: 'a client returned by a same-file factory, sync or async',
      code: `import { createClient } from 'redis';
function makeClient() { return createClient({ url: process.env.REDIS_URL }); }
async function connect() { const c = createClient(); await c.connect(); return c; }
const cx = makeClient();
export const members = (key: string) => cx.sMembers(key);
export async function fields(key: string) {
  const conn = await connect();
  return conn.hGetAll(key);
}`,
      errors: [
        { ...WHOLE_SET, data: { construct: 'cx.sMembers()', shape: 'set', size: 'SCARD', scan: 'SSCAN' }, line: 5 },
        {
          messageId: 'redisWhole',
          data: { construct: 'conn.hGetAll()', shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 8,
          suggestions: [
            {
              messageId: 'guardSize',
              output: `import { createClient } from 'redis';
function makeClient() { return createClient({ url: process.env.REDIS_URL }); }
async function connect() { const c = createClient(); await c.connect(); return c; }
const cx = makeClient();
export const members = (key: string) => cx.sMembers(key);
export async function fields(key: string) {
  const conn = await connect();
  if ((await conn.hLen(key)) > 100) {
    throw new RangeError('Refusing to load a Redis hash larger than 100');
  }
  return conn.hGetAll(key);
}`,
            },
          ],
        },
      ],
    },
  ],
});
