// bench.mjs's corpus timing: lints the corpus once with our rules, core `no-unused-vars` and the
// rules of eslint-plugin-unicorn's recommended config together, with ESLint `stats: true`, and
// sums ESLint's own per-rule and parse times over every file. Worker threads (one per core) lint
// chunks of files; all rules share each parse, so their times are comparable within the run.

import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { SRC_DIR } from './corpus-fetch.mjs';
import { ALL_FILES, corpusLanguages } from './corpus-languages.mjs';

export const REFERENCE_RULE = 'no-unused-vars';

/**
 * A large young generation: fewer scavenges, so less garbage-collection time lands in whichever
 * rule's listener happens to be running when one starts (with 160+ rules in a run, collections
 * caused by all of them would otherwise be charged at random).
 */
const YOUNG_GENERATION = { maxYoungGenerationSizeMb: 256 };

/**
 * The rules of our plugin as a bench measures them: every rule of configs.all, with the options of
 * the narrowest config that includes it (recommended rules as `recommended` runs them).
 */
export function ourRules(plugin, config = 'recommended') {
  const broadestFirst = ['all', 'strict', 'recommended'];
  const layers = broadestFirst.slice(0, broadestFirst.indexOf(config) + 1);
  return Object.assign({}, ...layers.map((name) => plugin.configs[name]?.rules ?? {}));
}

async function workerMain() {
  const { pluginPath, config, unicorn } = workerData;
  const { ESLint } = await import('eslint');
  const { configs: languageConfigs } = await corpusLanguages();
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;
  const blocks = [
    { files: ALL_FILES, plugins: { [plugin.meta.namespace]: plugin }, rules: { ...ourRules(plugin, config), [REFERENCE_RULE]: 'error' } },
  ];
  if (unicorn) {
    const unicornPlugin = (await import('eslint-plugin-unicorn')).default;
    const rec = unicornPlugin.configs.recommended ?? unicornPlugin.configs['flat/recommended'];
    blocks.push({
      files: ALL_FILES,
      plugins: rec.plugins,
      rules: rec.rules,
      languageOptions: { globals: rec.languageOptions?.globals ?? {} },
    });
  }
  const eslint = new ESLint({
    cwd: SRC_DIR,
    overrideConfigFile: true,
    ignore: false,
    cache: false,
    stats: true,
    errorOnUnmatchedPattern: false,
    overrideConfig: [...languageConfigs, ...blocks],
  });

  const add = (acc, result) => {
    acc.files++;
    for (const pass of result.stats?.times.passes ?? []) {
      acc.parse += pass.parse?.total ?? 0;
      acc.total += pass.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) acc.rules[id] = (acc.rules[id] ?? 0) + t.total;
    }
    if (result.messages.some((m) => m.fatal)) acc.parseFailures++;
    for (const m of result.messages) if (m.ruleId && !m.fatal) acc.findings[m.ruleId] = (acc.findings[m.ruleId] ?? 0) + 1;
  };

  parentPort.on('message', async ({ chunkId, files }) => {
    const acc = { files: 0, parse: 0, total: 0, rules: {}, findings: {}, parseFailures: 0, errors: [] };
    try {
      for (const r of await eslint.lintFiles(files)) add(acc, r);
    } catch {
      // A rule threw on some file: lint one by one and leave that file out of the timing.
      for (const f of files) {
        try {
          for (const r of await eslint.lintFiles([f])) add(acc, r);
        } catch (e) {
          acc.errors.push({
            file: f,
            message: String(e?.message ?? e)
              .split('\n')
              .slice(0, 2)
              .join(' '),
          });
        }
      }
    }
    parentPort.postMessage({ chunkId, acc });
  });
  parentPort.postMessage({ ready: true, rules: Object.keys(blocks.reduce((a, b) => ({ ...a, ...b.rules }), {})) });
}

/**
 * Lints `files` ({ abs }) with stats; resolves to summed times (ms) per rule and for parsing, and
 * the number of findings per rule (bench.mjs compares its differential run's findings with these).
 */
export function benchCorpus(files, { pluginPath, config = 'recommended', unicorn = true, jobs = 2, chunk = 40, onProgress }) {
  const queue = [];
  for (let i = 0; i < files.length; i += chunk) queue.push(files.slice(i, i + chunk).map((f) => f.abs));
  const total = { files: 0, parse: 0, total: 0, rules: {}, findings: {}, parseFailures: 0, errors: [], enabled: [] };
  let done = 0;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const workers = new Set();
    let busy = 0;
    const next = (w) => {
      const chunkFiles = queue.shift();
      if (!chunkFiles) {
        workers.delete(w);
        void w.terminate();
        if (busy === 0 && workers.size === 0) resolve({ ...total, seconds: (Date.now() - started) / 1000 });
        return;
      }
      busy++;
      w.postMessage({ chunkId: done, files: chunkFiles });
    };
    const n = Math.max(1, Math.min(jobs, queue.length));
    for (let i = 0; i < n; i++) {
      const w = new Worker(new URL(import.meta.url), { workerData: { pluginPath, config, unicorn }, resourceLimits: YOUNG_GENERATION });
      workers.add(w);
      w.on('message', (msg) => {
        if (msg.ready) {
          total.enabled = msg.rules;
          next(w);
          return;
        }
        busy--;
        const a = msg.acc;
        total.files += a.files;
        total.parse += a.parse;
        total.total += a.total;
        total.parseFailures += a.parseFailures;
        total.errors.push(...a.errors);
        for (const [id, t] of Object.entries(a.rules)) total.rules[id] = (total.rules[id] ?? 0) + t;
        for (const [id, n] of Object.entries(a.findings)) total.findings[id] = (total.findings[id] ?? 0) + n;
        done += a.files + a.errors.length;
        onProgress?.(done, files.length);
        next(w);
      });
      w.on('error', (err) => {
        for (const x of workers) void x.terminate();
        reject(err);
      });
    }
  });
}

if (!isMainThread && workerData?.pluginPath) await workerMain();
