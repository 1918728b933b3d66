import { describe, expect, it } from 'vitest';
import { isTimeoutCase, timeoutSide } from '../../src/analysis/timeout/guard.js';
import { buildVocabulary, DEFAULT_VOCABULARY } from '../../src/analysis/timeout/vocabulary.js';
import { parseExpression, parseProgram } from './parse.js';

const words = buildVocabulary();
// Names alone: whether a named value was measured with a clock is the path finder's question (its
// own tests below and the rule tests); here every elapsed-time name counts as one.
const names = (vocabulary = words) => ({ words: vocabulary, isClock: () => true });
const side = (code: string) => timeoutSide(parseExpression(code), names());

describe('timeoutSide', () => {
  it.each([
    'timePass > maxWait',
    'elapsedMs >= timeoutMs',
    'maxWait < timePass',
    'Date.now() - start > budget',
    'Date.now() - t0 > 5000',
    'Date.now() > deadline',
    'Date.now() >= startedAt + timeoutMs',
    'performance.now() - t0 > limit',
    'new Date().getTime() - begin > 1000',
    '+new Date() - start > 1000',
    'process.hrtime(start)[0] > maxSeconds',
    'Number(process.hrtime.bigint() - start) / 1e6 > timeoutMs',
    'elapsed > 3000',
    'elapsedSince(start) > maxWait',
    'timer.elapsed() >= timeoutMs',
    'Math.round(stopwatch.getDuration() / 1000) > this.maxDuration',
    'signal.aborted',
    'this.controller.signal.aborted',
    'timedOut',
    'state.didTimeout',
    'timedOut === true',
    'signal.aborted !== false',
    'maxWait !== 0 && timePass > maxWait',
    'rows.length === 0 || timedOut',
    "err.name === 'TimeoutError'",
    "'AbortError' == e.name",
    "error.code === 'ETIMEDOUT'",
    "e.code === '57014'",
    "e.code === 'UND_ERR_CONNECT_TIMEOUT'",
    'e instanceof TimeoutError',
    'e instanceof errors.QueryTimeoutError',
    "['ETIMEDOUT', 'ECONNABORTED'].includes(e.code)",
    'TIMEOUT_CODES.has(err.code)',
    "err.message.includes('timed out')",
    "e.message.toLowerCase().includes('timeout')",
    '/time(d)? ?out/i.test(err.message)',
    'isTimeoutError(err)',
    'axiosUtils.isTimedOut(e)',
  ])('%s: timed out when true', (code) => {
    expect(side(code)).toBe('true');
  });

  it.each([
    'timePass <= maxWait',
    'elapsed < timeout',
    'Date.now() - start < 5000',
    'Date.now() < deadline',
    '!timedOut',
    '!signal.aborted',
    "err.name !== 'TimeoutError'",
    'timedOut === false',
    'elapsed < timeout || fallbackAllowed',
    'elapsedSince(start) < maxWait',
  ])('%s: timed out when false', (code) => {
    expect(side(code)).toBe('false');
  });

  it.each([
    'rows.length === 0',
    'count > maxRows',
    'Date.now() - entry.time > ttl',
    'Date.now() > entry.expiresAt',
    'age > maxAge',
    'aborted',
    'x && y',
    "err.code === 'ENOENT'",
    "err.name === 'ValidationError'",
    "message.includes('timeout')",
    'hasTimeout',
    'elapsed > somethingElse',
    'getDuration(video) > 600',
    'elapsedSince(start) > other',
    'getTimeout() > maxWait',
    // Whether a duration is set, not whether time ran out (rate-limiter-flexible's option setter).
    'this.inMemoryBlockDuration > 0 && this.inMemoryBlockOnConsumed === 0',
    '0 < duration',
    'elapsed >= -1',
    'start > end',
    'typeof timeout === "number"',
  ])('%s: not a timeout test', (code) => {
    expect(side(code)).toBeNull();
  });

  it('adds user words to the built-in vocabulary, lower-cased', () => {
    const custom = buildVocabulary({ elapsed: ['WaitedFor'], limit: ['patience'] });
    expect(timeoutSide(parseExpression('waitedFor > patience'), names(custom))).toBe('true');
    expect(timeoutSide(parseExpression('waitedFor > patience'), names())).toBeNull();
    expect(custom.elapsed).toEqual([...DEFAULT_VOCABULARY.elapsed, 'waitedfor']);
  });
});

describe('isTimeoutCase', () => {
  const program = parseProgram("switch (e.code) { case 'ETIMEDOUT': break; case 'ENOENT': break; default: }");
  const statement = program.body[0] as import('@typescript-eslint/utils').TSESTree.SwitchStatement;
  it('recognises a timeout code case on an error field', () => {
    expect(statement.cases.map((c) => isTimeoutCase(c, statement.discriminant))).toEqual([true, false, false]);
  });
});

describe('timeoutSide with a clock test', () => {
  const noClock = { words, isClock: () => false };
  it.each(['video.durationSec > maxDurationSec', 'elapsedMs >= timeoutMs', 'tookMs > 3000'])(
    '%s: a named value with no clock behind it is data, not a timeout test',
    (code) => {
      expect(timeoutSide(parseExpression(code), noClock)).toBeNull();
    },
  );
  it.each(['Date.now() - startedAt > timeoutMs', 'Date.now() > deadline', 'signal.aborted', "err.name === 'TimeoutError'"])(
    '%s: a clock read, a signal or an error test needs no clock test',
    (code) => {
      expect(timeoutSide(parseExpression(code), noClock)).toBe('true');
    },
  );
});
