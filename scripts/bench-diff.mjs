// bench.mjs's differential corpus timing (targets a and b): what a rule costs, measured as the
// extra time of a lint with that rule over the same lint with no rules, on ASTs parsed once.
//
// ESLint's `stats: true` wraps every listener call of every rule in timing code; a rule that
// listens to many frequent node types (CallExpression, AwaitExpression, ReturnStatement, …) is
// charged for that wrapper thousands of times per file, so stats overstate such rules. Here no
// listener is wrapped:
//
// - In one thread, the selected files are taken a chunk at a time (about `chunkLines` lines, so
//   the ASTs of the whole corpus are never in memory together). Each file is first parsed by
//   `Linter#verifyAndFix(text, baseline, { stats: true, fix: false })`: the parse time is ESLint's
//   own `parse` figure for that call (parser, scope analysis, SourceCode), the same quantity the
//   stats run sums; `linter.getSourceCode()` then gives a SourceCode to lint.
// - `Linter#verify` accepts a SourceCode instead of text (linter.js, ESLint 9/10: with a
//   SourceCode it skips parsing and lints that object; only its text is re-read). Which SourceCode
//   each timed block lints is `sourceCodeMode`:
//   - 'cold' (the default): every (configuration, round) block lints SourceCodes parsed for it
//     alone, outside the clock, as a real lint does. Nothing a rule computed on an AST before is
//     there: neither our per-file analysis (cached per Program node, analysis/js/per-file.ts) nor
//     V8's hashes of the identifier strings a fresh parse creates. On the corpus on 7 Dec, our
//     recommended rules together cost 1.73× no-unused-vars with 'reuse' and 1.92× with 'cold'
//     (`no-unbounded-load` alone 0.76× and 0.94×): the warm modes flatter any rule that caches.
//   - 'reuse': one SourceCode per file for every block (parsed once: quicker, and the warm-up
//     pass below fills every cache first). 'fresh': a new SourceCode around that same AST.
//   Reusing is safe for the findings: the SourceCode caches its traversal steps and lazily fills
//   caches such as getScope's, each verify re-applies the config's globals to the scope manager
//   (idempotent after the first call), and rules get a fresh context and listeners every call.
//   Findings are checked, not assumed: each configuration's are compared round by round, and
//   against a normal lint that parses the text (bench-corpus.mjs's stats run, or `normalCheck`).
// - Per chunk, after parsing: a full GC; an untimed pass of every rule together (warms SourceCode
//   and the JIT, and leaves out any file a rule throws on); every config array resolves its config
//   for every file (FlatConfigArray caches it per file, so round 1 does not pay for it); on the
//   first chunk, one untimed round of every configuration (JIT).
// - Configurations: baseline (no rules: traversal, config globals, the report machinery), each
//   rule alone, several rules together, the reference rule. Every configuration lints the whole
//   chunk in one timed block; the order of the configurations is rotated (and reversed every other
//   round) each round, and a minor GC runs before each block so that one configuration's young
//   garbage is not collected on another's clock. A configuration's time is, summed over chunks,
//   the chunk's median round (so a burst of load elsewhere on the machine spoils one block, not a
//   round); a rule's cost is that minus the baseline's.
//
// Each config array is built and normalised once (FlatConfigArray, as Linter#verify would do on
// every call otherwise).

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { SRC_DIR } from './corpus-fetch.mjs';
import { ALL_FILES, corpusLanguages } from './corpus-languages.mjs';

export const BASELINE = 'baseline (no rules)';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `gc()` without --expose-gc on the command line: { minor, major }; no-ops if unavailable. */
function gcFunctions() {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    return { minor: () => gc({ type: 'minor' }), major: () => gc() };
  } catch {
    return { minor: () => {}, major: () => {} };
  }
}

/** ESLint's FlatConfigArray (not exported), loaded from the installed eslint by path. */
function loadFlatConfigArray() {
  const req = createRequire(import.meta.url);
  const eslintDir = path.dirname(path.dirname(req.resolve('eslint')));
  const { FlatConfigArray } = req(path.join(eslintDir, 'lib', 'config', 'flat-config-array.js'));
  return FlatConfigArray;
}

