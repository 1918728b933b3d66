// Redis commands run by server-side scripts: Lua in a template literal, as bull, bullmq
// and ioredis's defineCommand users ship it (`redis.call("LRANGE", KEYS[1], 0, -1)`).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

/** bull's lib/scripts/isJobInList-1.js, as published. */
const IS_JOB_IN_LIST = `'use strict';
const content = \`--[[
  Checks if job is in a given list.
]]
local function item_in_list (list, item)
  for _, v in pairs(list) do
    if v == item then return 1 end
  end
  return nil
end
local items = redis.call("LRANGE", KEYS[1] , 0, -1)
return item_in_list(items, ARGV[1])
\`;
module.exports = { name: 'isJobInList', content, keys: 1 };`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// bounded ranges, ranges by score, single reads, sizes, and calls we cannot read
export const script = \`
local page = redis.call('LRANGE', KEYS[1], 0, 99)
local due = redis.call('ZRANGE', KEYS[2], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, 10)
local byScore = redis.call('ZRANGE', KEYS[2], 0, -1, 'BYSCORE')
local one = redis.call('HGET', KEYS[3], 'field')
local n = redis.call('SCARD', KEYS[4])
local computed = redis.call('LRANGE', KEYS[1], tonumber(ARGV[1]), -1)
\`;`,
    `// the words without a script call, and a script in a one-line string (templates only are read)
export const doc = \`Use LRANGE key 0 -1 to read a whole list, and SMEMBERS for a set.\`;
export const oneLine = "local ids = redis.pcall('SMEMBERS', KEYS[1]) return ids";`,
  ],
  invalid: [
    {
      name: "bull's isJobInList: the whole list read to test membership",
      code: IS_JOB_IN_LIST,
      errors: [
        {
          messageId: 'redisRange',
          data: { construct: 'redis.call("LRANGE", KEYS[1] , 0, -1)', shape: 'list', start: '0', size: 'LLEN' },
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 52,
        },
      ],
    },
    {
      // A call cut by an interpolation (\`redis.call('HGETALL', '\${prefix}')\`) is not read.
      name: 'whole sets, hashes and the keyspace, around an interpolation',
      code: `const prefix = 'bull';
export const cleanup = \`local ids = redis.pcall('SMEMBERS', KEYS[1]) return ids\`;
export const dump = \`local all = redis.call('HGETALL', KEYS[1]) -- \${prefix}
local keys = redis.call('KEYS', ARGV[1])\`;`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: "redis.pcall('SMEMBERS', KEYS[1])", shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 2,
          column: 37,
        },
        {
          messageId: 'redisWhole',
          data: { construct: "redis.call('HGETALL', KEYS[1])", shape: 'hash', size: 'HLEN', scan: 'HSCAN' },
          line: 3,
          column: 34,
        },
        { messageId: 'redisKeys', data: { construct: "redis.call('KEYS', ARGV[1])" }, line: 4, column: 14 },
      ],
    },
  ],
});
