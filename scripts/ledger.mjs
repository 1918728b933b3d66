#!/usr/bin/env node
// The precision ledger: every finding of configs.recommended on the real-world corpus, with a
// verdict (tp / fp / debatable) and a one-line reason written by someone who read the code.
//
//   node scripts/ledger.mjs check  [--subset] [--report FILE]   findings vs ledger, precision per rule
//   node scripts/ledger.mjs sync   [--subset] [--report FILE]   add new findings as "pending", drop
//                                                               entries that no longer fire, refresh lines
//   node scripts/ledger.mjs render                              write bench/ledger.md from bench/ledger.json
//
// Without --report, check and sync run `scripts/corpus-lint.mjs --config recommended --json`
// themselves (the built plugin in dist/ and the fetched corpus are needed). With --subset only the
// corpus entries marked "ci": true are linted, and only ledger entries of those packages are checked.
//
// A finding and a ledger entry match on package + file + rule + the finding's source line with
// whitespace collapsed, so line numbers may shift without breaking the match; several findings
// with the same key are paired in line order (their `occurrence`).
//
// check fails (exit 1) when a finding is not in the ledger, a ledger entry no longer fires, an
// entry is still "pending", a rule's precision (tp + debatable) / judged is under 90 %, bench/ledger.md is
// not what `render` writes, or the lint run crashed. Exit 2 on bad usage.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, corpusLintReport, loadCorpus } from './corpus-fetch.mjs';

export const LEDGER_JSON = path.join(ROOT, 'bench', 'ledger.json');
export const LEDGER_MD = path.join(ROOT, 'bench', 'ledger.md');
const VERDICTS = ['tp', 'fp', 'debatable', 'pending'];
export const MIN_PRECISION = 0.9;

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/** The source text a match relies on: whitespace collapsed, corpus-lint's truncation mark dropped. */
export function normalizeSource(source) {
  return String(source ?? '')
    .replace(/…$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

const keyOf = (x) => [x.package, x.file, x.ruleId, normalizeSource(x.source)].join('\u0000');

function groupByKey(list) {
  const groups = new Map();
  for (const x of list) {
    const k = keyOf(x);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(x);
  }
  for (const g of groups.values()) g.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.occurrence ?? 0) - (b.occurrence ?? 0));
  return groups;
}

/**
 * Pairs findings with ledger entries. Within one key, equal counts pair in order; otherwise entries
 * pair with a finding on the same line, then each takes the nearest unpaired finding by line, and
 * the rest are new or stale.
 */
export function matchFindings(entries, findings) {
  const byEntry = groupByKey(entries);
  const byFinding = groupByKey(findings);
  const matched = [];
  const stale = [];
  const fresh = [];
  for (const [k, list] of byEntry) {
    const found = [...(byFinding.get(k) ?? [])];
    byFinding.delete(k);
    if (found.length === list.length) {
      list.forEach((entry, i) => matched.push({ entry, finding: found[i] }));
      continue;
    }
    // Same line first, so an entry that stopped firing cannot take a neighbour's finding.
    const rest = [];
    for (const entry of list) {
      const same = found.findIndex((f) => f.line === entry.line);
      if (same === -1) rest.push(entry);
      else matched.push({ entry, finding: found.splice(same, 1)[0] });
    }
    for (const entry of rest) {
      if (found.length === 0) {
        stale.push(entry);
        continue;
      }
      let best = 0;
      for (let i = 1; i < found.length; i++) {
        if (Math.abs(found[i].line - entry.line) < Math.abs(found[best].line - entry.line)) best = i;
      }
      matched.push({ entry, finding: found.splice(best, 1)[0] });
    }
    fresh.push(...found);
  }
  for (const list of byFinding.values()) fresh.push(...list);
  return { matched, stale, fresh };
}

