#!/usr/bin/env node
// Fetch the real-world corpus listed in bench/corpus.json.
//
//   node scripts/corpus-fetch.mjs            # every package
//   node scripts/corpus-fetch.mjs --subset   # only entries marked "ci": true
//
// For each entry: `npm pack name@version` into .cache/corpus/tarballs (pack never runs
// install scripts for a registry spec; --ignore-scripts makes that explicit), then extract
// with `tar` into .cache/corpus/src/<name with "/" replaced by "__">/. A marker file records
// the extracted name@version, so a second run skips work already done. Prints one line per
// package with the number of files and non-empty lines that corpus-lint.mjs will lint.
//
// The helpers below (loading the corpus, selecting files, counting lines) are shared with
// scripts/corpus-lint.mjs, so both scripts agree on what "the corpus" is.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Another package list in the same format (scripts/stress.mjs sets `stress`: bench/stress.json,
// extracted into .cache/stress/): every script here then works on that list instead.
const LIST = process.env.RESILIENCE_CORPUS || 'corpus';
if (!/^[a-z][a-z0-9-]*$/.test(LIST)) throw new Error(`RESILIENCE_CORPUS must name a list in bench/ (got ${JSON.stringify(LIST)})`);
export const CORPUS_FILE = path.join(ROOT, 'bench', `${LIST}.json`);
export const CACHE_DIR = path.join(ROOT, '.cache', LIST);
export const TARBALL_DIR = path.join(CACHE_DIR, 'tarballs');
export const SRC_DIR = path.join(CACHE_DIR, 'src');
const MARKER = '.corpus-extracted';

/** Extensions we lint; everything else in a tarball is ignored. */
export const CODE_EXT = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
/** Never linted: declarations, source maps, minified or bundled builds. */
const ALWAYS_SKIP = [/\.d\.[cm]?ts$/, /\.d\.[^/]*\.ts$/, /\.map$/, /[.-]min\.[cm]?js$/, /(?:^|\/)node_modules\//];
/** A file whose non-empty lines average more than this many characters is treated as minified. */
export const MINIFIED_AVG_LINE = 1000;

export function loadCorpus({ subset = false } = {}) {
  const corpus = JSON.parse(fs.readFileSync(CORPUS_FILE, 'utf8'));
  const entries = Array.isArray(corpus) ? corpus : corpus.packages;
  for (const e of entries) {
    if (!e.name || !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(e.version ?? '')) {
      throw new Error(`bench/corpus.json: entry ${JSON.stringify(e.name)} needs an exact version, got ${e.version}`);
    }
    if (!Array.isArray(e.include) || e.include.length === 0) {
      throw new Error(`bench/corpus.json: entry ${e.name} needs a non-empty "include" list`);
    }
  }
  return subset ? entries.filter((e) => e.ci === true) : entries;
}

export const dirName = (name) => name.replace(/\//g, '__');
export const packageDir = (entry) => path.join(SRC_DIR, dirName(entry.name));

/** Expand `{a,b}` alternatives (nested allowed) into plain patterns. */
function expandBraces(pattern) {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) {
      const parts = [];
      let start = open + 1;
      let d = 0;
      for (let j = open + 1; j < i; j++) {
        if (pattern[j] === '{') d++;
        else if (pattern[j] === '}') d--;
        else if (pattern[j] === ',' && d === 0) {
          parts.push(pattern.slice(start, j));
          start = j + 1;
        }
      }
      parts.push(pattern.slice(start, i));
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return parts.flatMap((p) => expandBraces(head + p + tail));
    }
  }
  return [pattern];
}

