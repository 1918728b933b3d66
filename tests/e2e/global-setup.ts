// Installs what the end-to-end tests run on, once for the whole run, the way a user installs the
// plugin: `npm pack` the repository (its prepack script builds it), copy a project to a temporary
// folder and `npm install` the tarball there. The projects, installed side by side:
//
// - examples/ with ESLint 10 and all its tools (Oxlint, SARIF, husky, lint-staged);
// - examples/ with the latest ESLint 9, and again with the lowest ESLint peerDependencies allows
//   (the floor), with only what linting needs, plus Node at the lowest version `engines` allows;
// - tests/fixtures/projects/javascript-only with ESLint and the plugin alone: no TypeScript;
// - tests/fixtures/projects/all-extensions with typescript-eslint, for the docs' configs.
//
// The tests read the paths through `inject('e2e')` (see harness.ts).
// Set RESILIENCE_E2E_KEEP=1 to keep the temporary folder.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { E2eContext } from './harness.js';
import { lowestVersion } from '../versions.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALL_TIMEOUT_MS = 300_000;

interface ProjectPackage {
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: Record<string, string>;
  'lint-staged'?: unknown;
}

const readPackage = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as ProjectPackage;

/** Runs npm; resolves with its stdout (with `stdoutOnly`) or its whole output. */
function npm(args: string[], cwd: string, { stdoutOnly = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdoutOnly ? stdout : output);
      else reject(new Error(`npm ${args.join(' ')} in ${cwd} exited ${code ?? 'on a signal'}\n${output}`));
    });
  });
}

/**
 * `npm pack`, which builds first (`prepack`). Its stdout must be the tarball's name alone: the
 * pre-commit framework installs a hook repository by reading that name (see .npmrc).
 */
async function pack(destination: string): Promise<{ tarball: string; stdout: string }> {
  const stdout = await npm(['pack', '--pack-destination', destination], root, { stdoutOnly: true });
  const name = stdout.trim().split('\n').pop() ?? '';
  return { tarball: join(destination, name), stdout };
}

/** Copies a project (without anything installed) and installs it with the dependencies `edit` gives it. */
async function install(project: string, dir: string, edit: (pkg: ProjectPackage) => void): Promise<void> {
  cpSync(project, dir, {
    recursive: true,
    filter: (source) => {
      const parts = relative(project, source).split(sep);
      return !parts.includes('node_modules') && !parts.includes('package-lock.json');
    },
  });
  const pkg = readPackage(dir);
  edit(pkg);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
}

/** Installs packages into a folder of their own. */
async function installPackages(dir: string, devDependencies: Record<string, string>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, devDependencies }, null, 2)}\n`);
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
}

/** The example with only what linting and type-checking need: ESLint, the parser, TypeScript and the plugin. */
const lintOnly = (eslint: string, plugin: string) => (pkg: ProjectPackage) => {
  const keep = ['@typescript-eslint/parser', '@types/node', 'typescript'];
  pkg.devDependencies = {
    ...Object.fromEntries(keep.map((name) => [name, pkg.devDependencies?.[name] ?? 'missing'])),
    eslint,
    'eslint-plugin-resilience': plugin,
  };
  delete pkg.scripts;
  delete pkg['lint-staged'];
};

export default async function setup(project: TestProject): Promise<() => void> {
  const base = mkdtempSync(join(tmpdir(), 'resilience-e2e-'));
  const eslint9Module = (await import(pathToFileURL(join(root, 'scripts', 'eslint9.mjs')).href)) as { ESLINT9_VERSION: string };
  const eslint9Version = eslint9Module.ESLINT9_VERSION;
  const self = readPackage(root);
  const floorEslintVersion = lowestVersion(self.peerDependencies!.eslint!);
  const floorNodeVersion = lowestVersion(self.engines!.node!);
  const locked = self.devDependencies!;
  const examples = join(root, 'examples');
  const projects = join(root, 'tests', 'fixtures', 'projects');
  try {
    const { tarball, stdout: packStdout } = await pack(base);
    const plugin = `file:${tarball}`;
    const context: E2eContext = {
      root,
      base,
      tarball,
      packStdout,
      eslint10: join(base, 'eslint10'),
      eslint9: join(base, 'eslint9'),
      eslint9Version,
      floor: join(base, 'floor'),
      floorEslintVersion,
      floorNode: join(base, 'node-floor', 'node_modules', '.bin', 'node'),
      floorNodeVersion,
      javascriptOnly: join(base, 'javascript-only'),
      allExtensions: join(base, 'all-extensions'),
    };
    await Promise.all([
      install(examples, context.eslint10, (pkg) => {
        pkg.devDependencies!['eslint-plugin-resilience'] = plugin;
      }),
      install(examples, context.eslint9, lintOnly(eslint9Version, plugin)),
      install(examples, context.floor, lintOnly(floorEslintVersion, plugin)),
      // Node itself, from npm's `node` package (it installs the binary for this platform).
      installPackages(join(base, 'node-floor'), { node: floorNodeVersion }),
      install(join(projects, 'javascript-only'), context.javascriptOnly, (pkg) => {
        pkg.devDependencies = { eslint: locked.eslint!, 'eslint-plugin-resilience': plugin };
      }),
      install(join(projects, 'all-extensions'), context.allExtensions, (pkg) => {
        const names = ['eslint', 'typescript-eslint', '@typescript-eslint/parser', 'typescript'];
        pkg.devDependencies = { ...Object.fromEntries(names.map((name) => [name, locked[name]!])), 'eslint-plugin-resilience': plugin };
      }),
    ]);
    project.provide('e2e', context);
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return () => {
    if (process.env.RESILIENCE_E2E_KEEP) console.log(`[e2e] kept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  };
}
