// The lists typed by hand in docs/rules/no-unbounded-load.md, against the catalog they describe
// (src/analysis/loaders/libraries/, read through CATALOG and ROLE_KEYS):
//
// - the ids the `libraries` option accepts, and the `<library>.<role>` keys `receiverNames`
//   accepts: the same, both ways;
// - the rows of the "Supported libraries" table: one per catalog entry, by its display name, both ways;
// - in each row's receivers column, the naming conventions (the backticked patterns of the clause
//   that says `names`, outside parentheses): the entry's `names` patterns, both ways;
// - in each row's "Reported" and "A bound is" columns: every method, terminal, Redis command
//   (ioredis spelling), page method, SQL method and tag, query function, page read, command and
//   paginator, and bound key, method or constraint of the entry's loaders, written in a code span.
//   One way only: the cells also hold prose and call shapes around those names.
import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/analysis/loaders/catalog.js';
import { CATALOG } from '../../src/analysis/loaders/libraries/index.js';
import { ROLE_KEYS } from '../../src/analysis/loaders/options.js';
import { codeSpans, ruleDocs, tableAfterHeading } from './markdown.js';

const doc = ruleDocs().get('no-unbounded-load');
if (doc === undefined) throw new Error('no docs/rules/no-unbounded-load.md');

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** The cells of a table's rows, by header, after checking every row has one cell per header. */
function rowsByHeader(table: string[][]): Record<string, string>[] {
  const [header, ...rows] = table;
  if (!header) throw new Error('an empty table');
  return rows.map((row) => {
    expect(row.length, `cells of the row "${row[0]}"`).toBe(header.length);
    return Object.fromEntries(header.map((h, i) => [h, row[i]!]));
  });
}

/** The identifiers written in the code spans of a cell (`` `prepare(…).all()` `` → prepare, all). */
function identifiersIn(cell: string): Set<string> {
  return new Set(codeSpans(cell).flatMap((span) => span.match(/[$A-Za-z_][$\w]*/g) ?? []));
}

/** The naming conventions a receivers cell states: the clause (between `;`) that says `names`. */
function namingConventions(cell: string): string[] {
  const clauses = cell.split(';').filter((clause) => /\bnames\b/.test(clause));
  return clauses.flatMap((clause) => codeSpans(clause.replace(/\([^)]*\)/g, '')));
}

/** The names of an entry's loaders a reader looks for in its "Reported" and "A bound is" cells. */
function loaderNames(entry: LibraryEntry): { reported: Set<string>; bounds: Set<string> } {
  const reported = new Set<string>();
  const bounds = new Set<string>();
  for (const loader of entry.loaders) {
    switch (loader.kind) {
      case 'options':
        loader.methods.forEach((m) => reported.add(m));
        loader.boundKeys.forEach((k) => bounds.add(k));
        break;
      case 'builder':
        loader.terminals.forEach((t) => reported.add(t));
        loader.boundMethods.forEach((m) => bounds.add(m));
        break;
      case 'redis':
        // ioredis spells commands in lower case; node-redis camelCase and `…Buffer` variants are the same commands.
        for (const command of loader.commands) {
          command.names.filter((n) => n === n.toLowerCase() && !n.endsWith('buffer')).forEach((n) => reported.add(n));
        }
        break;
      case 'pages':
        [...loader.methods, ...(loader.cursor?.methods ?? []), ...(loader.iterators ?? [])].forEach((m) => reported.add(m));
        break;
      case 'constructor':
        loader.classes.filter((c) => c.name !== 'default').forEach((c) => reported.add(c.name));
        loader.boundKeys.forEach((k) => bounds.add(k));
        break;
      case 'sql':
        [...loader.methods, ...loader.lazyMethods, ...loader.runningTags, ...loader.tags].forEach((m) => reported.add(m));
        [...loader.prepared.methods, ...loader.prepared.terminals].forEach((m) => reported.add(m));
        break;
      case 'function':
        loader.runs.forEach((f) => reported.add(f));
        loader.bounds.forEach((b) => bounds.add(b));
        break;
      case 'paged':
        [...loader.methods, loader.commands.method, ...loader.commands.classes.map((c) => c.name)].forEach((m) => reported.add(m));
        loader.paginators.forEach((p) => reported.add(p.name));
        break;
    }
  }
  return { reported, bounds };
}

describe('docs/rules/no-unbounded-load.md lists the catalog', () => {
  const options = rowsByHeader(tableAfterHeading(doc, 'Options'));
  const optionRow = (name: string): Record<string, string> => {
    const row = options.find((r) => r.Option === `\`${name}\``);
    if (!row) throw new Error(`no row for the option \`${name}\``);
    return row;
  };

  it('`libraries`: every library id, and only those', () => {
    const ids = codeSpans(optionRow('libraries')['What it does']!);
    expect(new Set(ids).size, 'ids listed twice').toBe(ids.length);
    expect(sorted(ids)).toEqual(sorted(CATALOG.map((l) => l.id)));
  });

  it('`receiverNames`: every <library>.<role> key, and only those', () => {
    const text = optionRow('receiverNames')['What it does']!;
    const list = /The keys:\s*((?:`[^`]+`\s*,?\s*)+)/.exec(text)?.[1];
    if (list === undefined) throw new Error('no "The keys: `…`, `…`" list in the receiverNames row');
    const keys = codeSpans(list);
    expect(new Set(keys).size, 'keys listed twice').toBe(keys.length);
    expect(sorted(keys)).toEqual(sorted(ROLE_KEYS));
  });

  const libraries = rowsByHeader(tableAfterHeading(doc, 'Supported libraries'));
  const [reportedColumn, boundColumn, receiversColumn] = ['Reported', 'A bound is', 'Receivers recognised (without types)'];

  it('"Supported libraries": one row per catalog entry, and only those', () => {
    expect(sorted(libraries.map((r) => r.Library!))).toEqual(sorted(CATALOG.map((l) => l.name)));
  });

  describe.each(CATALOG.map((entry) => [entry.name, entry] as const))('the row of %s', (name, entry) => {
    const row = () => {
      const found = libraries.find((r) => r.Library === name);
      if (!found) throw new Error(`no row "${name}"`);
      return found;
    };

    it('names its naming conventions, and only those', () => {
      const patterns = new Set(Object.values(entry.roles).flatMap((spec) => spec.names ?? []));
      expect(sorted(namingConventions(row()[receiversColumn]!))).toEqual(sorted(patterns));
    });

    it('names the methods it reports and the bounds it accepts', () => {
      const { reported, bounds } = loaderNames(entry);
      const inReported = identifiersIn(row()[reportedColumn]!);
      const inBounds = identifiersIn(row()[boundColumn]!);
      expect(
        sorted(reported).filter((n) => !inReported.has(n)),
        `missing from "${reportedColumn}"`,
      ).toEqual([]);
      expect(
        sorted(bounds).filter((n) => !inBounds.has(n)),
        `missing from "${boundColumn}"`,
      ).toEqual([]);
    });
  });
});
