#!/usr/bin/env node
// What a rule costs per file, before any node: every corpus file linted as the one line `var a = 1;`
// (same names, so the same languages, package.json files and configs), differentially as
// bench-diff.mjs measures the corpus. Beside our rules: a rule with no listener, one with one empty
// listener, one with five (our rules register three to six per file). ESLint registers each
// listener of each rule for every file; the gap between these reference rules is that cost.
//
//   node scripts/bench-per-file.mjs [--plugin PATH (default dist/index.js)] [--rounds N (default 5)]
//
// Measured 7 Dec (bench/README "Per file, before any node"): the per-file cost of our rules is
// the listeners ESLint registers, not the work of our `create`s.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ourRules } from './bench-corpus.mjs';
import { benchDiff } from './bench-diff.mjs';
import { ROOT, selectCorpus } from './corpus-fetch.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const pluginPath = path.resolve(option('--plugin', path.join(ROOT, 'dist', 'index.js')));
const rounds = Number(option('--rounds', '5'));
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node scripts/bench-per-file.mjs [--plugin PATH] [--rounds N]');
  process.exit(2);
}

const loaded = (await import(pathToFileURL(pluginPath).href)).default;
const noop = () => {};
const reference = {
  'no-listener': { meta: {}, create: () => ({}) },
  'one-empty-listener': { meta: {}, create: () => ({ CallExpression: noop }) },
  'five-empty-listeners': {
    meta: {},
    // Fresh functions per file, as a rule's closures are.
    create: () => ({ IfStatement() {}, ConditionalExpression() {}, LogicalExpression() {}, ObjectExpression() {}, CallExpression() {} }),
  },
};
const plugin = { ...loaded, rules: { ...loaded.rules, ...reference } };
const ns = plugin.meta.namespace;
const ours = ourRules(plugin, 'recommended');
const configs = [
  ...Object.keys(reference).map((id) => ({ id: `${ns}/${id}`, rules: { [`${ns}/${id}`]: 'error' } })),
  ...Object.keys(ours).map((id) => ({ id, rules: { [id]: ours[id] } })),
  { id: 'our recommended rules together', rules: ours },
  { id: 'no-unused-vars', rules: { 'no-unused-vars': 'error' } },
];
const { files } = selectCorpus({});
const run = await benchDiff(files, { plugin, configs, rounds, readText: () => 'var a = 1;\n' });
const reference_ms = run.configs.find((c) => c.id === 'no-unused-vars').ms;
console.log(`${run.files} files, each linted as \`var a = 1;\`; ${rounds} interleaved rounds; cost over no rules`);
for (const c of run.configs)
  console.log(`  ${c.id.padEnd(44)} ${c.ms.toFixed(1).padStart(8)} ms  ${(c.ms / reference_ms).toFixed(2)}x no-unused-vars`);
