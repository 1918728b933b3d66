// Property-based robustness: generated programs around the shapes the rules inspect (see
// programs.ts), in .ts, .tsx, .js, .jsx and .cjs, linted with every rule of plugin.rules under its
// default options, its strict options, and strict + autofix. For every program:
//   - no rule throws;
//   - every suggestion, applied alone, leaves code that parses;
//   - --fix (Linter#verifyAndFix, to a fixed point) leaves code that parses, and fixing that
//     output again changes nothing.
// A fixed seed and a bounded number of runs keep it deterministic and fast.
import fc from 'fast-check';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { applySuggestion, configFor, FILENAMES, linter, NAMESPACE, optionSets, parseError, hasAutofixOption } from './lint.js';
import { DIALECTS, program, type Dialect } from './programs.js';

// RESILIENCE_FUZZ_SEED / RESILIENCE_FUZZ_RUNS (runs per dialect) explore further by hand, e.g.
//   RESILIENCE_FUZZ_SEED=$RANDOM RESILIENCE_FUZZ_RUNS=2000 npx vitest run tests/robustness
const SEED = Number(process.env.RESILIENCE_FUZZ_SEED ?? 20_250_605);
const RUNS_OVERRIDE = Number(process.env.RESILIENCE_FUZZ_RUNS ?? 0);
const RUNS: Record<Dialect, number> = { ts: 35, tsx: 15, js: 35, jsx: 15, cjs: 20 };
const OPTION_SETS = optionSets();

/** What the generated programs exercised, so that a generator that stops reaching a rule fails. */
const seen = {
  reports: new Map<string, number>(),
  byDialect: new Map<Dialect, number>(),
  suggestions: 0,
  fixedPrograms: 0,
};

class RobustnessFailure extends Error {}

function verify(code: string, config: Linter.Config[], dialect: Dialect, setName: string): Linter.LintMessage[] {
  try {
    return linter.verify(code, config, { filename: FILENAMES[dialect] });
  } catch (error) {
    throw new RobustnessFailure(`a rule threw (${setName}): ${(error as Error).message}`);
  }
}

function checkProgram(code: string, dialect: Dialect): void {
  const invalid = parseError(code, dialect);
  if (invalid) throw new RobustnessFailure(`the generator produced code that does not parse as ${dialect} (${invalid}); fix programs.ts`);

  // The option sets mostly offer the same suggestions: parse each distinct output once.
  const parsed = new Map<string, string | null>();
  const parseOnce = (text: string) => {
    if (!parsed.has(text)) parsed.set(text, parseError(text, dialect));
    return parsed.get(text) ?? null;
  };

  for (const set of OPTION_SETS) {
    const config = configFor(dialect, set.rules);
    const messages = verify(code, config, dialect, set.name);
    for (const message of messages) {
      if (message.fatal) throw new RobustnessFailure(`fatal message (${set.name}): ${message.message}`);
      if (!message.ruleId?.startsWith(`${NAMESPACE}/`)) throw new RobustnessFailure(`unexpected message (${set.name}): ${message.message}`);
      seen.reports.set(message.ruleId, (seen.reports.get(message.ruleId) ?? 0) + 1);
      seen.byDialect.set(dialect, (seen.byDialect.get(dialect) ?? 0) + 1);
      for (const suggestion of message.suggestions ?? []) {
        seen.suggestions++;
        const error = parseOnce(applySuggestion(code, suggestion));
        if (error) {
          throw new RobustnessFailure(
            `${message.ruleId} (${set.name}) at ${message.line}:${message.column}: suggestion "${suggestion.desc}" leaves code that does not parse: ${error}`,
          );
        }
      }
    }

    // Nothing to fix: --fix would return the code unchanged.
    if (!messages.some((m) => m.fix)) continue;
    let first: Linter.FixReport;
    try {
      first = linter.verifyAndFix(code, config, { filename: FILENAMES[dialect] });
    } catch (error) {
      throw new RobustnessFailure(`a rule threw while fixing (${set.name}): ${(error as Error).message}`);
    }
    if (!first.fixed) continue;
    seen.fixedPrograms++;
    const broken = first.messages.find((m) => m.fatal);
    if (broken)
      throw new RobustnessFailure(
        `--fix (${set.name}) leaves code that does not parse: ${broken.line}:${broken.column} ${broken.message}\n--- output ---\n${first.output}`,
      );
    const second = linter.verifyAndFix(first.output, config, { filename: FILENAMES[dialect] });
    if (second.fixed && second.output !== first.output) {
      throw new RobustnessFailure(
        `--fix (${set.name}) is not at a fixed point: fixing its output again changes it\n--- first ---\n${first.output}\n--- second ---\n${second.output}`,
      );
    }
  }
}

describe('every rule on generated programs', () => {
  it.each(DIALECTS)(
    '%s: no rule throws, every suggestion and fix parses, fixes reach a fixed point',
    { timeout: RUNS_OVERRIDE ? 0 : 60_000 },
    (dialect) => {
      fc.assert(
        fc.property(program(dialect), (code) => {
          checkProgram(code, dialect);
        }),
        { seed: SEED, numRuns: RUNS_OVERRIDE || RUNS[dialect] },
      );
    },
  );

  // Runs after the properties above (tests in a file run in order): a generator that no longer
  // reaches a rule would make the properties pass without testing it.
  it('the generated programs reach every rule, its suggestions and its autofix', () => {
    for (const name of Object.keys(plugin.rules)) {
      const id = `${NAMESPACE}/${name}`;
      expect(
        seen.reports.get(id) ?? 0,
        `${id} never reported on generated programs: add its shapes to tests/robustness/programs.ts`,
      ).toBeGreaterThan(0);
    }
    for (const dialect of DIALECTS) expect(seen.byDialect.get(dialect) ?? 0, `reports in .${dialect} programs`).toBeGreaterThan(0);
    expect(seen.suggestions, 'suggestions checked').toBeGreaterThan(0);
    const autofixable = Object.values(plugin.rules).some((rule) => hasAutofixOption(rule));
    if (autofixable) expect(seen.fixedPrograms, 'programs changed by --fix').toBeGreaterThan(0);
  });
});
