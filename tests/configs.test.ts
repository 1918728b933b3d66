// The configs as a user writes them: ESLint's own ESLint class, flat config through defineConfig,
// both ways of extending, on .ts, .js and .cjs files; for the source and for both builds.
// Runs under ESLint 10 and, in `npm test`, again under ESLint 9.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import sourcePlugin from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RULE_ID = 'resilience/no-timeout-sentinel';

type Plugin = typeof sourcePlugin;
type ConfigName = keyof Plugin['configs'];

/** The incident: a timeout branch that answers `[0, null]`, a value the caller takes as real. */
const SNIPPETS = {
  'revision.ts': `
export async function latestRevision(
  db: { query(sql: string): Promise<Array<{ r: number }>> },
  maxWaitMs: number,
): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
`,
  'revision.js': `
export async function latestRevision(db, maxWaitMs) {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
`,
  'revision.cjs': `
'use strict';
async function latestRevision(db, maxWaitMs) {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
module.exports = { latestRevision };
`,
} as const;

const typescriptFiles: Linter.Config = {
  name: 'test/typescript',
  files: ['**/*.ts'],
  languageOptions: { parser: tsParser },
};

/** `extends: [plugin.configs.<name>]`: the config object itself. */
function extendsObject(plugin: Plugin, config: ConfigName): Linter.Config[] {
  return defineConfig(typescriptFiles, { extends: [plugin.configs[config]] });
}

/** `plugins: { resilience: plugin }, extends: ['resilience/<name>']`: the config by name. */
function extendsByName(plugin: Plugin, config: ConfigName): Linter.Config[] {
  return defineConfig(typescriptFiles, {
    plugins: { resilience: plugin as unknown as ESLint.Plugin },
    extends: [`resilience/${config}`],
  });
}

async function lint(config: Linter.Config[], filename: string, code: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(code, { filePath: join(root, 'virtual', filename) });
  if (!result) throw new Error(`no lint result for ${filename}`);
  return result.messages;
}

function loadBuilt(kind: 'esm' | 'cjs'): Promise<Plugin> {
  const file = join(root, kind === 'esm' ? 'dist/index.js' : 'dist/index.cjs');
  if (!existsSync(file)) {
    throw new Error(`${relative(root, file)} is missing: run \`npm run build\` first (\`npm test\` builds before vitest).`);
  }
  if (kind === 'cjs') return Promise.resolve(require(file) as Plugin);
  return import(pathToFileURL(file).href).then((mod: { default: Plugin }) => mod.default);
}

const PLUGINS: [string, () => Promise<Plugin>][] = [
  ['src', () => Promise.resolve(sourcePlugin)],
  ['dist ESM', () => loadBuilt('esm')],
  ['dist CommonJS', () => loadBuilt('cjs')],
];
const FORMS: [string, (plugin: Plugin, config: ConfigName) => Linter.Config[]][] = [
  ['extends: [plugin.configs.X]', extendsObject],
  ["plugins + extends: ['resilience/X']", extendsByName],
];
const CONFIGS: ConfigName[] = ['recommended', 'strict', 'all'];
const FILES = Object.keys(SNIPPETS) as (keyof typeof SNIPPETS)[];

describe.each(PLUGINS)('plugin from %s', (_source, loadPlugin) => {
  describe.each(FORMS)('%s', (_form, build) => {
    describe.each(CONFIGS)('config %s', (config) => {
      it.each(FILES)(`reports ${RULE_ID} in %s`, async (filename) => {
        const plugin = await loadPlugin();
        const messages = await lint(build(plugin, config), filename, SNIPPETS[filename]);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        expect(messages.map((m) => m.ruleId)).toContain(RULE_ID);
      });
    });
  });
});

describe('ESLint under test', () => {
  // test.sh sets RESILIENCE_EXPECT_ESLINT_MAJOR for each leg; this proves the swap took effect
  // for both this file and the RuleTester that tests/rules/ use.
  const expected = process.env.RESILIENCE_EXPECT_ESLINT_MAJOR;

  it(`is the same ESLint here and in @typescript-eslint/rule-tester${expected ? ` (ESLint ${expected})` : ''}`, () => {
    const requireFromTester = createRequire(require.resolve('@typescript-eslint/rule-tester'));
    const testerVersion = (requireFromTester('eslint/package.json') as { version: string }).version;
    expect(testerVersion).toBe(ESLint.version);
    if (expected) expect(ESLint.version.split('.')[0]).toBe(expected);
  });
});

describe('bundled sample (sample/eslint.config.mjs, the config `npm run sample` uses)', () => {
  const sampleDir = join(root, 'sample');
  const MARKER = /\/\/ ✗ resilience\/([a-z-]+)/g;

  it('reports every ✗-marked line and nothing in code without marks', async () => {
    await loadBuilt('esm'); // the sample config imports ../dist/index.js
    const eslint = new ESLint({ cwd: sampleDir });
    const results = await eslint.lintFiles(['.']);
    const files = results.map((r) => relative(sampleDir, r.filePath)).sort();
    expect(files.length, 'sample files linted').toBeGreaterThan(0);

    for (const result of results) {
      const file = relative(sampleDir, result.filePath);
      expect(
        result.messages.filter((m) => m.fatal),
        `${file}: parse errors`,
      ).toEqual([]);
      const source = readFileSync(result.filePath, 'utf8');
      const marked = [...source.matchAll(MARKER)].map((m) => `resilience/${m[1]}`).sort();
      const reported = result.messages.map((m) => m.ruleId ?? 'fatal').sort();
      // Each mark is one expected report of that rule; reports elsewhere are false positives.
      expect(reported, `${file}: reports vs ✗ marks`).toEqual(marked);
    }
  });

  it('lints every source file in sample/src', () => {
    const sources = readdirSync(join(sampleDir, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?[jt]s$/.test(f));
    expect(sources.length).toBeGreaterThanOrEqual(2);
  });
});
