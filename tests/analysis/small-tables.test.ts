import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SMALL_TABLES, normaliseTableName, smallTableMatcher, snakeCase } from '../../src/analysis/loaders/small-tables.js';

describe('normaliseTableName', () => {
  it.each([
    ['directus_roles', 'table', 'directus_role'],
    ['"public"."Settings"', 'table', 'setting'],
    ['users as u', 'table', 'user'],
    ['countries', 'table', 'country'],
    ['taxes', 'table', 'tax'],
    ['ShippingMethod', 'binding', 'shipping_method'],
    ['roleRepository', 'binding', 'role'],
    ['usersCollection', 'binding', 'user'],
    ['collection', 'binding', ''],
    ['directus_collections', 'table', 'directus_collection'],
    ['HTTPSetting', 'binding', 'http_setting'],
  ] as const)('%s (%s) → %s', (name, kind, expected) => {
    expect(normaliseTableName(name, kind)).toBe(expected);
  });
});

describe('smallTableMatcher with the defaults', () => {
  const isSmall = smallTableMatcher(DEFAULT_SMALL_TABLES);

  it.each([
    ['directus_fields', 'table'],
    ['_SCHEMA', 'table'],
    ['_private_known_crontabs', 'table'],
    ['Role', 'binding'],
    ['roleRepository', 'binding'],
    ['ScheduledTaskRecord', 'binding'],
    ['TaxRate', 'binding'],
    ['settings', 'table'],
  ] as const)('small: %s', (name, kind) => {
    expect(isSmall(name, kind)).toBe(true);
  });

  it.each([
    ['users', 'table'],
    ['members_created_events', 'table'],
    ['collection', 'binding'],
    ['usersCollection', 'binding'],
    ['Order', 'binding'],
    ['roles_users', 'table'],
    ['orderRepository', 'binding'],
  ] as const)('not small: %s', (name, kind) => {
    expect(isSmall(name, kind)).toBe(false);
  });

  it('an empty list turns it off; patterns are case-insensitive', () => {
    expect(smallTableMatcher([])('roles', 'table')).toBe(false);
    expect(smallTableMatcher(['Audit_*'])('audit_logs', 'table')).toBe(true);
  });
});

describe('snakeCase', () => {
  /** What it replaces: two regular expressions, the second of which backtracks over a long upper-case run. */
  const byRegex = (name: string) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();

  it('gives what the regular expressions gave, on every short name', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', '0', '_', '.', '$'), maxLength: 12 });
    fc.assert(
      fc.property(name, (n) => {
        expect(snakeCase(n)).toBe(byRegex(n));
      }),
      { seed: 24, numRuns: 2000 },
    );
  });

  it.each([
    ['HTTPServer', 'http_server'],
    ['ShippingMethod', 'shipping_method'],
    ['APIKey2Role', 'api_key2_role'],
    ['A'.repeat(5), 'aaaaa'],
  ])('%s → %s', (name, expected) => {
    expect(snakeCase(name)).toBe(expected);
  });
});
