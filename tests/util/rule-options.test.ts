// Rule options as createRule reads them: the defaults merge (ours, in place of typescript-eslint's
// `applyDefault`, which the built plugin no longer loads), the shape ESLint is given, and the check
// of the values, whose messages name the option; and the schema checker covering every keyword and
// type our schemas use, since ESLint no longer checks the values itself.
import { ESLintUtils } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { settingsSchema } from '../../src/settings.js';
import { optionsSchemaOf } from '../../src/util/create-rule.js';
import { optionProblems, shapeSchema, withDefaults } from '../../src/util/rule-options.js';
import { CHECKED_KEYWORDS } from '../../src/util/schema-check.js';

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, 'a', 'b'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const optionsList = fc.array(fc.oneof(json, fc.constant(undefined)), { maxLength: 3 });

describe('withDefaults', () => {
  it('merges as typescript-eslint applyDefault does, on any JSON defaults and options', () => {
    fc.assert(
      fc.property(optionsList, optionsList, (defaults, options) => {
        expect(withDefaults(defaults, options)).toEqual(ESLintUtils.applyDefault(defaults, options));
      }),
      { numRuns: 2000 },
    );
  });

  it('merges objects key by key, replaces arrays and leaves both inputs as they were', () => {
    const defaults = [{ limit: 100, names: ['a'], nested: { x: 1, y: 2 } }] as const;
    const options = [{ names: ['b'], nested: { y: 3 } }];
    expect(withDefaults(defaults, options)).toEqual([{ limit: 100, names: ['b'], nested: { x: 1, y: 3 } }]);
    expect(defaults[0].nested).toEqual({ x: 1, y: 2 });
    expect(options).toEqual([{ names: ['b'], nested: { y: 3 } }]);
    expect(withDefaults(defaults, undefined)).toEqual(defaults);
    expect(withDefaults(defaults, undefined)).not.toBe(defaults);
  });
});

describe('shapeSchema: what ESLint validates', () => {
  it('keeps the keys (so ESLint names an unknown one) and drops types, enums, patterns and bounds', () => {
    const schema: JSONSchema4 = {
      type: 'object',
      description: 'd',
      properties: {
        libraries: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true },
        limit: { type: 'integer', minimum: 1 },
        names: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', pattern: '^x$' } } },
      },
      required: ['limit'],
      additionalProperties: false,
    };
    expect(shapeSchema(schema)).toEqual({
      description: 'd',
      properties: { libraries: { items: {} }, limit: {}, names: { additionalProperties: { items: {} } } },
      additionalProperties: false,
    });
  });
});

describe('optionProblems', () => {
  const schema: JSONSchema4 = {
    type: 'object',
    properties: {
      mode: { type: 'string', enum: ['fast', 'safe'] },
      limit: { type: 'integer', minimum: 1 },
      names: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
    additionalProperties: false,
  };

  it('names each bad option by its path, quotes the value and lists an enum', () => {
    expect(optionProblems([schema], [{ mode: 'quick', limit: 0, names: { a: ['x', 2] } }])).toEqual([
      'options.mode: must be one of: "fast", "safe", got "quick"',
      'options.limit: must be at least 1, got 0',
      'options.names.a[1]: must be a string, got 2',
    ]);
  });

  it('accepts good options and no options', () => {
    expect(optionProblems([schema], [{ mode: 'safe', limit: 5, names: { a: ['x'] } }])).toEqual([]);
    expect(optionProblems([schema], [])).toEqual([]);
  });

  it('numbers the position when a rule takes more than one option', () => {
    expect(optionProblems([schema, { type: 'boolean' }], [{}, 'yes'])).toEqual(['options[1]: must be true or false, got "yes"']);
  });
});

describe('the schema checker reads every keyword and type our schemas use', () => {
  const used = new Set<string>();
  const types = new Set<string>();
  const collect = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null) return;
    for (const [key, value] of Object.entries(schema)) {
      used.add(key);
      if (key === 'type') types.add(String(value));
      if (key === 'properties') Object.values(value as object).forEach(collect);
      if (key === 'items' || key === 'additionalProperties') collect(value);
    }
  };
  for (const rule of Object.values(plugin.rules)) optionsSchemaOf(rule).forEach(collect);
  collect(settingsSchema);

  it('keywords', () => {
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((keyword) => !CHECKED_KEYWORDS.has(keyword))).toEqual([]);
  });

  it('types', () => {
    expect([...types].filter((type) => !['object', 'array', 'string', 'boolean', 'integer', 'number'].includes(type))).toEqual([]);
  });
});
