// The 🔧 badge, in words that match what the rules do: the fixes of a fixable rule change
// behaviour, so `--fix` applies them only with `settings.resilience.autofix: true`, and by default
// they are suggestions. The words are written by .eslint-doc-generatorrc.js where the badge is
// (the README's legend, each fixable rule's header); the behaviour is checked on every ❌ example
// of those rules' docs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { configFor, FILENAMES, linter, NAMESPACE } from '../robustness/lint.js';
import { examplesOf, type RuleName } from './examples.js';
import { ruleDocs } from './markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const docs = ruleDocs();
const fixable = Object.entries(plugin.rules)
  .filter(([, rule]) => rule.meta?.fixable)
  .map(([name]) => name as RuleName);

describe('the 🔧 badge says what --fix does', () => {
  it('some rules are fixable', () => {
    expect(fixable.length).toBeGreaterThan(0);
  });

  it("in the README's legend", () => {
    const legend = readme.split('\n').find((line) => line.startsWith('🔧'));
    expect(legend).toContain('with [`settings.resilience.autofix: true`]');
    expect(legend).toContain('without it the fixes are suggestions (💡) and `--fix` leaves the code as it is');
  });

  it.each(fixable)('in the header of docs/rules/%s.md', (name) => {
    const notice = docs
      .get(name)!
      .split('\n')
      .find((line) => line.startsWith('🔧'));
    expect(notice).toContain("This rule's fixes are [editor suggestions]");
    expect(notice).toContain('With [`settings.resilience.autofix: true`]');
    expect(notice).toContain('without it `--fix` leaves the code as it is');
  });
});

describe.each(fixable)('%s: what --fix does, on the ❌ examples of its doc', (name) => {
  const id = `${NAMESPACE}/${name}`;
  const incorrect = examplesOf(`${name}.md`, name, docs.get(name)!).filter((example) => example.kind === '❌');
  const fixAll = (code: string, dialect: (typeof incorrect)[number]['dialect'], settings: Record<string, unknown>) => {
    const [config] = configFor(dialect, { [id]: 'error' });
    return linter.verifyAndFix(code, [{ ...config, settings: { [NAMESPACE]: settings } }], {
      filename: FILENAMES[dialect],
    });
  };

  it('has ❌ examples', () => {
    expect(incorrect.length).toBeGreaterThan(0);
  });

  it('by default: reports them, offers suggestions, and --fix changes nothing', () => {
    let suggested = 0;
    for (const example of incorrect) {
      const result = fixAll(example.code, example.dialect, {});
      expect(result.fixed, example.name).toBe(false);
      expect(result.output, example.name).toBe(example.code);
      suggested += result.messages.filter((m) => m.ruleId === id && m.suggestions?.length).length;
    }
    expect(suggested).toBeGreaterThan(0);
  });

  it('with settings.resilience.autofix: true, --fix rewrites some of them', () => {
    const fixed = incorrect.filter((example) => fixAll(example.code, example.dialect, { autofix: true }).fixed);
    expect(fixed.length).toBeGreaterThan(0);
  });
});
