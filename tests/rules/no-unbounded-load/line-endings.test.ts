// Lines a suggestion inserts end as the file's lines do (issue 24, item 6): a size guard, a
// property on its own line, in a file with CRLF line endings, end in CRLF. And ` LIMIT n` never
// goes after a MySQL `#` comment, which would comment it out.
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const crlf = (lines: string[]) => lines.join('\r\n');

runRuleTests('no-unbounded-load', rule, {
  valid: [],
  invalid: [
    {
      code: crlf([
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'export async function list(orgId: string) {',
        '  const users = await prisma.user.findMany({',
        '    where: { orgId },',
        '  });',
        '  return users;',
        '}',
        '',
      ]),
      errors: [
        {
          messageId: 'unboundedCall',
          suggestions: [
            {
              messageId: 'addOption',
              data: { text: 'take: 100' },
              output: crlf([
                "import { PrismaClient } from '@prisma/client';",
                'const prisma = new PrismaClient();',
                'export async function list(orgId: string) {',
                '  const users = await prisma.user.findMany({',
                '    where: { orgId },',
                '    take: 100,',
                '  });',
                '  return users;',
                '}',
                '',
              ]),
            },
            {
              messageId: 'guardCount',
              data: { limit: '100', method: 'count', error: 'RangeError', units: 'rows' },
              output: crlf([
                "import { PrismaClient } from '@prisma/client';",
                'const prisma = new PrismaClient();',
                'export async function list(orgId: string) {',
                '  if ((await prisma.user.count({ where: { orgId } })) > 100) {',
                "    throw new RangeError('Refusing to load more than 100 rows at once');",
                '  }',
                '  const users = await prisma.user.findMany({',
                '    where: { orgId },',
                '  });',
                '  return users;',
                '}',
                '',
              ]),
            },
          ],
        },
      ],
    },
    {
      // After a `--` comment (every dialect's), ` LIMIT n` goes before it.
      code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport const rows = await pool.query('SELECT * FROM users -- every user');\n",
      errors: [
        {
          messageId: 'unboundedSql',
          suggestions: [
            {
              messageId: 'appendLimit',
              data: { limit: '100' },
              output:
                "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport const rows = await pool.query('SELECT * FROM users LIMIT 100 -- every user');\n",
            },
          ],
        },
      ],
    },
    {
      // After a `#` (MySQL's comment, PostgreSQL's XOR), no place is safe: reported, no suggestion.
      code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({});\nexport const rows = await pool.query('SELECT * FROM users # every user');\n",
      errors: [{ messageId: 'unboundedSql', suggestions: [] }],
    },
  ],
});
