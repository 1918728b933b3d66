import { describe, expect, it } from 'vitest';
import { mayMentionTimeouts } from '../../src/analysis/timeout-gate.js';
import { buildVocabulary } from '../../src/analysis/timeout-vocabulary.js';
import noTimeoutSentinel from '../../src/rules/no-timeout-sentinel.js';
import preferTypedTimeoutError from '../../src/rules/prefer-typed-timeout-error.js';

const words = buildVocabulary();

describe('mayMentionTimeouts', () => {
  // One file per kind of timeout path or message, none of which says "time" or "abort".
  it.each([
    ['an elapsed-time name', 'if (took > 5000) return [];'],
    ['another elapsed-time name', 'if (waitedMs >= limit) return null;'],
    ['a clock read', 'if (Date.now() - start > limit) return 0;'],
    ['a clock read with a space', 'if (performance.now () - t0 > max) return 0;'],
    ['an optional clock read', 'if (clock.now?.() > deadline) return 0;'],
    ['a clock read by a string key', "if (Date['now']() > cutoff) return 0;"],
    ['+new Date', 'if (+new Date - begin > 1000) return [];'],
    ['valueOf', 'if (new Date().valueOf() - begin > 1000) return [];'],
    ['a race', 'return Promise.race([work(), sleep(100).then(() => [])]);'],
    ['a race by a string key', "return Promise['race']([work(), sleep(100).then(() => [])]);"],
    ['Promise.any', 'return Promise.any([work(), delay(100).then(() => [])]);'],
    ['a statement-timeout code', "if (e.code === '57014') return [];"],
    ['a deadline message', "throw new Error('Deadline exceeded');"],
  ])('passes a file with %s', (_, code) => {
    expect(mayMentionTimeouts(code, words)).toBe(true);
  });

  it.each(['setTimeout(done, 10);', 'const TIMED_OUT = 1;', 'if (signal.aborted) return [];', "if (e.code === 'ECONNABORTED') return;"])(
    'passes %j',
    (code) => {
      expect(mayMentionTimeouts(code, words)).toBe(true);
    },
  );

  it('skips a file with none of the words', () => {
    expect(mayMentionTimeouts('export const rows = await db.select().from(users);\nif (!rows) return [];', words)).toBe(false);
    // `now` not called, `race` not a member: no clock read, no race.
    expect(mayMentionTimeouts('const now = 1; const trace = race; // snow', words)).toBe(false);
  });

  it("adds the user's elapsed and flag words", () => {
    const code = 'if (lagMs > 100) return [];';
    expect(mayMentionTimeouts(code, words)).toBe(false);
    expect(mayMentionTimeouts(code, buildVocabulary({ elapsed: ['lagMs'] }))).toBe(true);
    expect(mayMentionTimeouts('if (gaveUp) return [];', buildVocabulary({ flags: ['gaveUp'] }))).toBe(true);
  });
});

describe('the timeout rules on a file without timeout words', () => {
  const context = { options: [], sourceCode: { text: 'export const total = rows.length || 0;' } };

  it('no-timeout-sentinel registers no listener', () => {
    const listeners = noTimeoutSentinel.create(context as unknown as Parameters<typeof noTimeoutSentinel.create>[0]);
    expect(Object.keys(listeners)).toEqual([]);
  });

  it('prefer-typed-timeout-error registers no listener', () => {
    const listeners = preferTypedTimeoutError.create(context as unknown as Parameters<typeof preferTypedTimeoutError.create>[0]);
    expect(Object.keys(listeners)).toEqual([]);
  });
});
