import type { FixOffer } from '../../../util/report-fixes.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TypedErrorOption } from '../../fixes/typed-error.js';
import type { LibraryEntry } from '../catalog.js';
import type { LimitChoice } from '../fixes.js';
import type { NameKind } from '../small-tables.js';
import type { SqlPolicy } from '../sql/index.js';

// What the load finder reports and how it is configured: shared by the finder and the modules that
// judge one kind of load, so none of them imports the finder back.

type Node = TSESTree.Node;

export type LoadMessageId =
  | 'unboundedCall'
  | 'unboundedFilterCall'
  | 'unboundedChain'
  | 'boundOnSomePaths'
  | 'unboundedSql'
  | 'redisKeys'
  | 'redisWhole'
  | 'redisRange'
  | 'redisRangeSomePaths'
  | 'redisOpenRange'
  | 'oversizedBound'
  | 'collectedPages'
  | 'recursivePages'
  | 'fannedPages'
  | 'callbackPages'
  | 'generatorPages'
  | 'cursorLoopPages'
  | 'unboundedBatch'
  | 'unboundedCustom'
  | 'unboundedPages';

export type LoadSuggestionId = 'addOption' | 'addMethod' | 'useFind' | 'appendLimit' | 'boundRange' | 'guardSize' | 'guardCount';

export type LoadSuggestion = FixOffer<LoadSuggestionId>;

export interface LoadFinding {
  node: Node;
  /** Where inside `node` the finding is, when that is narrower (a call in a script's text). */
  loc?: TSESTree.SourceLocation;
  messageId: LoadMessageId;
  data: Record<string, string>;
  suggest: LoadSuggestion[];
}

/** A loader the user describes: `{ callee: 'api.items.list', boundArgs: ['limit'] }`. */
export interface CustomLoader {
  callee: string;
  module?: string;
  boundArgs?: string[];
  boundMethods?: string[];
}

export interface FinderOptions {
  libraries: readonly LibraryEntry[];
  customLoaders: readonly CustomLoader[];
  limit: LimitChoice;
  limitError: TypedErrorOption | undefined;
  /** Grouped aggregates and small tables, for SQL text and builder chains alike. */
  sqlPolicy: SqlPolicy;
  /** Whether `new DataLoader(fn)` without `maxBatchSize` is reported. */
  checkBatchLoaders: boolean;
  /** Whether an unknown callee called with a table (`this.db('t').where()`) may be a client by the call's shape. */
  tableCallShape: boolean;
  /** Tables small by construction, by a table's name or a binding's (`Role`, `roleRepository`). */
  isSmallTable: (name: string, kind: NameKind) => boolean;
}

/** What a module that judges one kind of load needs of the file. */
export interface JudgeContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly scopeOf: (node: Node) => TSESLint.Scope.Scope;
  readonly settings: FinderOptions;
}

/** `.limit()` or `.first()`: how a list of bounds reads in a message. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
