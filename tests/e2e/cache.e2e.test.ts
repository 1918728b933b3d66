// Why the docs say to lint with type information without `--cache` (docs/integrations.md,
// "`eslint --cache` and type information"): with type information, no-sentinel-full-load reports a
// caller for what a function in another file returns, and ESLint's cache, which keys each file's
// result on that file and the config, keeps the caller's finding after the other file is fixed.
// Without `--cache` the finding goes. If ESLint's cache ever learns about other files, the first
// test fails, and the docs can drop the warning.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, context, eslintFindings, run, workspaceCopy } from './harness.js';

const { allExtensions } = context();

const STORE = `export async function latestRevision(db: { query(sql: string): Promise<Array<{ r: number }>> }, maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0]?.r ?? 0, null];
}
`;
const FIXED_STORE = STORE.replace('return [0, null];', "return [0, new DOMException('latestRevision timed out', 'TimeoutError')];");

// The rest of `sync` does not query with `rev`: the finding rests on the other file's timeout
// alone (with an incremental load there, `rev` would be a marker and reported whatever the store does).
const SYNC = `import { PrismaClient } from '@prisma/client';
import { latestRevision } from './revision-store.js';

const prisma = new PrismaClient();

export async function sync(db: { query(sql: string): Promise<Array<{ r: number }>> }) {
  const [rev] = await latestRevision(db, 500);
  if (!rev) {
    return prisma.service.findMany();
  }
  return [];
}
`;

/** The typed config of docs/rules/no-unbounded-load.md, in a project with the two files above. */
function project(): string {
  const dir = workspaceCopy(allExtensions, 'cache');
  mkdirSync(join(dir, 'cached'));
  writeFileSync(join(dir, 'cached', 'revision-store.ts'), STORE);
  writeFileSync(join(dir, 'cached', 'sync.ts'), SYNC);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true },
      include: ['cached'],
    }),
  );
  writeFileSync(
    join(dir, 'eslint.config.mjs'),
    `import { defineConfig } from 'eslint/config';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import resilience from 'eslint-plugin-resilience';

export default defineConfig(
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) } },
  },
  { extends: [resilience.configs.recommended] },
);
`,
  );
  return dir;
}

async function sentinelCallers(dir: string, args: string[]): Promise<string[]> {
  const result = await run(bin(dir, 'eslint'), ['--format', 'json', ...args, 'cached'], { cwd: dir });
  expect(result.code, result.stderr).not.toBe(2);
  return eslintFindings(dir, result.stdout).filter((f) => f.endsWith('resilience/no-sentinel-full-load'));
}

describe('eslint --cache with type information', () => {
  it('keeps a cross-file finding after the other file is fixed; a run without --cache drops it', async () => {
    const dir = project();
    const caller = ['cached/sync.ts:8 resilience/no-sentinel-full-load'];
    expect(await sentinelCallers(dir, ['--cache'])).toEqual(caller);

    writeFileSync(join(dir, 'cached', 'revision-store.ts'), FIXED_STORE);
    expect(await sentinelCallers(dir, ['--cache']), 'stale: sync.ts did not change, so its cached result stands').toEqual(caller);
    expect(await sentinelCallers(dir, []), 'without --cache').toEqual([]);
  });
});
