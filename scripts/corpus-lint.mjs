#!/usr/bin/env node
// Lint the real-world corpus (fetched by scripts/corpus-fetch.mjs) with this plugin's rules only.
//
//   node scripts/corpus-lint.mjs [--config recommended|strict|all] [--subset] [--json out.json]
//                                [--stats] [--jobs N] [--package NAME] [--census] [--show N] [--plugin PATH]
//   node scripts/corpus-lint.mjs --fix-check [--subset] [--settings '{"timeoutError":{"name":"E","from":"#e"}}']
//
// Uses the built plugin (dist/index.js, i.e. `npm run build` first) and its flat configs;
// no other rule is on. Files are linted in chunks by worker threads; when ESLint throws while
// linting a chunk (a rule crashed), each file of the chunk is re-linted alone so the crash is
// pinned to a file. The report separates
//   findings        messages from resilience/* rules,
//   parse failures  fatal messages (no ruleId): the file could not be parsed at all,
//   crashes         a rule threw (ESLint aborted the file), or a file hung past --timeout.
// --fix-check also applies every suggestion and `--fix` (autofix on) to each file with a finding
// and re-parses the results (see createFixChecker).
// Exit code 1 when any crash (or fix-check failure) happened, 2 on bad usage / missing corpus or plugin.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ROOT, SRC_DIR, loadCorpus, packageDir, selectFiles } from './corpus-fetch.mjs';
import { readCensus } from './census.mjs';
import { ALL_FILES, corpusLanguages } from './corpus-languages.mjs';

// package.json's "import" entry is dist/index.js; tsdown (type: module package, format esm+cjs)
// may name the ESM output index.mjs instead, so take whichever exists.
const DEFAULT_PLUGIN =
  ['index.js', 'index.mjs'].map((f) => path.join(ROOT, 'dist', f)).find((f) => fs.existsSync(f)) ?? path.join(ROOT, 'dist', 'index.js');
const CONFIGS = ['recommended', 'strict', 'all'];
const DEFAULT_CONFIGS = ['recommended', 'strict'];

// ---------------------------------------------------------------------------------------------
// Worker: owns one ESLint instance per config, lints the chunks the main thread hands it.
// ---------------------------------------------------------------------------------------------

