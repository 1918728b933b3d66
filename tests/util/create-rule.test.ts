import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/util/create-rule.js';

interface Options {
  limit: number;
  names: string[];
}

/** A rule that records the options object each file's `create` receives. */
function recordingRule() {
  const seen: Options[] = [];
  const rule = createRule<[Options], 'x'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'records its options' },
      messages: { x: 'x' },
      schema: [
        {
          type: 'object',
          properties: { limit: { type: 'number' }, names: { type: 'array', items: { type: 'string' } } },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ limit: 100, names: ['a'] }],
    },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  return { rule, seen };
}

function lint(rule: unknown, setting: unknown, files: number): void {
  const linter = new Linter();
  const config = { plugins: { t: { rules: { recording: rule } } }, rules: { 't/recording': setting } } as Linter.Config;
  for (let i = 0; i < files; i++) linter.verify(`const x${i} = ${i};`, config, { filename: `f${i}.js` });
}

describe('createRule: defaults merged once per distinct options', () => {
  it('gives every file the same merged defaults when the user sets no options', () => {
    const { rule, seen } = recordingRule();
    lint(rule, 'error', 3);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toEqual({ limit: 100, names: ['a'] });
    expect(new Set(seen).size).toBe(1);
  });

  it('gives every file the same merged object for the same user options, a new one for others', () => {
    const { rule, seen } = recordingRule();
    lint(rule, ['error', { limit: 5 }], 3);
    lint(rule, ['error', { limit: 7, names: ['b'] }], 2);
    expect(seen.slice(0, 3).every((o) => o === seen[0])).toBe(true);
    expect(seen[0]).toEqual({ limit: 5, names: ['a'] });
    expect(seen[3]).not.toBe(seen[0]);
    expect(seen[4]).toBe(seen[3]);
    expect(seen[3]).toEqual({ limit: 7, names: ['b'] });
  });
});
