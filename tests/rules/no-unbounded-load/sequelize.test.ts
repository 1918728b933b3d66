// Sequelize: `findAll`/`findAndCountAll` without `limit`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `import { Model } from 'sequelize';
export class User extends Model {}
export const a = (limit: number) => User.findAll({ limit });
export const b = (id: number) => User.findByPk(id);
export const c = () => User.findOne({ where: { email: 'a@b.c' } });
export const d = () => User.count();
export const e = (ids: number[]) => User.findAll({ where: { id: ids } });
export const f = (options: object) => User.findAll(options);`,
    `// a service of the user's own in a file importing Sequelize
import { Op } from 'sequelize';
export const a = (userService: { findAll(): unknown }) => userService.findAll();`,
    `// no evidence of Sequelize
import { User } from './models';
export const a = () => User.findAll();`,
    `// a key the rule cannot read may be the primary key
import { Model } from 'sequelize';
export class Tag extends Model {}
export const a = (pk: string, ids: number[]) => Tag.findAll({ where: { [pk]: ids } });`,
    `// nocobase's BelongsToArray eager load: the target's own key against keys held in the parent rows,
// in a \`let\` given a second value that keeps it (every value it is given filters by keys)
import { Model, Op } from 'sequelize';
export class Tag extends Model {}
export async function load(association, parents, scope) {
  const targetKey = association.targetKey;
  let where = { [targetKey]: parents.map((p) => p.get(association.foreignKey)) };
  if (scope) {
    where = { [Op.and]: [where, scope] };
  }
  const findOptions = { where, attributes: ['id'] };
  return Tag.findAll(findOptions);
}`,
  ],
  invalid: [
    {
      name: 'a model class',
      code: `import { Model, Op } from 'sequelize';
export class User extends Model {}
export async function recent(since: Date) {
  const users = await User.findAll({ where: { createdAt: { [Op.gt]: since } }, order: [['createdAt', 'DESC']] });
  return users;
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'User.findAll()', unit: 'row', bound: '`limit`' },
          line: 4,
          column: 28,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Model, Op } from 'sequelize';
export class User extends Model {}
export async function recent(since: Date) {
  const users = await User.findAll({ where: { createdAt: { [Op.gt]: since } }, order: [['createdAt', 'DESC']], limit: 100 });
  return users;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an imported model in a file importing Sequelize',
      code: `import { Op } from 'sequelize';
import { Order } from '../models';
export const unpaid = () => Order.findAndCountAll({ where: { paid: false } });`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'Order.findAndCountAll()', unit: 'row', bound: '`limit`' },
          line: 3,
          column: 35,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Op } from 'sequelize';
import { Order } from '../models';
export const unpaid = () => Order.findAndCountAll({ where: { paid: false }, limit: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'no options at all',
      code: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const all = () => sequelize.models.Tag.findAll();`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'sequelize.models.Tag.findAll()', unit: 'row', bound: '`limit`' },
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const all = () => sequelize.models.Tag.findAll({ limit: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a model injected by its conventional name',
      code: `import { InjectModel } from '@nestjs/sequelize';
import { User } from './user.model';
export class UsersService {
  constructor(@InjectModel(User) private userModel: typeof User) {}
  findAll() {
    return this.userModel.findAll();
  }
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'this.userModel.findAll()', unit: 'row', bound: '`limit`' },
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { InjectModel } from '@nestjs/sequelize';
import { User } from './user.model';
export class UsersService {
  constructor(@InjectModel(User) private userModel: typeof User) {}
  findAll() {
    return this.userModel.findAll({ limit: 100 });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Issue 21, item 4: a caller's list of foreign keys loads every row of those parents.
      name: "a foreign key against the parents' keys, in a let given a second value",
      code: `import { Model, Op } from 'sequelize';
export class Comment extends Model {}
export async function load(association, parents, scope) {
  const foreignKey = association.foreignKey;
  let where = { [foreignKey]: parents.map((p) => p.id) };
  if (scope) where = { [Op.and]: [where, scope] };
  return Comment.findAll({ where });
}`,
      errors: [
        {
          messageId: 'unboundedCall',
          data: { construct: 'Comment.findAll()', unit: 'row', bound: '`limit`' },
          line: 7,
          column: 18,
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { Model, Op } from 'sequelize';
export class Comment extends Model {}
export async function load(association, parents, scope) {
  const foreignKey = association.foreignKey;
  let where = { [foreignKey]: parents.map((p) => p.id) };
  if (scope) where = { [Op.and]: [where, scope] };
  return Comment.findAll({ where, limit: 100 });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { Model, Op } from 'sequelize';
export class Comment extends Model {}
export async function load(association, parents, scope) {
  const foreignKey = association.foreignKey;
  let where = { [foreignKey]: parents.map((p) => p.id) };
  if (scope) where = { [Op.and]: [where, scope] };
  if ((await Comment.count({ where })) > 100) {
    throw new RangeError('Refusing to load more than 100 rows at once');
  }
  return Comment.findAll({ where });
}`,
            },
          ],
        },
      ],
    },
  ],
});
