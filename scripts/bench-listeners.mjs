#!/usr/bin/env node
// What each listener of our `recommended` rules costs in the rules-together figure, measured as
// bench-diff.mjs measures the corpus: `together` against `together` with one rule's listener made a
// no-op. The no-op keeps the selector, so ESLint registers and dispatches the same listeners and
// only the listener's own work (the analysis behind it) is left out. Also printed: `together` with
// every listener a no-op (the floor: ESLint's per-rule setup, our `create`s and the dispatch, which
// no change inside a listener can remove), and no-unused-vars, the reference of the speed targets.
//
//   node scripts/bench-listeners.mjs [--plugin PATH (default dist/index.cjs)] [--rounds N (default 3)] [--every N]
//                                    [--sourcecode cold|reuse (default cold)]
//
// --every N lints every Nth corpus file (about N times faster; the shares stay comparable).
// --sourcecode: cold parses the files again for every configuration and round (bench-diff.mjs), as a
// real lint meets them; reuse parses once, much quicker, but what a rule caches per file is then warm.
// Each no-op is one function per variant, not a new one per file: ESLint 10 records every listener
// function it registers (see src/util/stable-listeners.ts), and new functions would cost extra.
// Two runs on this 2-core machine differ by 10 % or more in absolute time; compare the lines of one run.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ourRules } from './bench-corpus.mjs';
import { benchDiff } from './bench-diff.mjs';
import { corpusLanguages } from './corpus-languages.mjs';
import { ROOT, selectCorpus } from './corpus-fetch.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const pluginPath = path.resolve(option('--plugin', path.join(ROOT, 'dist', 'index.cjs')));
const rounds = Number(option('--rounds', '3'));
const every = Number(option('--every', '1'));
const sourceCodeMode = option('--sourcecode', 'cold');
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(every) || every < 1 || !['cold', 'reuse'].includes(sourceCodeMode)) {
  console.error('usage: node scripts/bench-listeners.mjs [--plugin PATH] [--rounds N] [--every N] [--sourcecode cold|reuse]');
  process.exit(2);
}

const loaded = (await import(pathToFileURL(pluginPath).href)).default;
const ns = loaded.meta.namespace;
const recommended = ourRules(loaded, 'recommended');
const ruleNames = Object.keys(recommended).map((id) => id.slice(ns.length + 1));

/** The selectors each rule registers on a TypeScript file with the recommended config's settings. */
async function selectorsOf(names) {
  const { Linter } = await import('eslint');
  const { configs } = await corpusLanguages();
  const seen = new Map(names.map((name) => [name, new Set()]));
  const recorded = (listeners, into) => {
    for (const selector of Object.keys(listeners)) into.add(selector);
    return listeners;
  };
  const probe = Object.fromEntries(
    names.map((name) => {
      const rule = loaded.rules[name];
      return [name, { ...rule, create: (context) => recorded(rule.create(context), seen.get(name)) }];
    }),
  );
  const config = [
    ...configs,
    { plugins: { probe: { rules: probe } }, rules: Object.fromEntries(names.map((n) => [`probe/${n}`, 'error'])) },
  ];
  new Linter({ configType: 'flat' }).verify('export const a = 1;\n', config, path.join(ROOT, 'probe.ts'));
  return seen;
}

/** The rule with the listed selectors' listeners replaced by one no-op. */
function withNoOps(rule, selectors) {
  const noop = () => {};
  return {
    ...rule,
    create(context) {
      const listeners = { ...rule.create(context) };
      for (const selector of selectors) if (selector in listeners) listeners[selector] = noop;
      return listeners;
    },
  };
}

const selectors = await selectorsOf(ruleNames);
const variants = {};
const configs = [{ id: 'together', rules: recommended }];
const replacing = (name, variant) => {
  const rules = { ...recommended };
  delete rules[`${ns}/${name}`];
  rules[`${ns}/${variant}`] = 'error';
  return rules;
};
for (const name of ruleNames) {
  for (const selector of selectors.get(name)) {
    const variant = `${name}--without-${selector}`;
    variants[variant] = withNoOps(loaded.rules[name], [selector]);
    configs.push({ id: `without ${name} ${selector}`, rules: replacing(name, variant) });
  }
}
const floor = {};
for (const name of ruleNames) {
  variants[`${name}--floor`] = withNoOps(loaded.rules[name], selectors.get(name));
  floor[`${ns}/${name}--floor`] = 'error';
}
configs.push({ id: 'floor (every listener a no-op)', rules: floor }, { id: 'no-unused-vars', rules: { 'no-unused-vars': 'error' } });

const plugin = { ...loaded, rules: { ...loaded.rules, ...variants } };
const files = selectCorpus({}).files.filter((_, i) => i % every === 0);
const run = await benchDiff(files, { plugin, configs, rounds, sourceCodeMode });
const ms = (id) => run.configs.find((c) => c.id === id).ms;
const together = ms('together');
const reference = ms('no-unused-vars');
console.log(`${run.files} files, ${run.lines.toLocaleString('en-US')} lines; ${rounds} interleaved rounds; cost over no rules`);
console.log(`${'configuration'.padEnd(58)} ${'ms'.padStart(9)}  ${'× no-unused-vars'.padStart(16)}  ${'saved'.padStart(8)}`);
for (const c of run.configs) {
  const saved = c.id === 'no-unused-vars' || c.id === 'together' ? '' : `${(((together - c.ms) / together) * 100).toFixed(1)} %`;
  console.log(`${c.id.padEnd(58)} ${c.ms.toFixed(1).padStart(9)}  ${(c.ms / reference).toFixed(2).padStart(15)}×  ${saved.padStart(8)}`);
}
