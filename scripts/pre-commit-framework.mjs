// Runs the hook this repository ships (.pre-commit-hooks.yaml) through the real pre-commit
// framework, as docs/integrations.md describes it, and prints what happened and how long it took.
// Not part of `npm test`: it needs the `pre-commit` command (Debian: `apt-get install pre-commit`,
// or `pipx install pre-commit`), which a fresh CI machine does not have, and its first run installs
// this repository's devDependencies into pre-commit's environment (a minute or more).
//
//   node scripts/pre-commit-framework.mjs      exit 0 when every check below holds
//
// In a temporary folder: this working tree (committed files and changes) as a git repository
// tagged v<version>, the hook's source; and a project using it from .pre-commit-config.yaml.
// Checks: with the docs' eslint.config.cjs, a staged timeout sentinel fails the hook with
// resilience/no-timeout-sentinel in each TypeScript and JavaScript extension; with an
// eslint.config.mjs it fails with ERR_MODULE_NOT_FOUND (why the docs ask for CommonJS).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const base = mkdtempSync(join(tmpdir(), 'resilience-pre-commit-'));
const env = {
  ...process.env,
  PRE_COMMIT_HOME: join(base, 'pre-commit-home'),
  GIT_AUTHOR_NAME: 'check',
  GIT_AUTHOR_EMAIL: 'check@example.invalid',
  GIT_COMMITTER_NAME: 'check',
  GIT_COMMITTER_EMAIL: 'check@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });

/** The docs' eslint.config.cjs for the pre-commit framework (docs/integrations.md). */
function docsCjsConfig() {
  const doc = readFileSync(join(root, 'docs/integrations.md'), 'utf8');
  const match = /```js\n(\/\/ eslint\.config\.cjs\n[\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/integrations.md has no eslint.config.cjs block');
  return match[1];
}

const INCIDENT = (
  typed,
) => `export async function latestRevision(db${typed ? ': { query(sql: string): Promise<number[]> }' : ''}, maxWaitMs${typed ? ': number' : ''}) {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0] ?? 0, null];
}
`;
const FILES = {
  'src/a.ts': INCIDENT(true),
  'src/b.tsx': INCIDENT(true),
  'src/c.mts': INCIDENT(true),
  'src/d.cts': INCIDENT(true),
  'src/e.js': INCIDENT(false),
  'src/f.mjs': INCIDENT(false),
  'src/g.cjs': `${INCIDENT(false).replace('export async', 'async')}\nmodule.exports = { latestRevision };\n`,
};

const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n${detail}`}`);
}

try {
  console.log(execFileSync('pre-commit', ['--version'], { encoding: 'utf8' }).trim());

  // The hook's source: what this working tree would publish, as a tagged git repository.
  const hookRepo = join(base, 'hook-repo');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && file !== 'node_modules' && !file.startsWith('node_modules/'));
  for (const file of files) {
    mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
    cpSync(join(root, file), join(hookRepo, file));
  }
  git(hookRepo, 'init', '-q', '-b', 'main');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'hook source');
  git(hookRepo, 'tag', `v${version}`);

  // A project that uses the hook, with the docs' config and one staged file of each extension.
  const project = join(base, 'project');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${hookRepo}\n    rev: v${version}\n    hooks:\n      - id: resilience\n`,
  );
  writeFileSync(join(project, 'eslint.config.cjs'), docsCjsConfig());
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(project, file), text);
  git(project, 'init', '-q', '-b', 'main');
  git(project, 'add', '-A');

  const started = performance.now();
  const first = spawnSync('pre-commit', ['run', '--files', ...Object.keys(FILES)], { cwd: project, env, encoding: 'utf8' });
  const firstSeconds = (performance.now() - started) / 1000;
  const output = first.stdout + first.stderr;
  check('the hook fails on the staged sentinels (eslint.config.cjs)', first.status === 1, output);
  for (const file of Object.keys(FILES)) {
    const reported = new RegExp(`${file.replace('.', '\\.')}\\n\\s+5:\\d+\\s+error .* resilience/no-timeout-sentinel`).test(output);
    check(`  ${file} is linted and reported`, reported, output);
  }
  console.log(`first run (builds the environment): ${firstSeconds.toFixed(1)} s`);

  const again = performance.now();
  spawnSync('pre-commit', ['run', '--files', ...Object.keys(FILES)], { cwd: project, env, encoding: 'utf8' });
  console.log(`second run (reuses it): ${((performance.now() - again) / 1000).toFixed(1)} s`);

  rmSync(join(project, 'eslint.config.cjs'));
  writeFileSync(
    join(project, 'eslint.config.mjs'),
    "import resilience from 'eslint-plugin-resilience';\n\nexport default [resilience.configs.recommended];\n",
  );
  const esm = spawnSync('pre-commit', ['run', '--files', 'src/e.js'], { cwd: project, env, encoding: 'utf8' });
  check(
    'an eslint.config.mjs fails with ERR_MODULE_NOT_FOUND',
    esm.status !== 0 && /ERR_MODULE_NOT_FOUND/.test(esm.stdout + esm.stderr),
    esm.stdout + esm.stderr,
  );
} finally {
  if (process.env.RESILIENCE_KEEP) console.log(`kept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok).length;
console.log(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`);
process.exit(failed || checks.length === 0 ? 1 : 0);
