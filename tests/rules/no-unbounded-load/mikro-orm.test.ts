// MikroORM: `em.find`/`findAll`, repositories and query builders without `limit`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const a = (em: EntityManager) => em.find(Book, {}, { limit: 20 });
export const b = (em: EntityManager) => em.findAll(Book, { limit: 20 });
export const c = (em: EntityManager, id: number) => em.findOne(Book, { id });
export const d = (em: EntityManager) => em.count(Book);
export const e = (em: EntityManager, ids: number[]) => em.find(Book, { id: { $in: ids } });
export const f = (em: EntityManager) => em.createQueryBuilder(Book).limit(10).getResultList();`,
    // A project's own data layer named like a repository, in a file that imports MikroORM: its
    // second argument has none of FindOptions' keys, so the call is not MikroORM's find(where, options).
    `const { MikroOrmBaseRepository } = require('@mikro-orm/core');
class ProductCategoryService {
  constructor({ productCategoryRepository }) {
    this.productCategoryRepository_ = productCategoryRepository;
  }
  async list(filters = {}, config = {}, sharedContext = {}) {
    const transformOptions = { includeDescendantsTree: filters?.include_descendants_tree || false };
    return await this.productCategoryRepository_.find(config, transformOptions, sharedContext);
  }
  async tree(config) {
    return await this.productCategoryRepository_.find(config, { includeDescendantsTree: true });
  }
}
module.exports = { ProductCategoryService, MikroOrmBaseRepository };`,
  ],
  invalid: [
    {
      name: 'em.find: the options are the third argument',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export async function byAuthor(em: EntityManager, author: string) {
  const books = await em.find(Book, { author });
  return books;
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'em.find()', unit: 'entity', bound: '`limit`' },
          line: 4,
          column: 26,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export async function byAuthor(em: EntityManager, author: string) {
  const books = await em.find(Book, { author }, { limit: 100 });
  return books;
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export async function byAuthor(em: EntityManager, author: string) {
  if ((await em.count(Book, { author })) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  const books = await em.find(Book, { author });
  return books;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'em.find with options but no limit',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const recent = (em: EntityManager) => em.find(Book, {}, { orderBy: { createdAt: 'desc' } });`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'em.find()', unit: 'entity', bound: '`limit`' },
          line: 3,
          column: 49,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const recent = (em: EntityManager) => em.find(Book, {}, { orderBy: { createdAt: 'desc' }, limit: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'em.findAll',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const all = (em: EntityManager) => em.findAll(Book);`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'em.findAll()', unit: 'entity', bound: '`limit`' },
          line: 3,
          column: 46,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const all = (em: EntityManager) => em.findAll(Book, { limit: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a repository',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
import { InjectRepository } from '@mikro-orm/nestjs';
import { EntityRepository } from '@mikro-orm/postgresql';
export class BookService {
  constructor(@InjectRepository(Book) private readonly books: EntityRepository<Book>) {}
  published() {
    return this.books.find({ published: true });
  }
  all() {
    return this.books.findAll();
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.books.find()', unit: 'entity', bound: '`limit`' },
          line: 8,
          column: 23,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
import { InjectRepository } from '@mikro-orm/nestjs';
import { EntityRepository } from '@mikro-orm/postgresql';
export class BookService {
  constructor(@InjectRepository(Book) private readonly books: EntityRepository<Book>) {}
  published() {
    return this.books.find({ published: true }, { limit: 100 });
  }
  all() {
    return this.books.findAll();
  }
}`,
            },
          ],
        },
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.books.findAll()', unit: 'entity', bound: '`limit`' },
          line: 11,
          column: 23,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
import { InjectRepository } from '@mikro-orm/nestjs';
import { EntityRepository } from '@mikro-orm/postgresql';
export class BookService {
  constructor(@InjectRepository(Book) private readonly books: EntityRepository<Book>) {}
  published() {
    return this.books.find({ published: true });
  }
  all() {
    return this.books.findAll({ limit: 100 });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a repository known by its name, with FindOptions but no limit',
      code: `const { wrap } = require('@mikro-orm/core');
class CategoryService {
  constructor({ categoryRepository }) {
    this.categoryRepository = categoryRepository;
  }
  roots() {
    return this.categoryRepository.find({ parent: null }, { populate: ['children'] });
  }
}
module.exports = { CategoryService, wrap };`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.categoryRepository.find()', unit: 'entity', bound: '`limit`' },
          line: 7,
          column: 36,
          suggestions: [
            {
              messageId: 'addOption',
              output: `const { wrap } = require('@mikro-orm/core');
class CategoryService {
  constructor({ categoryRepository }) {
    this.categoryRepository = categoryRepository;
  }
  roots() {
    return this.categoryRepository.find({ parent: null }, { populate: ['children'], limit: 100 });
  }
}
module.exports = { CategoryService, wrap };`,
            },
          ],
        },
      ],
    },
    {
      name: 'a query builder',
      code: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const list = (em: EntityManager) => em.createQueryBuilder(Book).where({ published: true }).getResultList();`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: { construct: 'em.createQueryBuilder().where().getResultList()', unit: 'entity', bound: '`.limit()`', fix: 'limit' },
          line: 3,
          column: 99,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { EntityManager } from '@mikro-orm/postgresql';
import { Book } from './book.entity';
export const list = (em: EntityManager) => em.createQueryBuilder(Book).where({ published: true }).limit(100).getResultList();`,
            },
          ],
        },
      ],
    },
  ],
});
