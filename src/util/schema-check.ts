import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The keywords this checker reads, on one loosely typed shape (JSONSchema4 is a union per `type`). */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema | Schema[];
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  enum?: unknown[];
}

/** The keywords `schemaProblems` understands; tests/util/schema-check.test.ts checks that our schemas use no other. */
export const CHECKED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'description',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'enum',
]);

/**
 * Words a fix cannot write where it names a class or a constant (`new class(…)`, `import { eval }`):
 * JavaScript's reserved words, those of strict mode, and the names strict code cannot bind.
 */
export const RESERVED_WORDS: readonly string[] = [
  ...['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum'],
  ...['export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return'],
  ...['super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield'],
  ...['implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'eval', 'arguments'],
];

/** A name a fix writes into code: an identifier that is not a reserved word. */
export const IDENTIFIER_PATTERN = `^(?!(?:${RESERVED_WORDS.join('|')})$)[A-Za-z_$][A-Za-z0-9_$]*$`;

/** A module specifier a fix writes into an import: no line break or other control character. */
export const MODULE_SPECIFIER_PATTERN = '^[^\\u0000-\\u001F\\u007F\\u2028\\u2029]*$';

/** What the patterns above ask for, in words: a problem names the option and says this, not the pattern. */
const PATTERN_MEANINGS = new Map([
  [IDENTIFIER_PATTERN, 'must be an identifier (letters, digits, `_`, `$`), not a reserved word such as `class`, `new`, `await` or `eval`'],
  [MODULE_SPECIFIER_PATTERN, 'must be a module specifier without line breaks or other control characters'],
]);

/**
 * The problems of `value` against `schema`, each naming its path and quoting the value
 * (`smallTables[2]: must match /^[A-Za-z0-9_*]+$/, got "a.b"`). It checks `settings.resilience`,
 * which ESLint does not validate, and the values of rule options, whose ESLint messages name
 * neither the option nor what it allows (see util/rule-options.ts). ESLint does not export its
 * validator; our schemas use only the keywords below, so this covers them.
 */
export function schemaProblems(schema: JSONSchema4, value: unknown, path: string): string[] {
  const problems: string[] = [];
  check(schema as Schema, value, path, problems);
  return problems;
}

function check(schema: Schema, value: unknown, path: string, problems: string[]): void {
  const say = (text: string): void => {
    problems.push(`${path}: ${text}`);
  };
  /** A problem with the value itself: the message quotes what was given. */
  const sayGot = (text: string): void => say(`${text}, got ${shown(value)}`);
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return sayGot('must be an object');
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) say(`must have "${key}"`);
      for (const [key, item] of Object.entries(record)) {
        const sub = schema.properties?.[key];
        if (sub) check(sub, item, `${path}.${key}`, problems);
        else if (schema.additionalProperties === false) {
          say(`unknown key "${key}" (expected one of: ${Object.keys(schema.properties ?? {}).join(', ')})`);
        } else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, item, `${path}.${key}`, problems);
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) return sayGot('must be an array');
      if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) sayGot('must not repeat items');
      const items = schema.items;
      if (items && !Array.isArray(items)) value.forEach((item, i) => check(items, item, `${path}[${i}]`, problems));
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return sayGot('must be a string');
      if (schema.minLength !== undefined && value.length < schema.minLength) sayGot(`must have at least ${schema.minLength} character(s)`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) sayGot(`must have at most ${schema.maxLength} characters`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
        sayGot(PATTERN_MEANINGS.get(schema.pattern) ?? `must match /${schema.pattern}/`);
      }
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') sayGot('must be true or false');
      return;
    case 'number':
      if (typeof value !== 'number') return sayGot('must be a number');
      if (schema.minimum !== undefined && value < schema.minimum) sayGot(`must be at least ${schema.minimum}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) return sayGot('must be an integer');
      if (schema.minimum !== undefined && (value as number) < schema.minimum) sayGot(`must be at least ${schema.minimum}`);
      return;
    default:
      break;
  }
  if (schema.enum && !schema.enum.includes(value)) sayGot(`must be one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
}

/** A value as a message quotes it: JSON, cut short. */
function shown(value: unknown): string {
  const json = value === undefined ? 'undefined' : JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}
