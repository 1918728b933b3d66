import type { TSESTree } from '@typescript-eslint/utils';

const byProgram = new WeakMap<TSESTree.Program, Map<string, unknown>>();

/**
 * One value per parsed file and key, shared by every rule that asks for it (as eslint-plugin-regexp
 * shares its parsed patterns): keyed by the Program node, which ESLint creates once per parse, so
 * a second parse (a `--fix` pass) starts afresh and nothing outlives the file's AST. `key` names
 * what is built and everything it depends on besides the file.
 */
export function perFile<V>(program: TSESTree.Program, key: string, build: () => V): V {
  let values = byProgram.get(program);
  if (!values) byProgram.set(program, (values = new Map<string, unknown>()));
  if (!values.has(key)) values.set(key, build());
  return values.get(key) as V;
}

const ids = new WeakMap<object, number>();
let nextId = 0;

/** A stable id for an object (an options or settings object), to put its identity in a `perFile` key. */
export function identityOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = nextId++));
  return id;
}
