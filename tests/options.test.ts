// Every rule's options, checked against its JSON schema through ESLint's own Linter, the way a user
// meets them: defaults and strict options are valid; an unknown property or a wrong type fails
// with a message naming the rule and the offending property or value; and an option that takes
// user patterns cannot hang the linter. Cases are derived from each rule's schema, so a new rule
// or option is covered without editing this file; specific cases follow.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { optionsSchemaOf } from '../src/util/create-rule.js';
import { MODULE_SPECIFIER_PATTERN } from '../src/util/schema-check.js';

const NS = plugin.meta.namespace;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The parts of JSON Schema (draft 4, as ESLint reads rule schemas) this file walks. */
interface Schema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  additionalProperties?: boolean | Schema;
  required?: string[] | boolean;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
}

type Rule = {
  meta: {
    schema?: Schema | readonly Schema[];
    defaultOptions?: readonly unknown[];
    docs?: { strictOptions?: readonly unknown[]; allOptions?: readonly unknown[] };
  };
  defaultOptions?: readonly unknown[];
};
const RULES = Object.entries(plugin.rules as unknown as Record<string, Rule>).map(([name, rule]) => ({ name, id: `${NS}/${name}`, rule }));

/** Default options where a rule declares them: ESLint's `meta.defaultOptions`, or RuleCreator's `defaultOptions`. */
const defaultsOf = (rule: Rule): readonly unknown[] => rule.meta.defaultOptions ?? rule.defaultOptions ?? [];

/**
 * The full schemas of a rule's options. ESLint sees only their shape (`meta.schema`, which names
 * an unknown key); the rule checks the values against these (src/util/rule-options.ts).
 */
function schemaList(rule: Rule): readonly Schema[] {
  return optionsSchemaOf(rule);
}

const linter = new Linter({ configType: 'flat' });

/** Lints `code` with one rule at `options`; throws what ESLint throws for invalid options. */
function lintWith(id: string, options: readonly unknown[], code = 'export const x = 1;\n'): Linter.LintMessage[] {
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { [NS]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        rules: { [id]: ['error', ...options] },
      },
    ],
    { filename: 'file.ts' },
  );
}

/** The message of the error ESLint throws for these options, or null when it accepts them. */
function optionError(id: string, options: readonly unknown[]): string | null {
  try {
    lintWith(id, options);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

// ---------------------------------------------------------------------------------------------
// Walking schemas
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];

interface Leaf {
  path: Path;
  schema: Schema;
  /** Descriptions of this node and its ancestors, nearest first. */
  descriptions: string[];
}

const typeOf = (schema: Schema): string | undefined => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

/** Every node of a schema with its path (`items` is path element 0: the first array item). */
function walk(schema: Schema, path: Path = [], descriptions: string[] = []): Leaf[] {
  const here = schema.description ? [schema.description, ...descriptions] : descriptions;
  const nodes: Leaf[] = [{ path, schema, descriptions: here }];
  for (const [key, child] of Object.entries(schema.properties ?? {})) nodes.push(...walk(child, [...path, key], here));
  if (schema.items && !Array.isArray(schema.items)) nodes.push(...walk(schema.items, [...path, 0], here));
  return nodes;
}

const STRING_CANDIDATES = ['ab', 'abc', 'Ab', 'x1', 'a', 'name', './x'];

/** A small valid value for a schema. */
function sample(schema: Schema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.oneOf?.[0]) return sample(schema.oneOf[0]);
  if (schema.anyOf?.[0]) return sample(schema.anyOf[0]);
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = Array.isArray(schema.required) ? schema.required : [];
      for (const key of required) out[key] = sample(schema.properties?.[key] ?? {});
      return out;
    }
    case 'array': {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, (_, i) => {
        const item = sample(schema.items && !Array.isArray(schema.items) ? schema.items : {});
        return typeof item === 'string' ? `${item}${i}` : item;
      });
    }
    case 'string': {
      const ok = STRING_CANDIDATES.find(
        (s) =>
          (schema.minLength === undefined || s.length >= schema.minLength) &&
          (schema.maxLength === undefined || s.length <= schema.maxLength) &&
          (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(s)),
      );
      if (ok === undefined) throw new Error(`no sample string for ${JSON.stringify(schema)}: extend STRING_CANDIDATES`);
      return ok;
    }
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    default:
      return {};
  }
}

