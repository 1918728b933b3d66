import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { schemaProblems } from './schema-check.js';

/**
 * A rule's defaults with the user's options laid over them, position by position: two objects
 * are merged key by key (recursively), anything else is replaced. Neither input is changed.
 * The same merge as typescript-eslint's `applyDefault`, which the plugin no longer loads at run
 * time (tests/util/rule-options.test.ts compares the two).
 */
export function withDefaults<Options extends readonly unknown[]>(
  defaults: Options,
  options: readonly unknown[] | null | undefined,
): Options {
  const merged: unknown[] = structuredClone([...defaults]);
  if (!options) return merged as unknown as Options;
  merged.forEach((value, index) => {
    const given = options[index];
    if (given === undefined) return;
    merged[index] = isPlainObject(value) && isPlainObject(given) ? mergeObjects(value, given) : given;
  });
  return merged as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeObjects(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = key in under && isPlainObject(below) && isPlainObject(value) ? mergeObjects(below, value) : value;
  }
  return merged;
}

/**
 * The schema ESLint validates a rule's options with: the options' shape only (which keys exist, so
 * ESLint names an unknown one and lists the known ones), without types, enums, patterns or bounds.
 *
 * ESLint reports a value that fails those as `Value "pg" should be equal to one of the allowed
 * values.`, naming neither the option nor what it allows, and it validates before any rule code
 * runs. So the values are checked by `optionProblems` against the full schema instead, when the
 * rule starts, with messages that say both.
 */
export function shapeSchema(schema: JSONSchema4): JSONSchema4 {
  return shapeOf(schema) as JSONSchema4;
}

/** The keywords `shapeSchema` keeps, on one loosely typed shape (JSONSchema4 is a union per `type`). */
interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | SchemaNode[];
}

function shapeOf(schema: SchemaNode): SchemaNode {
  const shape: SchemaNode = {};
  if (schema.description !== undefined) shape.description = schema.description;
  if (schema.properties) {
    shape.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, sub]) => [key, shapeOf(sub)]));
  }
  if (schema.additionalProperties === false) shape.additionalProperties = false;
  else if (typeof schema.additionalProperties === 'object') shape.additionalProperties = shapeOf(schema.additionalProperties);
  if (schema.items && !Array.isArray(schema.items)) shape.items = shapeOf(schema.items);
  return shape;
}

/**
 * What is wrong with a rule's options against its full schemas, one line per problem, each naming
 * the option (`options.libraries[0]: must be one of: "prisma", …; got "pg"`).
 */
export function optionProblems(schemas: readonly JSONSchema4[], options: readonly unknown[]): string[] {
  const problems: string[] = [];
  schemas.forEach((schema, index) => {
    if (options[index] === undefined) return;
    const path = schemas.length === 1 ? 'options' : `options[${index}]`;
    problems.push(...schemaProblems(schema, options[index], path));
  });
  return problems;
}
