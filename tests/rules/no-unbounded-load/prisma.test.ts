// Prisma: `findMany` without `take`, on clients, transaction clients and extended clients.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = (limit: number) => prisma.user.findMany({ take: limit });
export const b = () => prisma.user.findMany({ where: { active: true }, take: 50, skip: 100 });
export const c = (id: string) => prisma.user.findUnique({ where: { id } });
export const d = () => prisma.user.findFirst({ where: { active: true } });
export const e = () => prisma.user.count();
export const f = () => prisma.user.aggregate({ _max: { revision: true } });`,
    `// by primary key: at most as many rows as keys
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = (ids: string[]) => prisma.user.findMany({ where: { id: { in: ids } } });
export const b = (id: string) => prisma.user.findMany({ where: { id } });`,
    `// options we cannot see may carry the bound
import { PrismaClient, Prisma } from '@prisma/client';
const prisma = new PrismaClient();
export const a = (args: Prisma.UserFindManyArgs) => prisma.user.findMany(args);
export const b = (paging: { take: number }) => prisma.user.findMany({ ...paging, where: { active: true } });`,
    `// a size guard first
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const MAX = 10_000;
export async function all() {
  const total = await prisma.service.count();
  if (total > MAX) throw new RangeError('too many services');
  return prisma.service.findMany();
}`,
    `// one page per pass of a loop that advances skip
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function each(visit: (s: unknown) => void) {
  let skip = 0;
  for (;;) {
    const page = await prisma.service.findMany({ skip, orderBy: { id: 'asc' } });
    if (page.length === 0) return;
    page.forEach(visit);
    skip += page.length;
  }
}`,
    `// nothing says this is Prisma: a findMany of the user's own
export const list = (repo: { users: { findMany(): Promise<unknown[]> } }) => repo.users.findMany();
class Store { users = new Map(); all() { return this.users.findMany(); } }`,
    `// a client's own methods are not models
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const a = () => prisma.$queryRaw\`SELECT count(*) FROM "User"\`;`,
  ],
  invalid: [
    {
      name: 'the incident: zero means "load all"',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function services(rev: number) {
  return rev === 0
    ? await prisma.service.findMany()
    : await prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.service.findMany()', unit: 'row', bound: '`take`' },
          line: 5,
          column: 28,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function services(rev: number) {
  return rev === 0
    ? await prisma.service.findMany({ take: 100 })
    : await prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'no options: a guard can be added before the statement',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function all() {
  const rows = await prisma.service.findMany();
  return rows;
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.service.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function all() {
  const rows = await prisma.service.findMany({ take: 100 });
  return rows;
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function all() {
  if ((await prisma.service.count()) > 100) {
    throw new RangeError('Refusing to load more than 100 rows at once');
  }
  const rows = await prisma.service.findMany();
  return rows;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a filter without take',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function active() {
  return prisma.user.findMany({ where: { active: true } });
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function active() {
  return prisma.user.findMany({ where: { active: true }, take: 100 });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function active() {
  if ((await prisma.user.count({ where: { active: true } })) > 100) {
    throw new RangeError('Refusing to load more than 100 rows at once');
  }
  return prisma.user.findMany({ where: { active: true } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'multi-line options keep their layout',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function active() {
  return prisma.user.findMany({
    where: { active: true },
    orderBy: { createdAt: 'desc' },
  });
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function active() {
  return prisma.user.findMany({
    where: { active: true },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function active() {
  if ((await prisma.user.count({ where: { active: true } })) > 100) {
    throw new RangeError('Refusing to load more than 100 rows at once');
  }
  return prisma.user.findMany({
    where: { active: true },
    orderBy: { createdAt: 'desc' },
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'options in a const are spread',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const args = { where: { active: true } };
export const load = () => prisma.user.findMany(args);`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const args = { where: { active: true } };
export const load = () => prisma.user.findMany({ ...args, take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'an injected service extending PrismaClient',
      code: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}
  list() {
    return this.prisma.user.findMany({ where: { deletedAt: null } });
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 7,
          column: 29,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}
  list() {
    return this.prisma.user.findMany({ where: { deletedAt: null }, take: 100 });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a transaction client',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const run = () => prisma.$transaction(async (tx) => tx.order.findMany({ where: { paid: false } }));`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'tx.order.findMany()', unit: 'row', bound: '`take`' },
          line: 3,
          column: 69,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const run = () => prisma.$transaction(async (tx) => tx.order.findMany({ where: { paid: false }, take: 100 }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an extended client',
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const xprisma = prisma.$extends({});
export const list = () => xprisma.user.findMany();`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'xprisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 40,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const xprisma = prisma.$extends({});
export const list = () => xprisma.user.findMany({ take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a client imported under a conventional name',
      code: `import { prisma } from '~/db.server';
export const list = () => prisma.note.findMany({ select: { id: true } });`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.note.findMany()', unit: 'row', bound: '`take`' },
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { prisma } from '~/db.server';
export const list = () => prisma.note.findMany({ select: { id: true }, take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'any client in a file importing Prisma',
      code: `import type { Prisma } from '@prisma/client';
export async function list(db: any, where: Prisma.UserWhereInput) {
  return db.user.findMany({ where });
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'db.user.findMany()', unit: 'row', bound: '`take`' },
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import type { Prisma } from '@prisma/client';
export async function list(db: any, where: Prisma.UserWhereInput) {
  return db.user.findMany({ where, take: 100 });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import type { Prisma } from '@prisma/client';
export async function list(db: any, where: Prisma.UserWhereInput) {
  if ((await db.user.count({ where })) > 100) {
    throw new RangeError('Refusing to load more than 100 rows at once');
  }
  return db.user.findMany({ where });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'the constant configured for fixes, in scope',
      code: `import { PrismaClient } from '@prisma/client';
import { PAGE_SIZE } from './limits';
const prisma = new PrismaClient();
export const list = () => prisma.user.findMany({});`,
      options: [{ limitConstant: 'PAGE_SIZE' }],
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'prisma.user.findMany()', unit: 'row', bound: '`take`' },
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { PrismaClient } from '@prisma/client';
import { PAGE_SIZE } from './limits';
const prisma = new PrismaClient();
export const list = () => prisma.user.findMany({ take: PAGE_SIZE });`,
            },
          ],
        },
      ],
    },
  ],
});
