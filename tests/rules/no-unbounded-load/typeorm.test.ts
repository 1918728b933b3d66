// TypeORM: repositories, active records, the entity manager and query builders without `take`/`limit`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export class S {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  a(limit: number) { return this.users.find({ where: { active: true }, take: limit }); }
  b(id: string) { return this.users.findOne({ where: { id } }); }
  c(id: string) { return this.users.findOneBy({ id }); }
  d() { return this.users.count(); }
  e(ids: string[]) { return this.users.findBy({ id: In(ids) }); }
  f(id: string) { return this.users.find({ where: { id } }); }
  g() { return this.users.createQueryBuilder('u').take(10).getMany(); }
  h() { return this.users.createQueryBuilder('u').where('u.active').getOne(); }
  i() { return this.users.createQueryBuilder('u').getCount(); }
  j(ids: string[]) { return this.users.createQueryBuilder('u').whereInIds(ids).getMany(); }
  k(ids: string[]) { return this.users.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany(); }
  l() { return this.users.createQueryBuilder('u').limit(5).getRawMany(); }
}`,
    `// Vendure's settings store: one key condition per pair the caller passes, joined with OR
import { Repository } from 'typeorm';
export async function entries(repo: Repository<object>, keys: string[]) {
  const queries = [];
  for (const key of keys) queries.push({ key, scope: '' });
  const qb = repo.createQueryBuilder('entry');
  const orConditions = queries.map((q, index) => \`(entry.key = :key\${index} AND entry.scope = :scope\${index})\`).join(' OR ');
  if (orConditions) qb.where(orConditions);
  return qb.getMany();
}`,
    `// a builder handed to a helper we cannot see
import { Repository } from 'typeorm';
import { paginate } from './paginate';
export async function b(repo: Repository<object>) {
  const qb = repo.createQueryBuilder('u');
  paginate(qb);
  return qb.getMany();
}`,
    `// a repository of the user's own, not TypeORM's
import { UsersRepository } from './users.repository';
export class S {
  constructor(private readonly usersRepository: UsersRepository) {}
  all() { return this.usersRepository.find(); }
}`,
    `// manager.find with options we cannot see
import { EntityManager } from 'typeorm';
export const a = (m: EntityManager, options: object) => m.find('User', options);`,
    `// no evidence of TypeORM at all
export const a = (userRepository: { find(): unknown }) => userRepository.find();`,
  ],
  invalid: [
    {
      name: 'a builder bounded on one branch only',
      code: `import { Repository } from 'typeorm';
export async function a(repo: Repository<object>, size?: number) {
  const qb = repo.createQueryBuilder('u');
  if (size) qb.take(size);
  return qb.getMany();
}`,
      errors: [
        {
          messageId: 'boundOnSomePaths',
          data: { construct: 'repo.createQueryBuilder().getMany()', unit: 'entity', test: 'size', when: 'false', bound: 'take' },
          line: 5,
          column: 13,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an injected repository',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  async active() {
    const rows = await this.users.find({ where: { active: true } });
    return rows;
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.users.find()', unit: 'entity', bound: '`take`' },
          line: 9,
          column: 35,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  async active() {
    const rows = await this.users.find({ where: { active: true }, take: 100 });
    return rows;
  }
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  async active() {
    if ((await this.users.count({ where: { active: true } })) > 100) {
      throw new RangeError('Refusing to load more than 100 entities at once');
    }
    const rows = await this.users.find({ where: { active: true } });
    return rows;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'find with no options',
      code: `import { DataSource } from 'typeorm';
import { User } from './user.entity';
const dataSource = new DataSource({ type: 'postgres' });
export const all = () => dataSource.getRepository(User).find();`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'dataSource.getRepository(User).find()', unit: 'entity', bound: '`take`' },
          line: 4,
          column: 57,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { DataSource } from 'typeorm';
import { User } from './user.entity';
const dataSource = new DataSource({ type: 'postgres' });
export const all = () => dataSource.getRepository(User).find({ take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      // The message cuts a long receiver, not the method it is about.
      name: 'find on a long receiver',
      code: `import { DataSource } from 'typeorm';
import { ProductVariantTranslation } from './product-variant-translation.entity';
const dataSource = new DataSource({ type: 'postgres' });
export const all = () => dataSource.getRepository(ProductVariantTranslation).find();`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'dataSource.getRepository(ProductVariantTrans….find()', unit: 'entity', bound: '`take`' },
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { DataSource } from 'typeorm';
import { ProductVariantTranslation } from './product-variant-translation.entity';
const dataSource = new DataSource({ type: 'postgres' });
export const all = () => dataSource.getRepository(ProductVariantTranslation).find({ take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'findBy takes no bound: rewrite as find',
      code: `import { DataSource } from 'typeorm';
import { Order } from './order.entity';
export async function unpaid(dataSource: DataSource, customerId: string) {
  const orders = await dataSource.getRepository(Order).findBy({ customerId, paid: false });
  return orders;
}`,
      errors: [
        {
          messageId: 'unboundedFilterCall',
          data: { construct: 'dataSource.getRepository(Order).findBy()', unit: 'entity', to: 'find', bound: 'take' },
          line: 4,
          column: 56,
          suggestions: [
            {
              messageId: 'useFind',
              output: `import { DataSource } from 'typeorm';
import { Order } from './order.entity';
export async function unpaid(dataSource: DataSource, customerId: string) {
  const orders = await dataSource.getRepository(Order).find({ where: { customerId, paid: false }, take: 100 });
  return orders;
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { DataSource } from 'typeorm';
import { Order } from './order.entity';
export async function unpaid(dataSource: DataSource, customerId: string) {
  if ((await dataSource.getRepository(Order).countBy({ customerId, paid: false })) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  const orders = await dataSource.getRepository(Order).findBy({ customerId, paid: false });
  return orders;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'findAndCount',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export async function page(users: Repository<User>) {
  const [rows, total] = await users.findAndCount({ order: { createdAt: 'DESC' } });
  return { rows, total };
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'users.findAndCount()', unit: 'entity', bound: '`take`' },
          line: 6,
          column: 37,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export async function page(users: Repository<User>) {
  const [rows, total] = await users.findAndCount({ order: { createdAt: 'DESC' }, take: 100 });
  return { rows, total };
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export async function page(users: Repository<User>) {
  if ((await users.count()) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  const [rows, total] = await users.findAndCount({ order: { createdAt: 'DESC' } });
  return { rows, total };
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'the entity manager: the options are the second argument',
      code: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  return manager.find(Order);
}
export async function byStatus(manager: EntityManager, status: string) {
  return manager.find(Order, { where: { status } });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  return manager.findBy(Order, { customerId });
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'manager.find()', unit: 'entity', bound: '`take`' },
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  return manager.find(Order, { take: 100 });
}
export async function byStatus(manager: EntityManager, status: string) {
  return manager.find(Order, { where: { status } });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  return manager.findBy(Order, { customerId });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  if ((await manager.count(Order)) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  return manager.find(Order);
}
export async function byStatus(manager: EntityManager, status: string) {
  return manager.find(Order, { where: { status } });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  return manager.findBy(Order, { customerId });
}`,
            },
          ],
        },
        {
          messageId: 'unboundedCall',
          data: { construct: 'manager.find()', unit: 'entity', bound: '`take`' },
          line: 7,
          column: 18,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  return manager.find(Order);
}
export async function byStatus(manager: EntityManager, status: string) {
  return manager.find(Order, { where: { status }, take: 100 });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  return manager.findBy(Order, { customerId });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  return manager.find(Order);
}
export async function byStatus(manager: EntityManager, status: string) {
  if ((await manager.count(Order, { where: { status } })) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  return manager.find(Order, { where: { status } });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  return manager.findBy(Order, { customerId });
}`,
            },
          ],
        },
        {
          messageId: 'unboundedFilterCall',
          data: { construct: 'manager.findBy()', unit: 'entity', to: 'find', bound: 'take' },
          line: 10,
          column: 18,
          suggestions: [
            {
              messageId: 'useFind',
              output: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  return manager.find(Order);
}
export async function byStatus(manager: EntityManager, status: string) {
  return manager.find(Order, { where: { status } });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  return manager.find(Order, { where: { customerId }, take: 100 });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { EntityManager } from 'typeorm';
import { Order } from './order.entity';
export async function open(manager: EntityManager) {
  return manager.find(Order);
}
export async function byStatus(manager: EntityManager, status: string) {
  return manager.find(Order, { where: { status } });
}
export async function byCustomer(manager: EntityManager, customerId: string) {
  if ((await manager.countBy(Order, { customerId })) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  return manager.findBy(Order, { customerId });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a transaction manager',
      code: `import { DataSource } from 'typeorm';
import { Job } from './job.entity';
export const pending = (ds: DataSource) => ds.transaction(async (manager) => manager.find(Job, { where: { done: false } }));`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'manager.find()', unit: 'entity', bound: '`take`' },
          line: 3,
          column: 86,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { DataSource } from 'typeorm';
import { Job } from './job.entity';
export const pending = (ds: DataSource) => ds.transaction(async (manager) => manager.find(Job, { where: { done: false }, take: 100 }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a query builder',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export class Repo {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}
  active() {
    return this.repo.createQueryBuilder('u').where('u.active = :a', { a: true }).orderBy('u.id').getMany();
  }
  raw() {
    return this.repo.createQueryBuilder('u').select('u.email').getRawMany();
  }
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: {
            construct: 'this.repo.createQueryBuilder().where().orderBy().getMany()',
            unit: 'entity',
            bound: '`.take()` or `.limit()`',
            fix: 'take',
          },
          line: 8,
          column: 98,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export class Repo {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}
  active() {
    return this.repo.createQueryBuilder('u').where('u.active = :a', { a: true }).orderBy('u.id').take(100).getMany();
  }
  raw() {
    return this.repo.createQueryBuilder('u').select('u.email').getRawMany();
  }
}`,
            },
          ],
        },
        {
          messageId: 'unboundedChain',
          data: {
            construct: 'this.repo.createQueryBuilder().select().getRawMany()',
            unit: 'entity',
            bound: '`.take()` or `.limit()`',
            fix: 'take',
          },
          line: 11,
          column: 64,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export class Repo {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}
  active() {
    return this.repo.createQueryBuilder('u').where('u.active = :a', { a: true }).orderBy('u.id').getMany();
  }
  raw() {
    return this.repo.createQueryBuilder('u').select('u.email').take(100).getRawMany();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a query builder kept in a variable',
      code: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export async function search(repo: Repository<User>, name?: string) {
  const qb = repo.createQueryBuilder('u');
  if (name) qb.andWhere('u.name ILIKE :name', { name });
  const [rows, total] = await qb.getManyAndCount();
  return { rows, total };
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          data: {
            construct: 'repo.createQueryBuilder().andWhere().getManyAndCount()',
            unit: 'entity',
            bound: '`.take()` or `.limit()`',
            fix: 'take',
          },
          line: 8,
          column: 34,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, In } from 'typeorm';
import { User } from './user.entity';
export async function search(repo: Repository<User>, name?: string) {
  const qb = repo.createQueryBuilder('u');
  if (name) qb.andWhere('u.name ILIKE :name', { name });
  const [rows, total] = await qb.take(100).getManyAndCount();
  return { rows, total };
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a custom repository extending Repository',
      code: `import { Repository } from 'typeorm';
import { User } from './user.entity';
export class UserRepository extends Repository<User> {
  admins() {
    return this.find({ where: { role: 'admin' } });
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.find()', unit: 'entity', bound: '`take`' },
          line: 5,
          column: 17,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Repository } from 'typeorm';
import { User } from './user.entity';
export class UserRepository extends Repository<User> {
  admins() {
    return this.find({ where: { role: 'admin' }, take: 100 });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wrapper named like getRepository, in a file importing TypeORM',
      code: `import { IsNull } from 'typeorm';
export class OrderService {
  constructor(private connection: any) {}
  all(ctx: unknown) {
    return this.connection.getRepository(ctx, 'Order').find({ where: { deletedAt: IsNull() } });
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: "this.connection.getRepository(ctx, 'Order').find()", unit: 'entity', bound: '`take`' },
          line: 5,
          column: 56,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { IsNull } from 'typeorm';
export class OrderService {
  constructor(private connection: any) {}
  all(ctx: unknown) {
    return this.connection.getRepository(ctx, 'Order').find({ where: { deletedAt: IsNull() }, take: 100 });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'active record: a class extending BaseEntity',
      code: `import { BaseEntity, Entity } from 'typeorm';
@Entity()
export class Tag extends BaseEntity {
  static all() {
    return this.find();
  }
}
export const byColor = (color: string) => Tag.findBy({ color });`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.find()', unit: 'entity', bound: '`take`' },
          line: 5,
          column: 17,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { BaseEntity, Entity } from 'typeorm';
@Entity()
export class Tag extends BaseEntity {
  static all() {
    return this.find({ take: 100 });
  }
}
export const byColor = (color: string) => Tag.findBy({ color });`,
            },
          ],
        },
        {
          messageId: 'unboundedFilterCall',
          data: { construct: 'Tag.findBy()', unit: 'entity', to: 'find', bound: 'take' },
          line: 8,
          column: 47,
          suggestions: [
            {
              messageId: 'useFind',
              output: `import { BaseEntity, Entity } from 'typeorm';
@Entity()
export class Tag extends BaseEntity {
  static all() {
    return this.find();
  }
}
export const byColor = (color: string) => Tag.find({ where: { color }, take: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'compiled CommonJS',
      code: `"use strict";
const typeorm_1 = require("typeorm");
const user_1 = require("./user");
async function all() {
    return (0, typeorm_1.getRepository)(user_1.User).find({ relations: ['roles'] });
}
exports.all = all;`,
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: '(0, typeorm_1.getRepository)(user_1.User).find()', unit: 'entity', bound: '`take`' },
          line: 5,
          column: 54,
          suggestions: [
            {
              messageId: 'addOption',
              output: `"use strict";
const typeorm_1 = require("typeorm");
const user_1 = require("./user");
async function all() {
    return (0, typeorm_1.getRepository)(user_1.User).find({ relations: ['roles'], take: 100 });
}
exports.all = all;`,
            },
          ],
        },
      ],
    },
    {
      name: "OR-joined conditions per element of the caller's list that are not on a key",
      code: `import { Repository } from 'typeorm';
export async function byStatus(repo: Repository<object>, statuses: string[]) {
  const conditions = statuses.map((s, i) => \`(o.status = :status\${i})\`).join(' OR ');
  return repo.createQueryBuilder('o').where(conditions).getMany();
}`,
      errors: [
        {
          messageId: 'unboundedChain',
          line: 4,
          column: 57,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import { Repository } from 'typeorm';
export async function byStatus(repo: Repository<object>, statuses: string[]) {
  const conditions = statuses.map((s, i) => \`(o.status = :status\${i})\`).join(' OR ');
  return repo.createQueryBuilder('o').where(conditions).take(100).getMany();
}`,
            },
          ],
        },
      ],
    },
  ],
});
