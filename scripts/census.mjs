#!/usr/bin/env node
// The recall census: files drawn at random from the corpus and read whole by a reviewer, who
// records every defect of the four kinds the rules exist for (or that the file is clean). It is
// made without the rules' output; scripts/recall.mjs then measures what the rules find of it.
//
//   node scripts/census.mjs draw [--out FILE]   the seeded, weighted draw of bench/census/census.json's
//                                               "draw" settings (prints it; --out writes the file list)
//   node scripts/census.mjs check               the draw still yields the census's files; every file and
//                                               entry is well formed; census.md is what render writes
//   node scripts/census.mjs render              write bench/census/census.md from census.json
//
// The draw is reproducible: the seed, the size limits, the per-package cap and the weights live in
// census.json, and `check` draws again and compares.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, loadCorpus, selectFiles } from './corpus-fetch.mjs';

export const CENSUS_DIR = path.join(ROOT, 'bench', 'census');
export const CENSUS_JSON = path.join(CENSUS_DIR, 'census.json');
export const CENSUS_MD = path.join(CENSUS_DIR, 'census.md');
export const RULES = ['no-timeout-sentinel', 'no-unbounded-load', 'no-sentinel-full-load', 'prefer-typed-timeout-error'];
export const CONFIGS = ['recommended', 'strict'];

// ---------------------------------------------------------------------------------------------
// The draw
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so the draw is the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A file's weight in a stratum: the product of its path, content and package factors that apply. */
export function weightOf(file, text, stratum) {
  let w = 1;
  for (const { pattern, factor, on } of stratum.weights) {
    const re = new RegExp(pattern, 'i');
    if (re.test(on === 'path' ? file.rel : text)) w *= factor;
  }
  return w * (stratum.packageFactor?.[file.pkg] ?? 1);
}

/** Every corpus file in corpus order, and whether it is within the draw's size limits. */
function corpusFiles(draw, corpusEntries) {
  const out = [];
  for (const entry of corpusEntries) {
    const sel = selectFiles(entry);
    if (!sel) throw new Error(`${entry.name}@${entry.version} is not extracted; run: node scripts/corpus-fetch.mjs`);
    for (const f of sel.files) {
      const eligible = f.lines >= draw.minLines && f.lines <= draw.maxLines;
      out.push({ pkg: entry.name, rel: f.rel, lines: f.lines, eligible, text: eligible ? fs.readFileSync(f.abs, 'utf8') : '' });
    }
  }
  return out;
}

/**
 * The census draw, stratum by stratum: weighted sampling without replacement (Efraimidis–Spirakis:
 * key = ln(u) / w, largest keys win) with the stratum's own seed (draw.seed + its index), at most
 * stratum.perPackage files of one package, skipping files an earlier stratum took. Every file
 * takes a random number, eligible or not, so changing the size limits does not reshuffle the rest.
 * A stratum may name the packages it draws from (`packages`) or those it leaves out
 * (`excludePackages`): packages appended to the corpus for a later stratum then keep out of the
 * strata drawn before them, whose draw stays what it was.
 * `files`: [{ pkg, rel, lines, eligible, text }] in corpus order.
 */
export function sampleStrata(files, draw) {
  const taken = new Set();
  const out = [];
  draw.strata.forEach((stratum, i) => {
    const rand = random(draw.seed + i);
    const keyed = [];
    for (const f of files) {
      const u = rand();
      if (f.eligible && drawsFrom(stratum, f.pkg)) keyed.push({ f, key: Math.log(u) / weightOf(f, f.text, stratum) });
    }
    keyed.sort((a, b) => b.key - a.key);
    const perPackage = new Map();
    let n = 0;
    for (const { f } of keyed) {
      if (n === stratum.size) break;
      const k = `${f.pkg}\u0000${f.rel}`;
      if (taken.has(k) || (perPackage.get(f.pkg) ?? 0) >= stratum.perPackage) continue;
      perPackage.set(f.pkg, (perPackage.get(f.pkg) ?? 0) + 1);
      taken.add(k);
      out.push({ pkg: f.pkg, rel: f.rel, lines: f.lines, stratum: stratum.name });
      n++;
    }
  });
  return out;
}

