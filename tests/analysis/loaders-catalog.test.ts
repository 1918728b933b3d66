// The catalog of loaders: each entry is consistent, has its tests and its row in the docs, and
// the small matchers the engine uses behave.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogIndex, matchesNamePattern } from '../../src/analysis/loaders/catalog-index.js';
import { moduleMatches, type LibraryEntry } from '../../src/analysis/loaders/catalog.js';
import { matchesPattern } from '../../src/analysis/loaders/loads/custom-loads.js';
import { CATALOG } from '../../src/analysis/loaders/libraries/index.js';
import { ROLE_KEYS, noUnboundedLoadSchema } from '../../src/analysis/loaders/options.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const doc = readFileSync(join(root, 'docs', 'rules', 'no-unbounded-load.md'), 'utf8');

const entries = CATALOG.map((entry) => [entry.id, entry] as const);

describe.each(entries)('catalog entry %s', (id, entry: LibraryEntry) => {
  it('has its rule tests in tests/rules/no-unbounded-load/<id>.test.ts', () => {
    expect(existsSync(join(root, 'tests', 'rules', 'no-unbounded-load', `${id}.test.ts`))).toBe(true);
  });

  it('has a row in the docs table', () => {
    expect(doc).toContain(`| ${entry.name} |`);
  });

  it('names modules, and loaders of roles it declares', () => {
    expect(entry.modules.length).toBeGreaterThan(0);
    const roles = new Set(Object.keys(entry.roles));
    for (const loader of entry.loaders) {
      if ('role' in loader && loader.role !== '*') expect(roles, `${loader.kind} loader's role`).toContain(loader.role);
    }
  });

  it('derives roles only from roles it declares (or "*")', () => {
    const roles = new Set([...Object.keys(entry.roles), '*']);
    for (const [name, spec] of Object.entries(entry.roles)) {
      for (const from of [...(spec.methods ?? []), ...(spec.properties ?? []), ...(spec.callbacks ?? [])].map((r) => r.from)) {
        expect(roles, `${name} from ${from}`).toContain(from);
      }
    }
  });

  it('writes naming conventions as plain name patterns', () => {
    for (const spec of Object.values(entry.roles)) {
      for (const pattern of spec.names ?? []) expect(pattern).toMatch(/^[A-Za-z0-9_$*]+$/);
    }
  });

  it('lists, where it lists option keys, its bound, fix and filter keys among them', () => {
    for (const loader of entry.loaders) {
      if (loader.kind !== 'options' || !loader.optionKeys) continue;
      const keys = [...loader.boundKeys, loader.fixKey, loader.filter?.arg === loader.optionsArg ? loader.filter.key : undefined];
      for (const key of keys.filter((k) => k !== undefined)) expect(loader.optionKeys, loader.methods.join('/')).toContain(key);
    }
  });

  it('gives every builder a suggestion: a bound method to chain, or an option to set', () => {
    for (const loader of entry.loaders) {
      if (loader.kind !== 'builder') continue;
      expect(Boolean(loader.fixMethod) !== Boolean(loader.fixOption), loader.id).toBe(true);
      if (loader.fixOption) expect(loader.startOptions?.keys, loader.id).toContain(loader.fixOption.key);
    }
  });

  it('is the library of its own modules', () => {
    const index = new CatalogIndex(CATALOG);
    for (const module of entry.modules.filter((m): m is string => typeof m === 'string')) {
      expect(index.libraryOfModule(module)?.id, module).toBe(id);
    }
  });
});

describe('options schema', () => {
  const schema = noUnboundedLoadSchema as { properties: Record<string, { items?: unknown; properties?: Record<string, unknown> }> };
  it('lists every catalog entry under `libraries`', () => {
    const items = schema.properties.libraries!.items as { enum: string[] };
    expect(items.enum).toEqual(CATALOG.map((l) => l.id));
  });

  it('accepts a naming convention for every role', () => {
    const properties = schema.properties.receiverNames!.properties!;
    expect(Object.keys(properties)).toEqual(ROLE_KEYS);
    expect(ROLE_KEYS).toContain('prisma.client');
    expect(ROLE_KEYS).toContain('typeorm.repository');
  });
});

describe('moduleMatches', () => {
  const prisma = CATALOG.find((l) => l.id === 'prisma')!;
  it.each([
    ['@prisma/client', true],
    ['@prisma/client/edge', true],
    ['../generated/prisma', true],
    ['~/lib/prisma', true],
    ['prisma-utils', false],
    ['./db', false],
  ])('%s → %s', (source, expected) => {
    expect(moduleMatches(prisma, source)).toBe(expected);
  });
});

describe('matchesNamePattern', () => {
  it.each([
    ['*Repository', 'userRepository', true],
    ['*Repository', 'Repository', true],
    ['*Repository', 'repository', false],
    ['prisma*', 'prismaService', true],
    ['prisma*', 'myPrisma', false],
    ['*redis*', 'cacheredisClient', true],
    ['knex', 'knex', true],
    ['knex', 'knexClient', false],
    ['*a*b*', 'xaybz', true],
    ['*a*b', 'xaybz', false],
  ])('%s ~ %s → %s', (pattern, name, expected) => {
    expect(matchesNamePattern(pattern, name)).toBe(expected);
  });

  it('stays linear on patterns that make regular expressions backtrack', () => {
    const started = performance.now();
    expect(matchesNamePattern('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(100))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('matchesPattern (custom loaders)', () => {
  it.each([
    ['api.items.list', ['api', 'items', 'list'], true],
    ['api.items.list', ['x', 'api', 'items', 'list'], false],
    ['*.list', ['api', 'items', 'list'], true],
    ['*.list', ['list'], false],
    ['api.*.list', ['api', 'orders', 'list'], true],
    ['this.store.all', ['this', 'store', 'all'], true],
  ])('%s ~ %j → %s', (pattern, path, expected) => {
    expect(matchesPattern(pattern, path)).toBe(expected);
  });
});
