// With type information (parserOptions.projectService), receivers are recognised by their declared
// types: a library type is a receiver whatever it is called, and a known type of the application's
// own is not, whatever it is called. Fixtures: tests/fixtures (small .d.ts stand-ins for the libraries).
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-unbounded-load.js';
import '../../rule-tester.js';

const tsconfigRootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

const typed = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' }, tsconfigRootDir },
  },
});

typed.run('no-unbounded-load (typed)', rule, {
  valid: [
    `// named like a Redis client, typed as the application's own cache
import { redis } from './local/cache';
export const a = () => redis.keys('session:');`,
    `// a repository of the application's own
import { AuditRepository } from './local/users.repository';
export const a = (audit: AuditRepository) => audit.find();`,
    `import { getDb } from './local/db';
export const a = () => getDb().user.findMany({ take: 10 });`,
    {
      code: `// without types, nothing in this file says getDb() is Prisma
import { getDb } from './local/db';
export const a = () => getDb().user.findMany();`,
      options: [{ useTypeInformation: false }],
    },
    {
      code: `// without types, nothing in this file says what the client is
import { warehouse } from './local/warehouse';
export const a = async () => await warehouse('orders').where({ status: 'open' });`,
      options: [{ useTypeInformation: false }],
    },
    `// a union with a type of the application's own stays unknown: not reported
import { AuditRepository } from './local/users.repository';
export const a = (r: AuditRepository | undefined) => r?.find();`,
  ],
  invalid: [
    {
      code: `// without types, the naming convention decides
import { redis } from './local/cache';
export const a = () => redis.keys('session:');`,
      options: [{ useTypeInformation: false }],
      errors: [{ messageId: 'redisKeys', data: { construct: 'redis.keys()' }, line: 3, column: 30 }],
    },
    {
      code: `// a custom repository: TypeORM's Repository is its base type
import { UsersRepository } from './local/users.repository';
export class UsersService {
  constructor(private readonly users: UsersRepository) {}
  all() {
    return this.users.find();
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.users.find()', unit: 'entity', bound: '`take`' },
          line: 6,
          column: 23,
          suggestions: [
            {
              messageId: 'addOption',
              output: `// a custom repository: TypeORM's Repository is its base type
import { UsersRepository } from './local/users.repository';
export class UsersService {
  constructor(private readonly users: UsersRepository) {}
  all() {
    return this.users.find({ take: 100 });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `// a Redis client returned by a helper
import { getRedis } from './local/db';
export const a = (key: string) => getRedis().smembers(key);`,
      errors: [
        {
          messageId: 'redisWhole',
          data: { construct: 'getRedis().smembers()', shape: 'set', size: 'SCARD', scan: 'SSCAN' },
          line: 3,
          column: 46,
        },
      ],
    },
    {
      code: `// a typed MongoDB collection behind an alias
import type { Collection } from 'mongodb';
type Events = Collection<{ at: Date }>;
export const a = (events: Events) => events.find({}).toArray();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'events.find().toArray()', unit: 'document', bound: '`.limit()`', fix: 'limit' },
          line: 4,
          column: 54,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `// a typed MongoDB collection behind an alias
import type { Collection } from 'mongodb';
type Events = Collection<{ at: Date }>;
export const a = (events: Events) => events.find({}).limit(100).toArray();`,
            },
          ],
        },
      ],
    },
    {
      code: `// a Prisma delegate, known only by its type
import { getDb } from './local/db';
export const a = () => getDb().user.findMany();`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'getDb().user.findMany()', unit: 'row', bound: '`take`' },
          line: 3,
          column: 37,
          suggestions: [
            {
              messageId: 'addOption',
              output: `// a Prisma delegate, known only by its type
import { getDb } from './local/db';
export const a = () => getDb().user.findMany({ take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      // Only the type, declared in another file, says what the client is.
      code: `// an awaited builder known only by its type
import { warehouse } from './local/warehouse';
export const a = async () => await warehouse('orders').where({ status: 'open' });`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: "warehouse('orders').where()", unit: 'row', bound: '`.limit()` or `.first()`', fix: 'limit' },
          line: 3,
          column: 36,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `// an awaited builder known only by its type
import { warehouse } from './local/warehouse';
export const a = async () => await warehouse('orders').where({ status: 'open' }).limit(100);`,
            },
          ],
        },
      ],
    },
  ],
});
