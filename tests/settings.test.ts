// settings.resilience: project-wide knowledge set once for every rule, and a `strict` that survives
// a user's own rule options. Linted through ESLint's own ESLint class and flat config, as users do.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const ts: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };

async function lint(config: Linter.Config[], code: string, filePath = 'src/file.ts'): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [ts, ...config], ignore: false });
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'parses').toEqual([]);
  return result!.messages;
}

const rulesOf = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.ruleId}:${m.line}`);

/** One finding per opt-in check, each on its own line (the line numbers below). */
const STRICT_ONLY = `import knex from 'knex';
import DataLoader from 'dataloader';
import fs from 'node:fs';
const db = knex({ client: 'pg' });
export const grouped = async () => db('events').select('post_id', db.raw('count(*) as n')).groupBy('post_id');
export const batch = new DataLoader(async (ids: readonly string[]) => ids.map((id) => ({ id })));
export const body = async (url: string) => (await fetch(url)).text();
export const file = (p: string) => fs.readFileSync(p);
export const stream = (p: string) => fs.createReadStream(p).toArray();
export async function load() { try { return await axios.get('/x', { timeout: 2000 }); } catch (e) { log(e); return { data: [], error: null }; } }
export async function call() { try { return await axios.get('/y', { timeout: 2000 }); } catch (e) { throw new Error('request failed'); } }
declare const axios: any, log: any;
`;
/** `strict`'s checks: batch loaders and HTTP bodies. */
const STRICT_FINDINGS = ['resilience/no-unbounded-load:6', 'resilience/no-unbounded-load:7'];
/** What `all` adds, the checks under strict's bar (bench/strict-ledger.md): grouped aggregates, file reads, streams, timeout options. */
const ALL_FINDINGS = [
  ...STRICT_FINDINGS,
  'resilience/no-unbounded-load:5',
  'resilience/no-unbounded-load:8',
  'resilience/no-unbounded-load:9',
  'resilience/no-timeout-sentinel:10',
  'resilience/prefer-typed-timeout-error:11',
];

describe('strict survives a user setting one option', () => {
  it('recommended reports none of the strict-only findings', async () => {
    expect(rulesOf(await lint([plugin.configs.recommended], STRICT_ONLY))).toEqual([]);
  });

  it('strict reports its own checks, all reports every one', async () => {
    expect(rulesOf(await lint([plugin.configs.strict], STRICT_ONLY)).sort()).toEqual([...STRICT_FINDINGS].sort());
    expect(rulesOf(await lint([plugin.configs.all], STRICT_ONLY)).sort()).toEqual([...ALL_FINDINGS].sort());
  });

  it('strict plus one check off on no-unbounded-load and autofix on no-timeout-sentinel keeps the other strict check', async () => {
    const guarded = 'export function wait(elapsedMs: number, maxWaitMs: number) { if (elapsedMs > maxWaitMs) return 0; return 1; }\n';
    const messages = await lint(
      [
        plugin.configs.strict,
        {
          rules: {
            'resilience/no-timeout-sentinel': ['error', { autofix: true }],
            'resilience/no-unbounded-load': ['error', { checkHttpBodies: false }],
          },
        },
      ],
      STRICT_ONLY + guarded,
    );
    expect(rulesOf(messages).sort()).toEqual(['resilience/no-timeout-sentinel:13', 'resilience/no-unbounded-load:6']);
    expect(messages.find((m) => m.line === 13)?.fix).toBeDefined();
  });

  it('all plus autofix on no-timeout-sentinel and one check off on no-unbounded-load keeps every other check', async () => {
    // A sentinel behind a timeout test, whose fix autofix applies (line 13); the catch-all of line 10 stays a suggestion.
    const guarded = 'export function wait(elapsedMs: number, maxWaitMs: number) { if (elapsedMs > maxWaitMs) return 0; return 1; }\n';
    const messages = await lint(
      [
        plugin.configs.all,
        {
          rules: {
            'resilience/no-timeout-sentinel': ['error', { autofix: true }],
            'resilience/no-unbounded-load': ['error', { checkFileReads: false }],
          },
        },
      ],
      STRICT_ONLY + guarded,
    );
    expect(rulesOf(messages).sort()).toEqual(
      [...ALL_FINDINGS.filter((f) => f !== 'resilience/no-unbounded-load:8'), 'resilience/no-timeout-sentinel:13'].sort(),
    );
    // autofix took effect too: the guarded sentinel carries a fix, the catch-all only suggestions.
    const sentinels = messages.filter((m) => m.ruleId === 'resilience/no-timeout-sentinel');
    expect(sentinels.find((m) => m.line === 13)?.fix).toBeDefined();
    expect(sentinels.find((m) => m.line === 10)?.fix).toBeUndefined();
    expect(sentinels.find((m) => m.line === 10)?.suggestions?.length).toBe(1);
  });

  it("strict plus the user's own settings.resilience keeps strictChecks (ESLint deep-merges settings)", async () => {
    const messages = await lint([plugin.configs.strict, { settings: { resilience: { autofix: true } } }], STRICT_ONLY);
    expect(rulesOf(messages).sort()).toEqual([...STRICT_FINDINGS].sort());
  });

  it('settings.resilience.strictChecks turns the strict checks on under recommended', async () => {
    const messages = await lint([plugin.configs.recommended, { settings: { resilience: { strictChecks: true } } }], STRICT_ONLY);
    expect(rulesOf(messages).sort()).toEqual([...STRICT_FINDINGS].sort());
  });

  it('settings.resilience.allChecks turns every check on under recommended', async () => {
    const messages = await lint([plugin.configs.recommended, { settings: { resilience: { allChecks: true } } }], STRICT_ONLY);
    expect(rulesOf(messages).sort()).toEqual([...ALL_FINDINGS].sort());
  });
});

describe('settings reach every rule that uses them', () => {
  const SMALL = `import knex from 'knex';