/** A valid value of `schema` with `value` put at `path` (parents filled with samples). */
function withValueAt(schema: Schema, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const items = schema.items && !Array.isArray(schema.items) ? schema.items : {};
    return [withValueAt(items, rest, value)];
  }
  const base = (sample(schema) ?? {}) as Record<string, unknown>;
  return { ...base, [head]: withValueAt(schema.properties?.[head] ?? {}, rest, value) };
}

/** A value of the wrong type for a schema node. */
function wrongValue(schema: Schema): unknown {
  switch (typeOf(schema)) {
    case 'boolean':
      return 'yes';
    case 'string':
      return 42;
    case 'integer':
    case 'number':
      return 'many';
    case 'array':
      return 'not-a-list';
    case 'object':
      return 'not-an-object';
    default:
      return undefined;
  }
}

/** Options for a rule with `value` at `path` of option number `index`. */
function optionsWith(rule: Rule, index: number, path: Path, value: unknown): unknown[] {
  const schemas = schemaList(rule);
  return schemas.slice(0, index + 1).map((s, i) => (i === index ? withValueAt(s, path, value) : sample(s)));
}

const show = (path: Path) => (path.length ? path.join('.') : '(options object)');
const REGEX_METACHARACTERS = ['(a+)+$', '.*', 'a|b', '[a-z]+', 'a{1,99}', '\\d+', '^x$'];

interface Case {
  rule: string;
  id: string;
  label: string;
  options: unknown[];
  /** Texts the error message must contain besides the rule id: the option, the value, what is allowed. */
  names: string[];
}