/** Glob-ish pattern → RegExp over "/"-separated relative paths: `**`, `*`, `?`, `{a,b}`. */
export function globToRegExp(glob) {
  const one = (g) => {
    let re = '';
    for (let i = 0; i < g.length; i++) {
      const c = g[i];
      if (c === '*' && g[i + 1] === '*') {
        if (g[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return re;
  };
  return new RegExp(`^(?:${expandBraces(glob).map(one).join('|')})$`);
}

function walk(dir, base = dir, out = []) {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) walk(full, base, out);
    else if (d.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Count non-empty lines and the average length of those lines. */
export function measure(text) {
  let lines = 0;
  let chars = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t) {
      lines++;
      chars += t.length;
    }
  }
  return { lines, avg: lines ? chars / lines : 0 };
}

/**
 * The files of one extracted package that the corpus lints: matching "include", not matching
 * "exclude", with a code extension, not a declaration/map/minified file. Returns
 * { files: [{ rel, abs, lines }], skippedMinified: [rel] } with paths relative to the package.
 */
export function selectFiles(entry) {
  const dir = packageDir(entry);
  if (!fs.existsSync(path.join(dir, MARKER))) return null;
  const inc = entry.include.map(globToRegExp);
  const exc = (entry.exclude ?? []).map(globToRegExp);
  const files = [];
  const skippedMinified = [];
  for (const rel of walk(dir).sort()) {
    if (rel === MARKER || !CODE_EXT.test(rel)) continue;
    if (ALWAYS_SKIP.some((re) => re.test(rel))) continue;
    if (!inc.some((re) => re.test(rel)) || exc.some((re) => re.test(rel))) continue;
    const abs = path.join(dir, rel);
    const { lines, avg } = measure(fs.readFileSync(abs, 'utf8'));
    if (avg > MINIFIED_AVG_LINE) {
      skippedMinified.push(rel);
      continue;
    }
    files.push({ rel, abs, lines });
  }
  return { files, skippedMinified };
}

/**
 * The corpus entries a script selected (the CI subset or all; then only `names`, if any) and their
 * files ({ rel, abs, lines, pkg }). Throws an Error whose message tells the user what to do when
 * nothing is selected or a selected package is not extracted yet.
 */
export function selectCorpus({ subset = false, names = [] } = {}) {
  let packages = loadCorpus({ subset });
  if (names.length) packages = packages.filter((e) => names.includes(e.name));
  if (packages.length === 0) throw new Error('no corpus entries selected');
  const files = [];
  for (const e of packages) {
    const sel = selectFiles(e);
    if (!sel)
      throw new Error(
        `${e.name}@${e.version} is not extracted in ${path.relative(ROOT, packageDir(e))}; run: node scripts/corpus-fetch.mjs${subset ? ' --subset' : ''}`,
      );
    files.push(...sel.files.map((f) => ({ ...f, pkg: e.name })));
  }
  return { packages, files, lines: files.reduce((a, f) => a + f.lines, 0) };
}

/**
 * Runs scripts/corpus-lint.mjs with `args` (plus `--json` and `--show 0`) and returns the path of
 * its JSON report; exits 2 when it could not run. For the scripts that judge its findings
 * (ledger.mjs, recall.mjs).
 */
export function corpusLintReport(args) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-')), 'report.json');
  const all = ['scripts/corpus-lint.mjs', ...args, '--json', out, '--show', '0'];
  console.log(`$ node ${all.join(' ')}`);
  const res = spawnSync(process.execPath, all, { cwd: ROOT, stdio: 'inherit' });
  if (res.status === 2 || !fs.existsSync(out)) {
    console.error('corpus-lint could not run (see above)');
    process.exit(2);
  }
  return out;
}

function fetchOne(entry) {
  const spec = `${entry.name}@${entry.version}`;
  const dest = packageDir(entry);
  const marker = path.join(dest, MARKER);
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === spec) return 'cached';

  fs.mkdirSync(TARBALL_DIR, { recursive: true });
  // npm names the tarball "<scope>-<name>-<version>.tgz"; ask npm rather than guess when missing.
  const guess = path.join(TARBALL_DIR, `${entry.name.replace(/^@/, '').replace(/\//g, '-')}-${entry.version}.tgz`);
  let tarball = guess;
  if (!fs.existsSync(guess)) {
    const out = execFileSync('npm', ['pack', spec, '--pack-destination', TARBALL_DIR, '--ignore-scripts', '--json', '--silent'], {
      cwd: CACHE_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    const info = JSON.parse(out.slice(out.indexOf('[')))[0];
    tarball = path.join(TARBALL_DIR, info.filename);
    if (info.version !== entry.version) throw new Error(`npm packed ${info.name}@${info.version}, wanted ${spec}`);
  }

  // Extract into a fresh temp dir, then move the single top-level folder (usually "package/")
  // into place, so an interrupted run never leaves a half-extracted package marked as done.
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  // --no-same-owner/--no-same-permissions: we run as root and the tarball's modes are not ours.
  execFileSync('tar', ['-xzf', tarball, '-C', tmp, '--no-same-owner', '--no-same-permissions'], { stdio: 'inherit' });
  const tops = fs.readdirSync(tmp);
  const inner = tops.length === 1 && fs.statSync(path.join(tmp, tops[0])).isDirectory() ? path.join(tmp, tops[0]) : tmp;
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(inner, dest);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(marker, `${spec}\n`);
  return 'fetched';
}

async function main() {
  const args = process.argv.slice(2);
  for (const a of args) {
    if (a !== '--subset') {
      console.error(`usage: node scripts/corpus-fetch.mjs [--subset]\nunknown argument: ${a}`);
      process.exit(2);
    }
  }
  const entries = loadCorpus({ subset: args.includes('--subset') });
  fs.mkdirSync(SRC_DIR, { recursive: true });
  const t0 = Date.now();
  let totalFiles = 0;
  let totalLines = 0;
  let failed = 0;
  const w = Math.max(...entries.map((e) => `${e.name}@${e.version}`.length));
  for (const entry of entries) {
    const spec = `${entry.name}@${entry.version}`;
    try {
      const how = fetchOne(entry);
      const sel = selectFiles(entry);
      const lines = sel.files.reduce((a, f) => a + f.lines, 0);
      totalFiles += sel.files.length;
      totalLines += lines;
      const min = sel.skippedMinified.length ? `  (${sel.skippedMinified.length} minified skipped)` : '';
      console.log(
        `${spec.padEnd(w)}  ${how.padEnd(7)}  ${String(sel.files.length).padStart(5)} files  ${String(lines).padStart(7)} lines${min}`,
      );
      if (sel.files.length === 0) {
        console.error(`  warning: no file of ${spec} matches include ${JSON.stringify(entry.include)}`);
      }
    } catch (err) {
      failed++;
      console.error(
        `${spec.padEnd(w)}  FAILED: ${String(err.stderr || err.message)
          .trim()
          .split('\n')
          .slice(-3)
          .join(' | ')}`,
      );
    }
  }
  console.log(
    `total: ${entries.length - failed}/${entries.length} packages, ${totalFiles} files, ${totalLines} non-empty lines ` +
      `(${((Date.now() - t0) / 1000).toFixed(1)} s) → ${path.relative(ROOT, SRC_DIR)}`,
  );
  if (failed) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
