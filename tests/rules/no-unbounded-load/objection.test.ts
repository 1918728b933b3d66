// Objection.js: model queries (`Person.query()`, `Person.relatedQuery()`) and relation queries
// (`person.$relatedQuery()`) executed (awaited, `then`, `execute`) without `.limit()`/`.page()`/`.range()`/`.first()`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const BOUND = '`.limit()`, `.page()`, `.range()` or `.first()`';

/** The report of an unbounded Objection query, and its one suggestion's output. */
function unbounded(construct: string, line: number, column: number, output: string) {
  return {
    messageId: 'unboundedChain' as const,
    data: { construct, unit: 'row', bound: BOUND, fix: 'limit' },
    line,
    column,
    suggestions: [{ messageId: 'addMethod' as const, output }],
  };
}

const PERSON = `import { Model } from 'objection';
export class Person extends Model {
  static tableName = 'persons';
}
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// every bound, a single row, the caller's keys, writes and counts
${PERSON}export const a = async () => Person.query().where('age', '>', 18).limit(50);
export const b = async (page: number) => Person.query().orderBy('name').page(page, 20);
export const c = async () => Person.query().range(0, 99);
export const d = async () => Person.query().orderBy('createdAt', 'desc').first();
export const e = async (id: number) => Person.query().findById(id).withGraphFetched('pets');
export const f = async (email: string) => Person.query().findOne({ email });
export const g = async (ids: number[]) => Person.query().findByIds(ids);
export const h = async () => Person.query().where('age', '>', 18).resultSize();
export const i = async () => Person.query().count('id as n');
export const j = async () => Person.query().insert({ name: 'Jennifer' });
export const k = async (id: number) => Person.query().patch({ active: false }).where('lastLogin', '<', new Date());
export const l = async () => Person.query().delete().where('active', false);
export const m = async (id: number) => Person.query().where('id', id);
export const n = async (ids: number[]) => Person.query().whereIn('id', ids);
export const o = async (person: Person) => person.$relatedQuery('pets').limit(10);
export const p = async (person: Person, petId: number) => person.$relatedQuery('pets').relate(petId);
export const q = async (person: Person) => person.$query();
export const r = async (id: number) => Person.relatedQuery('pets').for(id).insert({ name: 'Fluffy' });`,
    `// a builder returned from a non-async function, for the caller to bound
${PERSON}export function adults() { return Person.query().where('age', '>', 18); }`,
    `// a small table, by the model's name
import { Model } from 'objection';
class Role extends Model {}
export const roles = async () => Role.query();`,
    `// a class named Model that is not Objection's
import { Model } from './orm';
export class Person extends Model {}
export const all = async () => Person.query();`,
    `// a local class of the same name
class Model { static query() { return Promise.resolve([]); } }
export class Person extends Model {}
export const all = async () => Person.query();`,
    `// no evidence of Objection: a model imported into a file that does not import it
import { Person } from './models/person';
export const all = async () => Person.query().where('active', true);`,
    `// a query() of something else in a file importing Objection
import { raw } from 'objection';
export const a = async (pool: { query(sql: string): Promise<unknown[]> }) => pool.query('SELECT 1');
export const b = async (client: any) => client.query({ query: raw('now()') });`,
    {
      code: `// CommonJS: bounded
const { Model } = require('objection');
class Person extends Model {
  static get tableName() { return 'persons'; }
}
exports.page = async (n) => Person.query().page(n, 50);
exports.one = (id) => Person.query().findById(id).then((p) => p.name);`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      name: 'a model with no bound at all',
      code: `${PERSON}export async function all() {
  return Person.query();
}`,
      errors: [
        unbounded(
          'Person.query()',
          6,
          17,
          `${PERSON}export async function all() {
  return Person.query().limit(100);
}`,
        ),
      ],
    },
    {
      name: 'awaited where chains, with eager loading',
      code: `${PERSON}export async function adults() {
  const people = await Person.query().where('age', '>', 18).withGraphFetched('pets').orderBy('name');
  return people;
}`,
      errors: [
        unbounded(
          'Person.query().where().withGraphFetched().orderBy()',
          6,
          31,
          `${PERSON}export async function adults() {
  const people = await Person.query().where('age', '>', 18).withGraphFetched('pets').orderBy('name').limit(100);
  return people;
}`,
        ),
      ],
    },
    {
      name: 'then and execute',
      code: `${PERSON}export const count = () => Person.query().where('active', true).then((people) => people.length);
export const run = () => Person.query().where('active', true).execute();`,
      errors: [
        unbounded(
          'Person.query().where()',
          5,
          35,
          `${PERSON}export const count = () => Person.query().where('active', true).limit(100).then((people) => people.length);
export const run = () => Person.query().where('active', true).execute();`,
        ),
        {
          messageId: 'unboundedChain',
          data: { construct: 'Person.query().where().execute()', unit: 'row', bound: BOUND, fix: 'limit' },
          line: 6,
          column: 63,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `${PERSON}export const count = () => Person.query().where('active', true).then((people) => people.length);
export const run = () => Person.query().where('active', true).limit(100).execute();`,
            },
          ],
        },
      ],
    },
    {
      // `$relatedQuery` is Objection's alone: reported whatever the receiver, with or without an import.
      name: '$relatedQuery without a bound',
      code: `export async function dogs(person) {
  return await person.$relatedQuery('pets').where('species', 'dog');
}`,
      errors: [
        unbounded(
          'person.$relatedQuery().where()',
          2,
          23,
          `export async function dogs(person) {
  return await person.$relatedQuery('pets').where('species', 'dog').limit(100);
}`,
        ),
      ],
    },
    {
      name: 'queries in the model itself: this.$relatedQuery and a static this.query',
      code: `import { Model } from 'objection';
export class Person extends Model {
  async pets() { return this.$relatedQuery('pets'); }
  static async active() { return this.query().where('active', true); }
}`,
      errors: [
        unbounded(
          'this.$relatedQuery()',
          3,
          30,
          `import { Model } from 'objection';
export class Person extends Model {
  async pets() { return this.$relatedQuery('pets').limit(100); }
  static async active() { return this.query().where('active', true); }
}`,
        ),
        unbounded(
          'this.query().where()',
          4,
          39,
          `import { Model } from 'objection';
export class Person extends Model {
  async pets() { return this.$relatedQuery('pets'); }
  static async active() { return this.query().where('active', true).limit(100); }
}`,
        ),
      ],
    },
    {
      name: 'the static relatedQuery',
      code: `${PERSON}export const pets = async (ownerId: number) => Person.relatedQuery('pets').for(ownerId);`,
      errors: [
        unbounded(
          'Person.relatedQuery().for()',
          5,
          55,
          `${PERSON}export const pets = async (ownerId: number) => Person.relatedQuery('pets').for(ownerId).limit(100);`,
        ),
      ],
    },
    {
      // Without types, a model from another file is known by its class-like name in a file importing Objection.
      name: 'a model imported from a local file, in a file importing Objection',
      code: `import { raw } from 'objection';
import { Animal } from './models/animal';
export const byAge = async () => Animal.query().orderBy(raw('age desc'));`,
      errors: [
        unbounded(
          'Animal.query().orderBy()',
          3,
          41,
          `import { raw } from 'objection';
import { Animal } from './models/animal';
export const byAge = async () => Animal.query().orderBy(raw('age desc')).limit(100);`,
        ),
      ],
    },
    {
      name: 'injected, annotated and bound models',
      code: `import type { ModelClass } from 'objection';
import { InjectModel } from 'nestjs-objection';
import { Person } from './person.model';
export class PeopleService {
  constructor(
    @InjectModel(Person) private readonly people: typeof Person,
    private readonly archive: ModelClass<Person>,
  ) {}
  async all() { return this.people.query(); }
  async archived() { return this.archive.query().select('*'); }
}`,
      errors: [
        unbounded(
          'this.people.query()',
          9,
          36,
          `import type { ModelClass } from 'objection';
import { InjectModel } from 'nestjs-objection';
import { Person } from './person.model';
export class PeopleService {
  constructor(
    @InjectModel(Person) private readonly people: typeof Person,
    private readonly archive: ModelClass<Person>,
  ) {}
  async all() { return this.people.query().limit(100); }
  async archived() { return this.archive.query().select('*'); }
}`,
        ),
        unbounded(
          'this.archive.query().select()',
          10,
          42,
          `import type { ModelClass } from 'objection';
import { InjectModel } from 'nestjs-objection';
import { Person } from './person.model';
export class PeopleService {
  constructor(
    @InjectModel(Person) private readonly people: typeof Person,
    private readonly archive: ModelClass<Person>,
  ) {}
  async all() { return this.people.query(); }
  async archived() { return this.archive.query().select('*').limit(100); }
}`,
        ),
      ],
    },
    {
      name: 'a model bound to a transaction',
      code: `${PERSON}export const inTrx = async (trx: unknown) => {
  const BoundPerson = Person.bindKnex(trx);
  return BoundPerson.query().where('active', true);
};`,
      errors: [
        unbounded(
          'BoundPerson.query().where()',
          7,
          22,
          `${PERSON}export const inTrx = async (trx: unknown) => {
  const BoundPerson = Person.bindKnex(trx);
  return BoundPerson.query().where('active', true).limit(100);
};`,
        ),
      ],
    },
    {
      name: 'JavaScript, ES modules',
      code: `import { Model } from 'objection';
class Person extends Model {
  static get tableName() { return 'persons'; }
}
export const all = async () => await Person.query().where('active', true);`,
      filename: 'file.js',
      errors: [
        unbounded(
          'Person.query().where()',
          5,
          45,
          `import { Model } from 'objection';
class Person extends Model {
  static get tableName() { return 'persons'; }
}
export const all = async () => await Person.query().where('active', true).limit(100);`,
        ),
      ],
    },
    {
      name: 'CommonJS: a destructured require, a namespace, and a model required from a local file',
      code: `const { Model } = require('objection');
const objection = require('objection');
const Pet = require('./pet');
class Person extends Model {}
class Toy extends objection.Model {}
exports.people = async () => Person.query();
exports.toys = async () => Toy.query().where('broken', false);
exports.pets = () => Pet.query().then((pets) => pets.map((p) => p.name));`,
      filename: 'file.cjs',
      errors: [
        unbounded(
          'Person.query()',
          6,
          37,
          `const { Model } = require('objection');
const objection = require('objection');
const Pet = require('./pet');
class Person extends Model {}
class Toy extends objection.Model {}
exports.people = async () => Person.query().limit(100);
exports.toys = async () => Toy.query().where('broken', false);
exports.pets = () => Pet.query().then((pets) => pets.map((p) => p.name));`,
        ),
        unbounded(
          'Toy.query().where()',
          7,
          32,
          `const { Model } = require('objection');
const objection = require('objection');
const Pet = require('./pet');
class Person extends Model {}
class Toy extends objection.Model {}
exports.people = async () => Person.query();
exports.toys = async () => Toy.query().where('broken', false).limit(100);
exports.pets = () => Pet.query().then((pets) => pets.map((p) => p.name));`,
        ),
        unbounded(
          'Pet.query()',
          8,
          26,
          `const { Model } = require('objection');
const objection = require('objection');
const Pet = require('./pet');
class Person extends Model {}
class Toy extends objection.Model {}
exports.people = async () => Person.query();
exports.toys = async () => Toy.query().where('broken', false);
exports.pets = () => Pet.query().limit(100).then((pets) => pets.map((p) => p.name));`,
        ),
      ],
    },
  ],
});

