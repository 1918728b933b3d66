// The incident's own shape across two modules: the storage helper in tests/fixtures/local/
// revision-store.ts returns [0, null] on timeout; the caller here turns 0 into "load every row".
// Only the TypeScript program can connect the two files.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-sentinel-full-load.js';
import '../../rule-tester.js';

const tsconfigRootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

const typed = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' }, tsconfigRootDir },
  },
});

const caller = (load: string) => `import { PrismaClient } from '@prisma/client';
import { latestRevision, revisionCount, type Pool } from './local/revision-store';

const prisma = new PrismaClient();

export async function syncServices(db: Pool) {
  const [rev] = await latestRevision(db, 500);
  if (!rev) {
    return ${load};
  }
  return prisma.service.findMany({ take: 1000 });
}

export async function countServices(db: Pool) {
  const n = await revisionCount(db);
  return n || prisma.service.findMany();
}
`;

typed.run('no-sentinel-full-load (typed, across files)', rule, {
  valid: [
    // The same caller with a bounded load on the sentinel side.
    caller('prisma.service.findMany({ take: 1000 })'),
  ],
  invalid: [
    {
      code: caller('prisma.service.findMany()'),
      errors: [
        {
          messageId: 'timeoutSelectsFullLoad',
          data: {
            call: 'latestRevision()',
            value: '[0, null]',
            line: '11',
            file: ' of revision-store.ts',
            test: '!rev',
            load: 'prisma.service.findMany()',
          },
          line: 8,
          suggestions: [
            { messageId: 'addOption', output: caller('prisma.service.findMany({ take: 100 })') },
            {
              messageId: 'guardCount',
              output: caller(`prisma.service.findMany()`).replace(
                '  if (!rev) {\n    return prisma.service.findMany();',
                "  if (!rev) {\n    if ((await prisma.service.count()) > 100) {\n      throw new RangeError('Refusing to load more than 100 rows at once');\n    }\n    return prisma.service.findMany();",
              ),
            },
            {
              messageId: 'failWhenMissing',
              output: caller('prisma.service.findMany()').replace(
                '  if (!rev) {\n    return prisma.service.findMany();\n  }',
                "  if (!rev) { throw new RangeError('rev is missing: refusing to load every row'); }",
              ),
            },
          ],
        },
      ],
    },
  ],
});
