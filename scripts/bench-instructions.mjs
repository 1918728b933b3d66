// Instructions instead of time: the machine instructions a lint executes, counted by valgrind's
// cachegrind. On this 2-core VM the CPU time of one configuration moves by 10–20 % from process
// to process, more than most single changes. Counted with V8 in its predictable mode and a full
// collection before each round, our rules' figure for two copies of the same build came out 1.4 %
// apart. Use it to tell whether a change to a rule saves work at all, and to see where the work is
// (with --drop); the targets themselves stay in time (bench.mjs).
//
//   node scripts/bench-instructions.mjs [--files N] [--full] [--config NAME]… [--base PATH] [--drop RULE:LISTENER]…
//
// - Each configuration lints the same files (N spread evenly over the CI subset, default 100, parsed
//   once) for 5 rounds in one process and for 15 in another: the difference is 10 rounds in the
//   steady state, with the JIT's compilation and first-use caches (costs a full-corpus run spreads
//   over thousands of files) cancelled out. Printed per round, and over an empty configuration.
//   The figure includes collecting the garbage the rules leave, so it is not proportional to time.
// - --full: spread the files over the whole corpus instead. The CI subset leans to packages that
//   use a data library (81 % of its files have a thenable builder's library in use, 37 % of the
//   corpus's), so a change that skips work where none is in use shows only here.
// - --config: `together` (all `recommended` rules, the default), a rule's name, or `no-unused-vars`
//   (core's, the reference of the speed targets); repeatable.
// - --base: the same configurations from another build (keep it under `.cache/`, so that its
//   imports resolve here), and the ratio of this build to it.
// - --drop no-unbounded-load:AwaitExpression: this build without that listener, to see what it costs.
//
// Needs valgrind (`apt-get install valgrind`); each run takes one to three minutes, two at a time.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ourRules } from './bench-corpus.mjs';
import { ALL_FILES, corpusLanguages } from './corpus-languages.mjs';
import { ROOT, SRC_DIR, selectCorpus } from './corpus-fetch.mjs';

const SHORT_ROUNDS = 5;
/** Core's rule the speed targets are ratios of (`--config no-unused-vars` counts it). */
const REFERENCE_RULE = 'no-unused-vars';
const LONG_ROUNDS = 15;
const SELF = fileURLToPath(import.meta.url);