async function workerMain() {
  const { pluginPath, configName, stats, fixCheck, settings } = workerData;
  const { ESLint } = await import('eslint');
  const { configs: languageConfigs, scriptFallback } = await corpusLanguages();
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;

  const baseConfig = plugin?.configs?.[configName];
  if (!baseConfig) throw new Error(`plugin at ${pluginPath} has no configs.${configName}`);
  // --settings: merged into the config's settings.resilience (a `timeoutError`, `autofix`, …).
  const pluginConfig = settings
    ? { ...baseConfig, settings: { ...baseConfig.settings, resilience: { ...baseConfig.settings?.resilience, ...settings } } }
    : baseConfig;
  const enabledRules = Object.keys(pluginConfig.rules ?? {});

  const makeEslint = (rulesConfig, extra = {}) =>
    new ESLint({
      cwd: SRC_DIR,
      overrideConfigFile: true,
      ignore: false, // corpus-fetch's selection decides what is linted
      cache: false,
      errorOnUnmatchedPattern: false,
      ...extra,
      overrideConfig: [...languageConfigs, ...(rulesConfig ? [{ ...rulesConfig, files: ALL_FILES }] : [])],
    });
  const eslint = makeEslint(pluginConfig, { stats });
  const fixer = fixCheck ? createFixChecker(plugin, pluginConfig, makeEslint) : null;

  const crashInfo = (file, err) => {
    const msg = String(err?.message ?? err);
    return {
      abs: file.abs,
      ruleId: /Rule: "([^"]+)"/.exec(msg)?.[1] ?? null,
      message: msg,
      stack: String(err?.stack ?? '')
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .slice(0, 12)
        .join('\n'),
    };
  };

  const summarize = (result) => {
    const out = { abs: result.filePath, findings: [], fatal: [], other: [], inlineIgnored: 0, times: null };
    let lines = null;
    const srcLine = (n) => {
      lines ??= fs.readFileSync(result.filePath, 'utf8').split('\n');
      const s = (lines[n - 1] ?? '').trim();
      return s.length > 300 ? `${s.slice(0, 300)}…` : s;
    };
    for (const m of result.messages) {
      const slim = {
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ruleId: m.ruleId,
        messageId: m.messageId,
        message: m.message,
      };
      if (m.fatal) out.fatal.push(slim);
      else if (!m.ruleId && /has no effect because you have 'noInlineConfig'/.test(m.message)) out.inlineIgnored++;
      else if (m.ruleId && m.ruleId.startsWith(`${plugin.meta?.namespace ?? 'resilience'}/`))
        out.findings.push({ ...slim, source: srcLine(m.line) });
      else out.other.push(slim);
    }
    if (result.stats) {
      const rules = {};
      let parse = 0;
      let total = 0;
      for (const pass of result.stats.times.passes) {
        parse += pass.parse?.total ?? 0;
        total += pass.total ?? 0;
        for (const [id, t] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + t.total;
      }
      out.times = { parse, total, rules };
    }
    return out;
  };

  parentPort.on('message', async ({ chunkId, files }) => {
    const results = [];
    const crashes = [];
    const lint = async (paths) => {
      const summaries = [];
      for (const r of await eslint.lintFiles(paths)) {
        const summary = summarize(r);
        if (fixer && summary.findings.length > 0 && summary.fatal.length === 0) summary.fixCheck = await fixer.check(r);
        summaries.push(summary);
      }
      results.push(...summaries);
    };
    try {
      await lint(files.map((f) => f.abs));
    } catch (err) {
      if (files.length === 1) crashes.push(crashInfo(files[0], err));
      else {
        for (const f of files) {
          try {
            await lint([f.abs]);
          } catch (e) {
            crashes.push(crashInfo(f, e));
          }
        }
      }
    }
    const fallback = [...scriptFallback];
    scriptFallback.clear();
    parentPort.postMessage({ chunkId, results, crashes, scriptFallback: fallback });
  });
  parentPort.postMessage({ ready: true, enabledRules, pluginName: plugin.meta?.name, pluginVersion: plugin.meta?.version });
}

/**
 * --fix-check: for a file with findings, applies every suggestion of every finding to the original
 * text, one at a time, and lints it again with `--fix` and every rule's `autofix: true` (where the
 * rule has that option); each output must parse, and fixing the fixed output must change nothing.
 */
