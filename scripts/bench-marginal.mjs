// What each of our rules adds to the recommended rules together: the differential cost of all of
// them (bench-diff.mjs) minus that of all but one. Target (a) is about the rules together, and a
// rule's cost alone also counts work the rules share (a scope lookup, a traversal of the same
// node types), so a change that makes one rule cheaper alone can leave the together figure as it
// was; this shows where the together figure goes.
//
//   node scripts/bench-marginal.mjs [--subset] [--package NAME]… [--rounds N] [--plugin PATH]

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import { ourRules } from './bench-corpus.mjs';
import { benchDiff } from './bench-diff.mjs';
import { ROOT, selectCorpus } from './corpus-fetch.mjs';

const USAGE = 'usage: node scripts/bench-marginal.mjs [--subset] [--package NAME]… [--rounds N] [--plugin PATH]';

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  let values;
  try {
    ({ values } = parseNodeArgs({
      args: argv,
      options: {
        subset: { type: 'boolean', default: false },
        package: { type: 'string', multiple: true, default: [] },
        rounds: { type: 'string', default: '5' },
        plugin: { type: 'string', default: path.join(ROOT, 'dist', 'index.js') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    fail(e.message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds must be a positive integer');
  return { subset: values.subset, packages: values.package, rounds, plugin: path.resolve(values.plugin) };
}

const opts = parseArgs(process.argv.slice(2));
const plugin = (await import(pathToFileURL(opts.plugin).href)).default;
let files;
try {
  ({ files } = selectCorpus({ subset: opts.subset, names: opts.packages }));
} catch (e) {
  fail(e.message);
}

const settings = ourRules(plugin, 'recommended');
const ids = Object.keys(settings);
const TOGETHER = 'recommended rules together';
const configs = [
  { id: TOGETHER, rules: settings },
  ...ids.map((id) => ({ id, rules: Object.fromEntries(ids.filter((other) => other !== id).map((other) => [other, settings[other]])) })),
];
const run = await benchDiff(files, { plugin, configs, rounds: opts.rounds });
const together = run.configs.find((c) => c.id === TOGETHER).ms;
const ms = (x) => `${x.toFixed(1)} ms`;
const share = (x) => `${((100 * x) / run.parseMs).toFixed(2)} %`;
console.log(`${run.files} files, ${run.lines.toLocaleString('en-US')} lines; parse ${ms(run.parseMs)}; ${opts.rounds} interleaved rounds`);
console.log(`${TOGETHER.padEnd(40)} ${ms(together).padStart(10)} ${share(together).padStart(8)}`);
console.log(`${'rule: what it adds to the rest'.padEnd(40)} ${'adds'.padStart(10)} ${'of parse'.padStart(8)}`);
for (const c of run.configs) {
  if (c.id === TOGETHER) continue;
  console.log(`${c.id.padEnd(40)} ${ms(together - c.ms).padStart(10)} ${share(together - c.ms).padStart(8)}`);
}
