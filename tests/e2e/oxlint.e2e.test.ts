// Oxlint runs the plugin as a JS plugin (`jsPlugins` in examples/.oxlintrc.json). Oxlint gives JS
// plugins no type information, so the example turns on the rules that need none; they must find
// exactly what ESLint finds without type information, at the same line and column, and fix the
// same way (`--fix` with the autofix option, `--fix-suggestions` for the first suggestion).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, context, exampleSources, run, runOk, workspaceCopy } from './harness.js';

const { eslint10 } = context();

interface OxlintConfig {
  jsPlugins: string[];
  rules: Record<string, unknown>;
}

interface OxlintJson {
  diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }>;
}

interface EslintJson {
  filePath: string;
  messages: Array<{
    ruleId: string | null;
    line: number;
    column: number;
    fix?: { range: [number, number]; text: string };
    suggestions?: Array<{ fix: { range: [number, number]; text: string } }>;
  }>;
}

const TYPED_ERROR = { name: 'QueryTimeoutError', from: './errors.js' };

function oxlintConfig(dir: string): OxlintConfig {
  return JSON.parse(readFileSync(join(dir, '.oxlintrc.json'), 'utf8')) as OxlintConfig;
}

/** `resilience/<rule>` ids the example's .oxlintrc.json turns on. */
function configuredRules(dir: string): string[] {
  return Object.keys(oxlintConfig(dir).rules)
    .filter((id) => id.startsWith('resilience/'))
    .sort();
}

async function oxlint(dir: string, args: string[] = []): Promise<string[]> {
  const result = await run(bin(dir, 'oxlint'), ['--format', 'json', ...args], { cwd: dir });
  expect(result.code, result.stderr).not.toBe(2);
  const report = JSON.parse(result.stdout) as OxlintJson;
  return report.diagnostics
    .filter((d) => d.code.startsWith('resilience('))
    .map((d) => {
      const span = d.labels[0]!.span;
      return `${d.filename}:${span.line}:${span.column} ${d.code.replace(/^resilience\((.*)\)$/, 'resilience/$1')}`;
    })
    .sort();
}

async function eslintJson(dir: string, args: string[] = []): Promise<EslintJson[]> {
  const result = await run(bin(dir, 'eslint'), ['--format', 'json', ...args, '.'], { cwd: dir });
  expect(result.code, result.stderr).not.toBe(2);
  return JSON.parse(result.stdout) as EslintJson[];
}

