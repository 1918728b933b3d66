// Compare two builds on one generated rule-heavy file (scripts/bench-generate.mjs) at several sizes:
// the `recommended` rules together, per line, from a base build and from this build. Each size is
// parsed once; lints with no rules, this build's rules and the base's rules are interleaved and the
// median of each is taken, so the figure is what the rules add, as the corpus differential measures
// it. Use it for changes whose cost depends on file size (caches, per-file setup).
//
//   node scripts/bench-sizes.mjs --base .cache/base.cjs [--sizes 1000,3000,10000,30000,100000]
//
// Keep the base bundle inside the repository, like bench-ab.mjs.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { generateRuleHeavy } from './bench-generate.mjs';
import { ROOT } from './corpus-fetch.mjs';

function parseArgs(argv) {
  const opts = { base: null, sizes: [1000, 3000, 10000, 30000, 100000] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--base') opts.base = path.resolve(val());
    else if (a === '--sizes') opts.sizes = val().split(',').map(Number);
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown option ${a}`);
  }
  if (!opts.base) usage('--base PATH is required');
  if (opts.sizes.some((n) => !Number.isInteger(n) || n < 1)) usage('--sizes must be positive integers');
  return opts;
}

function usage(error) {
  const text = 'usage: node scripts/bench-sizes.mjs --base PATH [--sizes A,B,…]';
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const opts = parseArgs(process.argv.slice(2));
const current = (await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href)).default;
const base = (await import(pathToFileURL(opts.base).href)).default;
const names = Object.keys(current.configs.recommended.rules).map((id) => id.slice(id.indexOf('/') + 1));
const rulesOf = (ns) => Object.fromEntries(names.map((name) => [`${ns}/${name}`, 'error']));
const configOf = (rules) => [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { current, base }, rules }];
const configs = { none: configOf({}), current: configOf(rulesOf('current')), base: configOf(rulesOf('base')) };
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const linter = new Linter();

console.log(`recommended rules together (${names.length}), cost per line: this build and ${path.relative(ROOT, opts.base)}`);
for (const size of opts.sizes) {
  const code = generateRuleHeavy(size);
  const lines = code.split('\n').length;
  linter.verify(code, configs.none, { filename: 'rule-heavy.ts' });
  const sourceCode = linter.getSourceCode();
  const rounds = size <= 3000 ? 15 : size <= 30000 ? 7 : 5;
  const times = { none: [], current: [], base: [] };
  for (let round = 0; round < rounds; round++) {
    for (const id of round % 2 ? ['none', 'current', 'base'] : ['base', 'current', 'none']) {
      const start = performance.now();
      linter.verify(sourceCode, configs[id], { filename: 'rule-heavy.ts' });
      times[id].push(performance.now() - start);
    }
  }
  const none = median(times.none);
  const cost = (id) => median(times[id]) - none;
  const perLine = (id) => `${((cost(id) * 1000) / lines).toFixed(2)} µs/line`;
  console.log(
    `${String(lines).padStart(7)} lines (${code.length.toLocaleString('en-US')} characters), ${rounds} rounds: this ${perLine('current')}, base ${perLine('base')}, this/base ${(cost('current') / cost('base')).toFixed(2)}×`,
  );
}
