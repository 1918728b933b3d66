import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { moduleMatches } from '../catalog.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { Resolution } from './resolution.js';

// TypeFlags values, stable since TypeScript 3 (read here so the plugin never imports `typescript`).
const ANY = 1;
const UNKNOWN = 2;
const VOID = 16384;
const UNDEFINED = 32768;
const NULL = 65536;
const TYPE_PARAMETER = 262144;
const NULLISH = VOID | UNDEFINED | NULL;

/** The package a symbol is declared in (`typeorm`, `@mikro-orm/core`, `.prisma/client`), or the ambient module's name. */
export function declaringModule(checker: ts.TypeChecker, symbol: ts.Symbol): string | null {
  const qualified = checker.getFullyQualifiedName(symbol);
  if (!qualified.startsWith('"')) return null;
  const module = qualified.slice(1, qualified.indexOf('"', 1));
  const at = module.lastIndexOf('/node_modules/');
  if (at === -1) return module;
  const parts = module.slice(at + '/node_modules/'.length).split('/');
  if (parts[0] === '@types' && parts[1]) return parts[1].includes('__') ? `@${parts[1].replace('__', '/')}` : parts[1];
  if (parts[0]?.startsWith('@') || parts[0] === '.prisma') return `${parts[0]}/${parts[1] ?? ''}`;
  return parts[0] ?? null;
}

/** `"…/knex/types/index".Knex.Transaction` is `Knex.Transaction`; a global `PouchDB.Database` is itself. */
function isQualifiedAs(qualified: string, dotted: string): boolean {
  return qualified === dotted || qualified.endsWith(`.${dotted}`);
}

/** A symbol's name; for `export default class Redis`, the class's own name rather than `default`. */
function symbolName(symbol: ts.Symbol): string {
  const name = symbol.getName();
  if (name !== 'default') return name;
  const declared = (symbol.declarations?.[0] as { name?: { text?: unknown } } | undefined)?.name?.text;
  return typeof declared === 'string' ? declared : name;
}

/**
 * Classifies receivers by their declared types. Built only when the parser provides a program;
 * `classify` answers a role, `'other'` for a type that is known and no library's, or null for
 * `any`/`unknown` (then the rule falls back to what the file shows).
 */
export class TypeOracle {
  private readonly checker: ts.TypeChecker;
  private readonly cache = new Map<TSESTree.Node, Resolution>();
  private readonly typeCache = new Map<ts.Type, Resolution>();

  constructor(
    private readonly services: ParserServicesWithTypeInformation,
    private readonly index: CatalogIndex,
  ) {
    this.checker = services.program.getTypeChecker();
  }

  classify(node: TSESTree.Node): Resolution {
    if (this.cache.has(node)) return this.cache.get(node)!;
    let result: Resolution = null;
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (tsNode) result = this.classifyType(this.checker.getTypeAtLocation(tsNode), 0);
    this.cache.set(node, result);
    return result;
  }

  private classifyType(type: ts.Type, depth: number): Resolution {
    if (depth > 6) return null;
    const cached = this.typeCache.get(type);
    if (cached !== undefined) return cached;
    this.typeCache.set(type, null);
    const result = this.classifyUncached(type, depth);
    this.typeCache.set(type, result);
    return result;
  }

  private classifyUncached(type: ts.Type, depth: number): Resolution {
    if (type.flags & (ANY | UNKNOWN)) return null;
    if (type.flags & TYPE_PARAMETER) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.classifyType(constraint, depth + 1) : null;
    }
    if (type.isUnion() || type.isIntersection()) {
      const parts = type.types.filter((t) => !(t.flags & NULLISH));
      const results = parts.map((t) => this.classifyType(t, depth + 1));
      const found = results.find((r) => r !== null && r !== 'other');
      if (found) return found;
      return results.length > 0 && results.every((r) => r === 'other') ? 'other' : null;
    }
    const named = this.byName(type);
    if (named) return named;
    const structural = this.byMembers(type);
    if (structural) return structural;
    const inherited = this.byBases(type, depth);
    if (inherited) return inherited;
    const staticSide = this.byConstructedType(type, depth);
    if (staticSide) return staticSide;
    return 'other';
  }

  private byName(type: ts.Type): Resolution {
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
      if (!symbol) continue;
      const rules = this.index.types.get(symbolName(symbol));
      if (!rules) continue;
      const module = declaringModule(this.checker, symbol);
      for (const { key, rule } of rules) {
        if (rule.imported && (module === null || !moduleMatches(key.library, module))) continue;
        // `PouchDB.Database`, `Knex.Transaction`: the namespace too, not any `Database`.
        if (rule.name.includes('.') && !isQualifiedAs(this.checker.getFullyQualifiedName(symbol), rule.name)) continue;
        return { library: key.library, role: key.role, via: 'type' };
      }
    }
    return null;
  }

  private byMembers(type: ts.Type): Resolution {
    for (const key of this.index.memberRoles) {
      if (key.spec.members!.every((m) => this.checker.getPropertyOfType(type, m) !== undefined)) {
        return { library: key.library, role: key.role, via: 'type' };
      }
    }
    return null;
  }

  private byBases(type: ts.Type, depth: number): Resolution {
    const target = (type as ts.TypeReference).target ?? type;
    if (!target.isClassOrInterface()) return null;
    for (const base of this.checker.getBaseTypes(target)) {
      const result = this.classifyType(base, depth + 1);
      if (result && result !== 'other') return result;
    }
    return null;
  }

  /** `typeof User` for a model class: the role its base gives the class's static side (Sequelize `Model`). */
  private byConstructedType(type: ts.Type, depth: number): Resolution {
    const signatures = type.getConstructSignatures();
    if (signatures.length === 0) return null;
    const instance = signatures[0]!.getReturnType();
    const target = (instance as ts.TypeReference).target ?? instance;
    if (!target.isClassOrInterface()) return null;
    const queue: ts.Type[] = [...this.checker.getBaseTypes(target)];
    for (let i = 0; i < queue.length && i < 8 + depth; i++) {
      const base = queue[i]!;
      const symbol = base.getSymbol();
      const rules = symbol ? this.index.bases.get(symbolName(symbol)) : undefined;
      const module = symbol ? declaringModule(this.checker, symbol) : null;
      const match = rules?.find(({ key, rule }) => !rule.imported || (module !== null && moduleMatches(key.library, module)));
      if (match) return { library: match.key.library, role: match.key.role, via: 'type' };
      const baseTarget = (base as ts.TypeReference).target ?? base;
      if (baseTarget.isClassOrInterface()) queue.push(...this.checker.getBaseTypes(baseTarget));
    }
    return null;
  }
}
