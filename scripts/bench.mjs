#!/usr/bin/env node
// The plugin's cost, measured (`npm run bench`). Needs the built plugin (`npm run build`), the
// fetched corpus (`node scripts/corpus-fetch.mjs [--subset]`) and eslint-plugin-unicorn.
//
//   node scripts/bench.mjs [--subset] [--package NAME] [--config recommended|strict|all] [--jobs N]
//                          [--sizes 1000,10000,100000] [--import-runs N] [--json FILE]
//                          [--no-corpus] [--no-scaling] [--no-import] [--no-unicorn] [--plugin PATH]
//
// 1. corpus: one ESLint run (`stats: true`) over the corpus with our rules, core `no-unused-vars`
//    and eslint-plugin-unicorn's recommended rules together; ESLint's own time per rule and parse
//    time, summed over files. Each of our rules as a share of parse time and against no-unused-vars.
// 2. import: a fresh `node` process imports the built plugin (ESM and CommonJS), median of N.
// 3. scaling: one generated rule-heavy file (scripts/bench-generate.mjs) at each size, linted with
//    every rule of ours; time per line per rule, best of several runs. Flat means linear.
// 4. targets, PASS/FAIL: our recommended rules together ≤ 3 % of parse time; each of our rules
//    cheaper than no-unused-vars; time per line at the largest size ≤ 3× that at the smallest.
// Then a markdown table for the README. Exit 1 when a target fails, 2 on bad usage or missing inputs.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, loadCorpus, packageDir, selectFiles } from './corpus-fetch.mjs';
import { REFERENCE_RULE, benchCorpus, ourRules } from './bench-corpus.mjs';
import { generateRuleHeavy } from './bench-generate.mjs';

