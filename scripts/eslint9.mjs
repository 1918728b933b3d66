// Runs the test suite against ESLint 9 without touching the locked install of ESLint 10.
//
//   node scripts/eslint9.mjs use       install ESLint 9 (once) and point node_modules/eslint at it
//   node scripts/eslint9.mjs restore   put the locked ESLint back (also done by ensure-install.mjs)
//   node scripts/eslint9.mjs which     print the ESLint version that @typescript-eslint/rule-tester loads
//
// Why a swap: @typescript-eslint/rule-tester, @typescript-eslint/utils and our tests all
// `require('eslint')`, which Node resolves to node_modules/eslint; NODE_PATH or a vitest alias
// cannot override that for packages inside node_modules. So ESLint 9 is installed into its own
// prefix (node_modules/.cache/resilience-eslint9, with its own dependency tree), and for the
// ESLint 9 run node_modules/eslint is renamed aside and replaced by a symlink to it. Node follows
// the symlink to the real path, so ESLint 9 loads its own dependencies. Restoring is a rename, so
// the locked tree is never re-resolved and needs no network.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ESLint 9 release the suite is checked against; override with ESLINT9_VERSION. */
export const ESLINT9_VERSION = process.env.ESLINT9_VERSION || '9.39.5';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');
const modules = join(root, 'node_modules');
const linkPath = join(modules, 'eslint');
const lockedAside = join(modules, '.resilience-eslint-locked');
const prefix = join(modules, '.cache', 'resilience-eslint9');
const eslint9 = join(prefix, 'node_modules', 'eslint');

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function installedVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs ESLint 9 into its own prefix unless the wanted version is already there. */
function install() {
  if (installedVersion(eslint9) === ESLINT9_VERSION) return;
  console.log(`[eslint9] installing eslint@${ESLINT9_VERSION} into ${prefix}`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(
    join(prefix, 'package.json'),
    `${JSON.stringify({ name: 'resilience-eslint9', private: true, dependencies: { eslint: ESLINT9_VERSION } }, null, 2)}\n`,
  );
  const result = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], {
    cwd: prefix,
    stdio: 'inherit',
  });
  if (result.status !== 0 || installedVersion(eslint9) !== ESLINT9_VERSION) {
    throw new Error(`[eslint9] npm install eslint@${ESLINT9_VERSION} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Points node_modules/eslint at ESLint 9. */
export function useEslint9() {
  install();
  if (isSymlink(linkPath)) unlinkSync(linkPath);
  else renameSync(linkPath, lockedAside);
  symlinkSync(join('.cache', 'resilience-eslint9', 'node_modules', 'eslint'), linkPath, 'dir');
}

/**
 * Puts the locked ESLint back if a swap is in place. Returns false when the tree cannot be
 * repaired by a rename (the caller should reinstall).
 */
export function restoreLockedEslint({ quiet = true } = {}) {
  if (!isSymlink(linkPath)) {
    if (existsSync(lockedAside) && !existsSync(linkPath)) renameSync(lockedAside, linkPath);
    return existsSync(linkPath) || !existsSync(modules);
  }
  unlinkSync(linkPath);
  if (!existsSync(lockedAside)) return false;
  renameSync(lockedAside, linkPath);
  if (!quiet) console.log('[eslint9] restored the locked ESLint in node_modules/eslint');
  return true;
}

/** The ESLint version @typescript-eslint/rule-tester resolves, i.e. the one the rule tests use. */
export function eslintSeenByRuleTester() {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  const requireFromTester = createRequire(requireFromRoot.resolve('@typescript-eslint/rule-tester'));
  return requireFromTester('eslint/package.json').version;
}

if (process.argv[1] && resolve(process.argv[1]) === self) {
  const command = process.argv[2];
  if (command === 'use') {
    useEslint9();
    console.log(`[eslint9] node_modules/eslint -> ESLint ${eslintSeenByRuleTester()}`);
  } else if (command === 'restore') {
    if (!restoreLockedEslint()) {
      console.error('[eslint9] node_modules/eslint could not be restored; run `npm ci`');
      process.exit(1);
    }
    console.log(`[eslint9] node_modules/eslint -> ESLint ${eslintSeenByRuleTester()}`);
  } else if (command === 'which') {
    console.log(eslintSeenByRuleTester());
  } else {
    console.error('usage: node scripts/eslint9.mjs use|restore|which');
    process.exit(2);
  }
}
