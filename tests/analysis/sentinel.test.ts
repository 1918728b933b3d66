import { describe, expect, it } from 'vitest';
import { classifySentinel } from '../../src/analysis/sentinel/values.js';
import { parseExpression } from './parse.js';

const kindOf = (code: string) => classifySentinel(parseExpression(code))?.kind ?? null;

describe('classifySentinel', () => {
  it.each([
    '0',
    '-1',
    'null',
    'undefined',
    'void 0',
    "''",
    '``',
    'false',
    'NaN',
    'Number.NaN',
    '0n',
    '[]',
    '{}',
    'new Map()',
    'new Set()',
    'new Set([])',
    '[] as string[]',
    '0 satisfies number',
  ])('%s is an empty value', (code) => {
    expect(kindOf(code)).toBe('empty');
  });

  it.each([
    ['[0, null]', 1],
    ['[null, 0]', 0],
    ['[[], undefined]', 1],
    ['[null, null]', null],
  ] as const)('%s is a tuple with the error slot at %s', (code, errorIndex) => {
    const sentinel = classifySentinel(parseExpression(code));
    expect(sentinel).toMatchObject({ kind: 'tuple', errorIndex });
  });

  it.each([
    '{ count: 0, error: null }',
    '{ data: [], error: null }',
    '{ items: [], total: 0 }',
    '{ ok: true, value: 0 }',
    '{ data: { items: [] }, err: undefined }',
    '{ items: [], stale: false }',
  ])('%s is an empty result object', (code) => {
    expect(kindOf(code)).toBe('object');
  });

  it.each(['ok(0)', 'Ok([])', 'okAsync(null)', 'right([])', 'Result.ok(undefined)', 'E.right(0)', 'Promise.resolve([])', 'of([])', 'ok()'])(
    '%s is a success wrapper around a sentinel',
    (code) => {
      expect(kindOf(code)).toBe('wrapped');
    },
  );

  it.each([
    '1',
    "'x'",
    'true',
    'rows',
    '[1]',
    '[0, new TimeoutError()]',
    '[0, err]',
    '[0, null, 1]',
    '[...rows, null]',
    '{ data: null, error: e }',
    '{ items: cached, stale: true }',
    '{ items: [], timedOut: true }',
    '{ items: [], partial: true }',
    '{ ...base, error: null }',
    '{ [key]: 0 }',
    '{ data: rows, error: null }',
    'new Map(entries)',
    'ok(rows)',
    'err(0)',
    'res.ok(0)',
    'of()',
    'Promise.resolve(rows)',
    '/x/',
  ])('%s is not a sentinel', (code) => {
    expect(kindOf(code)).toBeNull();
  });

  it('names the failure counterpart of each wrapper', () => {
    const failureOf = (code: string) => {
      const sentinel = classifySentinel(parseExpression(code));
      return sentinel?.kind === 'wrapped' ? sentinel.failure : null;
    };
    expect(failureOf('ok(0)')).toEqual({ name: 'err', sameModule: true, takesFactory: false });
    expect(failureOf('of([])')).toEqual({ name: 'throwError', sameModule: true, takesFactory: true });
    expect(failureOf('Result.ok(0)')).toEqual({ name: 'Result.err', sameModule: false, takesFactory: false });
    expect(failureOf('Promise.resolve(0)')).toEqual({ name: 'Promise.reject', sameModule: false, takesFactory: false });
  });
});
