// bench.mjs's typed run (target c): what each rule of ours adds to a lint WITH type information.
// Two measurements: `benchTypedDiff`, a differential on SourceCodes parsed once with the program
// (bench-diff.mjs, as for target a), which judges the target; and `benchTyped`, whole typed lints
// in fresh processes, the cold cross-check described below.
//
// The TypeScript sources of the selected corpus entries (entries whose files are .ts/.tsx, e.g.
// mongodb's src/**/*.ts, @grpc/grpc-js, @temporalio/*) go into a temporary tsconfig (skipLibCheck,
// noEmit, allowJs false, @types/node from this repository). The baseline is a typed lint of those
// files with typescript-eslint's `recommendedTypeChecked` rules and `parserOptions.project`
// pointing at that tsconfig; each other run is the baseline plus one rule of ours (its
// recommended options; our rules read type information when parserServices has a program).
//
// Every run is a fresh `node` process (this file with --child), so each pays for its own
// TypeScript program exactly as `eslint` does and no run inherits another's type-checker caches.
// Runs alternate in rounds (the order rotated each round), so machine-load drift hits every
// configuration alike; per configuration the median wall time of ESLint's lintFiles (ESLint
// construction to results, imports excluded) is reported, and a rule's cost is its median minus
// the baseline's median, as a share of the baseline. The process's CPU time (user + system, all
// its threads, so GC helper threads too) is recorded alongside: on a shared machine it moves less
// with other load than wall time does. Runs are sequential: one core busy. One untimed run first.
//
// The corpus packages' own dependencies are not installed, so imports of them resolve to `any`
// (TypeScript reports them; the lint still runs with a full program over the selected files).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchDiff } from './bench-diff.mjs';
import { ROOT, SRC_DIR } from './corpus-fetch.mjs';

const SELF = fileURLToPath(import.meta.url);
export const TYPED_EXT = /\.(?:[cm]?ts|tsx)$/;
export const BASELINE = 'baseline';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Writes the temporary tsconfig that lists exactly `files`; returns its path. */
export function writeTsconfig(files, dir) {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowJs: false,
      experimentalDecorators: true,
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      types: ['node'],
    },
    files: files.map((f) => f.abs),
  };
  const file = path.join(dir, 'tsconfig.json');
  fs.writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return file;
}

/** The typed lint every typed run is made of: typescript-eslint's `recommendedTypeChecked` on a program of `tsconfig`. */
async function typedBaseConfigs(tsconfig) {
  const tseslint = (await import('typescript-eslint')).default;
  return [
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
    ...tseslint.configs.recommendedTypeChecked,
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parserOptions: { project: tsconfig, tsconfigRootDir: path.dirname(tsconfig) } },
    },
  ];
}

/**
 * What each configuration adds to a typed lint, measured like target (a): in this process, each
 * file is parsed once with type information (the first parse builds the TypeScript program) and
 * linted with the typed baseline; then the baseline and the baseline plus each of `configs` lint
 * the same SourceCodes (program, type checker and all) in interleaved rounds (bench-diff.mjs).
 * A rule's cost is its median minus the baseline's, as a share of the whole typed lint: ESLint's
 * parse time for the typed parse (the program included) plus the baseline's median.
 *
 * The fresh-process runs of `benchTyped` time a whole typed lint per process, so they include
 * what the differential leaves out (the type checker's caches start cold in each), but their own
 * spread on a shared machine (often 20–30 % between runs of the same configuration) is larger than
 * target (c)'s 10 %. Here the type checker's caches are warm after the first pass: a type a rule
 * of ours asks for is computed once, as in a real lint where typescript-eslint's typed rules (which
 * ask for the type of nearly every call and member expression) have usually asked for it already.
 */
