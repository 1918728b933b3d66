import type { LibraryEntry } from '../catalog.js';

export const redis: LibraryEntry = {
  id: 'redis',
  name: 'Redis',
  modules: ['ioredis', 'redis', /^@redis\//, '@upstash/redis', '@nestjs-modules/ioredis', '@liaoliaots/nestjs-redis'],
  roles: {
    client: {
      constructs: [
        { name: 'Redis', imported: true },
        { name: 'Cluster', imported: true },
        { name: 'Redis.Cluster', imported: true },
        { name: 'default', imported: true },
      ],
      factories: [
        { name: 'createClient', imported: true },
        { name: 'createCluster', imported: true },
      ],
      methods: [{ from: 'client', names: ['duplicate', 'pipeline', 'multi', 'isolated'] }],
      types: [
        { name: 'Redis', imported: true },
        { name: 'Cluster', imported: true },
        { name: 'RedisClientType' },
        { name: 'RedisClusterType' },
        { name: 'Pipeline', imported: true },
        { name: 'ChainableCommander', imported: true },
      ],
      decorators: [{ name: 'InjectRedis', imported: true }],
      names: ['*redis*', '*Redis*'],
    },
  },
  loaders: [
    {
      kind: 'redis',
      role: 'client',
      evidence: 'import',
      // Lua run by EVAL / defineCommand / a script module (`const content = \`… redis.call("LRANGE", KEYS[1], 0, -1) …\``).
      scriptCalls: ['redis.call', 'redis.pcall'],
      commands: [
        { names: ['keys', 'keysBuffer'], shape: 'keyspace', scan: 'SCAN', minArgs: 1 },
        { names: ['smembers', 'sMembers', 'smembersBuffer'], shape: 'set', scan: 'SSCAN', size: ['scard', 'sCard'], minArgs: 1 },
        {
          names: ['sunion', 'sUnion', 'sunionBuffer', 'sinter', 'sInter', 'sinterBuffer', 'sdiff', 'sDiff', 'sdiffBuffer'],
          shape: 'set',
          scan: 'SSCAN',
          size: ['scard', 'sCard'],
          minArgs: 1,
          multiKey: true,
        },
        {
          names: ['hgetall', 'hGetAll', 'hgetallBuffer'],
          shape: 'hash',
          scan: 'HSCAN',
          size: ['hlen', 'hLen'],
          minArgs: 1,
          inScripts: false,
        },
        { names: ['hkeys', 'hKeys', 'hkeysBuffer'], shape: 'hash', scan: 'HSCAN', size: ['hlen', 'hLen'], minArgs: 1, inScripts: false },
        { names: ['hvals', 'hVals', 'hvalsBuffer'], shape: 'hash', scan: 'HSCAN', size: ['hlen', 'hLen'], minArgs: 1, inScripts: false },
        {
          names: ['lrange', 'lRange', 'lrangeBuffer'],
          shape: 'list',
          scan: 'LRANGE',
          size: ['llen', 'lLen'],
          range: { start: 1, stop: 2 },
          minArgs: 3,
        },
        {
          names: ['zrange', 'zRange', 'zrevrange', 'zRangeWithScores', 'zrangeBuffer', 'zrevrangeBuffer'],
          shape: 'sorted set',
          scan: 'ZSCAN',
          size: ['zcard', 'zCard'],
          // `ZRANGE k (1 +inf BYSCORE`: the range is scores or names, not positions.
          range: { start: 1, stop: 2, byValue: ['BYSCORE', 'BYLEX'] },
          minArgs: 3,
        },
        // Ranges of scores, names and stream IDs: whole from `-inf`/`-`/`0` to `+inf`/`+`, bounded
        // only by `LIMIT` or `COUNT` (node-redis and Upstash pass them in an object or a number).
        {
          names: ['zrangebyscore', 'zRangeByScore', 'zRangeByScoreWithScores', 'zrangebyscoreBuffer'],
          shape: 'sorted set',
          scan: 'ZSCAN',
          size: ['zcard', 'zCard'],
          range: { start: 1, stop: 2, whole: { start: ['-inf'], stop: ['+inf', 'inf'], bounds: ['LIMIT'] } },
          minArgs: 3,
        },
        {
          names: ['zrevrangebyscore', 'zrevrangebyscoreBuffer'],
          shape: 'sorted set',
          scan: 'ZSCAN',
          size: ['zcard', 'zCard'],
          range: { start: 1, stop: 2, whole: { start: ['+inf', 'inf'], stop: ['-inf'], bounds: ['LIMIT'] } },
          minArgs: 3,
        },
        {
          names: ['zrangebylex', 'zRangeByLex', 'zrangebylexBuffer'],
          shape: 'sorted set',
          scan: 'ZSCAN',
          size: ['zcard', 'zCard'],
          range: { start: 1, stop: 2, whole: { start: ['-'], stop: ['+'], bounds: ['LIMIT'] } },
          minArgs: 3,
        },
        {
          names: ['zrevrangebylex', 'zrevrangebylexBuffer'],
          shape: 'sorted set',
          scan: 'ZSCAN',
          size: ['zcard', 'zCard'],
          range: { start: 1, stop: 2, whole: { start: ['+'], stop: ['-'], bounds: ['LIMIT'] } },
          minArgs: 3,
        },
        {
          // `0` and `0-0` are below every entry ID, like `-`.
          names: ['xrange', 'xRange', 'xrangeBuffer'],
          shape: 'stream',
          scan: 'XRANGE',
          size: ['xlen', 'xLen'],
          range: { start: 1, stop: 2, whole: { start: ['-', '0', '0-0'], stop: ['+'], bounds: ['COUNT'] } },
          minArgs: 3,
        },
        {
          // `XREVRANGE key end start`: from the newest entry back.
          names: ['xrevrange', 'xRevRange', 'xrevrangeBuffer'],
          shape: 'stream',
          scan: 'XREVRANGE',
          size: ['xlen', 'xLen'],
          range: { start: 1, stop: 2, whole: { start: ['+'], stop: ['-', '0', '0-0'], bounds: ['COUNT'] } },
          minArgs: 3,
        },
      ],
    },
  ],
};
