import { BoundedCache } from '../../util/bounded-cache.js';
import { matchesNamePattern } from './catalog-index.js';

/**
 * Tables and entities that are small by construction: the project's schema, configuration and
 * access metadata, whose row count an administrator sets rather than users or traffic. Loading
 * one whole is normal (`roleRepository.find()`, `SELECT * FROM directus_fields`). Patterns are
 * matched against the normalised name (see `normaliseTableName`), so `Role`, `roles`,
 * `directus_roles`, `this.roleRepository` and `prisma.role` all meet `*role`.
 */
export const DEFAULT_SMALL_TABLES: readonly string[] = [
  'role',
  '*_role',
  'permission',
  '*_permission',
  'policy',
  '*_policy',
  'setting',
  '*_setting',
  'config',
  '*_config',
  'configuration',
  '*_configuration',
  'schema',
  '*_schema',
  'field',
  '*_field',
  'collection',
  '*_collection',
  'preset',
  '*_preset',
  'webhook',
  '*_webhook',
  'extension',
  '*_extension',
  'migration',
  '*_migration',
  'crontab',
  '*_crontab',
  'scheduled_task*',
  'channel',
  'zone',
  'tax_rate',
  'tax_category',
  'shipping_method',
  'payment_method',
  'currency',
  'country',
  'language',
  'locale',
];

/** What a binding's name adds to the entity's: `roleRepository`, `usersCollection`, `collection`. */
const BINDING_SUFFIX = /(?:^|_)(?:repository|repo|model|table|entity|collection|delegate)$/;

/**
 * A table's name as written in SQL or passed to a builder (`'directus_roles'`, `"public"."settings"`),
 * or a binding's name in code (`Role`, `this.roleRepository`, `prisma.role`).
 */
export type NameKind = 'table' | 'binding';

/**
 * `"Directus_Roles"` → `directus_role`, `public.settings` → `setting`, `ShippingMethod` →
 * `shipping_method`, the binding `roleRepository` → `role`: last segment, snake case, a plural last
 * word made singular; for bindings, without a repository-style suffix (a bare `collection` says nothing).
 */
export function normaliseTableName(name: string, kind: NameKind): string {
  const last = name
    .replace(/["`[\]]/g, '')
    .trim()
    .split(/\s+/)[0]!
    .split('.')
    .at(-1)!;
  let snake = snakeCase(last);
  if (kind === 'binding') snake = snake.replace(BINDING_SUFFIX, '');
  return singular(snake);
}

const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * `ShippingMethod` → `shipping_method`, `HTTPServer` → `http_server`: an underscore before an
 * upper-case letter that follows a lower-case letter or a digit, and before the last letter of an
 * upper-case run that a lower-case letter follows. One pass: a regular expression for the second
 * rule (`([A-Z]+)([A-Z][a-z])`) backtracks over every run, quadratic in a long upper-case name.
 */
export function snakeCase(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const before = name[i - 1];
    if (isUpper(c) && (isLower(before) || isDigit(before) || (isUpper(before) && isLower(name[i + 1])))) out += '_';
    out += c;
  }
  return out.toLowerCase();
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A predicate over table, entity or receiver names for one list of patterns (lower case, `*` wildcards). */
export function smallTableMatcher(patterns: readonly string[]): (name: string, kind: NameKind) => boolean {
  const lowered = patterns.map((p) => p.toLowerCase());
  const answers = new BoundedCache<string, boolean>(500);
  return (name, kind) =>
    answers.get(`${kind}:${name}`, () => {
      const normal = normaliseTableName(name, kind);
      return normal.length > 0 && lowered.some((p) => matchesNamePattern(p, normal));
    });
}
