// Time per input size on hostile shapes (issue 24): for each shape of
// tests/robustness/hostile-shapes.mjs, a generated file at doubling sizes, linted with every rule
// of the built plugin (config `all`) and, for the floor, with no rule at all. Prints per size the
// file's size, the lint time without and with our rules (median of --runs, after a warm-up), the
// time spent in our rules' listeners as ESLint's `stats` measure it (median), its ratio to the
// previous size's (about 2 means linear), and the findings.
//
//   npm run -s build && node scripts/bench-hostile.mjs [--shape NAME]… [--runs 5] [--max-ms 20000]
//                                                     [--plugin .cache/base.js]   (another build, inside the repository)
//
// Each size runs in a child process of its own: past some depth ESLint's parser runs out of stack,
// and V8 can then abort the whole process (a "RegExpCompiler Allocation failed" out of memory),
// which must not end the benchmark. A size ESLint alone cannot lint ends its shape (our rules need
// not go deeper than ESLint); a size whose lint takes longer than --max-ms ends its shape too.
// Exit code 1 when a rule threw, a child died with the rules on, or a size went over --max-ms.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from './corpus-fetch.mjs';
import { doublings, HOSTILE_SHAPES } from '../tests/robustness/hostile-shapes.mjs';

const SELF = fileURLToPath(import.meta.url);

