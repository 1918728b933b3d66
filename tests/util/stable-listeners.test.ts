import { Linter } from 'eslint';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/util/create-rule.js';
import { stableListeners } from '../../src/util/stable-listeners.js';

/** Reports every call to a function named in its option, with the file's name in the message. */
const callRule = createRule<[{ names: string[] }], 'call'>({
  name: 'calls',
  meta: {
    type: 'problem',
    docs: { description: 'reports calls' },
    messages: { call: '{{name}} in {{file}}' },
    schema: [{ type: 'object', properties: { names: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    defaultOptions: [{ names: ['load'] }],
  },
  create(context, [options]) {
    const names = new Set(options.names);
    const file = context.filename;
    if (names.size === 0) return {};
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && names.has(node.callee.name)) {
          context.report({ node, messageId: 'call', data: { name: node.callee.name, file } });
        }
      },
    };
  },
});

function config(rules: Linter.RulesRecord, plugins: Record<string, unknown> = { t: { rules: { calls: callRule } } }): Linter.Config {
  return { plugins, rules } as Linter.Config;
}

describe('stableListeners', () => {
  it('hands ESLint the same listener functions for every file', () => {
    const create = stableListeners((): TSESLint.RuleListener => ({ CallExpression: () => {}, 'Program:exit': () => {} }));
    const first = create({ id: 't/r', sourceCode: {} });
    const second = create({ id: 't/r', sourceCode: {} });
    expect(Object.keys(second)).toEqual(['CallExpression', 'Program:exit']);
    expect(second.CallExpression).toBe(first.CallExpression);
    expect(second['Program:exit']).toBe(first['Program:exit']);
  });

  it("calls the current file's own listeners, with every argument", () => {
    const calls: string[] = [];
    const create = stableListeners((context: { id: string; sourceCode: object; name: string }) => ({
      onCodePathSegmentLoop: (...args: unknown[]) => calls.push(`${context.name}:${args.length}`),
    }));
    const a = create({ id: 't/r', sourceCode: {}, name: 'a' }) as Partial<Record<string, (...args: unknown[]) => void>>;
    a.onCodePathSegmentLoop!(1, 2, 3);
    const b = create({ id: 't/r', sourceCode: {}, name: 'b' }) as Partial<Record<string, (...args: unknown[]) => void>>;
    b.onCodePathSegmentLoop!(1, 2, 3);
    expect(calls).toEqual(['a:3', 'b:3']);
  });

  it("does not run an earlier file's listener for a selector the current file did not register", () => {
    const calls: string[] = [];
    const create = stableListeners((context: { id: string; sourceCode: object; withCalls: boolean }) =>
      context.withCalls ? { CallExpression: () => calls.push('call') } : {},
    );
    const first = create({ id: 't/r', sourceCode: {}, withCalls: true }) as Partial<Record<string, () => void>>;
    expect(create({ id: 't/r', sourceCode: {}, withCalls: false })).toEqual({});
    first.CallExpression!();
    expect(calls).toEqual([]);
  });

  it('reports each file with its own context and options through ESLint', () => {
    const linter = new Linter();
    const one = linter.verify('load(); fetchAll();', config({ 't/calls': 'error' }), { filename: 'one.js' });
    const two = linter.verify('load(); fetchAll();', config({ 't/calls': ['error', { names: ['fetchAll'] }] }), { filename: 'two.js' });
    const none = linter.verify('load(); fetchAll();', config({ 't/calls': ['error', { names: [] }] }), { filename: 'three.js' });
    expect(one.map((m) => m.message)).toEqual(['load in one.js']);
    expect(two.map((m) => m.message)).toEqual(['fetchAll in two.js']);
    expect(none).toEqual([]);
  });

  it('keeps both ids working when one rule object is enabled under two plugin names in one lint', () => {
    const linter = new Linter();
    const plugins = { a: { rules: { calls: callRule } }, b: { rules: { calls: callRule } } };
    const rules: Linter.RulesRecord = { 'a/calls': 'error', 'b/calls': ['error', { names: ['fetchAll'] }] };
    for (const filename of ['one.js', 'two.js']) {
      const messages = linter.verify('load(); fetchAll();', config(rules, plugins), { filename });
      expect(messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([
        `a/calls: load in ${filename}`,
        `b/calls: fetchAll in ${filename}`,
      ]);
    }
  });
});
