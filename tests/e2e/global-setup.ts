// Installs the example once for the whole end-to-end run, the way a user installs the plugin:
// `npm pack` the repository (its prepack script builds it), copy examples/ to a temporary folder
// and `npm install` the tarball there, once with ESLint 10 and the example's tools, once with
// ESLint 9. The tests read the paths through `inject('e2e')` (see harness.ts).
// Set RESILIENCE_E2E_KEEP=1 to keep the temporary folder.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { E2eContext } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALL_TIMEOUT_MS = 300_000;

interface ExamplePackage {
  scripts?: Record<string, string>;
  devDependencies: Record<string, string>;
  'lint-staged'?: unknown;
}

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

/** Copies examples/ (without anything installed) and installs it with the given dependencies. */
async function install(dir: string, edit: (pkg: ExamplePackage) => void): Promise<void> {
  const examples = join(root, 'examples');
  cpSync(examples, dir, {
    recursive: true,
    filter: (source) => {
      const parts = relative(examples, source).split(sep);
      return !parts.includes('node_modules') && !parts.includes('package-lock.json');
    },
  });
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as ExamplePackage;
  edit(pkg);
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const base = mkdtempSync(join(tmpdir(), 'resilience-e2e-'));
  const eslint9Module = (await import(pathToFileURL(join(root, 'scripts', 'eslint9.mjs')).href)) as { ESLINT9_VERSION: string };
  const eslint9Version = eslint9Module.ESLINT9_VERSION;
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
    };
    await Promise.all([
      install(context.eslint10, (pkg) => {
        pkg.devDependencies['eslint-plugin-resilience'] = plugin;
      }),
      // Only what linting and type-checking need: ESLint 9, the parser, TypeScript and the plugin.
      install(context.eslint9, (pkg) => {
        const keep = ['@typescript-eslint/parser', '@types/node', 'typescript'];
        pkg.devDependencies = {
          ...Object.fromEntries(keep.map((name) => [name, pkg.devDependencies[name] ?? 'missing'])),
          eslint: eslint9Version,
          'eslint-plugin-resilience': plugin,
        };
        delete pkg.scripts;
        delete pkg['lint-staged'];
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
