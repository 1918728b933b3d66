// Compare two builds of the plugin rule by rule, in one process: each of our rules' differential
// cost (bench-diff.mjs) from a base build and from this build, configurations interleaved round by
// round so that both meet the same load. Every timed block lints a fresh parse of its files
// (bench-diff.mjs's 'cold' mode), so nothing a build caches per file is warm. On a shared 2-core
// machine two separate `npm run bench` runs differ by more than most single changes do; the ratio
// from one A/B run does not.
//
//   git stash && npm run build && cp dist/index.cjs .cache/base.cjs && git stash pop && npm run build
//   node scripts/bench-ab.mjs --base .cache/base.cjs [--this dist/index.js] [--subset] [--package NAME]… [--rule NAME]…
//                            [--config recommended|strict|all] [--rounds N]
//
// Keep the base bundle inside the repository (`.cache/` is ignored), so that its imports resolve
// to this checkout's node_modules. The bundle is dist/index.cjs (dist/index.js only re-exports it;
// builds before issue 23 had a whole ESM bundle there, which works as a base too). Each rule's findings must be the same from both builds: a
// speed change that changes findings is reported and the exit code is 1.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REFERENCE_RULE, ourRules } from './bench-corpus.mjs';
import { benchDiff } from './bench-diff.mjs';
import { ROOT, selectCorpus } from './corpus-fetch.mjs';

function parseArgs(argv) {
  const opts = {
    base: null,
    self: path.join(ROOT, 'dist', 'index.js'),
    subset: false,
    packages: [],
    rules: [],
    config: 'recommended',
    rounds: 5,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    switch (a) {
      case '--base':
        opts.base = path.resolve(val());
        break;
      case '--this':
        opts.self = path.resolve(val());
        break;
      case '--subset':
        opts.subset = true;
        break;
      case '--package':
        opts.packages.push(val());
        break;
      case '--rule':
        opts.rules.push(val());
        break;
      case '--config':
        opts.config = val();
        break;
      case '--rounds':
        opts.rounds = Number(val());
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown option ${a}`);
    }
  }
  if (!opts.base) usage('--base PATH is required');
  if (!['recommended', 'strict', 'all'].includes(opts.config)) usage(`--config must be recommended, strict or all, not ${opts.config}`);
  if (!Number.isInteger(opts.rounds) || opts.rounds < 1) usage('--rounds must be a positive integer');
  return opts;
}

function usage(error) {
  const text =
    'usage: node scripts/bench-ab.mjs --base PATH [--this PATH (default dist/index.js)] [--subset] [--package NAME]… [--rule NAME]… [--config NAME] [--rounds N]';
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const opts = parseArgs(process.argv.slice(2));
const plugin = (await import(pathToFileURL(opts.self).href)).default;
const base = (await import(pathToFileURL(opts.base).href)).default;
const ns = plugin.meta.namespace;

let files;
try {
  ({ files } = selectCorpus({ subset: opts.subset, names: opts.packages }));
} catch (e) {
  usage(e.message);
}

// Both builds in one plugin object: this build's rules under their names, the base's as `base-…`.
const settings = ourRules(plugin, opts.config);
const names = Object.keys(settings)
  .map((id) => id.slice(ns.length + 1))
  .filter((name) => opts.rules.length === 0 || opts.rules.includes(name))
  .filter((name) => base.rules[name]);
if (names.length === 0) usage('no rule of this build is also in the base build');
const rules = { ...plugin.rules };
for (const name of names) rules[`base-${name}`] = base.rules[name];
const configs = names.flatMap((name) => [
  { id: `base ${name}`, rules: { [`${ns}/base-${name}`]: settings[`${ns}/${name}`] } },
  { id: `this ${name}`, rules: { [`${ns}/${name}`]: settings[`${ns}/${name}`] } },
]);
// The rules together, as target (a) measures them: rules that share work (one text scan, one
// parse of a called file) cost less together than the sum of their costs alone.
const TOGETHER = 'rules together';
if (names.length > 1) {
  configs.push(
    { id: `base ${TOGETHER}`, rules: Object.fromEntries(names.map((name) => [`${ns}/base-${name}`, settings[`${ns}/${name}`]])) },
    { id: `this ${TOGETHER}`, rules: Object.fromEntries(names.map((name) => [`${ns}/${name}`, settings[`${ns}/${name}`]])) },
  );
}
configs.push({ id: REFERENCE_RULE, rules: { [REFERENCE_RULE]: 'error' } });

const run = await benchDiff(files, { plugin: { ...plugin, rules }, configs, rounds: opts.rounds });
const byId = Object.fromEntries(run.configs.map((c) => [c.id, c]));
const ms = (x) => `${x.toFixed(1)} ms`;
const reference = byId[REFERENCE_RULE].ms;
console.log(
  `${run.files} files, ${run.lines.toLocaleString('en-US')} lines; parse ${ms(run.parseMs)}; ${opts.rounds} interleaved rounds; ${REFERENCE_RULE} ${ms(reference)}`,
);
console.log(
  `${'rule'.padEnd(32)} ${'base'.padStart(10)} ${'this'.padStart(10)} ${'this/base'.padStart(10)} ${`× ${REFERENCE_RULE}`.padStart(18)}  findings`,
);
const sum = (findings) => Object.values(findings).reduce((total, n) => total + n, 0);
let changed = 0;
for (const name of names.length > 1 ? [...names, TOGETHER] : names) {
  const a = byId[`base ${name}`];
  const b = byId[`this ${name}`];
  const fa = name === TOGETHER ? sum(a.findings) : a.findings[`${ns}/base-${name}`];
  const fb = name === TOGETHER ? sum(b.findings) : b.findings[`${ns}/${name}`];
  if (fa !== fb) changed++;
  const ratio = a.ms > 0 ? `${(b.ms / a.ms).toFixed(2)}×` : '—';
  const vsReference = reference > 0 ? `${(b.ms / reference).toFixed(2)}×` : '—';
  console.log(
    `${name.padEnd(32)} ${ms(a.ms).padStart(10)} ${ms(b.ms).padStart(10)} ${ratio.padStart(10)} ${vsReference.padStart(18)}  ${fa === fb ? fb : `${fa} → ${fb} CHANGED`}`,
  );
}
if (changed) {
  console.log(`${changed} rule(s) found a different number of problems than the base build`);
  process.exitCode = 1;
}
