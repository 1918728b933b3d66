import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';

// What a file's package says about it: the nearest `package.json` above the file, read once per
// directory for the life of the process (an editor's ESLint server sees a change on restart).

export interface PackageFacts {
  /** `"type"`: `"module"`, `"commonjs"`, or null when absent. */
  readonly type: string | null;
  /** The packages it depends on at run time: `dependencies`, `peerDependencies`, `optionalDependencies`. */
  readonly dependencies: ReadonlySet<string>;
}

/** The file each parse belongs to, set by `createRule` (SourceCode does not know its file). */
const filenames = new WeakMap<TSESTree.Program, string>();

export function rememberFilename(program: TSESTree.Program, filename: string): void {
  filenames.set(program, filename);
}

export function filenameOf(program: TSESTree.Program): string | undefined {
  return filenames.get(program);
}

const RUNTIME_DEPENDENCY_KEYS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;
const byDirectory = new Map<string, PackageFacts | null>();

/** The facts of the nearest `package.json` at or above `dir`; null when there is none. */
export function nearestPackage(dir: string): PackageFacts | null {
  const known = byDirectory.get(dir);
  if (known !== undefined) return known;
  let facts: PackageFacts | null;
  const file = join(dir, 'package.json');
  if (existsSync(file)) {
    facts = readFacts(file);
  } else {
    const parent = dirname(dir);
    facts = parent === dir ? null : nearestPackage(parent);
  }
  byDirectory.set(dir, facts);
  return facts;
}

/** The package of the file a Program was parsed from, if the file is known. */
export function packageOf(program: TSESTree.Program): PackageFacts | null {
  const filename = filenames.get(program);
  return filename ? nearestPackage(dirname(filename)) : null;
}

function readFacts(file: string): PackageFacts {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // An unreadable package.json says nothing; Node would fail on it anyway.
    return { type: null, dependencies: new Set() };
  }
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const dependencies = new Set<string>();
  for (const key of RUNTIME_DEPENDENCY_KEYS) {
    const value = record[key];
    if (typeof value === 'object' && value !== null) for (const name of Object.keys(value)) dependencies.add(name);
  }
  return { type: typeof record.type === 'string' ? record.type : null, dependencies };
}
