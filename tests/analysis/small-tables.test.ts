import { describe, expect, it } from 'vitest';
import { DEFAULT_SMALL_TABLES, normaliseTableName, smallTableMatcher } from '../../src/analysis/loaders/small-tables.js';

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
