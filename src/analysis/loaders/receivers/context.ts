import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LibraryEntry } from '../catalog.js';
import type { CatalogIndex, RoleKey } from '../catalog-index.js';
import type { Resolution, Resolved, Via } from './resolution.js';

/**
 * What the evidence readers kept outside the resolver class need of it: the catalog, the file's
 * scopes, the file's imports, and the resolution of other nodes (through its cache).
 */
export interface ResolverContext {
  readonly index: CatalogIndex;
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  readonly resolve: (node: TSESTree.Node) => Resolution;
  readonly importsLibrary: (library: LibraryEntry) => boolean;
}

export function resolved(key: RoleKey, via: Via): Resolved {
  return { library: key.library, role: key.role, via };
}
