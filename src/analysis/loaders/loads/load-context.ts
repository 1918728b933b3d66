import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { lastName, memberPropertyName, unwrap } from '../../js/ast.js';
import { unwrapSequence } from '../../js/index.js';
import type { Evidence, LibraryEntry } from '../catalog.js';
import type { JudgeContext } from './finding.js';
import { hasSizeGuard, isPaginationLoop } from './guards.js';
import type { LoaderTables } from './loader-tables.js';
import { type Resolution, isResolved } from '../receivers/resolution.js';
import type { ReceiverResolver } from '../receivers/index.js';

type Node = TSESTree.Node;

/** What the modules judging catalog loads need of the file: the judge's context, receivers and the loader tables. */
export interface LoadContext extends JudgeContext {
  readonly resolver: ReceiverResolver;
  readonly tables: LoaderTables;
}

/**
 * Node's stream and cursor vocabulary (`.stream()`, `.pipe()`, `.cursor()`, `.iterate()`, `.each()`):
 * a query chained with one hands rows over as they come instead of loading them all.
 */
export const STREAMING: ReadonlySet<string> = new Set(['stream', 'cursor', 'iterate', 'each', 'pipe']);

/** Whether a receiver is good enough evidence for a loader of `library`/`role`. */
export function acceptsReceiver(
  ctx: LoadContext,
  resolution: Resolution,
  receiver: Node,
  library: LibraryEntry,
  role: string,
  evidence: Evidence,
): boolean {
  if (isResolved(resolution)) return resolution.library === library && (role === '*' || resolution.role === role);
  if (resolution === 'other' || evidence === 'receiver') return false;
  if (unwrap(receiver).type === AST_NODE_TYPES.ThisExpression) return false;
  return evidence === 'shape' || ctx.resolver.importsLibrary(library);
}

/**
 * Whether what a load reads is a small table: the name of a table (`'roles'`), an entity
 * (`Role`, `entities.Role`), a repository or delegate (`this.roleRepository`, `prisma.role`),
 * or the entity of a getter (`getRepository(ctx, Role)`).
 */
export function isSmallEntity(ctx: LoadContext, node: Node): boolean {
  const target = unwrapSequence(node);
  const { isSmallTable } = ctx.settings;
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'string' && isSmallTable(target.value, 'table');
    case AST_NODE_TYPES.Identifier:
      return isSmallTable(target.name, 'binding');
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberPropertyName(target);
      return name !== null && isSmallTable(name, 'binding');
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapSequence(target.callee);
      const getter = lastName(callee);
      const entity = target.arguments.at(-1);
      return (
        getter !== null &&
        ctx.tables.entityGetters.has(getter) &&
        entity !== undefined &&
        entity.type !== AST_NODE_TYPES.SpreadElement &&
        isSmallEntity(ctx, entity)
      );
    }
    default:
      return false;
  }
}

/** Loads that are fine where they are: a page of a pagination loop, or after a size guard. */
export function isExempt(ctx: JudgeContext, call: Node, parts: Node[]): boolean {
  if (parts.length > 0 && isPaginationLoop(parts, ctx.scopeOf, ctx.sourceCode.visitorKeys)) return true;
  return hasSizeGuard(call, ctx.scopeOf, ctx.sourceCode.visitorKeys);
}
