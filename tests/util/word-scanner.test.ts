import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordScanner } from '../../src/util/word-scanner.js';

/** What the scanner promises, the slow way: ASCII lower-cased, ASCII whitespace dropped, anything else a stop. */
function reference(words: readonly string[], text: string): boolean {
  const folded = text
    .replace(/[\t\n\v\f\r ]/g, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[^\x00-\x7f]/g, '\0');
  return words.some((word) => folded.includes(word.toLowerCase()));
}

describe('WordScanner', () => {
  const scanner = new WordScanner(['time', 'now(', '57014', 'abcd', 'bcx']);

  it.each([
    ['setTimeout(fn, 10)', true],
    ['const TIMEOUT = 1', true],
    ['Date.now ()', true],
    ['Date.now\n  ()', true],
    ['Date.now', false],
    ["if (e.code === '57014')", true],
    ['const a = 1', false],
    ['', false],
    ['tim', false],
    // `abcd` fails at `x`, where `bcx` (a suffix of what was read) goes on.
    ['abcx', true],
    // A character outside ASCII breaks a word.
    ['ti\u00e9me', false],
  ])('%j → %s', (text, found) => {
    expect(scanner.foundIn(text)).toBe(found);
  });

  it('finds a word that crosses from one quarter of the text into the next', () => {
    const word = 'ti  m\ne';
    for (const size of [0, 1, 5, 40, 401]) {
      const text = 'let x = y + 1;\n'.repeat(size);
      expect(scanner.foundIn(text)).toBe(false);
      const quarter = (text.length + word.length) >> 2;
      // Every placement that puts the quarter boundary inside the word, and the ends of the text.
      const starts = [0, text.length];
      for (const boundary of [quarter, 2 * quarter, 3 * quarter]) {
        for (let at = boundary - word.length; at <= boundary; at++) if (at >= 0 && at <= text.length) starts.push(at);
      }
      for (const at of starts) expect(scanner.foundIn(text.slice(0, at) + word + text.slice(at))).toBe(true);
    }
  });

  it('agrees with a plain substring search on generated texts', () => {
    const words = ['time', 'abort', 'now(', '.race', 'ab', 'bab'];
    const matcher = new WordScanner(words);
    const char = fc.constantFrom(...'timeabortnow(.racebAB \n\t\u00e9x'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 200 }), (chars) => {
        const text = chars.join('');
        expect(matcher.foundIn(text)).toBe(reference(words, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a word it could never match', () => {
    expect(() => new WordScanner(['time out'])).toThrow(/not printable ASCII/);
    expect(() => new WordScanner(['d\u00e9lai'])).toThrow(/not printable ASCII/);
  });
});
