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

/** bull's lib/scripts/cleanJobsInSet-3.js, reduced: the range stays \`0 -1\` unless a positive limit is passed. */
const CLEAN_JOBS_IN_SET = `'use strict';
const content = \`--[[
  ARGV[3]  limit the number of jobs to be removed. 0 is unlimited
]]
local setKey = KEYS[1]
local limitStr = ARGV[3]
local isList = ARGV[4] == "wait"
local rcall = redis.call
local function getJobs(setKey, isList, rangeStart, rangeEnd, maxTimestamp, limit)
  if isList then
    return rcall("LRANGE", setKey, rangeStart, rangeEnd)
  elseif limit > 0 then
    return rcall("ZRANGEBYSCORE", setKey, 0, maxTimestamp, "LIMIT", 0, limit)
  else
    return rcall("ZRANGE", setKey, rangeStart, rangeEnd)
  end
end
local limit = tonumber(limitStr)
local rangeStart = 0
local rangeEnd = -1
-- If we're only deleting _n_ items, avoid retrieving all items
if limit > 0 then
  rangeStart = -1 - limit + 1
  rangeEnd = -1
end
local jobIds = getJobs(setKey, isList, rangeStart, rangeEnd, ARGV[2], limit)
return jobIds
\`;
module.exports = { name: 'cleanJobsInSet', content, keys: 3 };`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// a script keeps a record in a hash (a job's fields): reading it whole is reading one record
export const moveToActive = \`
local jobKey = KEYS[1] .. ARGV[1]
return {redis.call('HGETALL', jobKey), redis.call('HKEYS', jobKey), redis.call('HVALS', jobKey)}
\`;`,
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
    `// range variables the script bounds on every path, or sets from its arguments; calls that only look like an alias
export const script = \`
local rcall = redis.call
local stop = -1
stop = tonumber(ARGV[1]) - 1
local first = 0
local last = tonumber(ARGV[2])
local page = rcall("LRANGE", KEYS[1], first, stop)
local other = rcall("LRANGE", KEYS[1], first, last)
local function read(key, from, to)
  return rcall("ZRANGE", key, from, to)
end
local top = read(KEYS[2], 0, 9)
local named = xrcall("LRANGE", KEYS[1], 0, -1)
-- local rcall = redis.call is only a comment: not an alias
local commented = -1
\`;`,
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
export const dump = \`local all = redis.call('SMEMBERS', KEYS[1]) -- \${prefix}
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
          data: { construct: "redis.call('SMEMBERS', KEYS[1])", shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 3,
          column: 34,
        },
        { messageId: 'redisKeys', data: { construct: "redis.call('KEYS', ARGV[1])" }, line: 4, column: 14 },
      ],
    },
    {
      name: "bull's cleanJobsInSet: the range variables keep 0 -1 unless a limit is passed",
      code: CLEAN_JOBS_IN_SET,
      errors: [
        {
          messageId: 'redisRangeSomePaths',
          data: {
            construct: 'getJobs(setKey, isList, rangeStart, ran… → rcall("LRANGE", setKey, rangeStart, rangeEnd)',
            shape: 'list',
            start: '0',
            size: 'LLEN',
            names: 'rangeStart`, `rangeEnd',
          },
          line: 26,
          column: 16,
          endLine: 26,
          endColumn: 77,
        },
      ],
    },
    {
      name: "the script's own name for redis.call, and a whole range passed to a function",
      code: `export const script = \`
local rcall = redis.call
local all = rcall("LRANGE", KEYS[1], 0, -1)
local function members(key, from, to) return rcall('ZRANGE', key, from, to) end
return members(KEYS[2], 0, -1)
\`;`,
      errors: [
        {
          messageId: 'redisRange',
          data: { construct: 'rcall("LRANGE", KEYS[1], 0, -1)', shape: 'list', start: '0', size: 'LLEN' },
          line: 3,
          column: 13,
        },
        {
          messageId: 'redisRange',
          data: { construct: "members(KEYS[2], 0, -1) → rcall('ZRANGE', key, from, to)", shape: 'sorted set', start: '0', size: 'ZCARD' },
          line: 5,
          column: 8,
        },
      ],
    },
  ],
});
