// How long a pre-commit hook takes with the plugin and without it, as whole processes.
//
//   node scripts/precommit-timing.mjs [runs]      (default 7 runs per case; prints medians)
//
// Packs the plugin (`npm pack`, which builds it), installs examples/ from the tarball into a
// temporary folder, and stages five files in a git repository there: five copies of
// examples/src/sync-services-fixed.ts, a realistic module with nothing to report. Then, for the
// example's config (the plugin's recommended config on TypeScript) and for the same config
// without the plugin (only the TypeScript parser), it times:
//   - `eslint <the five files>`, the command lint-staged runs (no cache: staged files are changed);
//   - `git commit`, through husky and lint-staged (`eslint --cache --fix`, cache removed first).
// Each case runs once to warm the file system, then `runs` times; the median is printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 7);
const STAGED = [1, 2, 3, 4, 5].map((n) => `src/module-${n}.ts`);
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'timing',
  GIT_AUTHOR_EMAIL: 'timing@example.invalid',
  GIT_COMMITTER_NAME: 'timing',
  GIT_COMMITTER_EMAIL: 'timing@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

const WITHOUT_PLUGIN = `import tsParser from '@typescript-eslint/parser';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig(globalIgnores(['node_modules/', 'types/']), {
  files: ['**/*.ts'],
  languageOptions: { parser: tsParser },
});
`;

function sh(command, args, cwd, env = process.env) {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function git(dir, ...args) {
  return sh('git', args, dir, GIT_ENV);
}

/** Wall-clock milliseconds of one whole process; throws if it exits with an unexpected code. */
function time(command, args, cwd, env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measure(label, once) {
  once();
  const samples = Array.from({ length: runs }, once);
  return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const base = mkdtempSync(join(tmpdir(), 'resilience-precommit-'));
try {
  console.error(`[timing] npm pack and install of examples/ into ${base}`);
  const tarball = join(base, sh('npm', ['pack', '--pack-destination', base], root).trim().split('\n').pop());
  const installed = join(base, 'installed');
  cpSync(join(root, 'examples'), installed, {
    recursive: true,
    filter: (source) => !relative(join(root, 'examples'), source).split(sep).includes('node_modules'),
  });
  const pkgFile = join(installed, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.devDependencies['eslint-plugin-resilience'] = `file:${tarball}`;
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], installed);

  /** A git repository with the example, the hook installed, and five new files staged. */
  function repository(name, config) {
    const dir = join(base, name);
    cpSync(installed, dir, { recursive: true, filter: (source) => !relative(installed, source).split(sep).includes('node_modules') });
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    execFileSync('ln', ['-s', join(installed, 'node_modules'), join(dir, 'node_modules')]);
    if (config) writeFileSync(join(dir, 'eslint.config.mjs'), config);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--no-verify', '-m', 'example');
    sh(join(dir, 'node_modules/.bin/husky'), [], dir, GIT_ENV);
    for (const file of STAGED) copyFileSync(join(dir, 'src/sync-services-fixed.ts'), join(dir, file));
    git(dir, 'add', ...STAGED);
    return dir;
  }

  const cases = [
    ['with the plugin (resilience/recommended)', repository('with-plugin')],
    ['without the plugin (parser only)', repository('without-plugin', WITHOUT_PLUGIN)],
  ];
  const results = [];
  for (const [label, dir] of cases) {
    const eslint = join(dir, 'node_modules/.bin/eslint');
    results.push(measure(`eslint on 5 staged files, ${label}`, () => time(eslint, STAGED, dir)));
    results.push(
      measure(`git commit (husky + lint-staged), ${label}`, () => {
        rmSync(join(dir, '.eslintcache'), { force: true });
        const ms = time('git', ['commit', '-q', '-m', 'five modules'], dir, GIT_ENV);
        git(dir, 'reset', '-q', '--soft', 'HEAD~1');
        return ms;
      }),
    );
  }

  console.log(`pre-commit timing: median of ${runs} runs (min-max), whole processes, ${STAGED.length} staged files`);
  for (const { label, median: ms, min, max } of results) {
    console.log(`  ${label.padEnd(76)} ${ms.toFixed(0).padStart(6)} ms  (${min.toFixed(0)}-${max.toFixed(0)})`);
  }
  const [withEslint, withCommit, withoutEslint, withoutCommit] = results.map((r) => r.median);
  const signed = (ms) => `${ms >= 0 ? '+' : '-'}${Math.abs(ms).toFixed(0)} ms`;
  console.log(
    `  the plugin's share of the medians: eslint ${signed(withEslint - withoutEslint)}, git commit ${signed(withCommit - withoutCommit)}`,
  );
} finally {
  rmSync(base, { recursive: true, force: true });
}
