// What the end-to-end tests share: the installed example (from global-setup.ts), running real
// commands with a time limit, the findings the example's ✗ marks promise, and private copies of
// the example for tests that change files.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';

/** What global-setup.ts installed, handed to every test file through `inject('e2e')`. */
export interface E2eContext {
  /** This repository. */
  root: string;
  /** The temporary folder everything below lives in (removed after the run). */
  base: string;
  /** The `npm pack` tarball of the plugin. */
  tarball: string;
  /** What `npm pack` printed on stdout. */
  packStdout: string;
  /** The example installed with ESLint 10 and all its tools (Oxlint, SARIF, husky, lint-staged). */
  eslint10: string;
  /** The example installed with the latest ESLint 9 and only what linting needs. */
  eslint9: string;
  eslint9Version: string;
  /** The example installed like `eslint9`, with the lowest ESLint that peerDependencies allows. */
  floor: string;
  floorEslintVersion: string;
  /** A Node binary of the lowest version `engines` allows, and that version. */
  floorNode: string;
  floorNodeVersion: string;
  /** tests/fixtures/projects/javascript-only, installed with ESLint and the plugin alone. */
  javascriptOnly: string;
  /** tests/fixtures/projects/all-extensions, installed with typescript-eslint, for the docs' configs. */
  allExtensions: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export function context(): E2eContext {
  return inject('e2e');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Milliseconds before the process is killed and the call rejects (default 120 s). */
  timeoutMs?: number;
}

/**
 * Runs a command to completion and resolves with its exit code and output, whatever the exit
 * code. Rejects when it cannot start or outlives `timeoutMs`, so a hung tool fails its test.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { cwd, env, input, timeoutMs = 120_000 } = options;
  return new Promise((resolve, reject) => {
    const stdin = input === undefined ? 'ignore' : 'pipe';
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a process may exit before reading its input
      child.stdin.end(input);
    }
  });
}

/** Runs a command and rejects unless it exits 0. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code} in ${options.cwd}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** A binary the example installed: `node_modules/.bin/<name>`. */
export function bin(dir: string, name: string): string {
  return join(dir, 'node_modules', '.bin', name);
}

/** One reported problem, as `<file>:<line> <rule id>` with a `/` path relative to the project. */
export type Finding = string;

export function finding(file: string, line: number, ruleId: string): Finding {
  return `${file.split(sep).join('/')}:${line} ${ruleId}`;
}

/** The source files of the example that its configs lint (in `src/` and, where there is one, `scripts/`). */
export function exampleSources(dir: string): string[] {
  return ['src', 'scripts']
    .filter((folder) => existsSync(join(dir, folder)))
    .flatMap((folder) => readdirSync(join(dir, folder), { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)))
    .filter((file) => /\.[cm]?[jt]sx?$/.test(file))
    .sort();
}

const MARK = /\/\/ ✗ (resilience\/[a-z-]+)( \(type information\))?\s*$/;

/**
 * The findings the example promises with its `// ✗ resilience/<rule>` marks, one per marked line.
 * Without type information, lines marked `(type information)` are left out.
 */
export function markedFindings(dir: string, { typed }: { typed: boolean }): Finding[] {
  const findings: Finding[] = [];
  for (const file of exampleSources(dir)) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const mark = MARK.exec(text);
        if (mark?.[1] && (typed || !mark[2])) findings.push(finding(file, index + 1, mark[1]));
      });
  }
  return findings.sort();
}

interface EslintJsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }>;
}

/** Findings from `eslint --format json` output, with parse errors reported as `fatal`. */
export function eslintFindings(dir: string, json: string): Finding[] {
  const results = JSON.parse(json) as EslintJsonResult[];
  return results
    .flatMap((result) => result.messages.map((m) => finding(relative(dir, result.filePath), m.line, m.ruleId ?? `fatal: ${m.message}`)))
    .sort();
}

/**
 * A private copy of the installed example for a test that changes files: the example's files,
 * with `node_modules` a link to the shared install.
 */
export function workspaceCopy(installed: string, name: string): string {
  const { base } = context();
  const dir = mkdtempSync(join(base, `${name}-`));
  cpSync(installed, dir, {
    recursive: true,
    filter: (source) => !relative(installed, source).split(sep).includes('node_modules'),
  });
  symlinkSync(join(installed, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