/** Occurrence index of each finding among findings with the same key, in line order. */
function withOccurrence(findings) {
  const out = [];
  for (const list of groupByKey(findings).values()) list.forEach((f, i) => out.push({ ...f, occurrence: i }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ledger file
// ---------------------------------------------------------------------------------------------

export function readLedger(file = LEDGER_JSON) {
  const ledger = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = [];
  for (const [i, e] of (ledger.entries ?? []).entries()) {
    const where = `entry ${i} (${e.package} ${e.file}:${e.line})`;
    for (const field of ['package', 'file', 'line', 'ruleId', 'source', 'verdict']) {
      if (e[field] === undefined || e[field] === '') problems.push(`${where}: missing "${field}"`);
    }
    if (!VERDICTS.includes(e.verdict))
      problems.push(`${where}: verdict must be one of ${VERDICTS.join(', ')}, got ${JSON.stringify(e.verdict)}`);
    if (e.verdict !== 'pending' && !String(e.reason ?? '').trim()) problems.push(`${where}: a ${e.verdict} verdict needs a reason`);
  }
  return { ledger, problems };
}

const sortEntries = (entries) =>
  [...entries].sort(
    (a, b) =>
      a.ruleId.localeCompare(b.ruleId) ||
      a.package.localeCompare(b.package) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.occurrence ?? 0) - (b.occurrence ?? 0),
  );

function writeLedger(ledger) {
  const entries = sortEntries(ledger.entries).map((e) => ({
    package: e.package,
    file: e.file,
    line: e.line,
    ruleId: e.ruleId,
    source: e.source,
    occurrence: e.occurrence ?? 0,
    verdict: e.verdict,
    reason: e.reason ?? '',
  }));
  fs.writeFileSync(LEDGER_JSON, `${JSON.stringify({ ...ledger, entries }, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Precision
// ---------------------------------------------------------------------------------------------

export function precisionByRule(entries, rules = []) {
  const table = new Map(rules.map((r) => [r, { tp: 0, fp: 0, debatable: 0, pending: 0 }]));
  for (const e of entries) {
    if (!table.has(e.ruleId)) table.set(e.ruleId, { tp: 0, fp: 0, debatable: 0, pending: 0 });
    table.get(e.ruleId)[e.verdict]++;
  }
  return [...table]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, c]) => {
      const judged = c.tp + c.fp + c.debatable;
      return {
        ruleId,
        ...c,
        findings: judged + c.pending,
        // The gate, as the issues put it ("fewer than 1 in 10 findings may be wrong"): findings whose
        // claim is true (tp, and debatable: the claim holds, the code may keep it) over all judged.
        precision: judged > 0 ? (c.tp + c.debatable) / judged : null,
        // Shown beside it: tp / (tp + fp), debatable left out; and tp / all judged, debatable counted against.
        tpPrecision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null,
        strictPrecision: judged > 0 ? c.tp / judged : null,
      };
    });
}

const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** An inline code span that survives backticks and table pipes in the text. */
function codeSpan(text) {
  const t = String(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderLedger(ledger) {
  const entries = sortEntries(ledger.entries);
  const stats = precisionByRule(entries, Object.keys(ledger.criteria ?? {}));
  const L = [];
  L.push('# Precision ledger');
  L.push('');
  L.push('<!-- Generated by `node scripts/ledger.mjs render` from bench/ledger.json. Do not edit by hand. -->');
  L.push('');
  L.push(
    `Every finding of \`configs.${ledger.config ?? 'recommended'}\` on the [real-world corpus](README.md), with a verdict from someone who read the code. ` +
      '`node scripts/ledger.mjs check` fails when a finding is missing here, an entry no longer fires, or a rule falls under ' +
      `${MIN_PRECISION * 100} % precision, so a rule change that alters what the rule finds forces a fresh look.`,
  );
  L.push('');
  L.push(
    'Precision, the gate, is the share of judged findings that are not wrong: (tp + debatable) / judged, so at 90 % fewer than 1 finding in 10 is a false positive. ' +
      'The last two columns are stricter readings, shown so the gate cannot hide a drift: tp / (tp + fp), and tp / all judged.',
  );
  L.push('');
  L.push('| rule | findings | tp | fp | debatable | pending | precision (not wrong) | tp / (tp + fp) | tp / all judged |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of stats) {
    L.push(
      `| \`${s.ruleId}\` | ${s.findings} | ${s.tp} | ${s.fp} | ${s.debatable} | ${s.pending} | ${pct(s.precision)} | ${pct(s.tpPrecision)} | ${pct(s.strictPrecision)} |`,
    );
  }
  L.push('');
  if (ledger.verdicts) {
    L.push('## Verdicts');
    L.push('');
    for (const [v, meaning] of Object.entries(ledger.verdicts)) L.push(`- **${v}**: ${meaning}`);
    L.push('');
  }
  for (const s of stats) {
    L.push(`## \`${s.ruleId}\``);
    L.push('');
    const criteria = ledger.criteria?.[s.ruleId];
    if (criteria) {
      L.push(criteria);
      L.push('');
    }
    const mine = entries.filter((e) => e.ruleId === s.ruleId);
    if (mine.length === 0) {
      L.push('No findings on the corpus.');
      L.push('');
      continue;
    }
    L.push('| # | package | location | code | verdict | reason |');
    L.push('| ---: | --- | --- | --- | --- | --- |');
    mine.forEach((e, i) => {
      const code = e.source.length > 110 ? `${e.source.slice(0, 110)}…` : e.source;
      L.push(
        `| ${i + 1} | ${cell(e.package)} | ${cell(`${e.file}:${e.line}`)} | ${codeSpan(code)} | ${e.verdict} | ${cell(e.reason || '—')} |`,
      );
    });
    L.push('');
  }
  return `${L.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// Findings from a corpus-lint --json report
// ---------------------------------------------------------------------------------------------

function readReport(file, config) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const run = report.runs?.find((r) => r.config === config);
  if (!run) throw new Error(`${file} has no "${config}" run (corpus-lint --config ${config} --json ${file})`);
  return {
    packages: report.packages.map((p) => p.name),
    rules: run.rules,
    findings: run.findings.map((f) => ({
      package: f.package,
      file: f.file,
      line: f.line,
      ruleId: f.ruleId,
      source: f.source,
      message: f.message,
    })),
    crashes: run.crashes.length,
    parseFailures: run.parseFailures.length,
  };
}

function lintCorpus(config, subset, plugin) {
  return corpusLintReport(['--config', config, ...(subset ? ['--subset'] : []), ...(plugin ? ['--plugin', plugin] : [])]);
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { command: argv[0], subset: false, report: null, plugin: null };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--subset') opts.subset = true;
    else if (a === '--report') opts.report = path.resolve(argv[++i] ?? usage('--report needs a file'));
    else if (a.startsWith('--report=')) opts.report = path.resolve(a.slice('--report='.length));
    else if (a === '--plugin') opts.plugin = path.resolve(argv[++i] ?? usage('--plugin needs a file'));
    else usage(`unknown argument: ${a}`);
  }
  if (!['check', 'sync', 'render'].includes(opts.command)) usage(opts.command ? `unknown command: ${opts.command}` : undefined);
  return opts;
}

function usage(error) {
  const text = `usage: node scripts/ledger.mjs check|sync|render [--subset] [--report corpus-lint.json] [--plugin PATH]
  check   lint the corpus with configs.recommended (or read --report), compare with bench/ledger.json,
          print precision per rule; exit 1 on a finding not in the ledger, an entry that no longer
          fires, a pending verdict, precision under ${MIN_PRECISION * 100} %, or a stale bench/ledger.md
  sync    the same comparison, then write bench/ledger.json: new findings added as "pending",
          entries that no longer fire removed, line numbers refreshed; renders bench/ledger.md
  render  write bench/ledger.md from bench/ledger.json
  --plugin PATH  lint with this build (passed to corpus-lint; default dist/)`;
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

function compare(ledger, opts) {
  const config = ledger.config ?? 'recommended';
  const reportFile = opts.report ?? lintCorpus(config, opts.subset, opts.plugin);
  const report = readReport(reportFile, config);
  const subsetNames = new Set(loadCorpus({ subset: true }).map((e) => e.name));
  const scope = new Set(opts.subset ? report.packages.filter((p) => subsetNames.has(p)) : report.packages);
  const inScope = ledger.entries.filter((e) => scope.has(e.package));
  const findings = withOccurrence(report.findings.filter((f) => scope.has(f.package)));
  return { report, scope, inScope, findings, ...matchFindings(inScope, findings) };
}

function printPrecision(stats) {
  console.log(
    'precision per rule: (tp + debatable) / judged, the gate (fewer than 1 in 10 findings wrong); then tp / (tp + fp) and tp / judged:',
  );
  console.log(
    `  ${'rule'.padEnd(44)} ${'findings'.padStart(8)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'deb.'.padStart(5)} ${'pend.'.padStart(5)} ${'precision'.padStart(10)} ${'tp/(tp+fp)'.padStart(10)} ${'tp/judged'.padStart(10)}`,
  );
  for (const s of stats) {
    console.log(
      `  ${s.ruleId.padEnd(44)} ${String(s.findings).padStart(8)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.debatable).padStart(5)} ${String(s.pending).padStart(5)} ${pct(s.precision).padStart(10)} ${pct(s.tpPrecision).padStart(10)} ${pct(s.strictPrecision).padStart(10)}`,
    );
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { ledger, problems } = readLedger();

  if (opts.command === 'render') {
    if (problems.length) {
      for (const p of problems) console.error(`bench/ledger.json: ${p}`);
      process.exit(1);
    }
    fs.writeFileSync(LEDGER_MD, renderLedger(ledger));
    console.log(`wrote ${path.relative(process.cwd(), LEDGER_MD)} (${ledger.entries.length} entries)`);
    return;
  }

  const { report, scope, inScope, findings, matched, stale, fresh } = compare(ledger, opts);
  const loc = (x) => `${x.package} ${x.file}:${x.line}  ${x.ruleId}\n      ${normalizeSource(x.source).slice(0, 140)}`;
  console.log();
  console.log(
    `ledger: ${ledger.entries.length} entries, ${inScope.length} in the ${scope.size} package(s) checked${opts.subset ? ' (--subset)' : ''}; ` +
      `${findings.length} findings of configs.${ledger.config ?? 'recommended'}; ${matched.length} matched`,
  );

  if (opts.command === 'sync') {
    const moved = matched.filter(({ entry, finding }) => entry.line !== finding.line).length;
    const kept = ledger.entries.filter((e) => !stale.includes(e));
    for (const { entry, finding } of matched) {
      entry.line = finding.line;
      entry.source = finding.source;
      entry.occurrence = finding.occurrence;
    }
    const added = fresh.map((f) => ({
      package: f.package,
      file: f.file,
      line: f.line,
      ruleId: f.ruleId,
      source: f.source,
      occurrence: f.occurrence,
      verdict: 'pending',
      reason: '',
    }));
    writeLedger({ ...ledger, entries: [...kept, ...added] });
    const { ledger: written } = readLedger();
    fs.writeFileSync(LEDGER_MD, renderLedger(written));
    console.log(
      `sync: ${added.length} added as pending, ${stale.length} removed, ${moved} line number(s) refreshed; wrote bench/ledger.json and bench/ledger.md`,
    );
    for (const f of added) console.log(`  + ${loc(f)}`);
    for (const e of stale) console.log(`  - ${loc(e)}  (was ${e.verdict})`);
    if (added.length)
      console.log('judge the pending entries: set "verdict" (tp, fp or debatable) and a one-line "reason", then run render.');
    return;
  }

  // check
  const failures = [];
  for (const p of problems) failures.push(`bench/ledger.json: ${p}`);
  if (fresh.length) {
    failures.push(`${fresh.length} finding(s) not in the ledger (judge them: node scripts/ledger.mjs sync, then set verdicts):`);
    for (const f of fresh) failures.push(`  + ${loc(f)}\n      ${f.message ?? ''}`);
  }
  if (stale.length) {
    failures.push(
      `${stale.length} ledger entr${stale.length === 1 ? 'y no longer fires' : 'ies no longer fire'} (node scripts/ledger.mjs sync removes them):`,
    );
    for (const e of stale) failures.push(`  - ${loc(e)}  (was ${e.verdict}: ${e.reason})`);
  }
  const pending = inScope.filter((e) => e.verdict === 'pending');
  if (pending.length) failures.push(`${pending.length} ledger entr${pending.length === 1 ? 'y is' : 'ies are'} still pending a verdict`);
  const moved = matched.filter(({ entry, finding }) => entry.line !== finding.line);
  if (moved.length)
    console.log(`note: ${moved.length} entr${moved.length === 1 ? 'y' : 'ies'} matched at another line (sync refreshes line numbers)`);

  const stats = precisionByRule(inScope, report.rules);
  console.log();
  printPrecision(stats);
  for (const s of stats) {
    if (s.precision !== null && s.precision < MIN_PRECISION)
      failures.push(`${s.ruleId}: precision ${pct(s.precision)} is under ${MIN_PRECISION * 100} %`);
  }
  if (report.crashes > 0) failures.push(`the lint run had ${report.crashes} crash(es)`);
  if (fs.readFileSync(LEDGER_MD, 'utf8') !== renderLedger(ledger)) {
    failures.push('bench/ledger.md is not what bench/ledger.json renders to: run node scripts/ledger.mjs render');
  }

  console.log();
  if (failures.length) {
    console.log('ledger check FAILED');
    for (const f of failures) console.log(`  ${f}`);
    process.exit(1);
  }
  console.log(`ledger check passed: every finding judged, every entry still fires, every rule at or above ${MIN_PRECISION * 100} %`);
}

// Imported by scripts/strict-ledger.mjs for its matching and tables: run only as a script.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
