import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaScript } from '../../src/analysis/loaders/loads/lua-values.js';

/** The value `arg` holds where `marker` (a unique piece of the script) starts. */
function valueAt(script: string, arg: string, marker: string) {
  const at = script.indexOf(marker);
  expect(at, `${marker} is in the script`).toBeGreaterThanOrEqual(0);
  return new LuaScript(script).valueAt(arg, at);
}

describe('LuaScript.aliasesOf', () => {
  it('finds the local names a script gives redis.call, not comments, globals or comparisons', () => {
    const script = `local rcall = redis.call
local pcall2 = redis.call -- a second name
-- local commented = redis.call
other = redis.call
local same = x == redis.call
local s = "local quoted = redis.call"`;
    expect(new LuaScript(script).aliasesOf('redis.call')).toEqual(['rcall', 'pcall2']);
  });
});

describe('LuaScript.valueAt', () => {
  it('reads numbers written in place, and nothing else that is not a name', () => {
    const script = 'local x = 1';
    expect(new LuaScript(script).valueAt('-1', 0)).toEqual({ text: '-1', somePaths: false });
    expect(new LuaScript(script).valueAt('ARGV[1]', 0)).toBeNull();
    expect(new LuaScript(script).valueAt('tonumber(ARGV[1])', 0)).toBeNull();
  });

  it('reads a local given a number, kept on every path', () => {
    const script = `local stop = -1
return redis.call("LRANGE", KEYS[1], 0, stop) -- here`;
    expect(valueAt(script, 'stop', '-- here')).toEqual({ text: '-1', somePaths: false, local: 'stop' });
  });

  it('reads a local given another value only inside a block as kept on some paths', () => {
    const script = `local stop = -1
if ARGV[1] ~= "" then
  stop = tonumber(ARGV[1])
end
return redis.call("LRANGE", KEYS[1], 0, stop) -- here`;
    expect(valueAt(script, 'stop', '-- here')).toEqual({ text: '-1', somePaths: true, local: 'stop' });
  });

  it('knows nothing of a local given another value at its own level, or first given a computed one', () => {
    expect(valueAt('local stop = -1\nstop = tonumber(ARGV[1])\nreturn x -- here', 'stop', '-- here')).toBeNull();
    expect(valueAt('local stop = tonumber(ARGV[1])\nreturn x -- here', 'stop', '-- here')).toBeNull();
    expect(valueAt('return x -- here', 'stop', '-- here')).toBeNull();
  });

  it('reads a parameter from the calls of its function, and where the call is', () => {
    const script = `local function read(key, from, to)
  return redis.call("ZRANGE", key, from, to) -- here
end
local stop = -1
return read(KEYS[1], 0, stop)`;
    const call = script.indexOf('read(KEYS');
    expect(valueAt(script, 'to', '-- here')).toEqual({
      text: '-1',
      somePaths: false,
      local: 'stop',
      site: [call, call + 'read(KEYS[1], 0, stop)'.length],
    });
    expect(valueAt(script, 'from', '-- here')?.text).toBe('0');
  });

  it('reads a parameter whose calls pass different values at the first call, as kept on some paths', () => {
    const script = `local function read(key, to)
  return redis.call("LRANGE", key, 0, to) -- here
end
local a = read(KEYS[1], tonumber(ARGV[1]))
local b = read(KEYS[2], -1)
local c = read(KEYS[3], 99)`;
    const call = script.indexOf('read(KEYS[2]');
    expect(valueAt(script, 'to', '-- here')).toEqual({ text: '-1', somePaths: true, site: [call, call + 'read(KEYS[2], -1)'.length] });
  });

  it('knows nothing of a parameter no call passes a known value to', () => {
    const script = `local function read(key, to)
  return redis.call("LRANGE", key, 0, to) -- here
end
return read(KEYS[1], tonumber(ARGV[1]))`;
    expect(valueAt(script, 'to', '-- here')).toBeNull();
  });

  it('reads a header that spans lines', () => {
    const script = `local function read(key, from,
  to)
  return redis.call("LRANGE", key, from, to) -- here
end
return read(KEYS[1], 0, -1)`;
    expect(valueAt(script, 'to', '-- here')?.site).toBeDefined();
  });

  it("knows nothing of a local given another value on the read's own path before it", () => {
    const script = `local stop = -1
if ARGV[1] then
  stop = 9
  return redis.call("LRANGE", KEYS[1], 0, stop) -- here
end`;
    expect(valueAt(script, 'stop', '-- here')).toBeNull();
  });

  it('reads a local changed later in a loop around the read as kept on some paths', () => {
    const script = `local stop = -1
while true do
  local items = redis.call("LRANGE", KEYS[1], 0, stop) -- here
  stop = stop - 10
end`;
    expect(valueAt(script, 'stop', '-- here')).toEqual({ text: '-1', somePaths: true, local: 'stop' });
  });

  it('follows a function calling itself without looping: the outer call gives the value', () => {
    const script = `local function walk(key, to)
  if to > 10 then return walk(key, to) end
  return redis.call("LRANGE", key, 0, to) -- here
end
return walk(KEYS[1], -1)`;
    const call = script.indexOf('walk(KEYS');
    expect(valueAt(script, 'to', '-- here')).toEqual({ text: '-1', somePaths: false, site: [call, call + 'walk(KEYS[1], -1)'.length] });
  });

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat({ max: 200 }), (text, at) => {
        const script = new LuaScript(text);
        script.aliasesOf('redis.call');
        script.valueAt('x', at);
      }),
    );
  });
});