/** An option as the rule's message names it: `options.libraries[0]`. */
const optionPath = (path: Path) => `options${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;

function invalidCases(): Case[] {
  const cases: Case[] = [];
  for (const { name, id, rule } of RULES) {
    schemaList(rule).forEach((root, index) => {
      for (const node of walk(root)) {
        if (typeOf(node.schema) === 'object' && node.schema.additionalProperties === false) {
          cases.push({
            rule: name,
            id,
            label: `unknown property in ${show(node.path)}`,
            options: optionsWith(rule, index, [...node.path, 'noSuchOption'], true),
            // ESLint's own message, from the shape it validates: the key, and the keys there are.
            names: ['noSuchOption', ...Object.keys(node.schema.properties ?? {}).map((key) => `"${key}"`)],
          });
        }
        const wrong = wrongValue(node.schema);
        if (wrong !== undefined && node.path.length > 0) {
          cases.push({
            rule: name,
            id,
            label: `${show(node.path)} of the wrong type (${JSON.stringify(wrong)})`,
            options: optionsWith(rule, index, node.path, wrong),
            names: [`${optionPath(node.path)}: must be`, JSON.stringify(wrong)],
          });
        }
        if (node.schema.enum && node.path.length > 0) {
          cases.push({
            rule: name,
            id,
            label: `${show(node.path)} not one of its values ("pg")`,
            options: optionsWith(rule, index, node.path, 'pg'),
            names: [`${optionPath(node.path)}: must be one of: ${node.schema.enum.map((v) => JSON.stringify(v)).join(', ')}`, 'got "pg"'],
          });
        }
      }
    });
  }
  return cases;
}

type StringLeaf = { name: string; id: string; rule: Rule; index: number; leaf: Leaf };

/** Every string-valued node of every rule's options. */
function stringLeaves(): StringLeaf[] {
  const out: StringLeaf[] = [];
  for (const { name, id, rule } of RULES) {
    schemaList(rule).forEach((root, index) => {
      for (const leaf of walk(root)) if (typeOf(leaf.schema) === 'string' && !leaf.schema.enum) out.push({ name, id, rule, index, leaf });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generic cases
// ---------------------------------------------------------------------------------------------

describe.each(RULES)('rule $name: valid options', ({ id, rule }) => {
  it('has a schema for every option position', () => {
    expect(schemaList(rule).length).toBeGreaterThanOrEqual(defaultsOf(rule).length);
  });

  it('accepts no options', () => {
    expect(optionError(id, [])).toBeNull();
  });

  it('declares default options, and accepts them', () => {
    expect(defaultsOf(rule).length, 'meta.defaultOptions').toBeGreaterThan(0);
    expect(optionError(id, defaultsOf(rule))).toBeNull();
  });

  it('accepts the options strict and all give it', () => {
    expect(optionError(id, rule.meta.docs?.strictOptions ?? [])).toBeNull();
    expect(optionError(id, rule.meta.docs?.allOptions ?? [])).toBeNull();
    const entry = plugin.configs.all.rules?.[id];
    expect(optionError(id, Array.isArray(entry) ? entry.slice(1) : [])).toBeNull();
  });

  it('accepts a small sample of every option its schema allows', () => {
    for (const [index, schema] of schemaList(rule).entries()) {
      for (const node of walk(schema)) {
        if (node.path.length === 0) continue;
        const options = optionsWith(rule, index, node.path, sample(node.schema));
        expect(optionError(id, options), `${show(node.path)} = ${JSON.stringify(sample(node.schema))}`).toBeNull();
      }
    }
  });
});

describe('invalid options fail with a message naming the rule, the option, the value and, for an enum, the allowed values', () => {
  const cases = invalidCases();

  it('finds cases in every rule that has options, and an enum case', () => {
    for (const { name, rule } of RULES) {
      if (schemaList(rule).length > 0)
        expect(
          cases.some((c) => c.rule === name),
          name,
        ).toBe(true);
    }
    expect(cases.some((c) => c.label.endsWith('not one of its values ("pg")'))).toBe(true);
  });

  it.each(cases.map((c) => [`${c.rule}: ${c.label}`, c] as const))('%s', (_label, c) => {
    const message = optionError(c.id, c.options);
    expect(message, `accepted ${JSON.stringify(c.options)}`).not.toBeNull();
    expect(message).toContain(c.id);
    for (const name of c.names) expect(message).toContain(name);
  });

  it("libraries: ['pg'] names the option and every library id (the message, whole)", () => {
    const message = optionError(`${NS}/no-unbounded-load`, [{ libraries: ['pg'] }]);
    const ids = (schemaList(RULES.find((r) => r.name === 'no-unbounded-load')!.rule)[0]!.properties!.libraries!.items as Schema).enum!;
    expect(message).toBe(
      [
        `Error while loading rule '${NS}/no-unbounded-load': ${NS}/no-unbounded-load: invalid options:`,
        `- options.libraries[0]: must be one of: ${ids.map((id) => JSON.stringify(id)).join(', ')}, got "pg"`,
        'Occurred while linting file.ts',
      ].join('\n'),
    );
    expect(ids).toContain('prisma');
  });

  it('ESLint is given the shape of the options and the rule checks their values: one schema, two readers', () => {
    const shape = (schema: Schema): unknown => ({
      ...(schema.description === undefined ? {} : { description: schema.description }),
      ...(schema.properties ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, shape(s)])) } : {}),
      ...(schema.additionalProperties === false ? { additionalProperties: false } : {}),
      ...(schema.items && !Array.isArray(schema.items) ? { items: shape(schema.items) } : {}),
    });
    for (const { rule } of RULES) expect(rule.meta.schema).toEqual(schemaList(rule).map(shape));
  });
});

describe('options that take user patterns', () => {
  const all = stringLeaves();
  // Words, names and identifiers: a `pattern` in the schema limits them to plain text. Module
  // specifiers are paths (`.`, `/`, `@`, `#`): their pattern keeps out line breaks and control characters.
  const restricted = all.filter((l) => l.leaf.schema.pattern && l.leaf.schema.pattern !== MODULE_SPECIFIER_PATTERN);
  const specifiers = all.filter((l) => l.leaf.schema.pattern === MODULE_SPECIFIER_PATTERN);

  it.each(specifiers.map((l) => [`${l.name}: ${show(l.leaf.path)}`, l] as const))(
    '%s takes a module specifier, and rejects line breaks and control characters',
    (_label, { id, rule, index, leaf }) => {
      expect(optionError(id, optionsWith(rule, index, leaf.path, '#errors/timeout.js'))).toBeNull();
      expect(optionError(id, optionsWith(rule, index, leaf.path, '@scope/errors'))).toBeNull();
      for (const hostile of ['#errors\n', '#errors\r', 'a\u2028b', 'a\u0000b', '']) {
        expect(optionError(id, optionsWith(rule, index, leaf.path, hostile)), JSON.stringify(hostile)).not.toBeNull();
      }
    },
  );

  it('finds the module-specifier options (the cases above test something)', () => {
    expect(specifiers.map((l) => `${l.name}: ${show(l.leaf.path)}`).length).toBeGreaterThanOrEqual(3);
  });

  it.each(restricted.map((l) => [`${l.name}: ${show(l.leaf.path)}`, l] as const))(
    '%s is restricted by a pattern, which rejects regular-expression syntax',
    (_label, { id, rule, index, leaf }) => {
      for (const hostile of REGEX_METACHARACTERS) {
        expect(optionError(id, optionsWith(rule, index, leaf.path, hostile)), JSON.stringify(hostile)).not.toBeNull();
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Hostile input: bounded time, in a worker that is killed if it hangs
// ---------------------------------------------------------------------------------------------

/** Catastrophic-backtracking patterns, for options that take regular expressions. */
const CATASTROPHIC = ['^(a+)+$', '^(a|aa)+$', '^([a-z]*)*[0-9]$'];
/** Globs that a matcher built on regular expressions (`*` → `.*`) takes exponential time to refuse. */
const GLOB_BOMBS = ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c', '*aa*aa*aa*aa*aa*aa*aa*aa*aa*d'];
const acceptsGlobs = (schema: Schema) => schema.pattern !== undefined && new RegExp(schema.pattern, 'u').test('*a*b');

/**
 * The largest options a rule's schema allows, made hostile: word lists full of long words, and
 * any string that takes patterns set to a catastrophic regular expression.
 */
function hostileOptions(rule: Rule, patterns: readonly string[] = CATASTROPHIC): { options: unknown[]; patternOptions: string[] } {
  const patternOptions: string[] = [];
  const build = (schema: Schema, descriptions: string[], path: Path): unknown => {
    const here = schema.description ? [schema.description, ...descriptions] : descriptions;
    switch (typeOf(schema)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(schema.properties ?? {})) out[key] = build(child, here, [...path, key]);
        return out;
      }
      case 'array': {
        const items = schema.items && !Array.isArray(schema.items) ? schema.items : {};
        if (typeOf(items) === 'string' && !items.enum && !items.pattern && /regular expression|regex/i.test(here.join(' '))) {
          patternOptions.push(show(path));
          return [...patterns];
        }
        if (items.enum) return [...items.enum];
        if (typeOf(items) === 'object') return [build(items, here, [...path, 0])];
        if (typeOf(items) !== 'string') return [sample(items)];
        const length = Math.min(items.maxLength ?? 64, 64);
        const words = Array.from({ length: 50 }, (_, i) => `${'a'.repeat(length - 4)}${i.toString(36).padStart(4, '0')}`);
        if (!acceptsGlobs(items)) return words;
        patternOptions.push(show(path));
        return [...GLOB_BOMBS.filter((g) => g.length <= length), ...words];
      }
      default:
        return sample(schema);
    }
  };
  return { options: schemaList(rule).map((s) => build(s, [], [])), patternOptions };
}

/** Code that makes slow matching slow: very long names of repeated letters, in every shape. */
function hostileCode(): string {
  const long = `${'a'.repeat(40)}$`;
  const longer = 'timeout'.repeat(2000);
  const lines = [
    "import pTimeout from 'p-timeout';",
    "import { PrismaClient } from '@prisma/client';",
    "import knex from 'knex';",
    "import Redis from 'ioredis';",
    "import DataLoader from 'dataloader';",
    "import { Repository } from 'typeorm';",
    `declare const ${long}: any;`,
  ];
  for (let i = 0; i < 50; i++) {
    lines.push(`export async function f${i}(${long}start: number, ${long}maxWait: number, cb: (e: unknown, v?: unknown) => void) {
  const ${long}elapsed = Date.now() - ${long}start;
  const rows = await ${long}.findMany();
  await ${long}.${long}.find();
  await ${long}.select('*').from('t');
  await ${long}.keys('*');
  await ${long}.query('SELECT * FROM ${'a'.repeat(2000)}');
  if (${long}elapsed > ${long}maxWait || ${longer}) { cb(null, 0); return [0, null]; }
  if (Date.now() - ${long}start > ${long}maxWait) throw new Error('${longer} timed out');
  return rows;
}`);
  }
  return `${lines.join('\n')}\n`;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { Linter } = require(workerData.eslint);
  const tsParser = require(workerData.parser);
  const plugin = (await import(workerData.plugin)).default;
  const built = plugin.rules[workerData.id.slice(plugin.meta.namespace.length + 1)];
  if (!built) {
    parentPort.postMessage({ missing: true });
    return;
  }
  if (JSON.stringify(built.meta.schema) !== workerData.schema) {
    parentPort.postMessage({ stale: true });
    return;
  }
  const linter = new Linter({ configType: 'flat' });
  const started = performance.now();
  let outcome;
  try {
    const messages = linter.verify(workerData.code, [{
      files: ['**/*.ts'], languageOptions: { parser: tsParser },
      plugins: { [plugin.meta.namespace]: plugin },
      rules: { [workerData.id]: ['error', ...workerData.options] },
    }], { filename: 'hostile.ts' });
    outcome = { ok: true, messages: messages.length, fatal: messages.filter((m) => m.fatal).map((m) => m.message) };
  } catch (error) {
    outcome = { ok: false, error: String(error && error.message || error).split('\\n').slice(0, 3).join(' ') };
  }
  parentPort.postMessage({ ...outcome, ms: performance.now() - started });
})();
`;

/** The built plugin (the hang test needs a module a worker thread can import without vitest). */
const DIST = [process.env.RESILIENCE_PLUGIN_BUILD, ...['index.js', 'index.mjs'].map((f) => join(root, 'dist', f))].find((f): f is string =>
  Boolean(f && existsSync(f)),
);
const HANG_LIMIT_MS = 15_000;

/** Lints in a worker thread (the built plugin), killed after `limit` ms. */
interface WorkerOutcome {
  hung: boolean;
  missing?: boolean;
  stale?: boolean;
  ok?: boolean;
  error?: string;
  ms?: number;
  fatal?: string[];
}

function lintInWorker(id: string, schema: unknown, options: unknown[], code: string, limit: number): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        id,
        schema: JSON.stringify(schema),
        options,
        code,
        plugin: pathToFileURL(DIST!).href,
        eslint: require.resolve('eslint'),
        parser: require.resolve('@typescript-eslint/parser'),
      },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ hung: true });
    }, limit);
    worker.once('message', (result: Omit<WorkerOutcome, 'hung'>) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ hung: false, ...result });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('no option can make the linter hang', () => {
  it('the built plugin exists (npm run build; npm test builds before vitest)', () => {
    expect(DIST, 'dist/index.js or dist/index.mjs').toBeDefined();
  });

  it.each(RULES.map((r) => [r.name, r] as const))(
    '%s with its largest, most hostile options on hostile code finishes or rejects the options',
    async (_name, { id, rule }) => {
      if (!DIST) return;
      const { options, patternOptions } = hostileOptions(rule);
      const rejected = optionError(id, options);
      if (rejected) {
        // Acceptable only when the schema itself refuses the catastrophic patterns: the same
        // options with harmless patterns must be valid.
        const harmless = hostileOptions(rule, ['^db$']).options;
        expect(patternOptions.length, `the hostile options are invalid, fix hostileOptions(): ${rejected}`).toBeGreaterThan(0);
        expect(optionError(id, harmless), 'the hostile options are invalid apart from their patterns').toBeNull();
        return;
      }
      const result = await lintInWorker(id, rule.meta.schema, options, hostileCode(), HANG_LIMIT_MS);
      expect(result.missing, `${id} is not in ${DIST}: the build is stale, run npm run build`).toBeUndefined();
      expect(result.stale, `${id} in ${DIST} has another schema than src: the build is stale, run npm run build`).toBeUndefined();
      const culprits = patternOptions.length
        ? `options taking patterns, set to catastrophic regular expressions or globs: ${patternOptions.join(', ')}`
        : `options ${JSON.stringify(options).slice(0, 300)}`;
      expect(result.hung, `${id} was still running after ${HANG_LIMIT_MS} ms on names like ${'a'.repeat(8)}…$ (${culprits})`).toBe(false);
      expect(result.error, 'the built plugin threw').toBeUndefined();
      expect(result.fatal, 'hostile code parses').toEqual([]);
    },
    HANG_LIMIT_MS + 10_000,
  );
});

// ---------------------------------------------------------------------------------------------
// Specific cases
// ---------------------------------------------------------------------------------------------

/** Rules whose first option has this property. */
const rulesWith = (property: string) => RULES.filter(({ rule }) => schemaList(rule)[0]?.properties?.[property]);

describe.each(rulesWith('vocabulary').map((r) => [r.name, r] as const))('%s: vocabulary', (_name, { id }) => {
  it.each([[{ elapsed: ['timePass'] }], [{ limit: ['maxWait', 'queryBudget'], flags: ['gaveUp'] }], [{ start: ['$t0', 'began_at'] }]])(
    'accepts plain words: %j',
    (vocabulary) => {
      expect(optionError(id, [{ vocabulary }])).toBeNull();
    },
  );

  it.each([
    [{ elapsed: [''] }, 'options.vocabulary.elapsed[0]: must have at least 2 character(s), got ""'],
    [{ elapsed: ['x'] }, 'options.vocabulary.elapsed[0]: must have at least 2 character(s), got "x"'],
    [{ elapsed: ['a'.repeat(65)] }, 'options.vocabulary.elapsed[0]: must have at most 64 characters, got "aaaa'],
    [{ elapsed: ['took', 'took'] }, 'options.vocabulary.elapsed: must not repeat items, got ["took","took"]'],
    [{ elapsed: ['time pass'] }, 'options.vocabulary.elapsed[0]: must match'],
    [{ elapsed: ['(a+)+$'] }, 'got "(a+)+$"'],
    [{ elapsed: 'took' }, 'options.vocabulary.elapsed: must be an array, got "took"'],
    [{ elapsedTime: ['took'] }, 'Unexpected property "elapsedTime"'],
  ])('rejects %j', (vocabulary, named) => {
    const message = optionError(id, [{ vocabulary }]);
    expect(message).toContain(id);
    expect(message).toContain(named);
  });
});

describe.each(rulesWith('timeoutError').map((r) => [r.name, r] as const))('%s: timeoutError', (_name, { id }) => {
  it.each([[{ name: 'QueryTimeoutError' }], [{ name: 'TimeoutError', from: '#errors' }], [{ name: '$Timeout', from: '@acme/errors' }]])(
    'accepts %j',
    (timeoutError) => {
      expect(optionError(id, [{ timeoutError }])).toBeNull();
    },
  );

  it.each([
    [{ from: '#errors' }, 'options.timeoutError: must have "name"'],
    [{ name: 'Query-Timeout' }, 'options.timeoutError.name: must be an identifier (letters, digits, `_`, `$`), not a reserved word'],
    [{ name: '9Lives' }, 'got "9Lives"'],
    [{ name: 'X', from: '' }, 'options.timeoutError.from: must have at least 1 character(s), got ""'],
    [{ name: 'X', module: 'y' }, 'Unexpected property "module"'],
    ['TimeoutError', 'options.timeoutError: must be an object, got "TimeoutError"'],
  ])('rejects %j', (timeoutError, named) => {
    const message = optionError(id, [{ timeoutError }]);
    expect(message).toContain(id);
    expect(message).toContain(named);
  });
});

describe('options are read per rule', () => {
  it('two options objects for one rule fail (each rule takes at most its schema positions)', () => {
    for (const { id, rule } of RULES) {
      const extra = [...schemaList(rule).map(sample), {}];
      expect(optionError(id, extra), id).not.toBeNull();
    }
  });
});
