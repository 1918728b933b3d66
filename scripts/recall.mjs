#!/usr/bin/env node
// Recall: how many of the census's defects (bench/census/census.json) the rules find.
//
//   node scripts/recall.mjs [--subset] [--report FILE] [--plugin PATH] [--check] [--record]
//
// Without --report it runs `scripts/corpus-lint.mjs --census` (recommended and strict) itself; the
// built plugin and the fetched corpus are needed. With --subset only census files of the corpus
// entries marked "ci": true count.
//
// An entry belongs to a config: `recommended` entries are the ones configs.recommended should
// report, and configs.strict should report every entry. An entry is found when a finding of its
// rule in its file has a reported range (line..endLine) that meets the entry's (line..endLine,
// a single line when endLine is absent).
//
// Prints, per rule and config, entries / found / missed / recall; every miss with its reason; and
// every finding on a reviewed-clean file (a new claim: a ledger entry to judge, or a false positive).
// --check fails (exit 1) when recall of a rule and config falls below the figure recorded in
// census.json for this scope ("full" or "subset"), when it rises above it (an improvement is
// recorded in the same commit), or when census.json is malformed or census.md stale.
// --record writes the measured figures into census.json for this scope and renders census.md.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CENSUS_JSON, CENSUS_MD, CONFIGS, RULES, censusEntries, readCensus, renderCensus } from './census.mjs';
import { corpusLintReport, loadCorpus } from './corpus-fetch.mjs';

// ---------------------------------------------------------------------------------------------
// Matching and counting (pure; tested in tests/scripts/recall.test.ts)
// ---------------------------------------------------------------------------------------------

const fileKey = (x) => `${x.package}\u0000${x.file}`;

/** Whether a finding's reported range meets an entry's range. */
export function covers(finding, entry) {
  const fEnd = finding.endLine ?? finding.line;
  const eEnd = entry.endLine ?? entry.line;
  return finding.line <= eEnd && entry.line <= fEnd;
}

/** The entries a config should report: recommended's own, or all of them for strict. */
export const entriesFor = (entries, config) => (config === 'recommended' ? entries.filter((e) => e.config === 'recommended') : entries);

/**
 * One config's recall over census entries, given that config's findings.
 * Returns { rows: [{ ruleId, entries, found, missed, recall }], misses, hits, cleanFindings, otherFindings }.
 */
export function measureRecall(census, findings, config) {
  const entries = entriesFor(censusEntries(census), config);
  const byFile = new Map();
  for (const f of findings) {
    const k = fileKey(f);
    if (!byFile.has(k)) byFile.set(k, []);
    byFile.get(k).push(f);
  }
  const used = new Set();
  const hits = [];
  const misses = [];
  for (const e of entries) {
    const hit = (byFile.get(fileKey(e)) ?? []).find((f) => f.ruleId === e.ruleId && covers(f, e));
    if (hit) {
      used.add(hit);
      hits.push(e);
    } else misses.push(e);
  }
  const rows = RULES.map((rule) => {
    const ruleId = `resilience/${rule}`;
    const total = entries.filter((e) => e.ruleId === ruleId).length;
    const found = hits.filter((e) => e.ruleId === ruleId).length;
    return { ruleId, entries: total, found, missed: total - found, recall: total ? found / total : null };
  });
  const all = {
    ruleId: 'all',
    entries: entries.length,
    found: hits.length,
    missed: misses.length,
    recall: entries.length ? hits.length / entries.length : null,
  };
  const clean = new Set(census.files.filter((f) => f.defects.length === 0).map(fileKey));
  const reviewed = new Set(census.files.map(fileKey));
  // A finding on a flagged file that meets no entry of its rule (any config) is a claim the census does not make.
  const allEntries = censusEntries(census);
  const unclaimed = (f) => !allEntries.some((e) => fileKey(e) === fileKey(f) && e.ruleId === f.ruleId && covers(f, e));
  return {
    rows: [...rows, all],
    misses,
    hits,
    cleanFindings: findings.filter((f) => clean.has(fileKey(f))),
    otherFindings: findings.filter((f) => reviewed.has(fileKey(f)) && !clean.has(fileKey(f)) && !used.has(f) && unclaimed(f)),
  };
}

/** The census restricted to the files of the given packages. */
export const censusOf = (census, packages) => ({ ...census, files: census.files.filter((f) => packages.has(f.package)) });

/**
 * How measured recall differs from the recorded figures: `below` (the gate) and `above` (an
 * improvement that must be recorded in the same commit, so the file never claims less than is true).
 */
export function compareRecorded(recorded, measured) {
  const below = [];
  const above = [];
  for (const config of CONFIGS) {
    for (const row of measured[config] ?? []) {
      const was = recorded?.[config]?.[row.ruleId];
      if (!was || !was.entries || row.entries === 0) continue;
      const before = was.found / was.entries;
      const text = `${row.ruleId} (${config}): recall ${pct(row.recall)} (${row.found}/${row.entries}), recorded ${pct(before)} (${was.found}/${was.entries})`;
      if (row.recall < before - 1e-9) below.push(text);
      else if (row.recall > before + 1e-9) above.push(text);
    }
  }
  return { below, above };
}