const db = knex({ client: 'pg' });
export async function instances(since: number) {
  if (since === 0) { return db('instances'); } else { return db('instances').where('rev', '>', since).limit(10); }
}
export const all = async () => db('instances').select('*');
`;
  it('smallTables in settings quiets both no-unbounded-load and no-sentinel-full-load', async () => {
    expect(rulesOf(await lint([plugin.configs.recommended], SMALL))).toEqual([
      'resilience/no-sentinel-full-load:4',
      'resilience/no-unbounded-load:4',
      'resilience/no-unbounded-load:6',
    ]);
    expect(rulesOf(await lint([plugin.configs.recommended, { settings: { resilience: { smallTables: ['instance'] } } }], SMALL))).toEqual(
      [],
    );
  });

  it('libraries in settings limit both rules to the libraries listed', async () => {
    expect(rulesOf(await lint([plugin.configs.recommended, { settings: { resilience: { libraries: ['prisma'] } } }], SMALL))).toEqual([]);
  });

  it('a rule option (deprecated) still wins over the setting', async () => {
    const messages = await lint(
      [
        plugin.configs.recommended,
        {
          settings: { resilience: { smallTables: ['instance'] } },
          rules: { 'resilience/no-unbounded-load': ['error', { smallTables: [] }] },
        },
      ],
      SMALL,
    );
    // no-unbounded-load's own option empties the list; no-sentinel-full-load still reads the setting.
    expect(rulesOf(messages)).toEqual(['resilience/no-unbounded-load:4', 'resilience/no-unbounded-load:6']);
  });

  const VOCABULARY = `export function latest(patience: number, mark: number) {
  if (Date.now() - mark > patience) return 0;
  return 1;
}
export function check(mark: number, patience: number) {
  if (Date.now() - mark > patience) throw new Error('gave up');
}
`;
  it('vocabulary in settings reaches the timeout rules', async () => {
    expect(rulesOf(await lint([plugin.configs.recommended], VOCABULARY))).toEqual([]);
    const words = { settings: { resilience: { vocabulary: { limit: ['patience'] } } } };
    expect(rulesOf(await lint([plugin.configs.recommended, words], VOCABULARY))).toEqual([
      'resilience/no-timeout-sentinel:2',
      'resilience/prefer-typed-timeout-error:6',
    ]);
  });

  it('timeoutError and autofix in settings shape the fix of the timeout rules', async () => {
    const code = `export function latest(maxWaitMs: number, start: number) {
  if (Date.now() - start > maxWaitMs) return 0;
  return 1;
}
`;
    const eslint = new ESLint({
      overrideConfigFile: true,
      ignore: false,
      fix: true,
      overrideConfig: [
        ts,
        plugin.configs.recommended,
        { settings: { resilience: { autofix: true, timeoutError: { name: 'QueryTimeoutError', from: '#errors' } } } },
      ],
    });
    const [result] = await eslint.lintText(code, { filePath: 'src/file.ts' });
    expect(result!.output).toContain("import { QueryTimeoutError } from '#errors';");
    expect(result!.output).toContain('throw new QueryTimeoutError(');
  });
});

describe('invalid settings', () => {
  it('fail with every problem named by its path', async () => {
    const bad = { settings: { resilience: { smallTables: ['ok', 'no spaces'], autofix: 'yes', colour: 'blue' } } };
    await expect(lint([plugin.configs.recommended, bad], 'export const x = 1;\n')).rejects.toThrow(
      /settings\.resilience\.smallTables\[1\]: must match[\s\S]*settings\.resilience\.autofix: must be true or false[\s\S]*settings\.resilience: unknown key "colour"/,
    );
  });
});