function createFixChecker(plugin, pluginConfig, makeEslint) {
  const namespace = plugin.meta?.namespace ?? 'resilience';
  const fixRules = {};
  for (const [id, entry] of Object.entries(pluginConfig.rules ?? {})) {
    const [level, ...options] = Array.isArray(entry) ? entry : [entry];
    const rule = plugin.rules?.[id.slice(namespace.length + 1)];
    const first = Array.isArray(rule?.meta?.schema) ? rule.meta.schema[0] : undefined;
    if (first?.properties?.autofix) options[0] = { ...(options[0] ?? {}), autofix: true };
    fixRules[id] = [level, ...options];
  }
  const fixLint = makeEslint({ ...pluginConfig, rules: fixRules }, { fix: true });
  const parseLint = makeEslint(null);
  const parseError = async (text, filePath) => {
    const [r] = await parseLint.lintText(text, { filePath });
    const fatal = r?.messages.find((m) => m.fatal);
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
  };
  const firstDifference = (a, b) => {
    const x = a.split('\n');
    const y = b.split('\n');
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    return `line ${i + 1}: ${JSON.stringify((x[i] ?? '').trim().slice(0, 120))} -> ${JSON.stringify((y[i] ?? '').trim().slice(0, 120))}`;
  };

  return {
    async check(result) {
      const out = { suggestions: 0, fixed: false, failures: [], fixText: 0, chars: 0 };
      const filePath = result.filePath;
      const fail = (kind, message, detail) =>
        out.failures.push({ kind, ruleId: message?.ruleId ?? null, line: message?.line ?? null, detail });
      const text = fs.readFileSync(filePath, 'utf8');
      out.chars = text.length;
      for (const m of result.messages) {
        // What `--format json` would carry: the fix and suggestion text of every finding.
        out.fixText += (m.fix?.text.length ?? 0) + (m.suggestions ?? []).reduce((sum, x) => sum + x.fix.text.length, 0);
        for (const s of m.suggestions ?? []) {
          out.suggestions++;
          const suggested = text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
          const error = await parseError(suggested, filePath);
          if (error) fail('suggestion does not parse', m, `${s.desc}: ${error}`);
        }
      }
      try {
        const [fixed] = await fixLint.lintText(text, { filePath });
        if (fixed?.output !== undefined) {
          out.fixed = true;
          const error = await parseError(fixed.output, filePath);
          if (error) fail('--fix output does not parse', null, error);
          else {
            const [again] = await fixLint.lintText(fixed.output, { filePath });
            if (again?.output !== undefined && again.output !== fixed.output) {
              fail('--fix is not at a fixed point (a second --fix changes it)', null, firstDifference(fixed.output, again.output));
            }
          }
        }
      } catch (err) {
        fail(
          'rule threw with autofix on',
          { ruleId: /Rule: "([^"]+)"/.exec(String(err?.message))?.[1] ?? null },
          String(err?.message ?? err).split('\n')[0],
        );
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Main thread: selects files, feeds a worker pool chunk by chunk, aggregates and reports.
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = {
    configs: [],
    fixCheck: false,
    subset: false,
    json: null,
    stats: false,
    jobs: os.availableParallelism?.() ?? os.cpus().length,
    packages: [],
    census: false,
    show: 3,
    plugin: DEFAULT_PLUGIN,
    chunk: 40,
    timeout: 300,
    settings: null,
  };
  const need = (i) => {
    if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? need(i++);
    switch (flag) {
      case '--config': {
        const v = val();
        if (!CONFIGS.includes(v)) usage(`--config must be one of ${CONFIGS.join(', ')}`);
        opts.configs.push(v);
        break;
      }
      case '--subset':
        opts.subset = true;
        break;
      case '--census':
        opts.census = true;
        break;
      case '--fix-check':
        opts.fixCheck = true;
        break;
      case '--stats':
        opts.stats = true;
        break;
      case '--json':
        opts.json = path.resolve(val());
        break;
      case '--jobs':
        opts.jobs = Math.max(1, Number(val()) | 0);
        break;
      case '--package':
        opts.packages.push(val());
        break;
      case '--show':
        opts.show = Math.max(0, Number(val()) | 0);
        break;
      case '--plugin':
        opts.plugin = path.resolve(val());
        break;
      case '--chunk':
        opts.chunk = Math.max(1, Number(val()) | 0);
        break;
      case '--timeout':
        opts.timeout = Math.max(1, Number(val()));
        break;
      case '--settings': {
        try {
          opts.settings = JSON.parse(val());
        } catch (error) {
          usage(`--settings needs JSON: ${error.message}`);
        }
        if (!opts.settings || typeof opts.settings !== 'object' || Array.isArray(opts.settings)) usage('--settings needs a JSON object');
        break;
      }
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown argument: ${a}`);
    }
  }
  if (opts.configs.length === 0) opts.configs = opts.fixCheck ? ['all'] : [...DEFAULT_CONFIGS];
  return opts;
}

function usage(error) {
  const text = `usage: node scripts/corpus-lint.mjs [options]
  --config recommended|strict|all  lint with this config (repeatable; default: recommended, then strict)
  --fix-check                  on every file with a finding (config all unless --config): apply each
                               suggestion, and --fix with autofix on; every output must re-parse and
                               a second --fix must change nothing. Any failure exits 1
  --subset                     only corpus entries marked "ci": true
  --json FILE                  write every finding, parse failure and crash to FILE
  --stats                      collect ESLint stats; print time per rule and the slowest files
  --jobs N                     worker threads (default: number of CPUs)
  --package NAME               only this corpus entry (repeatable)
  --census                     only the files of the recall census (bench/census/census.json)
  --show N                     example findings printed per rule (default 3)
  --plugin PATH                plugin module to load (default dist/index.js, else dist/index.mjs)
  --chunk N                    files per lint call (default 40)
  --timeout S                  a chunk running longer is killed and its files retried alone;
                               a single file over S seconds counts as a crash (default 300)
  --settings JSON              merged into settings.resilience of the config (e.g. a timeoutError)`;
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const fmt = (n) => n.toLocaleString('en-US');
const rel = (abs) => path.relative(SRC_DIR, abs).split(path.sep).join('/');

async function runConfig(configName, files, opts) {
  const t0 = Date.now();
  const byAbs = new Map(files.map((f) => [f.abs, f]));
  const queue = [];
  for (let i = 0; i < files.length; i += opts.chunk) queue.push(files.slice(i, i + opts.chunk));
  let nextChunkId = 0;
  const inflight = new Map(); // worker -> { chunkId, files, timer }
  const out = {
    findings: [],
    parseFailures: [],
    other: [],
    inlineIgnored: 0,
    crashes: [],
    scriptFallback: 0,
    fileTimes: [],
    ruleTimes: {},
    parseTime: 0,
    enabledRules: [],
    plugin: null,
    fixCheck: opts.fixCheck ? { files: 0, suggestions: 0, fixedFiles: 0, failures: [], fixText: 0, chars: 0, worst: null } : null,
  };
  let done = 0;

  await new Promise((resolve, reject) => {
    const workers = new Set();
    const finishIfIdle = () => {
      if (queue.length === 0 && inflight.size === 0) {
        for (const w of workers) w.terminate();
        resolve();
      }
    };
    const dispatch = (w) => {
      const chunk = queue.shift();
      if (!chunk) {
        finishIfIdle();
        return;
      }
      const chunkId = nextChunkId++;
      const timer = setTimeout(() => onTimeout(w), opts.timeout * 1000);
      inflight.set(w, { chunkId, files: chunk, timer });
      w.postMessage({ chunkId, files: chunk.map(({ abs }) => ({ abs })) });
    };
    const retire = (w, why) => {
      const job = inflight.get(w);
      inflight.delete(w);
      workers.delete(w);
      w.removeAllListeners();
      w.terminate();
      if (job) {
        clearTimeout(job.timer);
        if (job.files.length > 1) for (const f of job.files) queue.unshift([f]);
        else {
          out.crashes.push({ abs: job.files[0].abs, ruleId: null, message: why, stack: '' });
          done++;
        }
      }
      spawn();
    };
    const onTimeout = (w) => retire(w, `no result after ${opts.timeout} s (a rule hangs or is far too slow); worker killed`);
    const spawn = () => {
      if (queue.length === 0) return finishIfIdle();
      const w = new Worker(new URL(import.meta.url), {
        workerData: { pluginPath: opts.plugin, configName, stats: opts.stats, fixCheck: opts.fixCheck, settings: opts.settings },
      });
      workers.add(w);
      w.on('message', (msg) => {
        if (msg.ready) {
          out.enabledRules = msg.enabledRules;
          out.plugin = `${msg.pluginName}@${msg.pluginVersion}`;
          dispatch(w);
          return;
        }
        const job = inflight.get(w);
        clearTimeout(job.timer);
        inflight.delete(w);
        for (const r of msg.results) {
          const f = byAbs.get(r.abs);
          for (const m of r.findings) out.findings.push({ file: f, ...m });
          for (const m of r.fatal) out.parseFailures.push({ file: f, ...m });
          for (const m of r.other) out.other.push({ file: f, ...m });
          out.inlineIgnored += r.inlineIgnored;
          if (r.fixCheck) {
            out.fixCheck.files++;
            out.fixCheck.suggestions += r.fixCheck.suggestions;
            if (r.fixCheck.fixed) out.fixCheck.fixedFiles++;
            out.fixCheck.fixText += r.fixCheck.fixText;
            out.fixCheck.chars += r.fixCheck.chars;
            const ratio = r.fixCheck.fixText / Math.max(r.fixCheck.chars, 1);
            if (ratio > (out.fixCheck.worst?.ratio ?? -1)) out.fixCheck.worst = { file: f, ratio, fixText: r.fixCheck.fixText };
            for (const x of r.fixCheck.failures) out.fixCheck.failures.push({ file: f, ...x });
          }
          if (r.times) {
            out.parseTime += r.times.parse;
            for (const [id, t] of Object.entries(r.times.rules)) out.ruleTimes[id] = (out.ruleTimes[id] ?? 0) + t;
            out.fileTimes.push({ file: f, ...r.times });
          }
        }
        for (const c of msg.crashes) out.crashes.push({ file: byAbs.get(c.abs), ...c });
        out.scriptFallback += msg.scriptFallback.length;
        done += job.files.length;
        if (process.stderr.isTTY) process.stderr.write(`\r  ${configName}: ${done}/${files.length} files`);
        dispatch(w);
      });
      w.on('error', (err) => {
        if (!inflight.has(w) && out.enabledRules.length === 0) {
          // Failing before the first chunk means the setup (plugin, parser) is broken.
          for (const x of workers) x.terminate();
          reject(err);
          return;
        }
        retire(w, `worker died: ${err?.stack ?? err}`);
      });
      w.on('exit', (code) => {
        if (workers.has(w) && inflight.has(w)) retire(w, `worker exited with code ${code}`);
      });
    };
    const n = Math.min(opts.jobs, Math.max(1, queue.length));
    for (let i = 0; i < n; i++) spawn();
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  out.seconds = (Date.now() - t0) / 1000;
  for (const c of out.crashes) c.file ??= byAbs.get(c.abs);
  // Workers finish chunks in any order; sort so reports and --json are stable run to run.
  const order = new Map(files.map((f, i) => [f.abs, i]));
  const key = (x) => order.get(x.file?.abs ?? x.abs) ?? Infinity;
  const byPlace = (a, b) => key(a) - key(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  for (const list of [out.findings, out.parseFailures, out.other, out.crashes, out.fixCheck?.failures ?? []]) list.sort(byPlace);
  return out;
}

function report(configName, files, packages, out, opts) {
  const totalLines = files.reduce((a, f) => a + f.lines, 0);
  const p = (s = '') => console.log(s);
  p(
    `== config ${configName}: ${out.plugin} from ${path.relative(ROOT, opts.plugin) || opts.plugin}, ${opts.jobs} job(s), ${out.seconds.toFixed(1)} s`,
  );
  p(`   rules on: ${out.enabledRules.join(', ') || '(none)'}`);
  p(
    `   ${packages.length} packages, ${fmt(files.length)} files, ${fmt(totalLines)} non-empty lines` +
      ` (${fmt(Math.round(totalLines / Math.max(out.seconds, 0.001)))} lines/s)`,
  );
  p(
    `   ${out.scriptFallback} .js files parsed as CommonJS script after failing as a module; ${out.inlineIgnored} inline eslint comments ignored (noInlineConfig)`,
  );
  p();
  p('   per package                                   files     lines  findings  parse  crash');
  for (const e of packages) {
    const mine = (x) => x.file?.pkg === e;
    const pf = files.filter((f) => f.pkg === e);
    p(
      `   ${`${e.name}@${e.version}`.padEnd(44)} ${String(pf.length).padStart(6)} ${String(pf.reduce((a, f) => a + f.lines, 0)).padStart(9)}` +
        ` ${String(out.findings.filter(mine).length).padStart(9)} ${String(out.parseFailures.filter(mine).length).padStart(6)} ${String(out.crashes.filter(mine).length).padStart(6)}`,
    );
  }
  p();
  p(`   findings per rule (${out.findings.length} total):`);
  const perRule = {};
  for (const r of out.enabledRules) perRule[r] = [];
  for (const f of out.findings) (perRule[f.ruleId] ??= []).push(f);
  for (const [rule, list] of Object.entries(perRule).sort((a, b) => b[1].length - a[1].length)) {
    p(`     ${rule.padEnd(44)} ${String(list.length).padStart(6)}`);
    for (const f of list.slice(0, opts.show)) p(`        ${rel(f.file.abs)}:${f.line}:${f.column}  ${f.source.slice(0, 110)}`);
  }
  p();
  p(`   parse failures (fatal, no ruleId): ${out.parseFailures.length}`);
  for (const f of out.parseFailures.slice(0, 10)) p(`     ${rel(f.file.abs)}:${f.line}:${f.column}  ${f.message}`);
  if (out.parseFailures.length > 10) p(`     … ${out.parseFailures.length - 10} more (see --json)`);
  if (out.other.length) {
    p(`   other messages (not from our rules): ${out.other.length}`);
    for (const f of out.other.slice(0, 5)) p(`     ${rel(f.file.abs)}:${f.line}  ${f.ruleId ?? '-'}  ${f.message}`);
  }
  p(`   CRASHES (a rule threw): ${out.crashes.length}`);
  for (const c of out.crashes) {
    p(`     ${c.file ? rel(c.file.abs) : c.abs}  rule ${c.ruleId ?? '?'}`);
    p(`       ${c.message.split('\n').join('\n       ')}`);
    if (c.stack)
      p(
        `       ${c.stack
          .split('\n')
          .slice(0, 5)
          .map((l) => l.trim())
          .join('\n         ')}`,
      );
  }
  if (out.fixCheck) {
    const fc = out.fixCheck;
    p(
      `   FIX CHECK: ${fmt(fc.files)} files with findings, ${fmt(fc.suggestions)} suggestions applied one by one and re-parsed,` +
        ` ${fmt(fc.fixedFiles)} files changed by --fix (autofix on) and re-parsed and fixed again: ${fc.failures.length} failure(s)`,
    );
    if (fc.worst) {
      p(
        `   fix and suggestion text: ${fmt(fc.fixText)} characters for ${fmt(fc.chars)} in those files;` +
          ` the most per file ${fc.worst.ratio.toFixed(2)}× its size (${rel(fc.worst.file.abs)}, ${fmt(fc.worst.fixText)} characters)`,
      );
    }
    for (const x of fc.failures.slice(0, 30))
      p(`     ${rel(x.file.abs)}${x.line ? `:${x.line}` : ''}  ${x.ruleId ?? ''}  ${x.kind}\n       ${x.detail}`);
    if (fc.failures.length > 30) p(`     … ${fc.failures.length - 30} more (see --json)`);
  }
  if (opts.stats) {
    p();
    p(`   time (ESLint stats, summed over workers): parse ${(out.parseTime / 1000).toFixed(1)} s`);
    for (const [id, t] of Object.entries(out.ruleTimes).sort((a, b) => b[1] - a[1]))
      p(`     ${id.padEnd(44)} ${(t / 1000).toFixed(2).padStart(8)} s`);
    p('   slowest files (rules total):');
    const ruleTotal = (x) => Object.values(x.rules).reduce((a, b) => a + b, 0);
    for (const x of out.fileTimes.sort((a, b) => ruleTotal(b) - ruleTotal(a)).slice(0, 5)) {
      p(
        `     ${ruleTotal(x).toFixed(1).padStart(8)} ms rules, ${x.parse.toFixed(1).padStart(7)} ms parse  ${rel(x.file.abs)} (${x.file.lines} lines)`,
      );
    }
  }
  p();
}

function toJson(configName, out) {
  const pkgOf = (f) => ({ package: f.pkg.name, version: f.pkg.version, file: f.rel });
  return {
    config: configName,
    plugin: out.plugin,
    rules: out.enabledRules,
    seconds: out.seconds,
    findings: out.findings.map((x) => ({
      ...pkgOf(x.file),
      line: x.line,
      column: x.column,
      endLine: x.endLine,
      endColumn: x.endColumn,
      ruleId: x.ruleId,
      messageId: x.messageId,
      message: x.message,
      source: x.source,
    })),
    parseFailures: out.parseFailures.map((x) => ({ ...pkgOf(x.file), line: x.line, column: x.column, message: x.message })),
    crashes: out.crashes.map((x) => ({
      ...(x.file ? pkgOf(x.file) : { file: x.abs }),
      ruleId: x.ruleId,
      message: x.message,
      stack: x.stack,
    })),
    otherMessages: out.other.map((x) => ({ ...pkgOf(x.file), line: x.line, ruleId: x.ruleId, message: x.message })),
    ...(out.ruleTimes && Object.keys(out.ruleTimes).length ? { ruleTimesMs: out.ruleTimes, parseTimeMs: out.parseTime } : {}),
    ...(out.fixCheck
      ? {
          fixCheck: {
            ...out.fixCheck,
            failures: out.fixCheck.failures.map((x) => ({
              ...pkgOf(x.file),
              line: x.line,
              ruleId: x.ruleId,
              kind: x.kind,
              detail: x.detail,
            })),
          },
        }
      : {}),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.plugin)) {
    console.error(`plugin not found: ${opts.plugin}\nbuild it first: npm run build`);
    process.exit(2);
  }
  let packages = loadCorpus({ subset: opts.subset });
  if (opts.packages.length) {
    const unknown = opts.packages.filter((n) => !packages.some((e) => e.name === n));
    if (unknown.length) usage(`not in the corpus${opts.subset ? ' subset' : ''}: ${unknown.join(', ')}`);
    packages = packages.filter((e) => opts.packages.includes(e.name));
  }
  let files = [];
  for (const e of packages) {
    const sel = selectFiles(e);
    if (!sel) {
      console.error(
        `${e.name}@${e.version} is not extracted in ${path.relative(ROOT, packageDir(e))}; run: node scripts/corpus-fetch.mjs${opts.subset ? ' --subset' : ''}`,
      );
      process.exit(2);
    }
    for (const f of sel.files) files.push({ ...f, pkg: e });
  }
  if (opts.census) {
    // Only the files the recall census reviewed (scripts/recall.mjs); its packages only.
    const reviewed = new Set(readCensus().census.files.map((f) => `${f.package}\u0000${f.file}`));
    files = files.filter((f) => reviewed.has(`${f.pkg.name}\u0000${f.rel}`));
    packages = packages.filter((e) => files.some((f) => f.pkg === e));
  }

  const runs = [];
  let crashes = 0;
  let fixFailures = 0;
  for (const configName of opts.configs) {
    const out = await runConfig(configName, files, opts);
    report(configName, files, packages, out, opts);
    crashes += out.crashes.length;
    fixFailures += out.fixCheck?.failures.length ?? 0;
    runs.push(toJson(configName, out));
  }
  if (opts.configs.length > 1) {
    console.log(
      `== summary: ${runs.map((r) => `${r.config}: ${r.findings.length} findings, ${r.parseFailures.length} parse failures, ${r.crashes.length} crashes, ${r.seconds.toFixed(1)} s`).join('; ')}`,
    );
  }
  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    const totalLines = files.reduce((a, f) => a + f.lines, 0);
    fs.writeFileSync(
      opts.json,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          subset: opts.subset,
          packages: packages.map((e) => ({
            name: e.name,
            version: e.version,
            files: files.filter((f) => f.pkg === e).length,
            lines: files.filter((f) => f.pkg === e).reduce((a, f) => a + f.lines, 0),
          })),
          files: files.length,
          lines: totalLines,
          runs,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${path.relative(process.cwd(), opts.json) || opts.json}`);
  }
  process.exit(crashes > 0 || fixFailures > 0 ? 1 : 0);
}

if (isMainThread) await main();
else await workerMain();