const TARGET_SHARE_OF_PARSE = 0.03;
const TARGET_SCALING_RATIO = 3;
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
    json: null,
    corpus: true,
    scaling: true,
    import: true,
    unicorn: true,
    plugin: DEFAULT_PLUGIN,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    switch (a) {
      case '--subset': opts.subset = true; break;
      case '--package': opts.packages.push(val()); break;
      case '--config': opts.config = val(); if (!['recommended', 'strict', 'all'].includes(opts.config)) usage('--config must be recommended, strict or all'); break;
      case '--jobs': opts.jobs = Math.max(1, Number(val()) | 0); break;
      case '--sizes': opts.sizes = val().split(',').map((s) => Number(s.replace(/k$/i, '000'))).filter((n) => n > 0).sort((x, y) => x - y); break;
      case '--import-runs': opts.importRuns = Math.max(1, Number(val()) | 0); break;
      case '--json': opts.json = path.resolve(val()); break;
      case '--plugin': opts.plugin = path.resolve(val()); break;
      case '--no-corpus': opts.corpus = false; break;
      case '--no-scaling': opts.scaling = false; break;
      case '--no-import': opts.import = false; break;
      case '--no-unicorn': opts.unicorn = false; break;
      case '-h':
      case '--help': usage(); break;
      default: usage(`unknown argument: ${a}`);
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
  --jobs N                 corpus: worker threads (default: CPU count)
  --sizes A,B,C            scaling: generated file sizes in lines (default 1000,10000,100000)
  --import-runs N          import time: fresh processes, median reported (default 11)
  --json FILE              also write every figure as JSON
  --no-corpus | --no-scaling | --no-import | --no-unicorn   skip a part
  --plugin PATH            plugin build to measure (default dist/index.js, else dist/index.mjs)`;
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const fmt = (n) => n.toLocaleString('en-US');
const pct = (x) => `${(x * 100).toFixed(2)} %`;
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
// 1. corpus
// ---------------------------------------------------------------------------------------------

async function corpusPart(plugin, opts) {
  let packages = loadCorpus({ subset: opts.subset });
  if (opts.packages.length) packages = packages.filter((e) => opts.packages.includes(e.name));
  if (packages.length === 0) usage('no corpus entries selected');
  const files = [];
  for (const e of packages) {
    const sel = selectFiles(e);
    if (!sel) {
      console.error(`${e.name}@${e.version} is not extracted in ${path.relative(ROOT, packageDir(e))}; run: node scripts/corpus-fetch.mjs${opts.subset ? ' --subset' : ''}`);
      process.exit(2);
    }
    files.push(...sel.files);
  }
  const lines = files.reduce((a, f) => a + f.lines, 0);
  const progress = process.stderr.isTTY ? (done, all) => process.stderr.write(`\r  corpus: ${done}/${all} files`) : undefined;
  const run = await benchCorpus(files, { pluginPath: opts.plugin, config: opts.config, unicorn: opts.unicorn, jobs: opts.jobs, onProgress: progress });
  if (progress) process.stderr.write('\r\x1b[K');

  const ns = `${plugin.meta.namespace}/`;
  const ours = Object.keys(ourRules(plugin, opts.config)).sort();
  const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
  const time = (id) => run.rules[id] ?? 0;
  const reference = time(REFERENCE_RULE);
  const unicornIds = Object.keys(run.rules).filter((id) => id.startsWith('unicorn/'));
  const allRanked = Object.entries(run.rules).sort((a, b) => b[1] - a[1]).map(([id]) => id);
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
    parseFailures: run.parseFailures,
    errors: run.errors,
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
          slowest: unicornIds.sort((a, b) => time(b) - time(a)).slice(0, 5).map((id) => ({ id, ms: time(id) })),
          cheaperThanNoUnusedVars: unicornTimes.filter((t) => t < reference).length,
        }
      : null,
    ns,
  };
}

function printCorpus(c, opts) {
  const p = (s = '') => console.log(s);
  p(`== corpus${opts.subset ? ' (subset)' : ''}: ${c.packages} packages, ${fmt(c.files)} files, ${fmt(c.lines)} non-empty lines; ${opts.jobs} job(s), ${c.seconds.toFixed(1)} s wall`);
  p(`   ESLint ${versionOf('eslint')}, ${c.rulesInRun} rules in one run: ours (${opts.config} options), core ${REFERENCE_RULE}` +
    `${c.unicorn ? `, eslint-plugin-unicorn ${c.unicorn.version} recommended (${c.unicorn.rules} rules)` : ''}`);
  p(`   ESLint stats, summed over files: parse ${ms(c.parseMs)}, whole lint ${ms(c.lintMs)}` +
    `${c.parseFailures ? `; ${c.parseFailures} files did not parse` : ''}${c.errors.length ? `; ${c.errors.length} files left out (a rule threw)` : ''}`);
  for (const e of c.errors.slice(0, 5)) p(`     left out: ${path.relative(ROOT, e.file)}: ${e.message}`);
  p();
  p(`   ${'rule'.padEnd(44)} ${'time'.padStart(10)} ${'of parse'.padStart(9)} ${`vs ${REFERENCE_RULE}`.padStart(18)} ${'rank'.padStart(9)}`);
  const row = (id, t, share, vs, rank) =>
    p(`   ${id.padEnd(44)} ${ms(t).padStart(10)} ${pct(share).padStart(9)} ${(vs === null ? '' : `${vs.toFixed(2)}×`).padStart(18)} ${rank.padStart(9)}`);
  for (const r of c.ours) row(`${r.id}${r.recommended ? '' : ' (not in recommended)'}`, r.ms, r.shareOfParse, r.vsReference, `${r.rank}/${c.rulesInRun}`);
  row('our recommended rules together', c.recommendedTogether.ms, c.recommendedTogether.shareOfParse, c.reference.ms ? c.recommendedTogether.ms / c.reference.ms : null, '');
  row(`${REFERENCE_RULE} (core)`, c.reference.ms, c.reference.shareOfParse, 1, '');
  if (c.unicorn) {
    row(`unicorn: ${c.unicorn.rules} rules together`, c.unicorn.ms, c.unicorn.ms / c.parseMs, c.reference.ms ? c.unicorn.ms / c.reference.ms : null, '');
    row('unicorn: median rule', c.unicorn.medianMs, c.unicorn.medianMs / c.parseMs, c.reference.ms ? c.unicorn.medianMs / c.reference.ms : null, '');
    p(`   unicorn's slowest: ${c.unicorn.slowest.map((s) => `${s.id} ${ms(s.ms)}`).join(', ')}`);
    p(`   ${c.unicorn.cheaperThanNoUnusedVars} of ${c.unicorn.rules} unicorn rules are cheaper than ${REFERENCE_RULE}`);
  }
  p();
}

// ---------------------------------------------------------------------------------------------
// 2. import time
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
  console.log(`   import(${path.relative(ROOT, opts.plugin)})  ${f(t.esm)}`);
  if (t.cjs) console.log(`   require(${path.relative(ROOT, path.join(path.dirname(opts.plugin), 'index.cjs'))})  ${f(t.cjs)}`);
  if (t.unicorn) console.log(`   for reference, import('eslint-plugin-unicorn')  ${f(t.unicorn)}`);
  console.log();
}

