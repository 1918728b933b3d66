// The layout CONTRIBUTING.md describes, checked: rules reach the analysis only through each topic
// folder's facade (index.ts), no module imports itself back through a chain of imports, and no
// source file grows past about 400 lines; the load finder names no library (the catalog does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/analysis/loaders/libraries/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(src);
const rel = (path: string) => relative(src, path).split('\\').join('/');

/** Relative imports and re-exports of a file (type-only ones too: they still tie modules together). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
    if (match[1]!.endsWith('.json')) continue; // data (meta.ts reads package.json), not a module of ours
    found.push(resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
  }
  return found;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Value-level cycles only matter at run time, but a type cycle is as hard to read: all count. */
function findCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file].map(rel);
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('layout', () => {
  // The bundled @typescript-eslint/types is CommonJS with getter exports: a module importing it
  // directly calls a getter at every `AST_NODE_TYPES.X` (20 % of our rules' time, bench/README).
  it('reads the node type names through js/node-types.ts only', () => {
    const direct = files.filter(
      (file) => rel(file) !== 'analysis/js/node-types.ts' && readFileSync(file, 'utf8').includes("from '@typescript-eslint/types'"),
    );
    expect(direct.map(rel)).toEqual([]);
  });

  it('every relative import resolves to a source file', () => {
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${rel(file)} → ${rel(t)}`));
    expect(missing).toEqual([]);
  });

  it('rules import the analysis only through topic facades (src/analysis/<topic>/index.ts)', () => {
    const deep = [...graph]
      .filter(([file]) => rel(file).startsWith('rules/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => rel(t).startsWith('analysis/') && !/^analysis\/[^/]+\/index\.ts$/.test(rel(t)))
          .map((t) => `${rel(file)} → ${rel(t)}`),
      );
    expect(deep).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findCycle()).toBeNull();
  });

  it('keeps every source file under about 400 lines', () => {
    const over = files.filter((file) => readFileSync(file, 'utf8').split('\n').length > 420).map(rel);
    expect(over).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const a = join(src, 'a.ts');
    const b = join(src, 'b.ts');
    graph.set(a, [b]);
    graph.set(b, [a]);
    try {
      expect(findCycle()).toEqual(expect.arrayContaining(['a.ts', 'b.ts']));
    } finally {
      graph.delete(a);
      graph.delete(b);
    }
  });

  it('keeps library facts in the catalog: the finder, receivers and SQL reader name no library', () => {
    // Ids, module names and the names only one library uses (its getters, key helpers, modifiers).
    const facts = CATALOG.flatMap((entry) => [
      entry.id,
      ...entry.modules.filter((m): m is string => typeof m === 'string'),
      ...(entry.entityGetters ?? []),
      ...[
        entry.keyFilters?.operators,
        entry.keyFilters?.listOperators,
        entry.keyFilters?.equal,
        entry.keyFilters?.list,
        entry.keyFilters?.all,
      ].flatMap((names) => [...(names ?? [])]),
      ...entry.loaders.flatMap((loader) =>
        loader.kind === 'builder'
          ? [
              ...(loader.keyMethods ?? []),
              ...(loader.pipeline?.boundStages ?? []),
              ...(loader.startEntity ? [loader.startEntity.method] : []),
            ]
          : loader.kind === 'redis'
            ? loader.commands.flatMap((command) => command.range?.byValue ?? [])
            : [],
      ),
    ]);
    const finder = files.filter((file) => /analysis\/loaders\/(?:loads|receivers|sql)\//.test(rel(file)));
    expect(finder.length).toBeGreaterThan(10);
    // Loader kinds (`case 'redis':`) and SQL's own `in` operator share a spelling with a fact.
    const words = new Set(['redis', 'sql', 'in']);
    const named = finder.flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      return facts.filter((fact) => !words.has(fact) && text.includes(`'${fact}'`)).map((fact) => `${rel(file)}: '${fact}'`);
    });
    expect(named).toEqual([]);
  });
});