function parseArgs(argv) {
  const opts = { shapes: [], runs: 5, maxMs: 20_000, child: null, plugin: path.join(ROOT, 'dist', 'index.js') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--shape') opts.shapes.push(val());
    else if (a === '--runs') opts.runs = Number(val());
    else if (a === '--max-ms') opts.maxMs = Number(val());
    else if (a === '--plugin') opts.plugin = path.resolve(val());
    else if (a === '--child') opts.child = { shape: val(), n: Number(val()) };
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown option ${a}`);
  }
  const known = new Set(HOSTILE_SHAPES.map((s) => s.name));
  const unknown = [...opts.shapes, ...(opts.child ? [opts.child.shape] : [])].filter((s) => !known.has(s));
  if (unknown.length) usage(`unknown shape ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  if (!(opts.runs >= 1) || !(opts.maxMs > 0)) usage('--runs and --max-ms must be positive');
  return opts;
}

function usage(error) {
  const text = 'usage: node scripts/bench-hostile.mjs [--shape NAME]… [--runs N] [--max-ms MS] [--plugin PATH]';
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const firstLine = (error) => String(error?.message ?? error).split('\n')[0];

/** In the child: lints one size and prints one JSON line. */
async function measure({ shape: name, n }, runs, pluginPath) {
  const { Linter } = await import('eslint');
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;
  const shape = HOSTILE_SHAPES.find((s) => s.name === name);
  const linter = new Linter({ configType: 'flat' });
  const language = { ecmaVersion: 'latest', sourceType: 'module' };
  const configs = {
    floor: [{ files: ['**/*.js'], languageOptions: language }],
    rules: [{ files: ['**/*.js'], languageOptions: language, ...plugin.configs.all }],
  };
  // Stats (time per rule) are kept by verifyAndFix only; with `fix: false` it is one plain lint.
  const lint = (code, config, stats = false) =>
    stats
      ? linter.verifyAndFix(code, config, { filename: 'hostile.js', stats, fix: false }).messages
      : linter.verify(code, config, { filename: 'hostile.js' });
  /** Time in our rules' listeners during the last lint with stats on, as ESLint measured it. */
  const ruleTime = () => Object.values(linter.getTimes().passes[0]?.rules ?? {}).reduce((sum, rule) => sum + (rule.total ?? 0), 0);
  // Warm-up: the smallest size of the shape, so that the first timed run is not the JIT's.
  const warm = shape.generate(shape.sizes[0]);
  for (let i = 0; i < 2; i++) for (const config of Object.values(configs)) lint(warm, config);
  const code = shape.generate(n);
  const result = { bytes: code.length };
  const times = { floor: [], rules: [] };
  const listenerTimes = [];
  const last = {};
  // Floor and rules alternate, so that a slower stretch of a shared machine hits both alike.
  for (let i = 0; i < runs; i++) {
    for (const which of ['floor', 'rules']) {
      if (result[which]) continue;
      try {
        const t0 = performance.now();
        last[which] = lint(code, configs[which], which === 'rules');
        times[which].push(performance.now() - t0);
        if (which === 'rules') listenerTimes.push(ruleTime());
        // Said at once: if the rules then hang or kill the process, ESLint alone got this far.
        else if (i === 0 && !last[which].some((m) => m.fatal)) console.log(JSON.stringify({ floorOk: true }));
      } catch (error) {
        result[which] = { error: firstLine(error) };
        continue;
      }
      const fatal = last[which].find((m) => m.fatal);
      if (fatal) result[which] = { error: fatal.message };
    }
  }
  for (const which of ['floor', 'rules']) {
    if (result[which]) continue;
    const rules = {};
    for (const m of last[which]) rules[m.ruleId] = (rules[m.ruleId] ?? 0) + 1;
    result[which] = { ms: median(times[which]), rules, ...(which === 'rules' ? { listeners: median(listenerTimes) } : {}) };
  }
  console.log(JSON.stringify(result));
}

function row(cells, widths) {
  return cells.map((c, i) => String(c).padStart(widths[i])).join(' ');
}

function main(opts) {
  const shapes = HOSTILE_SHAPES.filter((s) => opts.shapes.length === 0 || opts.shapes.includes(s.name));
  const widths = [7, 8, 10, 10, 9, 7];
  console.log(
    `node ${process.version}; ${path.relative(ROOT, opts.plugin)}, every rule, config \`all\`; median of ${opts.runs} runs per size, each size in its own process`,
  );
  let failed = false;
  for (const shape of shapes) {
    console.log(`\n${shape.name}: ${shape.about}`);
    console.log(`${row(['n', 'KB', 'eslint ms', '+rules ms', 'rules ms', 'x prev'], widths)}  findings`);
    let previous = null;
    for (const n of doublings(shape.sizes)) {
      const childArgs = [SELF, '--child', shape.name, String(n), '--runs', String(opts.runs), '--plugin', opts.plugin];
      // A size that hangs is killed after --max-ms per run, and counts as over it.
      const child = spawnSync(process.execPath, childArgs, {
        timeout: opts.maxMs * (2 * opts.runs + 4),
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const lines = child.stdout
        .trim()
        .split('\n')
        .flatMap((line) => {
          try {
            return [JSON.parse(line)];
          } catch {
            return [];
          }
        });
      // The last line is the result, unless the child died or was killed: then say how, and
      // whether ESLint alone got that far.
      let result = lines.find((l) => 'bytes' in l) ?? null;
      if (!result && lines.some((l) => l.floorOk)) {
        const why = child.error?.code === 'ETIMEDOUT' ? `no result within ${opts.maxMs} ms per run, killed` : null;
        result = { floor: { ms: 0 }, rules: why ? { error: why } : null };
      }
      if (!result?.floor || result.floor.error) {
        const why = result?.floor?.error ?? `the process died (${child.signal ?? `exit ${child.status}`}) without the rules`;
        console.log(`${String(n).padStart(7)}  ESLint alone cannot lint it (${why}); larger sizes skipped`);
        break;
      }
      if (!result.rules || result.rules.error) {
        const why =
          result.rules?.error ??
          `the process died (${child.signal ?? `exit ${child.status}`}): ${
            child.stderr
              .trim()
              .split('\n')
              .find((l) => /error/i.test(l)) ?? ''
          }`;
        console.log(`${String(n).padStart(7)}  CRASH with the rules on: ${why}`);
        failed = true;
        break;
      }
      const ours = result.rules.listeners;
      const ratio = previous === null || previous < 5 ? '' : (ours / previous).toFixed(2);
      const findings =
        Object.entries(result.rules.rules)
          .map(([id, count]) => `${count} ${id}`)
          .join(', ') || 'none';
      const cells = [n, (result.bytes / 1024).toFixed(1), result.floor.ms.toFixed(1), result.rules.ms.toFixed(1), ours.toFixed(1), ratio];
      console.log(`${row(cells, widths)}  ${findings}`);
      previous = ours;
      if (result.rules.ms > opts.maxMs) {
        console.log(`        over --max-ms ${opts.maxMs}: larger sizes skipped`);
        failed = true;
        break;
      }
    }
  }
  process.exit(failed ? 1 : 0);
}

const opts = parseArgs(process.argv.slice(2));
if (opts.child) await measure(opts.child, opts.runs, opts.plugin);
else main(opts);
