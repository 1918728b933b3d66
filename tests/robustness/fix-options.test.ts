// Options that fixes write into code (issue 24, item 3): the typed error's `name` and `from`
// (`settings.resilience.timeoutError`, no-unbounded-load's `limitError`) and `limitConstant`. A
// property-based test drives the fixes with generated values: the schema accepts exactly the names
// that are identifiers and not reserved words and the specifiers without line breaks or control
// characters, its message names the option it rejects, and with every value it accepts, every
// suggestion and `--fix` leave code that parses, in ES modules, CommonJS and TypeScript.
import fc from 'fast-check';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { resilienceSettings } from '../../src/settings.js';
import { RESERVED_WORDS } from '../../src/util/schema-check.js';
import { applySuggestion, configFor, FILENAMES, linter, NAMESPACE, parseError } from './lint.js';
import type { Dialect } from './programs.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
const isValidName = (name: string) => IDENTIFIER.test(name) && !RESERVED_WORDS.includes(name);
const isValidSpecifier = (from: string) => from.length > 0 && !LINE_BREAK_OR_CONTROL.test(from);

/** Names: reserved words, TypeScript's contextual keywords, near misses, and arbitrary text. */
const name = fc.oneof(
  fc.constantFrom(...RESERVED_WORDS),
  fc.constantFrom('QueryTimeoutError', 'T', '$e', '_', 'async', 'of', 'type', 'any', 'declare', 'undefined', 'Error', 'prisma', 'rows'),
  fc.string({ unit: fc.constantFrom('a', 'Z', '_', '$', '1', '-', ' ', '\n', "'", 'é'), minLength: 1, maxLength: 8 }),
);
/** Specifiers: real ones, and text with quotes, backslashes, line breaks and control characters. */
const specifier = fc.oneof(
  fc.constantFrom('#errors', './errors.js', '@acme/errors', '../a b/c'),
  fc.string({
    unit: fc.constantFrom('a', '/', '.', '#', "'", '"', '\\', '`', '$', '{', '\n', '\r', '\u2028', '\u0000', '\t'),
    maxLength: 8,
  }),
);

/** Specifiers the schema accepts, with the characters a quoted literal must escape. */
const acceptedSpecifier = fc.oneof(
  fc.constantFrom("a'b", 'a\\b', '`${x}`', '"q"', './x y/z', "\\'"),
  fc.string({ unit: fc.constantFrom('a', '/', '.', '#', "'", '"', '\\', '`', '$', '{', ' '), minLength: 1, maxLength: 8 }),
);

/** Findings whose fixes construct the typed error (and import it), and a load a size guard can bound. */
function program(dialect: Dialect, limitConstant: string | null): string {
  const ts = dialect === 'ts';
  const head =
    dialect === 'cjs'
      ? "'use strict';\nconst { PrismaClient } = require('@prisma/client');\n"
      : "import { PrismaClient } from '@prisma/client';\n";
  const constant = limitConstant ? `const ${limitConstant} = 100;\n` : '';
  const exp = dialect === 'cjs' ? '' : 'export ';
  const p = ts ? ': number' : '';
  return `${head}const prisma = new PrismaClient();
${constant}${exp}async function load(start${p}, maxWait${p}, orgId${p}) {
  const rows = await prisma.user.findMany({ where: { orgId } });
  if (Date.now() - start > maxWait) {
    throw new Error('query timed out');
  }
  return rows;
}
${exp}async function loadSome(start${p}, maxWait${p}) {
  const rows = await prisma.user.findMany({ take: 5 });
  if (Date.now() - start > maxWait) return [];
  return rows;
}
`;
}

function config(
  dialect: Dialect,
  options: { name: string; from: string },
  limitConstant: string | null,
  autofix: boolean,
): Linter.Config[] {
  const unbounded = `${NAMESPACE}/no-unbounded-load`;
  const entry = plugin.configs.all.rules?.[unbounded];
  const strict = (Array.isArray(entry) ? entry[1] : undefined) as object | undefined;
  return [
    ...configFor(dialect),
    {
      rules: {
        ...plugin.configs.all.rules,
        [unbounded]: ['error', { ...strict, limitError: options, ...(limitConstant ? { limitConstant } : {}) }],
      },
      settings: { resilience: { strictChecks: true, autofix, timeoutError: options } },
    },
  ];
}

/** The message ESLint or the settings check gives for these options, or null when both accept them. */
function rejection(options: { name: string; from: string }): string | null {
  try {
    resilienceSettings({ settings: { resilience: { timeoutError: options } } });
  } catch (error) {
    return (error as Error).message;
  }
  try {
    linter.verify('x;', config('js', options, isValidName(options.name) ? options.name : null, false), { filename: FILENAMES.js });
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

describe('options written into fixes', () => {
  it('the schema accepts exactly identifiers that are not reserved words, and specifiers without line breaks', () => {
    fc.assert(
      fc.property(name, specifier, (n, from) => {
        const valid = isValidName(n) && isValidSpecifier(from);
        const message = rejection({ name: n, from });
        expect(message === null, `${JSON.stringify({ name: n, from })}: ${message}`).toBe(valid);
      }),
      { seed: 24, numRuns: 300 },
    );
  });

  it('a rejected setting is named, with why', () => {
    expect(rejection({ name: 'class', from: '#errors' })).toContain(
      'settings.resilience.timeoutError.name: must be an identifier (letters, digits, `_`, `$`), not a reserved word',
    );
    expect(rejection({ name: 'eval', from: '#errors' })).toContain(
      'settings.resilience.timeoutError.name: must be an identifier (letters, digits, `_`, `$`), not a reserved word such as `class`, `new`, `await` or `eval`, got "eval"',
    );
    expect(rejection({ name: 'QueryTimeoutError', from: '#errors\n' })).toContain(
      'settings.resilience.timeoutError.from: must be a module specifier without line breaks or other control characters, got "#errors\\n"',
    );
  });

  it.each(['js', 'cjs', 'ts'] as const)('%s: with every accepted value, suggestions and --fix leave code that parses', (dialect) => {
    let fixed = 0;
    fc.assert(
      fc.property(name.filter(isValidName), acceptedSpecifier, fc.boolean(), (n, from, constant) => {
        const options = { name: n, from };
        const limitConstant = constant && n !== 'prisma' && n !== 'rows' && n !== 'PrismaClient' ? n : null;
        const code = program(dialect, limitConstant);
        expect(parseError(code, dialect)).toBeNull();
        const messages = linter.verify(code, config(dialect, options, limitConstant, false), { filename: FILENAMES[dialect] });
        expect(messages.filter((m) => !m.ruleId)).toEqual([]);
        for (const message of messages) {
          for (const suggestion of message.suggestions ?? []) {
            const output = applySuggestion(code, suggestion);
            expect(parseError(output, dialect), `${suggestion.desc}\n${output}`).toBeNull();
          }
        }
        const result = linter.verifyAndFix(code, config(dialect, options, limitConstant, true), { filename: FILENAMES[dialect] });
        if (result.fixed) fixed++;
        expect(parseError(result.output, dialect), result.output).toBeNull();
      }),
      { seed: 24, numRuns: 60 },
    );
    // The property ran fixes, not only programs nothing could fix.
    expect(fixed).toBeGreaterThan(30);
  });
});
