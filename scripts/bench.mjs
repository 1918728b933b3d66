#!/usr/bin/env node
// The plugin's cost, measured (`npm run bench`). Needs the built plugin (`npm run build`), the
// fetched corpus (`node scripts/corpus-fetch.mjs [--subset]`) and eslint-plugin-unicorn.
//
//   node scripts/bench.mjs [--subset] [--package NAME] [--config recommended|strict|all] [--jobs N]
//                          [--rounds N] [--chunk-lines N] [--typed-rounds N] [--typed-diff-rounds N] [--typed-lines N]
//                          [--sizes 1000,10000,100000] [--import-runs N] [--json FILE]
//                          [--no-corpus] [--no-stats] [--no-diff] [--no-typed] [--no-scaling]
//                          [--no-import] [--no-unicorn] [--plugin PATH]
//
// 1. corpus, ESLint stats (for reference): one ESLint run (`stats: true`) over the corpus with our
//    rules, core `no-unused-vars` and eslint-plugin-unicorn's recommended rules together; ESLint's
//    own time per rule and parse time, summed over files. Stats wrap every listener call in timing
//    code, which inflates rules that listen to many frequent node types, so these figures are
//    printed but no target rests on them.
// 2. corpus, differential (scripts/bench-diff.mjs; targets a and b): in one thread, each file is
//    parsed once and its SourceCode reused; a rule's cost is the median time of a lint with only
//    that rule minus that of a lint with no rules, configurations interleaved over N rounds.
// 3. typed (scripts/bench-typed.mjs; target c): the corpus's TypeScript sources linted with type
//    information (a temporary tsconfig, typescript-eslint's recommendedTypeChecked rules). Target
//    (c) rests on a differential like (a)'s: parsed once with the program, then the typed baseline
//    and the baseline + each rule of ours interleaved on the same SourceCodes; a rule's added time
//    as a share of the typed run (typed parse + the baseline's rules). Whole typed lints in fresh
//    processes (cold type checker), interleaved rounds, are printed alongside as a cross-check.
// 4. import: a fresh `node` process imports the built plugin (ESM and CommonJS), median of N.
// 5. scaling: one generated rule-heavy file (scripts/bench-generate.mjs) at each size, linted with
//    every rule of ours; time per line per rule, best of several runs. Flat means linear.
// 6. targets, PASS/FAIL: (a) our recommended rules together at most 1.5× no-unused-vars and (b) each
//    of our rules at most 0.6× no-unused-vars, both from the differential run (the share of parse
//    time is printed beside them, no longer a target); (c) with type information
//    no rule adds more than 10 % to the typed run; (d) time per line at the largest size ≤ 3× that
//    at the smallest.
// Then a markdown table for the README. Exit 1 when a target fails, 2 on bad usage or missing inputs.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SRC_DIR, selectCorpus } from './corpus-fetch.mjs';
import { REFERENCE_RULE, benchCorpus, ourRules } from './bench-corpus.mjs';
import { BASELINE, benchDiff } from './bench-diff.mjs';
import { TYPED_EXT, benchTyped, benchTypedDiff } from './bench-typed.mjs';
import { generateRuleHeavy } from './bench-generate.mjs';

/** Targets as ratios to core no-unused-vars on the same files in the same run (issue 19). */
const TARGET_TOGETHER_VS_REFERENCE = 1.5;
const TARGET_EACH_VS_REFERENCE = 0.6;
const TARGET_SCALING_RATIO = 3;
const TARGET_TYPED_SHARE = 0.1;
const TOGETHER = 'our recommended rules together';
const DEFAULT_PLUGIN =
  ['index.js', 'index.mjs'].map((f) => path.join(ROOT, 'dist', f)).find((f) => fs.existsSync(f)) ?? path.join(ROOT, 'dist', 'index.js');