/** Whether a stratum draws from a package: one of its `packages` if it names them, and not one of its `excludePackages`. */
function drawsFrom(stratum, pkg) {
  return (!stratum.packages || stratum.packages.includes(pkg)) && !(stratum.excludePackages ?? []).includes(pkg);
}

/** The census draw over the fetched corpus. */
export function drawFiles(draw, corpusEntries = loadCorpus()) {
  const files = corpusFiles(draw, corpusEntries);
  return { drawn: sampleStrata(files, draw), eligible: files.filter((f) => f.eligible).length };
}

// ---------------------------------------------------------------------------------------------
// The census file
// ---------------------------------------------------------------------------------------------

export function readCensus(file = CENSUS_JSON) {
  const census = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = [];
  const seen = new Set();
  for (const f of census.files ?? []) {
    const where = `${f.package} ${f.file}`;
    if (seen.has(where)) problems.push(`${where}: listed twice`);
    seen.add(where);
    if (!f.reviewer) problems.push(`${where}: no "reviewer"`);
    if (!(census.draw?.strata ?? []).some((st) => st.name === f.stratum))
      problems.push(`${where}: "stratum" must name one of the draw's strata`);
    if (!Array.isArray(f.defects)) problems.push(`${where}: "defects" must be a list ([] for a clean file)`);
    for (const d of f.defects ?? []) {
      const at = `${where}:${d.line}`;
      if (!Number.isInteger(d.line) || d.line < 1) problems.push(`${at}: "line" must be a positive integer`);
      if (d.endLine !== undefined && !(Number.isInteger(d.endLine) && d.endLine >= d.line))
        problems.push(`${at}: "endLine" must be an integer ≥ line`);
      if (!RULES.includes(d.rule)) problems.push(`${at}: "rule" must be one of ${RULES.join(', ')}, got ${JSON.stringify(d.rule)}`);
      if (!CONFIGS.includes(d.config)) problems.push(`${at}: "config" must be recommended or strict, got ${JSON.stringify(d.config)}`);
      if (!String(d.reason ?? '').trim()) problems.push(`${at}: a defect needs a "reason"`);
      if (!String(d.shape ?? '').trim()) problems.push(`${at}: a defect needs a "shape"`);
    }
  }
  return { census, problems };
}

