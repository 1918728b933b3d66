// Fix text proportional to the file (issue 24, item 4). A fix that adds an import and edits the
// finding is one edit from the import to the finding once ESLint joins them, so a file with many
// findings used to get fixes holding the file once per finding (a 1.1 MB file with 6,667 findings:
// 3.4 GB of `--format json`). Measured here as the total length of fix and suggestion text over a
// file of 1,500 findings, against a bound proportional to the file, not as a time.
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { manyTimeoutSentinels } from './hostile-shapes.mjs';
import { configFor, FILENAMES, linter } from './lint.js';

const timeoutError = { name: 'QueryTimeoutError', from: '#errors' };
const configWith = (autofix: boolean): Linter.Config[] => [
  ...configFor('js'),
  { rules: plugin.configs.all.rules, settings: { resilience: { strictChecks: true, autofix, timeoutError } } },
];

/** Characters of fix and suggestion text in `messages`, as `--format json` would carry them. */
function fixText(messages: Linter.LintMessage[]): number {
  let total = 0;
  for (const m of messages) {
    total += m.fix?.text.length ?? 0;
    for (const s of m.suggestions ?? []) total += s.fix.text.length;
  }
  return total;
}

describe('fix text stays proportional to the file', () => {
  const code = manyTimeoutSentinels(1500);

  it.each([
    ['suggestions', false],
    ['autofix', true],
  ] as const)('%s: 1,500 findings that need one import get at most three times the file in fix text', (_label, autofix) => {
    const messages = linter.verify(code, configWith(autofix), { filename: FILENAMES.js });
    expect(messages).toHaveLength(1500);
    const offered = messages.filter((m) => (autofix ? m.fix : m.suggestions?.length));
    // The first findings offer the fix with its import; the rest wait for the import to be there.
    expect(offered.length).toBeGreaterThan(10);
    expect(offered[0]).toBe(messages[0]);
    expect(fixText(messages)).toBeLessThanOrEqual(3 * code.length);
  });

  it('with the import in place, every finding has its own small fix', () => {
    const imported = `import { QueryTimeoutError } from '#errors';\n${code}`;
    const messages = linter.verify(imported, configWith(true), { filename: FILENAMES.js });
    expect(messages.filter((m) => m.fix)).toHaveLength(1500);
    expect(fixText(messages)).toBeLessThanOrEqual(imported.length);
  });

  it('--fix adds the import once and fixes every finding (the sites in the next pass)', () => {
    const small = manyTimeoutSentinels(200);
    const fixed = linter.verifyAndFix(small, configWith(true), { filename: FILENAMES.js });
    expect(fixed.messages).toEqual([]);
    expect(fixed.output.match(/import \{ QueryTimeoutError \} from '#errors';/g)).toHaveLength(1);
    expect(fixed.output.match(/throw new QueryTimeoutError\('query timed out'\);/g)).toHaveLength(200);
  });
});
