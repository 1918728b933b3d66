// Text fixes write (issue 24): string literals that hold any text, and the file's line ending.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quote } from '../../src/analysis/js/fix-text.js';
import { parseExpression } from './parse.js';

describe('quote', () => {
  it('makes a literal that parses and holds the text, whatever the text', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\\', "'", '"', '`', '\n', '\r', '\u2028', '\u2029', '\u0000', '\t', '\u007f', '${'),
        fc.string({ maxLength: 1, unit: 'binary' }),
      ),
    });
    fc.assert(
      fc.property(text, (t) => {
        const literal = parseExpression(quote(t));
        expect(literal.type === AST_NODE_TYPES.Literal && literal.value).toBe(t);
        expect(quote(t)).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { seed: 24, numRuns: 500 },
    );
  });

  it('writes the usual escapes by name', () => {
    expect(quote("it's a\\b\nc")).toBe("'it\\'s a\\\\b\\nc'");
    expect(quote('\u2028')).toBe("'\\u2028'");
  });
});
