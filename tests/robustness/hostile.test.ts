// Hostile shapes (issue 24, tests/robustness/hostile-shapes.mjs): deep nesting, long chains, long
// names, many findings. Linted with every rule, strict checks, `autofix` and a configured timeout
// error, each shape must not throw, must give the findings its size calls for (a shape past a depth
// cap gives none), and its suggestions and `--fix` output must parse. Timings are not asserted
// here: scripts/bench-hostile.mjs prints them per size (bench/README.md).
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { MAX_SQL_DEPTH } from '../../src/analysis/loaders/sql/judge.js';
import { HOSTILE_SHAPES } from './hostile-shapes.mjs';
import { applySuggestion, configFor, FILENAMES, linter, NAMESPACE, parseError } from './lint.js';

const SETTINGS = { resilience: { strictChecks: true, autofix: true, timeoutError: { name: 'QueryTimeoutError', from: '#errors' } } };
const ALL: Linter.Config[] = [...configFor('js'), { rules: plugin.configs.all.rules, settings: SETTINGS }];
const NONE = configFor('js');

type Counts = Record<string, number>;
const ids = (counts: Record<string, number>): Counts =>
  Object.fromEntries(Object.entries(counts).map(([name, count]) => [`${NAMESPACE}/${name}`, count]));

/**
 * Per shape: a small size and a large one (about a third of the depth at which ESLint itself runs
 * out of stack in this process, or the size the issue reported), with the findings each must give.
 */
const CASES: Record<string, [n: number, findings: Counts][]> = {
  // Past MAX_SQL_DEPTH parentheses the SQL reader gives up quietly: no finding.
  'nested-subqueries': [
    [3, ids({ 'no-unbounded-load': 1 })],
    [MAX_SQL_DEPTH + 1, {}],
    [2000, {}],
  ],
  'wrapped-statement': [
    [3, ids({ 'no-unbounded-load': 1 })],
    [20_000, {}],
  ],
  'long-table-name': [
    [5, ids({ 'no-unbounded-load': 3 })],
    [40_000, ids({ 'no-unbounded-load': 3 })],
  ],
  'nested-ternaries': [
    [3, ids({ 'no-sentinel-full-load': 3 })],
    [250, ids({ 'no-sentinel-full-load': 250 })],
  ],
  'nested-ifs': [
    [3, ids({ 'no-sentinel-full-load': 3 })],
    [600, ids({ 'no-sentinel-full-load': 600 })],
  ],
  'else-if-chain': [
    [3, {}],
    [2000, {}],
  ],
  'else-if-same-subject': [
    [3, ids({ 'no-sentinel-full-load': 1, 'no-unbounded-load': 1 })],
    [2000, ids({ 'no-sentinel-full-load': 1, 'no-unbounded-load': 1 })],
  ],
  'member-chain': [
    [3, ids({ 'no-timeout-sentinel': 1 })],
    [1500, ids({ 'no-timeout-sentinel': 1 })],
  ],
  // Past four `+` the SQL text is a hole: unknown, no finding.
  'long-concatenation': [
    [2, ids({ 'no-unbounded-load': 1 })],
    [1500, {}],
  ],
  'nested-calls': [
    [3, ids({ 'no-unbounded-load': 1 })],
    [250, ids({ 'no-unbounded-load': 1 })],
  ],
  'logical-chain': [
    [3, {}],
    [1500, {}],
  ],
  'nested-functions': [
    [3, ids({ 'no-timeout-sentinel': 1 })],
    [200, ids({ 'no-timeout-sentinel': 1 })],
  ],
  'alias-chain': [
    [3, ids({ 'no-unbounded-load': 1 })],
    [2000, ids({ 'no-unbounded-load': 1 })],
  ],
  'return-chain': [
    [3, ids({ 'no-unbounded-load': 1 })],
    [2000, ids({ 'no-unbounded-load': 1 })],
  ],
  // Past four constants the SQL text is a hole: unknown, no finding.
  'sql-alias-chain': [
    [2, ids({ 'no-unbounded-load': 1 })],
    [2000, {}],
  ],
  'builder-chain': [
    [3, ids({ 'no-unbounded-load': 1 })],
    [400, ids({ 'no-unbounded-load': 1 })],
  ],
  // `[[0]]` is not a sentinel.
  'wrapped-sentinel': [
    [3, {}],
    [300, {}],
  ],
  'many-findings': [
    [3, ids({ 'prefer-typed-timeout-error': 3 })],
    [300, ids({ 'prefer-typed-timeout-error': 300 })],
  ],
};

function countByRule(messages: Linter.LintMessage[]): Counts {
  const counts: Counts = {};
  for (const m of messages) {
    const key = m.ruleId ?? `fatal: ${m.message}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('hostile shapes', () => {
  it('every shape has its cases', () => {
    expect(Object.keys(CASES).sort()).toEqual(HOSTILE_SHAPES.map((s) => s.name).sort());
  });

  const cases = HOSTILE_SHAPES.flatMap((shape) =>
    (CASES[shape.name] ?? []).map(([n, findings]) => [shape.name, n, shape, findings] as const),
  );

  it.each(cases)('%s, n = %i: no crash, the findings it calls for, fixes that parse', (_name, n, shape, findings) => {
    const code = shape.generate(n);
    // ESLint alone lints it: the size is one our rules must handle.
    expect(() => linter.verify(code, NONE, { filename: FILENAMES.js })).not.toThrow();
    expect(parseError(code, 'js')).toBeNull();
    const messages = linter.verify(code, ALL, { filename: FILENAMES.js });
    expect(countByRule(messages)).toEqual(findings);
    // Suggestions of a few findings (the first ones: those of a large file all look alike).
    for (const message of messages.slice(0, 5)) {
      for (const suggestion of message.suggestions ?? []) expect(parseError(applySuggestion(code, suggestion), 'js')).toBeNull();
    }
    if (messages.some((m) => m.fix)) {
      const fixed = linter.verifyAndFix(code, ALL, { filename: FILENAMES.js });
      expect(fixed.messages.filter((m) => m.fatal)).toEqual([]);
    }
  });
});
