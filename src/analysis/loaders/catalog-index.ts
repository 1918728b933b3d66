import { BoundedCache } from '../../util/bounded-cache.js';
import type { LibraryEntry, LibraryId, NameRule, RoleSpec } from './catalog.js';
import { moduleMatches } from './catalog.js';
import type { BindingOrigin, NameRef } from '../js/index.js';

/** One role of one library: `typeorm.repository`. */
export interface RoleKey {
  library: LibraryEntry;
  role: string;
  spec: RoleSpec;
}

interface Ruled {
  key: RoleKey;
  rule: NameRule;
}

interface FromRule {
  key: RoleKey;
  from: string;
}

/** Lookups over the enabled catalog entries, built once per rule options. */
export class CatalogIndex {
  readonly libraries: readonly LibraryEntry[];
  readonly constructs: Ruled[] = [];
  readonly factories: Ruled[] = [];
  readonly types = new Map<string, Ruled[]>();
  readonly decorators = new Map<string, Ruled[]>();
  readonly bases = new Map<string, Ruled[]>();
  readonly methods = new Map<string, FromRule[]>();
  readonly callbacks = new Map<string, FromRule[]>();
  readonly properties: (FromRule & { names: readonly string[] | '*' })[] = [];
  readonly memberRoles: RoleKey[] = [];
  readonly moduleObjects: RoleKey[] = [];
  readonly names: { key: RoleKey; patterns: readonly string[] }[] = [];

  constructor(libraries: readonly LibraryEntry[], nameOverrides: Readonly<Record<string, readonly string[]>> = {}) {
    this.libraries = libraries;
    for (const library of libraries) {
      for (const [role, spec] of Object.entries(library.roles)) {
        const key: RoleKey = { library, role, spec };
        for (const rule of spec.constructs ?? []) this.constructs.push({ key, rule });
        for (const rule of spec.factories ?? []) this.factories.push({ key, rule });
        for (const rule of spec.types ?? []) push(this.types, lastSegment(rule.name), { key, rule });
        for (const rule of spec.decorators ?? []) push(this.decorators, rule.name, { key, rule });
        for (const rule of spec.bases ?? []) push(this.bases, lastSegment(rule.name), { key, rule });
        for (const m of spec.methods ?? []) for (const name of m.names) push(this.methods, name, { key, from: m.from });
        for (const c of spec.callbacks ?? []) for (const name of c.names) push(this.callbacks, name, { key, from: c.from });
        for (const p of spec.properties ?? []) this.properties.push({ key, from: p.from, names: p.names });
        if (spec.members) this.memberRoles.push(key);
        if (spec.moduleObject) this.moduleObjects.push(key);
        const patterns = nameOverrides[`${library.id}.${role}`] ?? spec.names ?? [];
        if (patterns.length > 0 || spec.classNames) this.names.push({ key, patterns });
      }
    }
  }

  has(id: LibraryId): boolean {
    return this.libraries.some((l) => l.id === id);
  }

  /** Every file asks about each of its imports; the answers are shared by all files (bounded, for long editor sessions). */
  private readonly modules = new BoundedCache<string, LibraryEntry | null>(10_000);

  libraryOfModule(source: string): LibraryEntry | null {
    return this.modules.get(source, () => this.libraries.find((l) => moduleMatches(l, source)) ?? null);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** Whether a binding origin is one of the library's modules. */
export function fromLibrary(origin: BindingOrigin | null, library: LibraryEntry): boolean {
  return origin !== null && moduleMatches(library, origin.module);
}

/**
 * Whether a name at a use site matches a catalog rule: `default` matches a module's default
 * export (or the module itself, called); a dotted rule matches the dotted path as written; others
 * match the imported name (or the local name). Rules marked `imported` need the library's module.
 */
export function matchesRule(ref: NameRef, rule: NameRule, library: LibraryEntry): boolean {
  const fromLib = fromLibrary(ref.origin, library);
  if (rule.name === 'default') {
    return fromLib && (ref.origin!.imported === 'default' || ref.origin!.imported === '*');
  }
  if (rule.name.includes('.')) {
    if (ref.dotted !== rule.name && !ref.dotted?.endsWith(`.${rule.name}`)) return false;
    return !rule.imported || fromLib || ref.origin === null;
  }
  const name = ref.origin && ref.origin.imported !== '*' && ref.origin.imported !== 'default' ? ref.origin.imported : ref.local;
  if (name !== rule.name) return false;
  if (rule.imported) return fromLib;
  return !ref.declaredLocally;
}

/**
 * Whether `name` matches a name pattern where `*` stands for any run of characters. Linear-time
 * wildcard matching (no regular expression), so no pattern can make it slow.
 */
export function matchesNamePattern(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === name[n]) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star !== -1) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