function sources(dir: string): Record<string, string> {
  return Object.fromEntries(exampleSources(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

/** The rules of the installed plugin that take an `autofix` option. */
async function autofixableRules(dir: string): Promise<string[]> {
  const script = `import('eslint-plugin-resilience').then(({ default: p }) => console.log(JSON.stringify(
    Object.entries(p.rules).filter(([, rule]) => rule.meta.schema?.[0]?.properties?.autofix).map(([name]) => 'resilience/' + name))))`;
  return JSON.parse(await runOk(process.execPath, ['-e', script], { cwd: dir })) as string[];
}

/** The example's rules, with the autofix option and a typed error to fix towards where a rule has one. */
async function autofixRules(dir: string): Promise<Record<string, unknown>> {
  const autofixable = new Set(await autofixableRules(dir));
  expect(autofixable.size).toBeGreaterThan(0);
  return Object.fromEntries(
    configuredRules(dir).map((id) => [id, autofixable.has(id) ? ['error', { autofix: true, timeoutError: TYPED_ERROR }] : 'error']),
  );
}

/**
 * Applies fixes as ESLint does: in source order, skipping one that starts at or before the end
 * of the last one applied (overlapping, or a second insertion at the same place).
 */
function applyFixes(text: string, fixes: ReadonlyArray<{ range: [number, number]; text: string }>): string {
  let output = '';
  let lastEnd = -1;
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (fix.range[0] <= lastEnd) continue;
    output += text.slice(Math.max(lastEnd, 0), fix.range[0]) + fix.text;
    lastEnd = fix.range[1];
  }
  return output + text.slice(Math.max(lastEnd, 0));
}

describe('Oxlint with the plugin as a JS plugin (examples/.oxlintrc.json)', () => {
  it('turns on every rule that needs no type information, and only those', async () => {
    const script = `import('eslint-plugin-resilience').then(({ default: p }) => console.log(JSON.stringify(
      Object.entries(p.rules).filter(([, rule]) => !rule.meta.docs.requiresTypeChecking).map(([name]) => 'resilience/' + name))))`;
    const untyped = JSON.parse(await runOk(process.execPath, ['-e', script], { cwd: eslint10 })) as string[];
    expect(oxlintConfig(eslint10).jsPlugins).toEqual(['eslint-plugin-resilience']);
    expect(configuredRules(eslint10)).toEqual(untyped.sort());
  });

  it('reports the same findings (rule, file, line, column) as ESLint without type information', async () => {
    const rules = new Set(configuredRules(eslint10));
    const fromEslint = (await eslintJson(eslint10))
      .flatMap((result) =>
        result.messages
          .filter((m) => m.ruleId !== null && rules.has(m.ruleId))
          .map((m) => `${relative(eslint10, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
      )
      .sort();
    expect(fromEslint.length).toBeGreaterThan(0);
    expect(await oxlint(eslint10)).toEqual(fromEslint);
  });

  it('--fix with the autofix option rewrites the files as `eslint --fix` does', async () => {
    const viaOxlint = workspaceCopy(eslint10, 'oxlint-fix');
    const config = oxlintConfig(viaOxlint);
    writeFileSync(
      join(viaOxlint, '.oxlintrc.json'),
      JSON.stringify({ ...config, rules: { ...config.rules, ...(await autofixRules(viaOxlint)) } }, null, 2),
    );
    // Oxlint applies one pass of fixes per run, and two fixes in one file that both add the
    // import overlap: the second lands on the next run. ESLint repeats passes by itself.
    await run(bin(viaOxlint, 'oxlint'), ['--fix'], { cwd: viaOxlint });
    const remaining = await oxlint(viaOxlint, ['--fix']);
    const autofixable = await autofixableRules(viaOxlint);

    const viaEslint = workspaceCopy(eslint10, 'eslint-fix');
    writeFileSync(
      join(viaEslint, 'eslint.autofix.config.mjs'),
      `import { defineConfig } from 'eslint/config';
import base from './eslint.config.mjs';
export default defineConfig(base, { files: ['src/**', 'scripts/**'], rules: ${JSON.stringify(await autofixRules(viaEslint))} });
`,
    );
    await run(bin(viaEslint, 'eslint'), ['--config', 'eslint.autofix.config.mjs', '--fix', '.'], { cwd: viaEslint });
    // What --fix leaves of the autofixable rules is the same for both: only findings whose fix is a
    // suggestion even under autofix (a catch-all fallback, where the timeout test is a guess).
    const leftByEslint = (await eslintJson(viaEslint, ['--config', 'eslint.autofix.config.mjs']))
      .flatMap((result) =>
        result.messages
          .filter((m) => m.ruleId !== null && autofixable.includes(m.ruleId))
          .map((m) => {
            expect(m.fix, `${m.ruleId} at ${relative(viaEslint, result.filePath)}:${m.line} still has an autofix`).toBeUndefined();
            return `${relative(viaEslint, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`;
          }),
      )
      .sort();
    expect(remaining.filter((f) => autofixable.includes(f.split(' ')[1]!))).toEqual(leftByEslint);

    const fixed = sources(viaOxlint);
    expect(fixed).toEqual(sources(viaEslint));
    expect(fixed).not.toEqual(sources(eslint10));
    expect(fixed['src/sync-services.ts']).toContain("import { QueryTimeoutError } from './errors.js';\n");
    expect(fixed['src/sync-services.ts']).toContain("return [0, new QueryTimeoutError('latestRevision timed out')]; // ✗");
  });

  it("--fix-suggestions applies each finding's first suggestion, as ESLint offers it", async () => {
    const dir = workspaceCopy(eslint10, 'oxlint-suggestions');
    const original = sources(dir);
    const expected: Record<string, string> = { ...original };
    for (const result of await eslintJson(dir)) {
      const file = relative(dir, result.filePath);
      const fixes = result.messages.flatMap((m) => (m.suggestions?.[0] ? [m.suggestions[0].fix] : []));
      if (fixes.length === 0) continue;
      const text = expected[file];
      if (text === undefined) throw new Error(`ESLint suggests fixes in ${file}, which is not an example source`);
      expected[file] = applyFixes(text, fixes);
    }
    expect(expected).not.toEqual(original);

    await run(bin(dir, 'oxlint'), ['--fix-suggestions'], { cwd: dir });
    expect(sources(dir)).toEqual(expected);
    expect(await oxlint(dir)).toEqual([]);
  });
});