/** Splits files into chunks of about `lines` non-empty lines each. */
function chunksOf(files, lines) {
  const out = [];
  let cur = [];
  let n = 0;
  for (const f of files) {
    cur.push(f);
    n += f.lines;
    if (n >= lines) {
      out.push(cur);
      cur = [];
      n = 0;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Findings of one verify: count per rule id, and an order-sensitive signature of their positions. */
function tally(messages, into) {
  for (const m of messages) {
    const id = m.ruleId ?? '(no rule)';
    const t = (into[id] ??= { count: 0, sig: 0 });
    t.count++;
    t.sig = (t.sig * 31 + m.line * 1009 + m.column + (m.messageId?.length ?? 0)) % 2147483647;
  }
}

/**
 * Times `configs` ([{ id, rules }]) differentially over `files` ([{ abs, lines }]).
 * `plugin` is the loaded plugin (registered under its namespace in every config). With
 * `normalCheck`, each file is also linted normally (from text, untimed) with the rules of
 * `normalCheck` ({ ruleId: setting }) and the findings compared. `baseConfigs` replaces the
 * corpus's language configs in every configuration, the baseline's included (the typed run's
 * parser options and typescript-eslint rules); `basePath` is the config base and the cwd; `readText`
 * gives a file's text (bench-per-file.mjs lints every file as one short line).
 */
export async function benchDiff(
  files,
  {
    plugin,
    configs,
    rounds = 5,
    chunkLines = 20000,
    normalCheck = null,
    sourceCodeMode = 'cold',
    baseConfigs = null,
    basePath = SRC_DIR,
    onProgress,
    readText = (abs) => fs.readFileSync(abs, 'utf8'),
  },
) {
  const { Linter, SourceCode } = await import('eslint');
  // 'reuse': every verify gets the same SourceCode. 'fresh': every verify gets a new SourceCode
  // around the same AST, scope manager and parser services (so SourceCode's own caches, e.g.
  // getScope's, start empty for each configuration, as in a normal lint; building it, including
  // the token index, is then part of every configuration's time alike).
  const wrap =
    sourceCodeMode === 'fresh'
      ? (sc) => () =>
          new SourceCode({
            text: sc.text,
            ast: sc.ast,
            hasBOM: sc.hasBOM,
            parserServices: sc.parserServices,
            scopeManager: sc.scopeManager,
            visitorKeys: sc.visitorKeys,
          })
      : (sc) => () => sc;
  const FlatConfigArray = loadFlatConfigArray();
  // `baseConfigs` (every configuration's, the baseline's included): the corpus's languages by
  // default; the typed run passes typescript-eslint's type-checked config and parser options.
  const shared = baseConfigs ?? (await corpusLanguages()).configs;
  const gc = gcFunctions();
  const ns = plugin.meta.namespace;
  const arrayFor = (rules) => {
    const arr = new FlatConfigArray([...shared, { files: ALL_FILES, plugins: { [ns]: plugin }, rules }], { basePath });
    arr.normalizeSync();
    return arr;
  };
  const all = [{ id: BASELINE, rules: {} }, ...configs];
  for (const c of all) c.array = arrayFor(c.rules);
  const everything = arrayFor(Object.assign({}, ...configs.map((c) => c.rules)));
  const normalArray = normalCheck ? arrayFor(normalCheck) : null;

  const parseLinter = new Linter({ cwd: basePath });
  const linter = new Linter({ cwd: basePath });
  /** A new parse of the file (parser, scope analysis, traversal steps), outside the timed block. */
  const reparse = (f) => {
    parseLinter.verify(f.text, all[0].array, { filename: f.abs });
    return parseLinter.getSourceCode();
  };

  const times = Object.fromEntries(all.map((c) => [c.id, Array(rounds).fill(0)]));
  const cpuTimes = Object.fromEntries(all.map((c) => [c.id, Array(rounds).fill(0)]));
  const chunks = [];
  // Per configuration, the sum over chunks of the chunk's median round: a burst of load on the
  // machine spoils one (configuration, chunk) block, not a whole round.
  const chunkMedians = Object.fromEntries(all.map((c) => [c.id, 0]));
  const findings = Object.fromEntries(all.map((c) => [c.id, Array.from({ length: rounds }, () => ({}))]));
  const normal = {};
  const warm = {};
  let parseMs = 0;
  let firstVerifyMs = 0;
  let firstVerifyCpuMs = 0;
  let linted = 0;
  let lines = 0;
  const parseFailures = [];
  const errors = [];
  const started = performance.now();
  let done = 0;

  for (const chunk of chunksOf(files, chunkLines)) {
    // Parse each file once; keep its SourceCode.
    const parsed = [];
    for (const f of chunk) {
      const text = readText(f.abs);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const { messages } = parseLinter.verifyAndFix(text, all[0].array, { filename: f.abs, stats: true, fix: false });
      const t1 = performance.now();
      const cpu = process.cpuUsage(c0);
      const fatal = messages.find((m) => m.fatal);
      if (fatal) {
        parseFailures.push({ file: f.abs, message: fatal.message });
        continue;
      }
      parseMs += parseLinter.getTimes().passes[0]?.parse?.total ?? 0;
      firstVerifyMs += t1 - t0;
      firstVerifyCpuMs += (cpu.user + cpu.system) / 1000;
      if (normalArray) tally(linter.verify(text, normalArray, { filename: f.abs }), normal);
      parsed.push({ abs: f.abs, lines: f.lines, text, sourceCode: wrap(parseLinter.getSourceCode()) });
    }

    // A full GC, then the warm-up: every rule together over the chunk, untimed (JIT, SourceCode's
    // lazy state, the sweeping the GC leaves). A file a rule throws on is left out of every config.
    gc.major();
    const kept = [];
    for (const f of parsed) {
      try {
        tally(linter.verify(f.sourceCode(), everything, { filename: f.abs }), warm);
        kept.push(f);
        linted++;
        lines += f.lines;
      } catch (e) {
        errors.push({
          file: f.abs,
          message: String(e?.message ?? e)
            .split('\n')
            .slice(0, 2)
            .join(' '),
        });
      }
    }

    // Resolve every config array's config for every file now: FlatConfigArray caches it per file,
    // and the first verify of a file with an array would otherwise pay for it inside round 1.
    for (const c of all) for (const f of kept) c.array.getConfig(f.abs);
    // Before the first timed round of the run, one untimed round of every configuration: the JIT
    // optimises a rule's code for the shapes it meets, and that takes more than one pass.
    if (chunks.length === 0) for (const c of all) for (const f of kept) linter.verify(f.sourceCode(), c.array, { filename: f.abs });

    // Rounds: every configuration over the whole chunk, in a rotated order each round.
    const results = new Array(kept.length);
    const chunkTimes = Object.fromEntries(all.map((c) => [c.id, []]));
    for (let r = 0; r < rounds; r++) {
      const order = all.map((_, i) => all[(i + r) % all.length]);
      if (r % 2) order.reverse();
      for (const c of order) {
        // 'cold': this block lints ASTs parsed for it alone (untimed), as a real lint does.
        const sources = sourceCodeMode === 'cold' ? kept.map((f) => reparse(f)) : null;
        gc.minor();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < kept.length; i++) {
          results[i] = linter.verify(sources ? sources[i] : kept[i].sourceCode(), c.array, { filename: kept[i].abs });
        }
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(c0);
        times[c.id][r] += wall;
        cpuTimes[c.id][r] += (cpu.user + cpu.system) / 1000;
        chunkTimes[c.id].push(Math.round(wall * 10) / 10);
        for (const m of results) tally(m, findings[c.id][r]);
        results.fill(undefined);
      }
    }
    chunks.push({ files: kept.length, lines: kept.reduce((a, f) => a + f.lines, 0), wall: chunkTimes });
    for (const c of all) chunkMedians[c.id] += median(chunkTimes[c.id]);
    done += chunk.length;
    onProgress?.(done, files.length);
  }

  // Reuse check: a configuration's findings must be the same in every round.
  const unstable = all.filter((c) => findings[c.id].some((f) => JSON.stringify(f) !== JSON.stringify(findings[c.id][0]))).map((c) => c.id);
  const count = (f, id) => f[id]?.count ?? 0;
  const base = chunkMedians[BASELINE];
  const cpuBase = median(cpuTimes[BASELINE]);
  return {
    files: linted,
    lines,
    rounds,
    chunkLines,
    sourceCodeMode,
    seconds: (performance.now() - started) / 1000,
    parseMs,
    firstVerifyMs,
    firstVerifyCpuMs,
    parseFailures,
    errors,
    unstable,
    baseline: { ms: base, runs: times[BASELINE], cpuMs: cpuBase, cpuRuns: cpuTimes[BASELINE] },
    chunks,
    configs: configs.map((c) => {
      const f = findings[c.id][0];
      const ids = Object.keys(c.rules);
      return {
        id: c.id,
        rules: ids,
        runs: times[c.id],
        medianMs: chunkMedians[c.id],
        ms: chunkMedians[c.id] - base,
        cpuRuns: cpuTimes[c.id],
        cpuMs: median(cpuTimes[c.id]) - cpuBase,
        findings: Object.fromEntries(ids.map((id) => [id, count(f, id)])),
      };
    }),
    // Findings of every rule together in the warm-up pass, and of the normal (text) lint.
    warmFindings: Object.fromEntries(Object.entries(warm).map(([k, v]) => [k, v.count])),
    normalFindings: normalArray ? Object.fromEntries(Object.entries(normal).map(([k, v]) => [k, v.count])) : null,
  };
}

// Standalone: node scripts/bench-diff.mjs [--subset] [--package NAME] — a quick look without bench.mjs.
if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  console.error('run it through bench.mjs: node scripts/bench.mjs --no-stats --no-typed --no-import --no-scaling [--subset]');
  process.exit(2);
}