// With type information, a model imported from another file is known by its base class, in any
// file: tests/fixtures/local/person.model.ts extends the stand-in `Model` of 'objection'.
const typed = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' },
      tsconfigRootDir: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures'),
    },
  },
});

typed.run('no-unbounded-load (typed, objection)', rule, {
  valid: [
    `import { Person } from './local/person.model';
export const a = async () => Person.query().where('age', '>', 18).limit(10);`,
  ],
  invalid: [
    {
      code: `// a model from another file, in a file that does not import Objection
import { Person } from './local/person.model';
export const adults = async () => Person.query().where('age', '>', 18);
export const pets = async (person: Person) => person.$relatedQuery('pets');`,
      errors: [
        unbounded(
          'Person.query().where()',
          3,
          42,
          `// a model from another file, in a file that does not import Objection
import { Person } from './local/person.model';
export const adults = async () => Person.query().where('age', '>', 18).limit(100);
export const pets = async (person: Person) => person.$relatedQuery('pets');`,
        ),
        unbounded(
          'person.$relatedQuery()',
          4,
          54,
          `// a model from another file, in a file that does not import Objection
import { Person } from './local/person.model';
export const adults = async () => Person.query().where('age', '>', 18);
export const pets = async (person: Person) => person.$relatedQuery('pets').limit(100);`,
        ),
      ],
    },
  ],
});