function parseArgs(argv) {
  const opts = {
    subset: false,
    packages: [],
    config: 'recommended',
    jobs: os.availableParallelism?.() ?? os.cpus().length,
    sizes: [1000, 10000, 100000],
    importRuns: 11,
    rounds: 5,
    chunkLines: 20000,
    sourceCode: 'cold',
    typedRounds: 3,
    typedDiffRounds: 9,
    typedLines: 25000,
    json: null,
    corpus: true,
    stats: true,
    diff: true,
    typed: true,
    scaling: true,
    import: true,
    unicorn: true,
    plugin: DEFAULT_PLUGIN,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    switch (a) {
      case '--subset':
        opts.subset = true;
        break;
      case '--package':
        opts.packages.push(val());
        break;
      case '--config':
        opts.config = val();
        if (!['recommended', 'strict', 'all'].includes(opts.config)) usage('--config must be recommended, strict or all');
        break;
      case '--jobs':
        opts.jobs = Math.max(1, Number(val()) | 0);
        break;
      case '--sizes':
        opts.sizes = val()
          .split(',')
          .map((s) => Number(s.replace(/k$/i, '000')))
          .filter((n) => n > 0)
          .sort((x, y) => x - y);
        break;
      case '--import-runs':
        opts.importRuns = Math.max(1, Number(val()) | 0);
        break;
      case '--rounds':
        opts.rounds = Math.max(1, Number(val()) | 0);
        break;
      case '--chunk-lines':
        opts.chunkLines = Math.max(1000, Number(val()) | 0);
        break;
      case '--sourcecode':
        opts.sourceCode = val();
        if (!['cold', 'reuse', 'fresh'].includes(opts.sourceCode)) usage('--sourcecode must be cold, reuse or fresh');
        break;
      case '--typed-rounds':
        opts.typedRounds = Math.max(1, Number(val()) | 0);
        break;
      case '--typed-diff-rounds':
        opts.typedDiffRounds = Math.max(1, Number(val()) | 0);
        break;
      case '--typed-lines':
        opts.typedLines = Math.max(1, Number(val().replace(/k$/i, '000')) | 0);
        break;
      case '--json':
        opts.json = path.resolve(val());
        break;
      case '--plugin':
        opts.plugin = path.resolve(val());
        break;
      case '--no-corpus':
        opts.corpus = false;
        break;
      case '--no-stats':
        opts.stats = false;
        break;
      case '--no-diff':
        opts.diff = false;
        break;
      case '--no-typed':
        opts.typed = false;
        break;
      case '--no-scaling':
        opts.scaling = false;
        break;
      case '--no-import':
        opts.import = false;
        break;
      case '--no-unicorn':
        opts.unicorn = false;
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown argument: ${a}`);
    }
  }
  if (opts.scaling && opts.sizes.length < 2) usage('--sizes needs at least two sizes');
  return opts;
}

function usage(error) {
  const text = `usage: node scripts/bench.mjs [options]
  --subset                 corpus: only entries marked "ci": true
  --package NAME           corpus: only this entry (repeatable)
  --config NAME            options our rules run with: recommended (default), strict or all
  --jobs N                 corpus stats run: worker threads (default: CPU count)
  --rounds N               differential run: interleaved rounds, median reported (default 5)
  --chunk-lines N          differential run: lines parsed and kept in memory at a time (default 20000)
  --sourcecode MODE        differential run: cold (every timed verify lints an AST parsed for it, as a
                           real lint does; default), reuse (one SourceCode per file for every verify:
                           quicker, but per-file caches stay warm), or fresh (a new SourceCode around
                           the same AST)
  --typed-rounds N         typed run: interleaved rounds of fresh processes, median reported (default 3)
  --typed-diff-rounds N    typed run: interleaved rounds of the differential that judges target (c) (default 9)
  --typed-lines N          typed run: at most this many lines of the selected corpus's TypeScript,
                           whole packages in corpus order (default 25000; examples/ if none)
  --sizes A,B,C            scaling: generated file sizes in lines (default 1000,10000,100000)
  --import-runs N          import time: fresh processes, median reported (default 11)
  --json FILE              also write every figure as JSON
  --no-corpus              skip the three corpus parts (stats, differential, typed)
  --no-stats | --no-diff | --no-typed | --no-scaling | --no-import | --no-unicorn   skip a part
  --plugin PATH            plugin build to measure (default dist/index.js, else dist/index.mjs)`;
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const fmt = (n) => n.toLocaleString('en-US');
/** The 1-minute load average now, for the record: on a shared machine, timings move with it. */
const load = () => os.loadavg()[0].toFixed(1);
const pct = (x) => `${(x * 100).toFixed(2)} %`;
const spct = (x) => `${x >= 0 ? '+' : ''}${pct(x)}`;
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** The installed version of a package (read from node_modules: not every package exports its package.json). */
const versionOf = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------------------------------------
// 1. corpus, ESLint stats (for reference)
// ---------------------------------------------------------------------------------------------

/** The selected corpus entries and their files ({ rel, abs, lines, pkg }). */
function selectedCorpus(opts) {
  try {
    return selectCorpus({ subset: opts.subset, names: opts.packages });
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}

const progressFor = (label) =>
  process.stderr.isTTY
    ? Object.assign((done, all) => process.stderr.write(`\r  ${label}: ${done}/${all}`), { end: () => process.stderr.write('\r\x1b[K') })
    : Object.assign(() => {}, { end: () => {} });

async function corpusPart(plugin, opts, { packages, files, lines }) {
  const loadBefore = load();
  const progress = progressFor('corpus, stats run: files');
  const run = await benchCorpus(files, {
    pluginPath: opts.plugin,
    config: opts.config,
    unicorn: opts.unicorn,
    jobs: opts.jobs,
    onProgress: progress,
  });
  progress.end();

  const ns = `${plugin.meta.namespace}/`;
  const ours = Object.keys(ourRules(plugin, opts.config)).sort();
  const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
  const time = (id) => run.rules[id] ?? 0;
  const reference = time(REFERENCE_RULE);
  const unicornIds = Object.keys(run.rules).filter((id) => id.startsWith('unicorn/'));
  const allRanked = Object.entries(run.rules)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
  const ourRows = ours.map((id) => ({
    id,
    recommended: recommended.includes(id),
    ms: time(id),
    shareOfParse: time(id) / run.parse,
    vsReference: reference > 0 ? time(id) / reference : null,
    rank: allRanked.indexOf(id) + 1,
  }));
  const recommendedTogether = ourRows.filter((r) => r.recommended).reduce((a, r) => a + r.ms, 0);
  const unicornTimes = unicornIds.map(time);
  return {
    packages: packages.length,
    files: files.length,
    lines,
    seconds: run.seconds,
    loadAvg: `${loadBefore} → ${load()}`,
    parseFailures: run.parseFailures,
    errors: run.errors,
    findings: run.findings,
    parseMs: run.parse,
    lintMs: run.total,
    rulesInRun: Object.keys(run.rules).length,
    ours: ourRows,
    recommendedTogether: { ms: recommendedTogether, shareOfParse: recommendedTogether / run.parse },
    reference: { id: REFERENCE_RULE, ms: reference, shareOfParse: reference / run.parse },
    unicorn: opts.unicorn
      ? {
          version: versionOf('eslint-plugin-unicorn'),
          rules: unicornIds.length,
          ms: unicornTimes.reduce((a, b) => a + b, 0),
          medianMs: unicornTimes.length ? median(unicornTimes) : 0,
          slowest: unicornIds
            .sort((a, b) => time(b) - time(a))
            .slice(0, 5)
            .map((id) => ({ id, ms: time(id) })),
          cheaperThanNoUnusedVars: unicornTimes.filter((t) => t < reference).length,
        }
      : null,
    ns,
  };
}

function printCorpus(c, opts) {
  const p = (s = '') => console.log(s);
  p(
    `== corpus, ESLint stats (inflated by per-listener timing; for reference, no target uses these)${opts.subset ? ' (subset)' : ''}: ${c.packages} packages, ${fmt(c.files)} files, ${fmt(c.lines)} non-empty lines; ${opts.jobs} job(s), ${c.seconds.toFixed(1)} s wall, load average ${c.loadAvg}`,
  );
  p(
    `   ESLint ${versionOf('eslint')}, ${c.rulesInRun} rules in one run: ours (${opts.config} options), core ${REFERENCE_RULE}` +
      `${c.unicorn ? `, eslint-plugin-unicorn ${c.unicorn.version} recommended (${c.unicorn.rules} rules)` : ''}`,
  );
  p(
    `   ESLint stats, summed over files: parse ${ms(c.parseMs)}, whole lint ${ms(c.lintMs)}` +
      `${c.parseFailures ? `; ${c.parseFailures} files did not parse` : ''}${c.errors.length ? `; ${c.errors.length} files left out (a rule threw)` : ''}`,
  );
  for (const e of c.errors.slice(0, 5)) p(`     left out: ${path.relative(ROOT, e.file)}: ${e.message}`);
  p();
  p(
    `   ${'rule'.padEnd(44)} ${'time'.padStart(10)} ${'of parse'.padStart(9)} ${`vs ${REFERENCE_RULE}`.padStart(18)} ${'rank'.padStart(9)}`,
  );
  const row = (id, t, share, vs, rank) =>
    p(
      `   ${id.padEnd(44)} ${ms(t).padStart(10)} ${pct(share).padStart(9)} ${(vs === null ? '' : `${vs.toFixed(2)}×`).padStart(18)} ${rank.padStart(9)}`,
    );
  for (const r of c.ours)
    row(`${r.id}${r.recommended ? '' : ' (not in recommended)'}`, r.ms, r.shareOfParse, r.vsReference, `${r.rank}/${c.rulesInRun}`);
  row(
    TOGETHER,
    c.recommendedTogether.ms,
    c.recommendedTogether.shareOfParse,
    c.reference.ms ? c.recommendedTogether.ms / c.reference.ms : null,
    '',
  );
  row(`${REFERENCE_RULE} (core)`, c.reference.ms, c.reference.shareOfParse, 1, '');
  if (c.unicorn) {
    row(
      `unicorn: ${c.unicorn.rules} rules together`,
      c.unicorn.ms,
      c.unicorn.ms / c.parseMs,
      c.reference.ms ? c.unicorn.ms / c.reference.ms : null,
      '',
    );
    row(
      'unicorn: median rule',
      c.unicorn.medianMs,
      c.unicorn.medianMs / c.parseMs,
      c.reference.ms ? c.unicorn.medianMs / c.reference.ms : null,
      '',
    );
    p(`   unicorn's slowest: ${c.unicorn.slowest.map((s) => `${s.id} ${ms(s.ms)}`).join(', ')}`);
    p(`   ${c.unicorn.cheaperThanNoUnusedVars} of ${c.unicorn.rules} unicorn rules are cheaper than ${REFERENCE_RULE}`);
  }
  p();
}

// ---------------------------------------------------------------------------------------------
// 2. corpus, differential (targets a and b)
// ---------------------------------------------------------------------------------------------

async function diffPart(plugin, opts, { packages, files }, stats) {
  const ours = ourRules(plugin, opts.config);
  const ids = Object.keys(ours).sort();
  const recommended = new Set(Object.keys(plugin.configs.recommended.rules ?? {}));
  const configs = [
    ...ids.map((id) => ({ id, rules: { [id]: ours[id] } })),
    { id: TOGETHER, rules: Object.fromEntries(ids.filter((id) => recommended.has(id)).map((id) => [id, ours[id]])) },
    { id: REFERENCE_RULE, rules: { [REFERENCE_RULE]: 'error' } },
  ];
  const loadBefore = load();
  const progress = progressFor('corpus, differential run: files');
  // Without the stats run, check the findings against a normal lint (from text) done here.
  const run = await benchDiff(files, {
    plugin,
    configs,
    rounds: opts.rounds,
    chunkLines: opts.chunkLines,
    sourceCodeMode: opts.sourceCode,
    normalCheck: stats ? null : { ...ours, [REFERENCE_RULE]: 'error' },
    onProgress: progress,
  });
  progress.end();
  const loadAvg = `${loadBefore} → ${load()}`;

  const byId = Object.fromEntries(run.configs.map((c) => [c.id, c]));
  const reference = byId[REFERENCE_RULE].ms;
  const row = (c) => ({
    id: c.id,
    recommended: recommended.has(c.id),
    ms: c.ms,
    medianMs: c.medianMs,
    runs: c.runs,
    cpuMs: c.cpuMs,
    cpuRuns: c.cpuRuns,
    shareOfParse: c.ms / run.parseMs,
    vsReference: reference > 0 ? c.ms / reference : null,
    findings: c.findings,
    statsMs: stats
      ? c.id === TOGETHER
        ? stats.recommendedTogether.ms
        : c.id === REFERENCE_RULE
          ? stats.reference.ms
          : (stats.ours.find((r) => r.id === c.id)?.ms ?? null)
      : null,
  });

  // Findings: each rule alone = the same rule in the together run = the warm-up run (all rules at
  // once) = a normal lint from text (the stats run, or normalCheck).
  const normal = stats ? stats.findings : run.normalFindings;
  const normalLabel = stats
    ? 'the stats run (ESLint#lintFiles, parsing each file)'
    : 'a normal lint from text (Linter#verify, parsing each file)';
  const check = [...ids, REFERENCE_RULE].map((id) => {
    const alone = byId[id].findings[id];
    const together = recommended.has(id) ? byId[TOGETHER].findings[id] : alone;
    const warm = run.warmFindings[id] ?? 0;
    const norm = normal?.[id] ?? 0;
    return { id, alone, together, warm, normal: norm, ok: alone === together && alone === warm && alone === norm };
  });
  const comparable = !stats || (stats.errors.length === 0 && run.errors.length === 0 && stats.parseFailures === run.parseFailures.length);
  return {
    packages: packages.length,
    files: run.files,
    lines: run.lines,
    seconds: run.seconds,
    loadAvg,
    rounds: run.rounds,
    chunkLines: run.chunkLines,
    parseMs: run.parseMs,
    firstVerifyMs: run.firstVerifyMs,
    firstVerifyCpuMs: run.firstVerifyCpuMs,
    sourceCodeMode: run.sourceCodeMode,
    chunks: run.chunks,
    parseFailures: run.parseFailures,
    errors: run.errors,
    unstable: run.unstable,
    baseline: {
      ms: run.baseline.ms,
      runs: run.baseline.runs,
      cpuMs: run.baseline.cpuMs,
      cpuRuns: run.baseline.cpuRuns,
      shareOfParse: run.baseline.ms / run.parseMs,
    },
    ours: ids.map((id) => row(byId[id])),
    together: row(byId[TOGETHER]),
    reference: row(byId[REFERENCE_RULE]),
    check: { rows: check, ok: check.every((r) => r.ok), against: normalLabel, comparable },
  };
}

const SOURCE_CODE_MODES = {
  cold: 'every timed verify lints a new parse of its file (parsed outside the clock)',
  reuse: 'each file parsed once, its SourceCode reused by every configuration (per-file caches warm)',
  fresh: 'each file parsed once, a fresh SourceCode around its AST for every verify (per-file caches warm)',
};

function printDiff(d, opts) {
  const p = (s = '') => console.log(s);
  const spread = (runs) => `${ms(Math.min(...runs))}–${ms(Math.max(...runs))}`;
  p(
    `== corpus, differential (targets a, b)${opts.subset ? ' (subset)' : ''}: ${d.packages} packages, ${fmt(d.files)} files, ${fmt(d.lines)} non-empty lines; one thread, ${d.rounds} interleaved rounds, ~${fmt(d.chunkLines)}-line chunks, ${d.seconds.toFixed(1)} s wall, load average ${d.loadAvg}`,
  );
  p(`   ${SOURCE_CODE_MODES[d.sourceCodeMode]}; no listener is wrapped in timing code`);
  p(
    `   parse (ESLint's parse figure: parser + scope analysis + SourceCode, summed over files): ${ms(d.parseMs)}` +
      `${d.parseFailures.length ? `; ${d.parseFailures.length} files did not parse` : ''}${d.errors.length ? `; ${d.errors.length} files left out (a rule threw)` : ''}`,
  );
  for (const e of d.errors.slice(0, 5)) p(`     left out: ${path.relative(ROOT, e.file)}: ${e.message}`);
  p(`   ${BASELINE}: ${ms(d.baseline.ms)} (${pct(d.baseline.shareOfParse)} of parse; rounds ${spread(d.baseline.runs)})`);
  p(
    `   cost of a configuration = Σ over chunks of its median round − the same for the baseline (rounds below: whole-corpus totals per round)`,
  );
  p();
  const statsHead = d.ours[0]?.statsMs != null ? `${'ESLint stats'.padStart(13)}` : '';
  p(
    `   ${'rule'.padEnd(44)} ${'cost'.padStart(10)} ${'of parse'.padStart(9)} ${`× ${REFERENCE_RULE}`.padStart(17)} ${'rounds (whole lint)'.padStart(23)} ${'findings'.padStart(9)} ${statsHead}`,
  );
  const line = (label, r) => {
    const n = Object.values(r.findings).reduce((a, b) => a + b, 0);
    p(
      `   ${label.padEnd(44)} ${ms(r.ms).padStart(10)} ${pct(r.shareOfParse).padStart(9)} ${(r.vsReference === null ? '—' : `${r.vsReference.toFixed(2)}×`).padStart(17)} ${spread(r.runs).padStart(23)} ${fmt(n).padStart(9)} ${r.statsMs != null ? ms(r.statsMs).padStart(13) : ''}`,
    );
  };
  for (const r of d.ours) line(`${r.id}${r.recommended ? '' : ' (not in recommended)'}`, r);
  line(TOGETHER, d.together);
  line(`${REFERENCE_RULE} (core)`, d.reference);
  p();
  p(
    `   reuse check: ${d.unstable.length ? `FINDINGS DIFFER between rounds for ${d.unstable.join(', ')}` : `findings identical in all ${d.rounds} rounds for every configuration`}`,
  );
  if (d.check.ok) {
    p(
      `   findings check: each rule alone = in the together run = all rules at once = ${d.check.against}: ${d.check.rows.map((r) => `${r.id} ${fmt(r.alone)}`).join(', ')}`,
    );
  } else {
    p(
      `   findings check: MISMATCH against ${d.check.against}${d.check.comparable ? '' : ' (the runs left out different files, so counts may differ)'}:`,
    );
    for (const r of d.check.rows)
      p(`     ${r.ok ? 'ok  ' : 'DIFF'} ${r.id}: alone ${r.alone}, together ${r.together}, all at once ${r.warm}, normal lint ${r.normal}`);
  }
  p();
}

// ---------------------------------------------------------------------------------------------
// 3. typed (target c)
// ---------------------------------------------------------------------------------------------

/** The TypeScript files of the selected corpus: whole packages in corpus order, up to opts.typedLines. */
function typedFiles({ packages, files }, opts) {
  const byPkg = packages
    .map((e) => ({ name: e.name, files: files.filter((f) => f.pkg === e.name && TYPED_EXT.test(f.abs)) }))
    .filter((x) => x.files.length)
    .map((x) => ({ ...x, lines: x.files.reduce((a, f) => a + f.lines, 0) }));
  const chosen = [];
  let lines = 0;
  for (const x of byPkg) {
    if (lines + x.lines <= opts.typedLines) {
      chosen.push(x);
      lines += x.lines;
    }
  }
  if (!chosen.length && byPkg.length) chosen.push([...byPkg].sort((a, b) => a.lines - b.lines)[0]);
  if (chosen.length) {
    return {
      source: `corpus: ${chosen.map((x) => `${x.name} (${fmt(x.lines)})`).join(', ')}`,
      files: chosen.flatMap((x) => x.files),
      cwd: SRC_DIR,
      declarations: [],
      skipped: byPkg.filter((x) => !chosen.includes(x)).map((x) => x.name),
    };
  }
  // No TypeScript in the selection: the repository's example project.
  const dir = path.join(ROOT, 'examples');
  const walk = (d) =>
    fs.existsSync(d)
      ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
      : [];
  const ts = walk(path.join(dir, 'src')).filter((f) => TYPED_EXT.test(f) && !/\.d\.[cm]?ts$/.test(f));
  const count = (f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;
  return {
    source: 'examples/ (the selected corpus has no TypeScript)',
    files: ts.map((abs) => ({ abs, lines: count(abs) })),
    cwd: dir,
    declarations: walk(path.join(dir, 'types'))
      .filter((f) => /\.d\.[cm]?ts$/.test(f))
      .map((abs) => ({ abs })),
    skipped: [],
  };
}

async function typedPart(plugin, opts, selection) {
  const sel = typedFiles(selection, opts);
  if (!sel.files.length) return null;
  const ours = ourRules(plugin, opts.config);
  const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
  const ids = Object.keys(ours).sort();
  const configs = [
    ...ids.map((id) => ({ id, rules: { [id]: ours[id] } })),
    { id: TOGETHER, rules: Object.fromEntries(recommended.map((id) => [id, ours[id]])) },
  ];
  const loadBefore = load();
  const diffProgress = progressFor('typed differential: files');
  const diff = await benchTypedDiff(sel.files, {
    plugin,
    configs,
    rounds: opts.typedDiffRounds,
    cwd: sel.cwd,
    declarations: sel.declarations,
    onProgress: diffProgress,
  });
  diffProgress.end();
  const progress = progressFor('typed runs');
  const run = benchTyped(sel.files, {
    pluginPath: opts.plugin,
    configs,
    rounds: opts.typedRounds,
    cwd: sel.cwd,
    declarations: sel.declarations,
    onProgress: progress,
  });
  progress.end();
  return {
    ...run,
    diff,
    loadAvg: `${loadBefore} → ${load()}`,
    source: sel.source,
    skipped: sel.skipped,
    tsEslint: versionOf('typescript-eslint'),
    typescript: versionOf('typescript'),
  };
}

function printTyped(t) {
  const p = (s = '') => console.log(s);
  const spread = (runs) => `${ms(Math.min(...runs))}–${ms(Math.max(...runs))}`;
  const b = t.baseline;
  p(
    `== typed (target c): ${fmt(t.files)} TypeScript files, ${fmt(t.lines)} non-empty lines from ${t.source}; ${t.rounds} interleaved rounds of fresh processes, load average ${t.loadAvg}`,
  );
  if (t.skipped.length) p(`   left out by --typed-lines: ${t.skipped.join(', ')}`);
  p(
    `   baseline: typescript-eslint ${t.tsEslint} recommendedTypeChecked, parserOptions.project = a temporary tsconfig (TypeScript ${t.typescript}, skipLibCheck, noEmit, allowJs false)`,
  );
  p(
    `   baseline wall time (ESLint#lintFiles incl. the TypeScript program): median ${ms(b.median)} (runs ${spread(b.runs)}, spread ${pct((Math.max(...b.runs) - Math.min(...b.runs)) / b.median)}); ${fmt(b.findings)} typescript-eslint findings${t.fatal ? `, ${t.fatal} files did not parse` : ''}`,
  );
  p(`   the corpus packages' own dependencies are not installed: their imports type as \`any\``);
  p(`   baseline CPU time (all threads of the process): median ${ms(b.cpuMedian)} (runs ${spread(b.cpuRuns)})`);
  p();
  const d = t.diff;
  p(`   differential (judges target c): the files parsed once with type information, then the baseline and the baseline + rule`);
  p(`   lint the same SourceCodes in ${d.rounds} interleaved rounds (type checker caches warm after the first pass); a rule's cost is`);
  p(
    `   its median minus the baseline's, as a share of the typed run: parse ${ms(d.parseMs)} (the program included) + baseline rules ${ms(d.baseline.ms)} = ${ms(d.typedRunMs)}`,
  );
  p(`   ${'baseline + rule'.padEnd(44)} ${'added'.padStart(10)} ${'of typed run'.padStart(13)} ${'findings'.padStart(9)}`);
  for (const r of d.configs) {
    const found = Object.values(r.findings).reduce((a, n) => a + n, 0);
    p(`   ${r.id.padEnd(44)} ${ms(r.ms).padStart(10)} ${spct(r.addedShare).padStart(13)} ${fmt(found).padStart(9)}`);
  }
  if (d.unstable.length) p(`   reuse check: FINDINGS DIFFER between rounds for ${d.unstable.join(', ')}`);
  p();
  p(`   fresh processes (a cold cross-check, each a whole typed lint; not the target's figure when its spread exceeds the target):`);
  p(
    `   ${'baseline + rule'.padEnd(44)} ${'wall'.padStart(10)} ${'added'.padStart(10)} ${'of typed run'.padStart(13)} ${'wall runs'.padStart(19)} ${'CPU added'.padStart(10)} ${'findings'.padStart(9)}`,
  );
  for (const r of t.configs) {
    p(
      `   ${r.id.padEnd(44)} ${ms(r.median).padStart(10)} ${ms(r.addedMs).padStart(10)} ${pct(r.addedShare).padStart(13)} ${spread(r.runs).padStart(19)} ${pct(r.cpuAddedShare).padStart(10)} ${fmt(r.findings).padStart(9)}`,
    );
  }
  p();
}

// ---------------------------------------------------------------------------------------------
// 4. import time
// ---------------------------------------------------------------------------------------------

function importTimes(file, runs, kind) {
  const code =
    kind === 'esm'
      ? `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`
      : `const t = performance.now(); require(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  const times = [];
  for (let i = 0; i < runs; i++) {
    const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`importing ${file} failed:\n${res.stderr}`);
    times.push(Number(res.stdout));
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

function importPart(opts) {
  const out = { esm: importTimes(opts.plugin, opts.importRuns, 'esm') };
  const cjs = path.join(path.dirname(opts.plugin), 'index.cjs');
  if (fs.existsSync(cjs)) out.cjs = importTimes(cjs, opts.importRuns, 'cjs');
  if (opts.unicorn) {
    try {
      out.unicorn = importTimes(fileURLFromResolve('eslint-plugin-unicorn'), opts.importRuns, 'esm');
    } catch {
      out.unicorn = null;
    }
  }
  return out;
}

function fileURLFromResolve(id) {
  const url = import.meta.resolve(id);
  return new URL(url).pathname;
}

function printImport(t, opts) {
  const f = (x) => `median ${x.median.toFixed(1)} ms (min ${x.min.toFixed(1)}, max ${x.max.toFixed(1)})`;
  console.log(`== import time: a fresh node process, ${opts.importRuns} runs each`);
  console.log(`   import(${opts.pluginLabel})  ${f(t.esm)}`);
  if (t.cjs) console.log(`   require(${path.join(path.dirname(opts.pluginLabel), 'index.cjs')})  ${f(t.cjs)}`);
  if (t.unicorn) console.log(`   for reference, import('eslint-plugin-unicorn')  ${f(t.unicorn)}`);
  console.log();
}

// ---------------------------------------------------------------------------------------------
// 5. scaling
// ---------------------------------------------------------------------------------------------

async function scalingPart(plugin, opts) {
  const { Linter } = await import('eslint');
  const tsParser = await import('@typescript-eslint/parser');
  const linter = new Linter();
  const ours = ourRules(plugin, 'all');
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { [plugin.meta.namespace]: plugin },
      rules: { ...ours, [REFERENCE_RULE]: 'error' },
    },
  ];
  const ids = [...Object.keys(ours).sort(), REFERENCE_RULE];
  const sizes = [];
  for (const target of opts.sizes) {
    const code = generateRuleHeavy(target);
    const lines = code.split('\n').filter((l) => l.trim()).length;
    // More runs where a run is cheap; the best run of each rule is the one least disturbed.
    const runs = target <= 2000 ? 9 : target <= 20000 ? 5 : 2;
    const best = Object.fromEntries(ids.map((id) => [id, Infinity]));
    let findings = 0;
    let parse = Infinity;
    for (let r = 0; r < runs; r++) {
      const { messages } = linter.verifyAndFix(code, config, { filename: 'rule-heavy.ts', stats: true, fix: false });
      const fatal = messages.find((m) => m.fatal);
      if (fatal) throw new Error(`generated file does not parse: ${fatal.line}:${fatal.column} ${fatal.message}`);
      findings = messages.filter((m) => m.ruleId?.startsWith(`${plugin.meta.namespace}/`)).length;
      const pass = linter.getTimes().passes[0];
      parse = Math.min(parse, pass.parse?.total ?? Infinity);
      for (const id of ids) best[id] = Math.min(best[id], pass.rules?.[id]?.total ?? 0);
    }
    sizes.push({
      target,
      lines,
      runs,
      findings,
      parseMs: parse,
      perLineUs: Object.fromEntries(ids.map((id) => [id, (best[id] * 1000) / lines])),
    });
  }
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const ratio = Object.fromEntries(ids.map((id) => [id, first.perLineUs[id] > 0 ? last.perLineUs[id] / first.perLineUs[id] : null]));
  return { ids, sizes, ratio };
}

function printScaling(s, plugin) {
  const p = (x = '') => console.log(x);
  p(
    `== scaling: a generated rule-heavy TypeScript file (scripts/bench-generate.mjs), every rule of ours with configs.all options; best of N runs`,
  );
  p(`   ${'size'.padEnd(10)} ${'lines'.padStart(8)} ${'runs'.padStart(5)} ${'findings'.padStart(9)} ${'parse'.padStart(10)}`);
  for (const z of s.sizes)
    p(
      `   ${fmt(z.target).padEnd(10)} ${fmt(z.lines).padStart(8)} ${String(z.runs).padStart(5)} ${fmt(z.findings).padStart(9)} ${ms(z.parseMs).padStart(10)}`,
    );
  p();
  p(`   µs per line  ${'rule'.padEnd(40)} ${s.sizes.map((z) => fmt(z.target).padStart(9)).join(' ')} ${'last/first'.padStart(11)}`);
  for (const id of s.ids) {
    const label = id.startsWith(`${plugin.meta.namespace}/`) ? id : `${id} (reference)`;
    p(
      `                ${label.padEnd(40)} ${s.sizes.map((z) => z.perLineUs[id].toFixed(2).padStart(9)).join(' ')} ${(s.ratio[id] === null ? '—' : `${s.ratio[id].toFixed(2)}×`).padStart(11)}`,
    );
  }
  p();
}

// ---------------------------------------------------------------------------------------------
// 6. targets and the README table
// ---------------------------------------------------------------------------------------------

function targets(d, t, s, plugin) {
  const out = [];
  if (d) {
    const share = d.together.shareOfParse;
    const together = d.together.ms / d.reference.ms;
    // The same ratio from each round's whole-corpus totals: how far one round can move it (the reference
    // rule's cost is the small, unsteady denominator).
    const perRound = d.baseline.runs
      .map((b, r) => (d.reference.runs[r] > b ? (d.together.runs[r] - b) / (d.reference.runs[r] - b) : NaN))
      .filter(Number.isFinite)
      .sort((x, y) => x - y);
    const straddles = perRound.length > 0 && perRound[0] <= TARGET_TOGETHER_VS_REFERENCE && perRound.at(-1) > TARGET_TOGETHER_VS_REFERENCE;
    out.push({
      name: `(a) ${TOGETHER} ≤ ${TARGET_TOGETHER_VS_REFERENCE}× ${REFERENCE_RULE} (differential)`,
      pass: together <= TARGET_TOGETHER_VS_REFERENCE,
      value:
        `${together.toFixed(2)}× (${ms(d.together.ms)} vs ${ms(d.reference.ms)}; ${pct(share)} of parse ${ms(d.parseMs)}); ` +
        (perRound.length > 0 ? `per round ${perRound[0].toFixed(2)}×–${perRound.at(-1).toFixed(2)}×` : 'no round measured it') +
        (straddles ? ', on both sides of the target: run more rounds' : ''),
    });
    const worst = [...d.ours].sort((a, b) => (b.vsReference ?? 0) - (a.vsReference ?? 0))[0];
    if (worst) {
      out.push({
        name: `(b) each rule of ours ≤ ${TARGET_EACH_VS_REFERENCE}× ${REFERENCE_RULE} (differential)`,
        pass: d.ours.every((r) => r.vsReference !== null && r.vsReference <= TARGET_EACH_VS_REFERENCE),
        value: `costliest: ${worst.id} at ${worst.vsReference?.toFixed(2)}× ${REFERENCE_RULE} (${ms(worst.ms)} vs ${ms(d.reference.ms)})`,
      });
    }
    if (d.unstable.length || !d.check.ok) {
      out.push({
        name: 'differential run lints like a normal lint (same findings every round and as a normal lint)',
        pass: false,
        value: d.unstable.length ? `unstable: ${d.unstable.join(', ')}` : 'findings differ, see above',
      });
    }
  } else out.push({ name: '(a), (b) not measured (the differential run was skipped)', pass: true, skipped: true, value: 'no figures' });
  if (t) {
    const diffRules = t.diff.configs.filter((r) => r.id !== TOGETHER);
    const worstDiff = [...diffRules].sort((a, b) => b.addedShare - a.addedShare)[0];
    out.push({
      name: `(c) with type information, no rule adds more than ${TARGET_TYPED_SHARE * 100} % to the typed run (differential)`,
      pass: diffRules.every((r) => r.addedShare <= TARGET_TYPED_SHARE) && t.diff.unstable.length === 0,
      value: `worst: ${worstDiff.id} ${spct(worstDiff.addedShare)} (${ms(worstDiff.ms)} of ${ms(t.diff.typedRunMs)})${t.diff.unstable.length ? `; findings differ between rounds for ${t.diff.unstable.join(', ')}` : ''}`,
    });
    const rules = t.configs.filter((r) => r.id !== TOGETHER);
    const worst = [...rules].sort((a, b) => b.addedShare - a.addedShare)[0];
    const spreadWall = (Math.max(...t.baseline.runs) - Math.min(...t.baseline.runs)) / t.baseline.median;
    out.push({
      name: `    the same from whole typed lints in fresh processes (cold type checker; not a target of its own)`,
      info: true,
      pass: rules.every((r) => r.addedShare <= TARGET_TYPED_SHARE),
      value: `worst: ${worst.id} ${spct(worst.addedShare)} (${ms(worst.addedMs)} of ${ms(t.baseline.median)} wall; baseline wall runs spread ${pct(spreadWall)}${spreadWall > TARGET_TYPED_SHARE ? `, more than the ${TARGET_TYPED_SHARE * 100} % target: this figure cannot judge it` : ''})`,
    });
    const worstCpu = [...rules].sort((a, b) => b.cpuAddedShare - a.cpuAddedShare)[0];
    out.push({
      name: `    the same on process CPU time instead of wall time (less sensitive to other load; not a target of its own)`,
      info: true,
      pass: rules.every((r) => r.cpuAddedShare <= TARGET_TYPED_SHARE),
      value: `worst: ${worstCpu.id} ${spct(worstCpu.cpuAddedShare)} (baseline CPU runs spread ${pct((Math.max(...t.baseline.cpuRuns) - Math.min(...t.baseline.cpuRuns)) / t.baseline.cpuMedian)})`,
    });
  } else
    out.push({
      name: '(c) not measured (the typed run was skipped or found no TypeScript)',
      pass: true,
      skipped: true,
      value: 'no figures',
    });
  if (s) {
    const ours = s.ids.filter((id) => id.startsWith(`${plugin.meta.namespace}/`));
    const worst = [...ours].sort((a, b) => (s.ratio[b] ?? 0) - (s.ratio[a] ?? 0))[0];
    const first = s.sizes[0].target;
    const last = s.sizes[s.sizes.length - 1].target;
    out.push({
      name: `(d) time per line flat: at ${fmt(last)} lines ≤ ${TARGET_SCALING_RATIO}× that at ${fmt(first)} (no quadratic paths; ESLint stats)`,
      pass: ours.every((id) => s.ratio[id] === null || s.ratio[id] <= TARGET_SCALING_RATIO),
      value: worst ? `worst: ${worst} at ${s.ratio[worst]?.toFixed(2)}× (${REFERENCE_RULE}: ${s.ratio[REFERENCE_RULE]?.toFixed(2)}×)` : '',
    });
  }
  return out;
}

function markdown(c, d, t, s, imp, opts, plugin) {
  const L = [];
  const sizeHead = s ? s.sizes.map((z) => `µs/line ${z.target >= 1000 ? `${z.target / 1000}k` : z.target}`) : [];
  const head = [
    'rule',
    ...(d ? ['time on corpus', 'share of parse', `vs \`${REFERENCE_RULE}\``] : []),
    ...(t ? ['added to a typed run'] : []),
    ...sizeHead,
    ...(s ? ['growth'] : []),
  ];
  L.push(`| ${head.join(' | ')} |`);
  L.push(
    `| --- | ${head
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  );
  const diffCells = (r) =>
    d ? (r ? [ms(r.ms), pct(r.shareOfParse), r.vsReference != null ? `${r.vsReference.toFixed(2)}×` : '—'] : ['—', '—', '—']) : [];
  const typedCell = (id) => {
    if (!t) return [];
    const r = t.diff.configs.find((x) => x.id === id);
    return [r ? spct(r.addedShare) : '—'];
  };
  const scal = (id) =>
    s ? [...s.sizes.map((z) => z.perLineUs[id]?.toFixed(2) ?? '—'), s.ratio[id] == null ? '—' : `${s.ratio[id].toFixed(2)}×`] : [];
  const none = s ? [...s.sizes.map(() => '—'), '—'] : [];
  const ids = d
    ? d.ours.map((r) => r.id)
    : t
      ? t.configs.filter((r) => r.id !== TOGETHER).map((r) => r.id)
      : s
        ? s.ids.filter((id) => id.startsWith(`${plugin.meta.namespace}/`))
        : [];
  const row = (cells) => L.push(`| ${cells.join(' | ')} |`);
  for (const id of ids) row([`\`${id}\``, ...diffCells(d?.ours.find((x) => x.id === id)), ...typedCell(id), ...scal(id)]);
  if (d || t) row([TOGETHER, ...diffCells(d?.together), ...typedCell(TOGETHER), ...none]);
  if (d) row([`\`${REFERENCE_RULE}\` (core)`, ...diffCells(d.reference), ...(t ? ['—'] : []), ...scal(REFERENCE_RULE)]);
  L.push('');
  const notes = [];
  if (d) {
    notes.push(
      `Corpus: ${fmt(d.lines)} lines in ${fmt(d.files)} files${opts.subset ? ' (CI subset)' : ''}, parse time ${ms(d.parseMs)} (ESLint's parse, one thread). ` +
        `Time on corpus is differential: ${d.sourceCodeMode === 'cold' ? 'every lint on a fresh parse of its files' : 'each file parsed once'}, linted with only that rule and with no rules (${d.rounds} interleaved rounds, median per ~${fmt(d.chunkLines)}-line chunk); the difference, summed over the corpus, with no per-listener timing.`,
    );
  }
  if (t)
    notes.push(
      `Typed: ${fmt(t.lines)} lines of TypeScript (${t.source.replace(/^corpus: /, '')}) linted with type information and typescript-eslint's \`recommendedTypeChecked\`; the column is the time one rule adds to that lint (typed parse with the program ${ms(t.diff.parseMs)} + the baseline's rules ${ms(t.diff.baseline.ms)}), differential over ${t.diff.rounds} interleaved rounds on SourceCodes parsed once. Whole typed lints in ${t.rounds} rounds of fresh processes (median ${ms(t.baseline.median)}) are the cold cross-check in the bench output.`,
    );
  if (s)
    notes.push(
      `Scaling: one generated rule-heavy file at ${s.sizes.map((z) => fmt(z.lines)).join(', ')} lines, ESLint \`stats\` per rule, best of N runs.`,
    );
  if (c) {
    notes.push(
      `For reference, ESLint's own per-rule timings (\`stats: true\`, which wrap every listener call and so overstate rules with many listeners): our recommended rules together ${pct(c.recommendedTogether.shareOfParse)} of parse, ${(c.recommendedTogether.ms / c.reference.ms).toFixed(2)}× \`${REFERENCE_RULE}\`` +
        `${c.unicorn ? `; eslint-plugin-unicorn ${c.unicorn.version}'s ${c.unicorn.rules} recommended rules together ${pct(c.unicorn.ms / c.parseMs)} of parse, median rule ${(c.unicorn.medianMs / c.reference.ms).toFixed(2)}× \`${REFERENCE_RULE}\`` : ''}.`,
    );
  }
  if (imp)
    notes.push(
      `Import time (fresh \`node\`, median of ${opts.importRuns}): ESM ${imp.esm.median.toFixed(0)} ms${imp.cjs ? `, CommonJS ${imp.cjs.median.toFixed(0)} ms` : ''}${imp.unicorn ? ` (eslint-plugin-unicorn: ${imp.unicorn.median.toFixed(0)} ms)` : ''}.`,
    );
  L.push(notes.join(' '));
  return L.join('\n');
}

