// The ❌ and ✅ examples of every rule doc (docs/rules/<rule>.md), linted with the plugin: each ❌
// example must be reported by the doc's rule (`resilience/<rule>`), each ✅ example must not be.
// Only the doc's rule is on, with its default options unless the example says otherwise.
//
// How a doc marks its examples (fenced code blocks only; prose is never linted):
//
// 1. Under a heading with ❌ or ✅ (`### ❌ Incorrect`, `### ✅ Correct`): every fenced block up to
//    the next heading is one example of that kind.
// 2. Comment lines inside a block, `// ❌` or `// ✅` alone on their line (words may follow the
//    mark): each starts an example of that kind that runs to the next such line or the end of the
//    block. Lines before the first one are setup shared by every example of the block (imports
//    the rule needs to recognise a library, say).
// 3. A mark at the start of a line's trailing comment (`findMany(); // ❌ no take`): the example is
//    that line, in the context of its whole block. A ❌ line must have a report starting on it, a ✅
//    line none.
//
// A ❌ example must produce at least one report of the doc's rule, a ✅ example none (1 and 2); and
// every example must parse. Each example is one test, named by doc, headings, mark and the doc line
// where it starts; a doc with no ❌ or no ✅ example fails. A ✅ example proves something only if the
// rule would recognise its receiver: give it the imports the rule needs (setup lines, as in 2). ❌ or ✅ anywhere else in a block fails the test, as does a block that is
// neither marked nor one of the blocks that are not examples:
//
// - a block in a configuration or shell language: json, jsonc, json5, sh, bash, shell, console;
// - a block whose first line is a comment naming an ESLint config file (`// eslint.config.js`);
// - a block holding a rule entry for the doc's rule (`'resilience/<rule>': [`): a configuration;
// - a block starting with `type Options =`: the options' type;
// - a block starting with `<option>: ` where `<option>` is one of the rule's options: an option's value.
//
// Options: an HTML comment `<!-- options: {…} -->` (JSON) on the last non-blank line before a
// block's opening fence gives the rule that options object for every example of the block, as in
// `['error', {…}]`; use it where the text around the example names the options it needs (a
// `strict` option, say). Without it the rule runs with its defaults.
//
// Dialects: `ts` blocks are parsed by @typescript-eslint/parser as modules, `tsx` with JSX; `js`
// blocks by espree as modules, `jsx` with JSX, and as CommonJS when they call `require(`. (A `ts`
// block with `require(` stays a module: the rules tell CommonJS from the file's own `require`s.)
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { configFor, FILENAMES, linter, NAMESPACE } from '../robustness/lint.js';
import { examplesOf, type Example, type RuleName } from './examples.js';
import { ruleDocs } from './markdown.js';

function lint(example: Example, ruleId: string): Linter.LintMessage[] {
  const config = configFor(example.dialect, { [ruleId]: ['error', ...example.options] as Linter.RuleEntry });
  const messages = linter.verify(example.code, config, { filename: FILENAMES[example.dialect] });
  const problems = messages.filter((m) => m.ruleId === null);
  expect(
    problems.map((m) => `${m.line}:${m.column} ${m.message}`),
    'the example parses and is linted',
  ).toEqual([]);
  return messages.filter((m) => m.ruleId === ruleId);
}

function describeReports(reports: Linter.LintMessage[]): string[] {
  return reports.map((m) => `${m.line}:${m.column} ${m.message}`);
}

const docs = ruleDocs();

describe('rule docs', () => {
  it('document every rule, and only rules', () => {
    expect([...docs.keys()]).toEqual(Object.keys(plugin.rules).sort());
  });
});

describe.each([...docs].filter(([rule]) => rule in plugin.rules))('docs/rules/%s.md', (rule, markdown) => {
  const doc = `${rule}.md`;
  const ruleId = `${NAMESPACE}/${rule}`;
  let examples: Example[] = [];
  let unreadable: Error | null = null;
  try {
    examples = examplesOf(doc, rule as RuleName, markdown);
  } catch (error) {
    unreadable = error instanceof Error ? error : new Error(String(error));
  }

  it('has code blocks this test can read: marked examples, or configuration', () => {
    if (unreadable !== null) throw unreadable;
  });

  it('has ❌ and ✅ examples', () => {
    expect(examples.filter((e) => e.kind === '❌').length, '❌ examples').toBeGreaterThan(0);
    expect(examples.filter((e) => e.kind === '✅').length, '✅ examples').toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    const reports = lint(example, ruleId);
    if (example.line !== undefined) {
      const onLine = reports.filter((m) => m.line === example.line);
      if (example.kind === '❌') expect(onLine.length, `a ${ruleId} report on line ${example.line}`).toBeGreaterThan(0);
      else expect(describeReports(onLine), `${ruleId} reports on line ${example.line}`).toEqual([]);
    } else if (example.kind === '❌') {
      expect(reports.length, `${ruleId} reports on the ❌ example`).toBeGreaterThan(0);
    } else {
      expect(describeReports(reports), `${ruleId} reports on the ✅ example`).toEqual([]);
    }
  });
});
