// The words a file needs before the load finder looks at its awaits (mentions.ts): they must be
// necessary (every recognised receiver's evidence contains one) and no wider than the catalog says.
import { describe, expect, it } from 'vitest';
import { CatalogIndex } from '../../src/analysis/loaders/catalog-index.js';
import { moduleMatches, type LibraryEntry } from '../../src/analysis/loaders/catalog.js';
import { CATALOG } from '../../src/analysis/loaders/libraries/index.js';
import { fixedPart, mentionPattern, mentionWords } from '../../src/analysis/loaders/mentions.js';

const library = (id: string): LibraryEntry => CATALOG.find((l) => l.id === id)!;

describe('fixedPart', () => {
  it.each([
    [/^@prisma\/client\//, '@prisma/client/'],
    [/(?:^|\/)generated\/prisma(?:\/|$)/, 'generated/prisma'],
    [/(?:^|[/~@])prisma(?:\/client)?$/, 'prisma'],
    [/^@mikro-orm\//, '@mikro-orm/'],
    [/^drizzle-orm(?:\/|$)/, 'drizzle-orm'],
    [/^typeorm\//, 'typeorm/'],
    // A quantified character is not fixed; a top-level alternative or a wildcard leaves nothing to rely on.
    [/^knexx?$/, 'knex'],
    [/^a|b$/, ''],
    [/.*/, ''],
  ])('%s → %j', (pattern, expected) => {
    expect(fixedPart(pattern)).toBe(expected);
  });

  // Every module pattern of the catalog has a fixed part, and the specifiers it matches contain it.
  const specifiers = ['@prisma/client/edge', '../generated/prisma', '~/lib/prisma', '@mikro-orm/core', 'drizzle-orm/pg-core', 'drizzle-orm', 'typeorm/browser', 'kysely-codegen', '@redis/client'];
  it.each(CATALOG.flatMap((l) => l.modules.filter((m): m is RegExp => m instanceof RegExp).map((m) => [l.id, m] as const)))('%s %s', (id, pattern) => {
    const word = fixedPart(pattern);
    expect(word).not.toBe('');
    const matched = specifiers.filter((s) => pattern.test(s));
    expect(matched.length, `no sample specifier for ${pattern}`).toBeGreaterThan(0);
    for (const specifier of matched) expect(specifier).toContain(word);
    expect(matched.every((s) => moduleMatches(library(id), s))).toBe(true);
  });
});

describe('mentionWords', () => {
  it('takes modules, unimported type names and naming conventions, not names that need the module', () => {
    const words = mentionWords(library('knex'), {})!;
    expect(words).toEqual(expect.arrayContaining(['knex', 'nestjs-knex', '@nestjsplus/knex', 'Knex', 'trx', 'knexClient']));
    // `Knex.Transaction` is written whole: `Knex` is the word, not the common `Transaction`. The
    // imported `Transaction` rule and the `default` factory add nothing the module does not.
    expect(words).not.toContain('Transaction');
    expect(words).not.toContain('default');
    expect(words).not.toContain('InjectKnex');
  });

  it('takes the longest fixed part of a naming pattern, and the user conventions instead of the built-in ones', () => {
    expect(mentionWords(library('prisma'), {})).toEqual(expect.arrayContaining(['prisma', 'Prisma', 'PrismaClient', '$transaction']));
    expect(mentionWords(library('mikro-orm'), {})).toContain('MikroORM');
    const words = mentionWords(library('knex'), { 'knex.client': ['sqlClient', '*Store'] })!;
    expect(words).toEqual(expect.arrayContaining(['sqlClient', 'Store']));
    expect(words).not.toContain('trx');
  });

  it('gives up (any file may hold a receiver) where a convention needs no word', () => {
    expect(mentionWords(library('knex'), { 'knex.client': ['*'] })).toBeNull();
    const classNamed: LibraryEntry = { ...library('sequelize'), roles: { model: { classNames: true } } };
    expect(mentionWords(classNamed, {})).toBeNull();
    const noFixedPart: LibraryEntry = { ...library('knex'), modules: [/^(?:pg|mysql)$/] };
    expect(mentionWords(noFixedPart, {})).toBeNull();
  });

  it('skips conventions that only count in a file importing the library', () => {
    const words = mentionWords(library('mongoose'), {})!;
    expect(words).not.toContain('Model');
    expect(words).toEqual(expect.arrayContaining(['mongoose', '@typegoose/typegoose']));
  });
});

describe('awaited builders: the file gate', () => {
  const pattern = new CatalogIndex(CATALOG).awaitedBuilderMentions!;
  it.each([
    ["import knex from 'knex';", true],
    ['export async function f(trx) { return trx.commit(); }', true],
    ["import { Model } from 'mongoose';", true],
    ["import { eq } from 'drizzle-orm';", true],
    ["import { MikroORM } from '@mikro-orm/postgresql';", true],
    ['const users = await fetch(url).then((r) => r.json());', false],
    ['export type Tx = Knex.Transaction;', true],
    ['await sequelize.transaction(async (t) => {});', false],
    ["import { PrismaClient } from '@prisma/client';", false],
  ])('%s → %s', (text, expected) => {
    expect(pattern.test(text)).toBe(expected);
  });

  it('is null when a thenable builder takes any receiver', () => {
    const shaped: LibraryEntry = {
      ...library('knex'),
      loaders: library('knex').loaders.map((l) => (l.kind === 'builder' ? { ...l, evidence: 'shape' as const } : l)),
    };
    expect(new CatalogIndex([shaped]).awaitedBuilderMentions).toBeNull();
    expect(mentionPattern([library('knex')], {})).not.toBeNull();
  });
});