/**
 * A private copy of the plugin build in /tmp, so that a rebuild of dist/ while the bench runs
 * (minutes) cannot mix two builds into one set of figures. Bare imports resolve through a
 * node_modules symlink to this repository's.
 */
function snapshotPlugin(file) {
  const from = path.dirname(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resilience-bench-plugin-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  for (const f of fs.readdirSync(from)) {
    const src = path.join(from, f);
    if (fs.statSync(src).isFile()) fs.copyFileSync(src, path.join(dir, f));
  }
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  return { file: path.join(dir, path.basename(file)), built: fs.statSync(file).mtime, hash };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.plugin)) {
    console.error(`plugin not found: ${opts.plugin}\nbuild it first: npm run build`);
    process.exit(2);
  }
  const original = opts.plugin;
  const snap = snapshotPlugin(original);
  opts.plugin = snap.file;
  opts.pluginLabel = path.relative(ROOT, original);
  if (opts.unicorn && !versionOf('eslint-plugin-unicorn')) {
    console.error('eslint-plugin-unicorn is not installed (a devDependency); install it, or pass --no-unicorn');
    process.exit(2);
  }
  const plugin = (await import(pathToFileURL(opts.plugin).href)).default;
  console.log(
    `${plugin.meta.name}@${plugin.meta.version} from ${path.relative(ROOT, original)} (built ${snap.built.toISOString()}, sha256 ${snap.hash}, measured from a copy); Node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs\n`,
  );

  const selection = opts.corpus && (opts.stats || opts.diff || opts.typed) ? selectedCorpus(opts) : null;
  const c = selection && opts.stats ? await corpusPart(plugin, opts, selection) : null;
  if (c) printCorpus(c, opts);
  const d = selection && opts.diff ? await diffPart(plugin, opts, selection, c) : null;
  if (d) printDiff(d, opts);
  const t = selection && opts.typed ? await typedPart(plugin, opts, selection) : null;
  if (t) printTyped(t);
  const imp = opts.import ? importPart(opts) : null;
  if (imp) printImport(imp, opts);
  const s = opts.scaling ? await scalingPart(plugin, opts) : null;
  if (s) printScaling(s, plugin);

  const results = targets(d, t, s, plugin);
  console.log('== targets');
  for (const r of results)
    console.log(`   ${r.skipped ? 'SKIP' : r.info ? (r.pass ? 'pass' : 'fail') : r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value}`);
  console.log();
  console.log('== markdown (README)');
  console.log();
  console.log(markdown(c, d, t, s, imp, opts, plugin));

  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(
      opts.json,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, eslint: versionOf('eslint'), plugin: plugin.meta, options: { ...opts, plugin: opts.pluginLabel, pluginSha256: snap.hash }, corpus: c, differential: d, typed: t, import: imp, scaling: s, targets: results }, null, 2)}\n`,
    );
    console.log(`\nwrote ${path.relative(process.cwd(), opts.json)}`);
  }
  process.exit(results.every((r) => r.pass || r.info) ? 0 : 1);
}

await main();