/** Census entries, flat: one per defect, with its file's package and path. */
export const censusEntries = (census) =>
  census.files.flatMap((f) => f.defects.map((d) => ({ package: f.package, file: f.file, ...d, ruleId: `resilience/${d.rule}` })));

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCensus(census) {
  const entries = censusEntries(census);
  const clean = census.files.filter((f) => f.defects.length === 0);
  const L = [];
  L.push('# Recall census');
  L.push('');
  L.push('<!-- Generated by `node scripts/census.mjs render` from bench/census/census.json. Do not edit by hand. -->');
  L.push('');
  L.push(
    `${census.files.length} files (${census.files.reduce((a, f) => a + f.lines, 0).toLocaleString('en')} non-empty lines) drawn from the [corpus](../README.md) ` +
      `and read whole by reviewers who had the rule docs and the file, never the rules' output or source (${census.date}). ` +
      `Each entry is a place a senior backend engineer would flag as one of the four defects; a file with none is reviewed-clean. ` +
      '`npm run recall` measures how many of these the rules find; [the ledger](../ledger.md) measures how many findings are wrong.',
  );
  L.push('');
  const d = census.draw;
  L.push(
    `**The draw** (\`node scripts/census.mjs draw\`): files of ${d.minLines}–${d.maxLines} non-empty lines (a reviewer reads each whole), ` +
      `drawn in ${d.strata.length} strata, each by weighted sampling without replacement with seed ${d.seed} + its index; ` +
      "a file's weight is the product of the factors that apply to it; a later stratum skips files an earlier one took.",
  );
  L.push('');
  for (const st of d.strata) {
    const mine = census.files.filter((f) => f.stratum === st.name);
    L.push(
      `*${st.name}*: ${st.size} files, at most ${st.perPackage} per package (${mine.length} files, ${mine.filter((f) => f.defects.length).length} with defects). ${st.why}`,
    );
    L.push('');
    L.push('| on | pattern | factor |');
    L.push('| --- | --- | ---: |');
    for (const w of st.weights) L.push(`| ${w.on} | \`${cell(w.pattern)}\` | ×${w.factor} |`);
    const byFactor = new Map();
    for (const [pkg, factor] of Object.entries(st.packageFactor ?? {})) byFactor.set(factor, [...(byFactor.get(factor) ?? []), pkg]);
    for (const [factor, pkgs] of byFactor) L.push(`| package | ${cell(pkgs.join(', '))} | ×${factor} |`);
    L.push('');
    if (st.packages) L.push(`Drawn from ${st.packages.join(', ')} only.`, '');
    if (st.excludePackages)
      L.push(`Not drawn from ${st.excludePackages.join(', ')} (added to the corpus after this stratum was drawn).`, '');
  }
  if (census.spotCheck) {
    L.push(`**Spot-check**: ${census.spotCheck.summary}`);
    L.push('');
  }
  L.push('| rule | entries | recommended | strict only |');
  L.push('| --- | ---: | ---: | ---: |');
  for (const r of RULES) {
    const mine = entries.filter((e) => e.rule === r);
    L.push(
      `| \`${r}\` | ${mine.length} | ${mine.filter((e) => e.config === 'recommended').length} | ${mine.filter((e) => e.config === 'strict').length} |`,
    );
  }
  L.push(
    `| all | ${entries.length} | ${entries.filter((e) => e.config === 'recommended').length} | ${entries.filter((e) => e.config === 'strict').length} |`,
  );
  L.push('');
  L.push(`Files: ${census.files.length - clean.length} with defects, ${clean.length} reviewed-clean.`);
  L.push('');
  for (const [scope, byConfig] of Object.entries(census.recorded ?? {})) {
    L.push(
      `**Recorded recall, ${scope === 'full' ? 'whole census' : 'CI subset'}** (\`node scripts/recall.mjs${scope === 'full' ? '' : ' --subset'} --record\`; ` +
        '`--check` fails when recall falls below it, and asks for a rise to be recorded): found / entries the config should report.',
    );
    L.push('');
    L.push('| rule | recommended | strict |');
    L.push('| --- | ---: | ---: |');
    for (const ruleId of Object.keys(byConfig.recommended ?? {})) {
      const fig = (c) => {
        const x = byConfig[c]?.[ruleId];
        return x && x.entries ? `${x.found} / ${x.entries} (${((x.found / x.entries) * 100).toFixed(1)} %)` : '—';
      };
      L.push(`| ${ruleId === 'all' ? 'all' : `\`${ruleId.replace('resilience/', '')}\``} | ${fig('recommended')} | ${fig('strict')} |`);
    }
    L.push('');
  }
  for (const r of RULES) {
    L.push(`## \`${r}\``);
    L.push('');
    const mine = entries.filter((e) => e.rule === r);
    if (mine.length === 0) {
      L.push('No entries.');
      L.push('');
      continue;
    }
    L.push('| # | package | location | config | shape | reason |');
    L.push('| ---: | --- | --- | --- | --- | --- |');
    mine.forEach((e, i) => {
      const loc = `${e.file}:${e.line}${e.endLine && e.endLine !== e.line ? `-${e.endLine}` : ''}`;
      L.push(`| ${i + 1} | ${cell(e.package)} | ${cell(loc)} | ${e.config} | ${cell(e.shape)} | ${cell(e.reason)} |`);
    });
    L.push('');
  }
  if (census.spotCheck?.files?.length) {
    L.push('## Spot-check');
    L.push('');
    L.push('| package | file | reviewer | changed | what was re-read |');
    L.push('| --- | --- | --- | --- | --- |');
    for (const f of census.spotCheck.files)
      L.push(`| ${cell(f.package)} | ${cell(f.file)} | ${f.reviewer} | ${f.changed ? 'yes' : 'no'} | ${cell(f.note)} |`);
    L.push('');
  }
  L.push('## Reviewed-clean files');
  L.push('');
  L.push('A finding in one of these is a new claim: a ledger entry to judge, or a false positive.');
  L.push('');
  for (const f of clean) L.push(`- ${cell(f.package)} \`${f.file}\` (${f.lines} lines)`);
  L.push('');
  return `${L.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

function usage(error) {
  const text = `usage: node scripts/census.mjs draw [--out FILE] | check | render
  draw    the seeded, weighted draw of bench/census/census.json's "draw" settings over the fetched corpus
  check   the draw still yields the census's files, every entry is well formed, census.md is current
  render  write bench/census/census.md from census.json`;
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { census, problems } = readCensus();
  if (command === 'draw') {
    const out = rest[0] === '--out' ? (rest[1] ?? usage('--out needs a file')) : null;
    const { drawn, eligible } = drawFiles(census.draw);
    for (const st of census.draw.strata) console.log(`${st.name}: ${drawn.filter((f) => f.stratum === st.name).length} files`);
    const byPkg = new Map();
    for (const f of drawn) byPkg.set(f.pkg, (byPkg.get(f.pkg) ?? 0) + 1);
    console.log(
      `drew ${drawn.length} of ${eligible} eligible files, ${drawn.reduce((a, f) => a + f.lines, 0)} lines, from ${byPkg.size} packages`,
    );
    for (const [p, n] of [...byPkg].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)}  ${p}`);
    if (out)
      fs.writeFileSync(
        out,
        `${JSON.stringify(
          drawn.map((f) => ({ package: f.pkg, file: f.rel, lines: f.lines, stratum: f.stratum })),
          null,
          2,
        )}\n`,
      );
    return;
  }
  if (command === 'render') {
    if (problems.length) {
      for (const p of problems) console.error(`bench/census/census.json: ${p}`);
      process.exit(1);
    }
    fs.writeFileSync(CENSUS_MD, renderCensus(census));
    console.log(`wrote ${path.relative(process.cwd(), CENSUS_MD)}`);
    return;
  }
  if (command === 'check') {
    const failures = problems.map((p) => `bench/census/census.json: ${p}`);
    const corpusNames = new Set(loadCorpus().map((entry) => entry.name));
    for (const st of census.draw.strata)
      for (const name of [...(st.packages ?? []), ...(st.excludePackages ?? [])])
        if (!corpusNames.has(name))
          failures.push(`bench/census/census.json: stratum ${st.name} names ${name}, which is not a corpus package`);
    const { drawn } = drawFiles(census.draw);
    const key = (f) => `${f.package ?? f.pkg}\u0000${f.file ?? f.rel}`;
    const want = new Set(drawn.map(key));
    const have = new Set(census.files.map(key));
    for (const f of drawn) if (!have.has(key(f))) failures.push(`drawn but not in the census: ${f.pkg} ${f.rel}`);
    for (const f of census.files) if (!want.has(key(f))) failures.push(`in the census but not drawn: ${f.package} ${f.file}`);
    if (!fs.existsSync(CENSUS_MD) || fs.readFileSync(CENSUS_MD, 'utf8') !== renderCensus(census)) {
      failures.push('bench/census/census.md is not what census.json renders to: run node scripts/census.mjs render');
    }
    if (failures.length) {
      console.log('census check FAILED');
      for (const f of failures) console.log(`  ${f}`);
      process.exit(1);
    }
    console.log(`census check passed: ${census.files.length} files, ${censusEntries(census).length} entries`);
    return;
  }
  usage(command ? `unknown command: ${command}` : undefined);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
