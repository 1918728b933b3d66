// The pre-commit hook as the example sets it up: husky runs `npx lint-staged` (.husky/pre-commit),
// and lint-staged runs `eslint --cache --fix` on the staged files (package.json "lint-staged").
// In a temporary git repository: a staged finding blocks the commit; with the autofix option on,
// the hook rewrites the file to the typed error, re-stages it, and the commit goes through.
// For the pre-commit framework, the hook this repository ships (.pre-commit-hooks.yaml) and what
// the framework needs to install the repository (`npm pack` printing only the tarball's name).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, context, run, runOk, workspaceCopy } from './harness.js';

const { eslint10, root, tarball, packStdout } = context();

/** Git with a fixed identity and none of this machine's own git configuration. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'e2e',
  GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
  GIT_COMMITTER_NAME: 'e2e',
  GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(dir: string, ...args: string[]): Promise<string> {
  return runOk('git', args, { cwd: dir, env: GIT_ENV });
}

/** The incident's helper: a timeout answered with `[0, null]`. */
const INCIDENT = `export async function latestRevision(
  db: { query(sql: string): Promise<Array<{ r: number }>> },
  maxWaitMs: number,
): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0]?.r ?? 0, null];
}
`;

/**
 * A copy of the example as a git repository with one commit and the hook installed the way
 * `npm install` installs it (the example's `prepare` script runs `husky`).
 */
async function repository(name: string, prepare?: (dir: string) => void): Promise<string> {
  const dir = workspaceCopy(eslint10, name);
  prepare?.(dir);
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--no-verify', '-m', 'example');
  await runOk(bin(dir, 'husky'), [], { cwd: dir, env: GIT_ENV });
  expect(await git(dir, 'config', 'core.hooksPath')).toBe('.husky/_\n');
  return dir;
}

async function commitCount(dir: string): Promise<number> {
  return Number(await git(dir, 'rev-list', '--count', 'HEAD'));
}

describe('pre-commit hook: husky + lint-staged running eslint --cache --fix', () => {
  it('blocks a commit whose staged file has a finding', async () => {
    const dir = await repository('hook-blocks');
    const file = join(dir, 'src/latest-revision.ts');
    writeFileSync(file, INCIDENT);
    await git(dir, 'add', 'src/latest-revision.ts');

    const commit = await run('git', ['commit', '-m', 'add latestRevision'], { cwd: dir, env: GIT_ENV });
    expect(commit.code, commit.stdout + commit.stderr).not.toBe(0);
    expect(commit.stdout + commit.stderr).toContain('resilience/no-timeout-sentinel');
    expect(await commitCount(dir)).toBe(1);
    // lint-staged leaves the file as it was, and still staged.
    expect(readFileSync(file, 'utf8')).toBe(INCIDENT);
    expect(await git(dir, 'diff', '--cached', '--name-only')).toBe('src/latest-revision.ts\n');
  });

  it('with the autofix option, rewrites the file to the typed error, re-stages it and commits', async () => {
    const dir = await repository('hook-fixes', (root) => {
      // The example's config, plus the autofix option for src/.
      renameSync(join(root, 'eslint.config.mjs'), join(root, 'eslint.example.config.mjs'));
      writeFileSync(
        join(root, 'eslint.config.mjs'),
        `import { defineConfig } from 'eslint/config';
import example from './eslint.example.config.mjs';

export default defineConfig(example, {
  files: ['src/**'],
  rules: {
    'resilience/no-timeout-sentinel': ['error', { autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors.js' } }],
  },
});
`,
      );
    });
    writeFileSync(join(dir, 'src/latest-revision.ts'), INCIDENT);
    await git(dir, 'add', 'src/latest-revision.ts');

    const commit = await run('git', ['commit', '-m', 'add latestRevision'], { cwd: dir, env: GIT_ENV });
    expect(commit.code, commit.stdout + commit.stderr).toBe(0);
    expect(await commitCount(dir)).toBe(2);

    const expected = `import { QueryTimeoutError } from './errors.js';\n${INCIDENT.replace(
      'return [0, null];',
      "return [0, new QueryTimeoutError('latestRevision timed out')];",
    )}`;
    expect(await git(dir, 'show', 'HEAD:src/latest-revision.ts')).toBe(expected);
    expect(await git(dir, 'show', '--name-only', '--format=', 'HEAD')).toBe('src/latest-revision.ts\n');
    // Nothing left over: the fix was staged and committed, not left in the working tree.
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('pre-commit framework: the hook this repository ships', () => {
  it('npm pack prints only the tarball name on stdout, which pre-commit installs from', () => {
    // pre-commit runs `npm pack` in its clone of the repository and installs the file it names;
    // .npmrc keeps the prepack build's output off stdout.
    expect(packStdout).toBe(`${basename(tarball)}\n`);
  });

  it('.pre-commit-hooks.yaml runs eslint on JavaScript and TypeScript with the locked ESLint and parser', () => {
    const manifest = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
    const field = (key: string) => new RegExp(`^  ${key}: (.+)$`, 'm').exec(manifest)?.[1];
    expect(/^- id: (.+)$/m.exec(manifest)?.[1]).toBe('resilience');
    expect(field('entry')).toBe('eslint');
    expect(field('language')).toBe('node');
    expect(field('types_or')).toBeUndefined();
    expect(field('files')).toBe("'\\.(js|mjs|cjs|ts|tsx|mts|cts)$'");
    const devDependencies = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies;
    const dependencies = [...manifest.matchAll(/^ {4}- '?([^'\n]+)'?$/gm)].map((m) => m[1]);
    expect(dependencies).toEqual([
      `eslint@${devDependencies.eslint}`,
      `@typescript-eslint/parser@${devDependencies['@typescript-eslint/parser']}`,
    ]);
  });
});
