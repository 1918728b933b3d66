import { parseForESLint } from '@typescript-eslint/parser';
import { RuleTester, type InvalidTestCase, type RunTests, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { afterAll, describe, expect, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester();

function extensionOf(filename: string | undefined): string {
  return filename?.match(/\.[cm]?[jt]sx?$/)?.[0] ?? '.ts';
}

/** Every text a fix or a suggestion of these cases produces, with the file name it belongs to. */
function fixOutputs<M extends string, O extends readonly unknown[]>(
  invalid: readonly InvalidTestCase<M, O>[],
): { code: string; filename: string }[] {
  const outputs: { code: string; filename: string }[] = [];
  for (const test of invalid) {
    const filename = `file${extensionOf(test.filename)}`;
    const fixed = Array.isArray(test.output) ? test.output : test.output ? [test.output] : [];
    for (const code of fixed) outputs.push({ code, filename });
    for (const error of test.errors) {
      for (const suggestion of error.suggestions ?? []) outputs.push({ code: suggestion.output, filename });
    }
  }
  return outputs;
}

/**
 * Runs RuleTester, then re-parses every fix and suggestion output on its own, so that a fix
 * producing code that does not parse fails here even where RuleTester would not notice.
 */
export function runRuleTests<M extends string, O extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<M, O>,
  tests: RunTests<M, O>,
): void {
  ruleTester.run(name, rule, tests);
  const outputs = fixOutputs(tests.invalid);
  // A file whose cases offer no fix (the reports of a rule that never fixes them) has nothing to re-parse.
  if (outputs.length === 0) return;
  describe(`${name}: fix outputs parse`, () => {
    it.each(outputs.map((o, i) => [i, o] as const))('output %i parses', (_i, { code, filename }) => {
      const isCommonJs = filename.endsWith('.cjs');
      expect(() =>
        parseForESLint(code, {
          filePath: filename,
          sourceType: isCommonJs ? 'script' : 'module',
          ecmaFeatures: { jsx: filename.endsWith('x') },
        }),
      ).not.toThrow();
    });
  });
}

export type { InvalidTestCase, ValidTestCase };