const pct = (x) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function usage(error) {
  const text = `usage: node scripts/recall.mjs [--subset] [--report corpus-lint.json] [--plugin PATH] [--check] [--record]
  --subset   only census files of the corpus entries marked "ci": true
  --report   read findings from a corpus-lint --json report (with recommended and strict runs)
             instead of linting the census files
  --plugin   lint with this build (default dist/)
  --check    exit 1 when a rule's recall differs from the figure recorded in census.json for this scope
             (below it: a regression; above it: record the improvement)
  --record   write the measured figures into census.json for this scope (and render census.md)`;
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

function parseArgs(argv) {
  const opts = { subset: false, report: null, plugin: null, check: false, record: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--subset') opts.subset = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--record') opts.record = true;
    else if (a === '--report') opts.report = path.resolve(argv[++i] ?? usage('--report needs a file'));
    else if (a === '--plugin') opts.plugin = path.resolve(argv[++i] ?? usage('--plugin needs a file'));
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument: ${a}`);
  }
  return opts;
}

function lintCensus(subset, plugin) {
  const configs = ['--config', 'recommended', '--config', 'strict'];
  return corpusLintReport(['--census', ...configs, ...(subset ? ['--subset'] : []), ...(plugin ? ['--plugin', plugin] : [])]);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { census, problems } = readCensus();
  const scopeName = opts.subset ? 'subset' : 'full';
  const report = JSON.parse(fs.readFileSync(opts.report ?? lintCensus(opts.subset, opts.plugin), 'utf8'));
  const linted = new Set(report.packages.map((p) => p.name));
  const subsetNames = new Set(loadCorpus({ subset: true }).map((e) => e.name));
  const inScope = (pkg) => !opts.subset || subsetNames.has(pkg);
  const scope = censusOf(census, new Set([...linted].filter(inScope)));
  const unlinted = census.files.filter((f) => inScope(f.package) && !linted.has(f.package));
  if (unlinted.length)
    problems.push(
      `${unlinted.length} census file(s) of packages the report did not lint (${[...new Set(unlinted.map((f) => f.package))].join(', ')})`,
    );

  const entries = censusEntries(scope);
  console.log();
  console.log(
    `census (${scopeName}): ${scope.files.length} files, ${scope.files.filter((f) => f.defects.length === 0).length} reviewed-clean, ` +
      `${entries.length} entries (${entries.filter((e) => e.config === 'recommended').length} recommended, ${entries.filter((e) => e.config === 'strict').length} strict only)`,
  );
  const measured = {};
  const loc = (x) => `${x.package} ${x.file}:${x.line}${x.endLine && x.endLine !== x.line ? `-${x.endLine}` : ''}`;
  for (const config of CONFIGS) {
    const run = report.runs.find((r) => r.config === config);
    if (!run) {
      problems.push(`the report has no "${config}" run`);
      continue;
    }
    const r = measureRecall(scope, run.findings, config);
    measured[config] = r.rows;
    console.log();
    console.log(`== ${config}: the entries it should report (${config === 'recommended' ? 'config "recommended"' : 'every entry'})`);
    console.log(`  ${'rule'.padEnd(40)} ${'entries'.padStart(7)} ${'found'.padStart(6)} ${'missed'.padStart(6)} ${'recall'.padStart(8)}`);
    for (const row of r.rows) {
      console.log(
        `  ${row.ruleId.padEnd(40)} ${String(row.entries).padStart(7)} ${String(row.found).padStart(6)} ${String(row.missed).padStart(6)} ${pct(row.recall).padStart(8)}`,
      );
    }
    if (r.misses.length) {
      console.log(`  missed (${r.misses.length}):`);
      for (const e of r.misses) console.log(`    - ${e.ruleId.replace('resilience/', '')}  ${loc(e)}  [${e.shape}]\n        ${e.reason}`);
    }
    if (r.cleanFindings.length) {
      console.log(`  findings on reviewed-clean files (${r.cleanFindings.length}): new claims to judge, or false positives`);
      for (const f of r.cleanFindings) console.log(`    + ${f.ruleId.replace('resilience/', '')}  ${loc(f)}\n        ${f.message}`);
    }
    if (r.otherFindings.length) {
      console.log(`  findings on flagged files that meet no census entry (${r.otherFindings.length})`);
      for (const f of r.otherFindings) console.log(`    + ${f.ruleId.replace('resilience/', '')}  ${loc(f)}\n        ${f.message}`);
    }
  }

  if (opts.record && problems.length === 0) {
    const rows = Object.fromEntries(
      CONFIGS.map((c) => [c, Object.fromEntries(measured[c].map((row) => [row.ruleId, { entries: row.entries, found: row.found }]))]),
    );
    const next = { ...census, recorded: { ...census.recorded, [scopeName]: rows } };
    fs.writeFileSync(CENSUS_JSON, `${JSON.stringify(next, null, 2)}\n`);
    fs.writeFileSync(CENSUS_MD, renderCensus(next));
    console.log(`\nrecorded the ${scopeName} figures in bench/census/census.json and rendered census.md`);
    return;
  }

  const failures = problems.map((p) => `census: ${p}`);
  if (opts.check) {
    if (!census.recorded?.[scopeName]) failures.push(`census.json records no "${scopeName}" figures (run with --record)`);
    const { below, above } = compareRecorded(census.recorded?.[scopeName], measured);
    for (const b of below) failures.push(`below the recorded figure: ${b}`);
    for (const a of above)
      failures.push(`above the recorded figure (record it: node scripts/recall.mjs${opts.subset ? ' --subset' : ''} --record): ${a}`);
    if (!fs.existsSync(CENSUS_MD) || fs.readFileSync(CENSUS_MD, 'utf8') !== renderCensus(census)) {
      failures.push('bench/census/census.md is not what census.json renders to: run node scripts/census.mjs render');
    }
  }
  console.log();
  if (failures.length) {
    console.log('recall check FAILED');
    for (const f of failures) console.log(`  ${f}`);
    process.exit(1);
  }
  if (opts.check) console.log(`recall check passed: every rule and config at the recorded ${scopeName} figure`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
