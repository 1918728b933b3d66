// Makes node_modules match package-lock.json, running `npm ci` only when it has to.
//
// A stamp file in node_modules records the hash of the package-lock.json it was installed from.
// `npm ci` runs when node_modules is missing, the stamp is missing or stale, or the tree npm
// recorded (node_modules/.package-lock.json) differs from the lock. Used by test.sh and sample.sh.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreLockedEslint } from './eslint9.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const modules = join(root, 'node_modules');
const stampFile = join(modules, '.resilience-install-stamp');

const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');

/** The `packages` map of a lockfile, without the root entry. */
function packagesOf(file) {
  const { packages = {} } = JSON.parse(readFileSync(file, 'utf8'));
  delete packages[''];
  return packages;
}

/**
 * Whether npm's record of the installed tree matches the lock: same version everywhere, and every
 * locked package present except optional ones (platform binaries for other systems).
 */
function treeMatchesLock(hiddenFile) {
  const locked = packagesOf(lockFile);
  const installed = packagesOf(hiddenFile);
  for (const [path, info] of Object.entries(installed)) {
    if (locked[path]?.version !== info.version) return false;
  }
  return Object.entries(locked).every(([path, info]) => info.optional || path in installed);
}

function upToDate() {
  if (!existsSync(modules)) return { ok: false, why: 'node_modules is missing' };
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === lockHash) return { ok: true };
  // No stamp (installed by hand) or an old one: trust npm's own record of the tree if it matches.
  const hidden = join(modules, '.package-lock.json');
  if (existsSync(hidden) && treeMatchesLock(hidden)) return { ok: true };
  return { ok: false, why: 'package-lock.json changed since the last install' };
}

// A run interrupted during the ESLint 9 leg of test.sh leaves node_modules/eslint pointing at
// ESLint 9; put the locked ESLint back before judging the tree.
const repaired = restoreLockedEslint({ quiet: false });

const state = repaired ? upToDate() : { ok: false, why: 'node_modules/eslint is broken' };
if (state.ok) {
  writeFileSync(stampFile, `${lockHash}\n`);
} else {
  console.log(`[install] ${state.why}: npm ci`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[install] npm ci failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  writeFileSync(stampFile, `${lockHash}\n`);
}