function parseArgs(argv) {
  const opts = { files: 100, configs: [], base: null, drop: [], full: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    switch (a) {
      case '--files':
        opts.files = Number(val());
        break;
      case '--config':
        opts.configs.push(val());
        break;
      case '--base':
        opts.base = path.resolve(val());
        break;
      case '--full':
        opts.full = true;
        break;
      case '--drop':
        opts.drop.push(val());
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown option ${a}`);
    }
  }
  if (!Number.isInteger(opts.files) || opts.files < 1) usage('--files must be a positive integer');
  if (opts.configs.length === 0) opts.configs.push('together');
  for (const d of opts.drop)
    if (!/^[\w-]+:[\w:]+$/.test(d)) usage(`--drop takes RULE:LISTENER (no-unbounded-load:AwaitExpression), not ${d}`);
  return opts;
}

function usage(error) {
  const text =
    'usage: node scripts/bench-instructions.mjs [--files N] [--full] [--config together|RULE|no-unused-vars]… [--base PATH] [--drop RULE:LISTENER]…';
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

/** The plugin at `file`, without the listeners `drop` names. */
async function loadPlugin(file, drop) {
  const plugin = (await import(pathToFileURL(file).href)).default;
  if (drop.length === 0) return plugin;
  const rules = { ...plugin.rules };
  for (const item of drop) {
    const [rule, listener] = [item.slice(0, item.indexOf(':')), item.slice(item.indexOf(':') + 1)];
    const original = rules[rule];
    if (!original) throw new Error(`--drop: no rule ${rule}`);
    rules[rule] = {
      ...original,
      create(context) {
        const listeners = original.create(context);
        delete listeners[listener];
        return listeners;
      },
    };
  }
  return { ...plugin, rules };
}

/** Child: parse the sample, then lint it `rounds` times with `config`. Valgrind counts all of it. */
async function child([rounds, config, pluginFile, count, drop, scope]) {
  const { Linter } = await import('eslint');
  const { FlatConfigArray } = await import(
    pathToFileURL(
      path.join(path.dirname(path.dirname(fileURLToPath(import.meta.resolve('eslint')))), 'lib', 'config', 'flat-config-array.js'),
    ).href
  );
  const plugin = await loadPlugin(pluginFile, drop ? drop.split(',') : []);
  const { configs: languageConfigs } = await corpusLanguages();
  const ours = ourRules(plugin, 'recommended');
  const ns = plugin.meta.namespace;
  const rules =
    config === 'baseline'
      ? {}
      : config === 'together'
        ? ours
        : config === REFERENCE_RULE
          ? { [REFERENCE_RULE]: 'error' }
          : { [`${ns}/${config}`]: ours[`${ns}/${config}`] ?? 'error' };
  const make = (r) => {
    const array = new FlatConfigArray([...languageConfigs, { files: ALL_FILES, plugins: { [ns]: plugin }, rules: r }], {
      basePath: SRC_DIR,
    });
    array.normalizeSync();
    return array;
  };
  const parseConfig = make({});
  const lintConfig = make(rules);
  const linter = new Linter({ cwd: SRC_DIR });
  const parsed = [];
  for (const file of sample(Number(count), scope === 'full')) {
    const messages = linter.verify(fs.readFileSync(file.abs, 'utf8'), parseConfig, { filename: file.abs });
    if (!messages.some((m) => m.fatal)) parsed.push({ abs: file.abs, sourceCode: linter.getSourceCode() });
  }
  let findings = 0;
  for (let r = 0; r < Number(rounds); r++) {
    // A full collection before each round: each round then starts from the same heap, and a major GC
    // does not land in one run's rounds and not in another's (that alone moved the figure by 10 %).
    globalThis.gc();
    for (const f of parsed) findings += linter.verify(f.sourceCode, lintConfig, { filename: f.abs }).length;
  }
  console.log(JSON.stringify({ files: parsed.length, findings }));
}

/** `count` files spread evenly over the CI subset (or with `full` the whole corpus): the same sample every run. */
function sample(count, full) {
  const { files } = selectCorpus({ subset: !full, names: [] });
  const step = Math.max(1, Math.floor(files.length / count));
  return files.filter((_, i) => i % step === 0).slice(0, count);
}

/** Instructions of one child run under cachegrind. */
function countInstructions(rounds, config, pluginFile, files, drop, full) {
  const args = [
    '--tool=cachegrind',
    '--cache-sim=no',
    '--cachegrind-out-file=/dev/null',
    // V8 in its predictable mode: one thread, fixed hash and random seeds. Without it, two runs of the
    // same configuration differ by up to 15 % in the steady-state figure (random hash seeds change
    // how maps probe; background compilation and GC land at different points).
    process.execPath,
    '--predictable',
    '--hash-seed=1',
    '--random-seed=1',
    '--expose-gc',
    SELF,
    '--child',
    String(rounds),
    config,
    pluginFile,
    String(files),
    drop.join(','),
    full ? 'full' : 'subset',
  ];
  return new Promise((resolve, reject) => {
    const proc = spawn('valgrind', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', (e) => reject(e.code === 'ENOENT' ? new Error('valgrind is not installed (apt-get install valgrind)') : e));
    proc.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !refs) return reject(new Error(`valgrind run failed (exit ${code}):\n${err.slice(-2000)}`));
      resolve({ instructions: Number(refs[1].replaceAll(',', '')), ...JSON.parse(out.trim().split('\n').at(-1)) });
    });
  });
}

/** Runs `jobs` (functions returning promises) `limit` at a time, results in order. */
async function pool(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const builds = [
    {
      label: opts.drop.length ? `this build without ${opts.drop.join(', ')}` : 'this build',
      file: path.join(ROOT, 'dist', 'index.js'),
      drop: opts.drop,
    },
  ];
  if (opts.base) builds.push({ label: 'base', file: opts.base, drop: [] });
  for (const b of builds) if (!fs.existsSync(b.file)) usage(`no plugin at ${b.file}${b.file.includes('dist') ? ' (npm run build)' : ''}`);
  // The empty configuration once: it does not depend on the build.
  const runs = [{ build: builds[0], config: 'baseline' }, ...builds.flatMap((build) => opts.configs.map((config) => ({ build, config })))];
  const jobs = runs.flatMap((run) =>
    [SHORT_ROUNDS, LONG_ROUNDS].map(
      (rounds) => () => countInstructions(rounds, run.config, run.build.file, opts.files, run.build.drop, opts.full),
    ),
  );
  const started = Date.now();
  console.log(`${jobs.length} valgrind runs over ${opts.files} files of the CI subset, ${os.availableParallelism()} at a time…`);
  const results = await pool(jobs, os.availableParallelism());
  const perRound = runs.map((run, i) => ({
    ...run,
    ...results[2 * i + 1],
    perRound: (results[2 * i + 1].instructions - results[2 * i].instructions) / (LONG_ROUNDS - SHORT_ROUNDS),
  }));
  const baseline = perRound[0].perRound;
  const m = (n) => `${(n / 1e6).toFixed(1)} M`;
  console.log(
    `${perRound[0].files} files parsed; empty configuration ${m(baseline)} instructions a round (steady state: ${LONG_ROUNDS} rounds minus ${SHORT_ROUNDS})`,
  );
  for (const config of opts.configs) {
    const rows = perRound.filter((r) => r.config === config);
    for (const r of rows)
      console.log(
        `  ${config.padEnd(28)} ${r.build.label.padEnd(12)} ${m(r.perRound - baseline).padStart(9)} a round over the empty configuration, ${r.findings / LONG_ROUNDS} findings`,
      );
    if (rows.length === 2)
      console.log(
        `  ${config.padEnd(28)} this build / base: ${((rows[0].perRound - baseline) / (rows[1].perRound - baseline)).toFixed(3)}`,
      );
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await main();
