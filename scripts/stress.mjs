#!/usr/bin/env node
// The stress run (issue 24): lint real npm code the project has never seen, as an attacker or a
// very large codebase would hand it over, and check that no rule crashes or hangs and no fix
// breaks the code. The packages are in bench/stress.json (with why each is there), none of them in
// bench/corpus.json. Not in CI: by hand, after a change to how the rules walk code or write fixes.
//
//   npm run stress                                  # build, fetch, then lint every package
//   node scripts/stress.mjs --package mysql2        # (after a build) any corpus-lint.mjs option
//
// The same scripts as the corpus (scripts/corpus-fetch.mjs, scripts/corpus-lint.mjs), pointed at
// bench/stress.json and .cache/stress/ through RESILIENCE_CORPUS=stress. The lint is corpus-lint's
// --fix-check with config `all`: every suggestion of every finding applied and re-parsed, and
// --fix with autofix on, re-parsed and fixed again, with the README's pre-commit settings (a
// configured `timeoutError` with its import, which is where fixes grew with the file); the report
// ends with the fix and suggestion text against the size of the files. Figures: bench/README.md.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETTINGS = JSON.stringify({ timeoutError: { name: 'QueryTimeoutError', from: '#errors' }, autofix: true });
const env = { ...process.env, RESILIENCE_CORPUS: 'stress' };

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  console.log('usage: node scripts/stress.mjs [corpus-lint.mjs options, e.g. --package NAME, --jobs N, --json FILE]');
  process.exit(0);
}

function run(script, scriptArgs) {
  console.log(`$ RESILIENCE_CORPUS=stress node ${[script, ...scriptArgs].join(' ')}`);
  const result = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: ROOT, env, stdio: 'inherit' });
  return result.status ?? 1;
}

const fetched = run('scripts/corpus-fetch.mjs', []);
if (fetched !== 0) process.exit(fetched);
const lintArgs = ['--fix-check', '--settings', SETTINGS, '--stats', ...args];
process.exit(run('scripts/corpus-lint.mjs', lintArgs));