// ---------------------------------------------------------------------------------------------
// 3. scaling
// ---------------------------------------------------------------------------------------------

async function scalingPart(plugin, opts) {
  const { Linter } = await import('eslint');
  const tsParser = await import('@typescript-eslint/parser');
  const linter = new Linter();
  const ours = ourRules(plugin, 'all');
  const config = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { [plugin.meta.namespace]: plugin }, rules: { ...ours, [REFERENCE_RULE]: 'error' } },
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
    sizes.push({ target, lines, runs, findings, parseMs: parse, perLineUs: Object.fromEntries(ids.map((id) => [id, (best[id] * 1000) / lines])) });
  }
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const ratio = Object.fromEntries(ids.map((id) => [id, first.perLineUs[id] > 0 ? last.perLineUs[id] / first.perLineUs[id] : null]));
  return { ids, sizes, ratio };
}

function printScaling(s, plugin) {
  const p = (x = '') => console.log(x);
  p(`== scaling: a generated rule-heavy TypeScript file (scripts/bench-generate.mjs), every rule of ours with configs.all options; best of N runs`);
  p(`   ${'size'.padEnd(10)} ${'lines'.padStart(8)} ${'runs'.padStart(5)} ${'findings'.padStart(9)} ${'parse'.padStart(10)}`);
  for (const z of s.sizes) p(`   ${fmt(z.target).padEnd(10)} ${fmt(z.lines).padStart(8)} ${String(z.runs).padStart(5)} ${fmt(z.findings).padStart(9)} ${ms(z.parseMs).padStart(10)}`);
  p();
  p(`   µs per line  ${'rule'.padEnd(40)} ${s.sizes.map((z) => fmt(z.target).padStart(9)).join(' ')} ${'last/first'.padStart(11)}`);
  for (const id of s.ids) {
    const label = id.startsWith(`${plugin.meta.namespace}/`) ? id : `${id} (reference)`;
    p(`                ${label.padEnd(40)} ${s.sizes.map((z) => z.perLineUs[id].toFixed(2).padStart(9)).join(' ')} ${(s.ratio[id] === null ? '—' : `${s.ratio[id].toFixed(2)}×`).padStart(11)}`);
  }
  p();
}

// ---------------------------------------------------------------------------------------------
// 4. targets and the README table
// ---------------------------------------------------------------------------------------------

function targets(c, s, plugin) {
  const out = [];
  if (c) {
    const share = c.recommendedTogether.shareOfParse;
    out.push({ name: `our recommended rules together ≤ ${TARGET_SHARE_OF_PARSE * 100} % of parse time`, pass: share <= TARGET_SHARE_OF_PARSE, value: pct(share) });
    const worst = [...c.ours].sort((a, b) => (b.vsReference ?? 0) - (a.vsReference ?? 0))[0];
    if (worst) {
      out.push({
        name: `each rule of ours cheaper than ${REFERENCE_RULE}`,
        pass: c.ours.every((r) => r.vsReference !== null && r.vsReference < 1),
        value: `costliest: ${worst.id} at ${worst.vsReference?.toFixed(2)}× ${REFERENCE_RULE}`,
      });
    }
  }
  if (s) {
    const ours = s.ids.filter((id) => id.startsWith(`${plugin.meta.namespace}/`));
    const worst = [...ours].sort((a, b) => (s.ratio[b] ?? 0) - (s.ratio[a] ?? 0))[0];
    const first = s.sizes[0].target;
    const last = s.sizes[s.sizes.length - 1].target;
    out.push({
      name: `time per line flat: at ${fmt(last)} lines ≤ ${TARGET_SCALING_RATIO}× that at ${fmt(first)} (no quadratic paths)`,
      pass: ours.every((id) => s.ratio[id] === null || s.ratio[id] <= TARGET_SCALING_RATIO),
      value: worst ? `worst: ${worst} at ${s.ratio[worst]?.toFixed(2)}× (${REFERENCE_RULE}: ${s.ratio[REFERENCE_RULE]?.toFixed(2)}×)` : '',
    });
  }
  return out;
}

