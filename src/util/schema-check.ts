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
export const MODULE_SPECIFIER_PATTERN = '^[^\\u0000-\\u001F\\u007F\\u2028\\u2029]+$';

/** What the patterns above ask for, in words: a problem names the option and says this, not the pattern. */
const PATTERN_MEANINGS = new Map([
  [IDENTIFIER_PATTERN, 'must be an identifier (letters, digits, `_`, `$`), not a reserved word such as `class`, `new`, `await` or `eval`'],
  [MODULE_SPECIFIER_PATTERN, 'must be a module specifier without line breaks or other control characters'],
]);

/**
 * The problems of `value` against `schema`, each naming its path (`smallTables[2]: must match
 * /^[A-Za-z0-9_*]+$/`). ESLint validates rule options with its own Ajv, but not shared settings,
 * and it does not export a validator; our schemas use only the keywords below, so this covers them.
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
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return say('must be an object');
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in record)) say(`must have "${key}"`);
      for (const [key, item] of Object.entries(record)) {
        const sub = schema.properties?.[key];
        if (sub) check(sub, item, `${path}.${key}`, problems);
        else if (schema.additionalProperties === false) {
          say(`unknown key "${key}" (expected one of: ${Object.keys(schema.properties ?? {}).join(', ')})`);
        }
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) return say('must be an array');
      if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) say('must not repeat items');
      const items = schema.items;
      if (items && !Array.isArray(items)) value.forEach((item, i) => check(items, item, `${path}[${i}]`, problems));
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return say('must be a string');
      if (schema.minLength !== undefined && value.length < schema.minLength) say(`must have at least ${schema.minLength} character(s)`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) say(`must have at most ${schema.maxLength} characters`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
        const meaning = PATTERN_MEANINGS.get(schema.pattern);
        say(meaning ? `${JSON.stringify(value)} ${meaning}` : `must match /${schema.pattern}/`);
      }
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') say('must be true or false');
      return;
    case 'integer':
      if (!Number.isInteger(value)) return say('must be an integer');
      if (schema.minimum !== undefined && (value as number) < schema.minimum) say(`must be at least ${schema.minimum}`);
      return;
    default:
      break;
  }
  if (schema.enum && !schema.enum.includes(value)) say(`must be one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
}