export async function benchTypedDiff(files, { plugin, configs, rounds = 5, cwd = SRC_DIR, declarations = [], onProgress }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resilience-bench-typed-diff-'));
  try {
    const tsconfig = writeTsconfig([...files, ...declarations], dir);
    const baseConfigs = await typedBaseConfigs(tsconfig);
    // One chunk: the program is built once whatever the chunking, and the typed run is small.
    const chunkLines = files.reduce((a, f) => a + f.lines, 0) + 1;
    // Parsed once per file ('reuse'): a typed parse per timed block would take most of the run.
    // Per-file caches are warm here, so this share errs small (see bench-diff.mjs, 'cold').
    const run = await benchDiff(files, {
      plugin,
      configs,
      rounds,
      chunkLines,
      baseConfigs,
      basePath: cwd,
      onProgress,
      sourceCodeMode: 'reuse',
    });
    // The typed parse (the program is built inside the first one) plus the baseline's own rules,
    // timed in the rounds: with the checker's caches warm, so the denominator errs small.
    const typedRunMs = run.parseMs + run.baseline.ms;
    return {
      ...run,
      typedRunMs,
      configs: run.configs.map((c) => ({ ...c, addedShare: c.ms / typedRunMs })),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the typed comparison. `configs` is [{ id, rules }]: each run is the baseline plus `rules`
 * (our rules, with their settings). `cwd` must contain every file (ESLint ignores files outside
 * its base path); `declarations` are extra .d.ts files the program needs but that are not linted.
 * Resolves to { files, lines, declarations, rounds, fatal, baseline: { runs, median, findings }, configs:
 * [{ id, runs, median, addedMs, addedShare, findings }] }.
 */
export function benchTyped(files, { pluginPath, configs, rounds = 3, cwd = SRC_DIR, declarations = [], onProgress }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resilience-bench-typed-'));
  const tsconfig = writeTsconfig([...files, ...declarations], dir);
  const all = [{ id: BASELINE, rules: {} }, ...configs];
  const runs = Object.fromEntries(all.map((c) => [c.id, []]));
  const cpu = Object.fromEntries(all.map((c) => [c.id, []]));
  const findings = {};
  let fatal = 0;
  const total = rounds * all.length;
  let done = 0;
  const jobFile = path.join(dir, 'job.json');
  const runOnce = (c) => {
    fs.writeFileSync(jobFile, JSON.stringify({ files: files.map((f) => f.abs), tsconfig, pluginPath, cwd, rules: c.rules }));
    const res = spawnSync(process.execPath, [SELF, '--child', jobFile], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (res.status !== 0) throw new Error(`typed run (${c.id}) failed:\n${res.stderr.slice(-4000)}`);
    return JSON.parse(res.stdout.trim().split('\n').at(-1));
  };
  try {
    // One untimed run first: it brings TypeScript's lib files, @types/node and the sources into
    // the OS page cache, which would otherwise make whichever configuration runs first the slowest.
    runOnce(all[0]);
    for (let r = 0; r < rounds; r++) {
      const order = all.map((_, i) => all[(i + r) % all.length]);
      for (const c of order) {
        const out = runOnce(c);
        runs[c.id].push(out.ms);
        cpu[c.id].push(out.cpuMs);
        findings[c.id] = out.findings;
        if (c.id === BASELINE) fatal = out.fatal;
        onProgress?.(++done, total);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = median(runs[BASELINE]);
  const cpuBase = median(cpu[BASELINE]);
  const sum = (f, ids) => ids.reduce((a, id) => a + (f?.[id] ?? 0), 0);
  return {
    files: files.length,
    lines: files.reduce((a, f) => a + f.lines, 0),
    declarations: declarations.length,
    rounds,
    fatal,
    baseline: {
      runs: runs[BASELINE],
      median: base,
      cpuRuns: cpu[BASELINE],
      cpuMedian: cpuBase,
      findings: sum(
        findings[BASELINE],
        Object.keys(findings[BASELINE] ?? {}).filter((k) => k !== 'null'),
      ),
    },
    configs: configs.map((c) => {
      const m = median(runs[c.id]);
      const cm = median(cpu[c.id]);
      const ids = Object.keys(c.rules);
      return {
        id: c.id,
        rules: ids,
        runs: runs[c.id],
        median: m,
        addedMs: m - base,
        addedShare: (m - base) / base,
        cpuRuns: cpu[c.id],
        cpuMedian: cm,
        cpuAddedShare: (cm - cpuBase) / cpuBase,
        findings: sum(findings[c.id], ids),
      };
    }),
  };
}

async function child(jobFile) {
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8'));
  const { ESLint } = await import('eslint');
  const plugin = (await import(pathToFileURL(job.pluginPath).href)).default;
  const config = await typedBaseConfigs(job.tsconfig);
  if (Object.keys(job.rules).length) config.push({ plugins: { [plugin.meta.namespace]: plugin }, rules: job.rules });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const eslint = new ESLint({
    cwd: job.cwd,
    overrideConfigFile: true,
    ignore: false,
    cache: false,
    errorOnUnmatchedPattern: false,
    overrideConfig: config,
  });
  const results = await eslint.lintFiles(job.files);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const findings = {};
  let fatal = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) fatal++;
      else findings[m.ruleId] = (findings[m.ruleId] ?? 0) + 1;
    }
  }
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, findings, fatal, files: results.length })}\n`);
}

if (process.argv[2] === '--child' && path.resolve(process.argv[1] ?? '') === SELF) {
  await child(process.argv[3]);
  process.exit(0);
}