function markdown(c, s, imp, opts, plugin) {
  const L = [];
  const sizeHead = s ? s.sizes.map((z) => `µs/line ${z.target >= 1000 ? `${z.target / 1000}k` : z.target}`) : [];
  L.push(`| rule | time on corpus | share of parse | vs \`${REFERENCE_RULE}\` | ${sizeHead.join(' | ')}${s ? ' | growth' : ''} |`);
  L.push(`| --- | ---: | ---: | ---: | ${sizeHead.map(() => '---:').join(' | ')}${s ? ' | ---:' : ''} |`);
  const scal = (id) => (s ? ` ${s.sizes.map((z) => z.perLineUs[id]?.toFixed(2) ?? '—').join(' | ')} | ${s.ratio[id] === null ? '—' : `${s.ratio[id].toFixed(2)}×`} |` : '');
  const none = s ? ` ${s.sizes.map(() => '—').join(' | ')} | — |` : '';
  const ids = c ? c.ours.map((r) => r.id) : s.ids.filter((id) => id.startsWith(`${plugin.meta.namespace}/`));
  for (const id of ids) {
    const r = c?.ours.find((x) => x.id === id);
    L.push(`| \`${id}\` | ${r ? ms(r.ms) : '—'} | ${r ? pct(r.shareOfParse) : '—'} | ${r?.vsReference != null ? `${r.vsReference.toFixed(2)}×` : '—'} |${scal(id)}`);
  }
  if (c) {
    L.push(`| our recommended rules together | ${ms(c.recommendedTogether.ms)} | ${pct(c.recommendedTogether.shareOfParse)} | ${(c.recommendedTogether.ms / c.reference.ms).toFixed(2)}× |${none}`);
    L.push(`| \`${REFERENCE_RULE}\` (core) | ${ms(c.reference.ms)} | ${pct(c.reference.shareOfParse)} | 1.00× |${scal(REFERENCE_RULE)}`);
    if (c.unicorn) {
      L.push(`| eslint-plugin-unicorn ${c.unicorn.version}, ${c.unicorn.rules} recommended rules together | ${ms(c.unicorn.ms)} | ${pct(c.unicorn.ms / c.parseMs)} | ${(c.unicorn.ms / c.reference.ms).toFixed(2)}× |${none}`);
      L.push(`| eslint-plugin-unicorn, median rule | ${ms(c.unicorn.medianMs)} | ${pct(c.unicorn.medianMs / c.parseMs)} | ${(c.unicorn.medianMs / c.reference.ms).toFixed(2)}× |${none}`);
    }
  }
  L.push('');
  const notes = [];
  if (c) notes.push(`Corpus: ${fmt(c.lines)} lines in ${fmt(c.files)} files${opts.subset ? ' (CI subset)' : ''}, parse time ${ms(c.parseMs)} (ESLint \`stats\`, summed over files), all rules in one run.`);
  if (s) notes.push(`Scaling: one generated rule-heavy file at ${s.sizes.map((z) => fmt(z.lines)).join(', ')} lines, best of N runs.`);
  if (imp) notes.push(`Import time (fresh \`node\`, median of ${opts.importRuns}): ESM ${imp.esm.median.toFixed(0)} ms${imp.cjs ? `, CommonJS ${imp.cjs.median.toFixed(0)} ms` : ''}${imp.unicorn ? ` (eslint-plugin-unicorn: ${imp.unicorn.median.toFixed(0)} ms)` : ''}.`);
  L.push(notes.join(' '));
  return L.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.plugin)) {
    console.error(`plugin not found: ${opts.plugin}\nbuild it first: npm run build`);
    process.exit(2);
  }
  if (opts.unicorn && !versionOf('eslint-plugin-unicorn')) {
    console.error('eslint-plugin-unicorn is not installed (a devDependency); install it, or pass --no-unicorn');
    process.exit(2);
  }
  const plugin = (await import(pathToFileURL(opts.plugin).href)).default;
  console.log(`${plugin.meta.name}@${plugin.meta.version} from ${path.relative(ROOT, opts.plugin)}; Node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs\n`);

  const c = opts.corpus ? await corpusPart(plugin, opts) : null;
  if (c) printCorpus(c, opts);
  const imp = opts.import ? importPart(opts) : null;
  if (imp) printImport(imp, opts);
  const s = opts.scaling ? await scalingPart(plugin, opts) : null;
  if (s) printScaling(s, plugin);

  const results = targets(c, s, plugin);
  console.log('== targets');
  for (const t of results) console.log(`   ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value}`);
  console.log();
  console.log('== markdown (README)');
  console.log();
  console.log(markdown(c, s, imp, opts, plugin));

  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(opts.json, `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, eslint: versionOf('eslint'), plugin: plugin.meta, options: { ...opts, plugin: path.relative(ROOT, opts.plugin) }, corpus: c, import: imp, scaling: s, targets: results }, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(process.cwd(), opts.json)}`);
  }
  process.exit(results.every((t) => t.pass) ? 0 : 1);
}

await main();
