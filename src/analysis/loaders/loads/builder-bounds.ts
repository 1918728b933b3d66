import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, isFunction, isInside, lastName, literalString, memberPropertyName, unwrap } from '../../js/ast.js';
import { DefinitionType, findVariable, unwrapSequence } from '../../js/index.js';
import type { BuilderLoader } from '../catalog.js';
import type { Link } from './chains.js';
import { ALL_HELPERS, KEY_HELPERS, LIST_HELPERS } from './key-filters.js';
import { type LoadContext, isSmallEntity } from './load-context.js';
import { hasAnyKey, isBuiltList, isCallerList, isPrimaryKeyFilter, viewObject } from './objects.js';
import { isCatalogTable, judgeSql, PRIMARY_KEYS, type SqlPiece } from '../sql/index.js';

// What bounds a builder chain besides its bound methods: the table it reads, its start options,
// a filter on keys, an aggregation pipeline's stages, an aggregate select.

type Node = TSESTree.Node;

/** SQL's aggregate functions, as builder helpers (`count()`, `fn.countAll()`) and in raw text. */
const AGGREGATE_CALLS = new Set(['count', 'countAll', 'countDistinct', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max']);
const AGGREGATE_TEXT = /\b(?:count|sum|avg|min|max)\s*\(/i;

/** Whether the link is one of the builder's bound methods (`limit`) or key methods (`whereInIds`). */
export function isBoundLink(loader: BuilderLoader, link: Link): boolean {
  return loader.boundMethods.includes(link.name) || loader.keyMethods?.includes(link.name) === true;
}

/** The test a bound depends on, and on which side of it the chain has no bound. */
export interface BoundGuard {
  test: Node;
  /** The bound runs when the test is true: the load is unbounded when it is false. */
  unboundedWhen: 'false' | 'true';
  bound: string;
}

/**
 * `if (limit) query.limit(limit); … await query`: when every bound of the chain runs on some
 * paths only (inside an `if` or a ternary branch, or after `&&`/`||`, that does not also hold the
 * consumer), the test of the first one, and the side on which the load has no bound. Null when
 * a bound always runs before the consumer, bounds sit on both sides of one `if`, or there is none.
 */
export function boundGuard(loader: BuilderLoader, after: readonly Link[], consumer: Node): BoundGuard | null {
  let first: BoundGuard | null = null;
  const sides = new Map<Node, Set<'true' | 'false'>>();
  for (const link of after) {
    if (!isBoundLink(loader, link)) continue;
    const guard = guardAbove(link.call, consumer);
    if (!guard) return null;
    const seen = sides.get(guard.test) ?? new Set();
    seen.add(guard.unboundedWhen);
    // `if (limit) q.limit(limit); else q.limit(100);`: bounded either way.
    if (seen.size === 2) return null;
    sides.set(guard.test, seen);
    first ??= { ...guard, bound: link.name };
  }
  return first;
}

function guardAbove(call: Node, consumer: Node): Omit<BoundGuard, 'bound'> | null {
  for (let child: Node = call, parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (isInside(consumer, parent) || isFunction(parent)) return null;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.test) return null;
        return { test: parent.test, unboundedWhen: child === parent.consequent ? 'false' : 'true' };
      case AST_NODE_TYPES.LogicalExpression:
        if (child !== parent.right || parent.operator === '??') return null;
        return { test: parent.left, unboundedWhen: parent.operator === '&&' ? 'false' : 'true' };
      default:
        break;
    }
  }
  return null;
}

/**
 * Whether a chain, from its start call (or the receiver that starts it) through the links after it,
 * reads a bounded set of rows. `listsBound: false` when the chain's code bounds it on some paths
 * (`if (limit) q.limit(limit)`): a filter on the caller's list of values of a non-key column
 * (`whereIn('status', statuses)`) then bounds nothing, as the code itself says the rows need a bound.
 */
export function isBoundedChain(
  ctx: LoadContext,
  start: TSESTree.Expression,
  startLink: Link | null,
  after: Link[],
  loader: BuilderLoader,
  listsBound = true,
): boolean {
  const bounds = (name: string) => loader.boundMethods.includes(name) || loader.keyMethods?.includes(name) === true;
  if (after.some((l) => isBoundLink(loader, l))) return true;
  // `knex('pg_proc')`, `.from('information_schema.tables')`: the schema's size, not the data's.
  const tableMethods = loader.tableMethods ?? [];
  const startCall = startLink ? startLink.call : start.type === AST_NODE_TYPES.CallExpression ? start : null;
  const tables = [
    ...((startLink === null || tableMethods.includes(startLink.name)) && startCall ? [startCall] : []),
    ...after.filter((l) => tableMethods.includes(l.name)).map((l) => l.call),
  ];
  if (
    tables.some((call) => {
      const name = literalString(call.arguments[0] ?? call);
      return name !== null && isCatalogTable(name);
    })
  )
    return true;
  if (tables.some((call) => call.arguments[0] && isFunctionSource(call.arguments[0]))) return true;
  // `knex('roles')`, `.from(Role, 'r')`, `getRepository(Role).createQueryBuilder('r')`: a small table.
  const entities =
    tables.length > 0
      ? tables.map((call) => call.arguments[0])
      : [startEntityOf(startLink, loader) ?? (startLink ? startLink.member.object : start)];
  if (entities.some((entity) => entity && isSmallEntity(ctx, entity))) return true;
  if (startLink && bounds(startLink.name)) return true;
  if (loader.startOptions && startLink) {
    const options = startLink.call.arguments[loader.startOptions.arg];
    if (options) {
      const view = viewObject(options, ctx.scopeOf, startLink.member.object);
      if (!view || hasAnyKey(view, loader.startOptions.keys) || !view.complete) return true;
    }
  }
  if (loader.startFilterArg !== undefined && startLink && startLink.name !== loader.pipeline?.method) {
    const filter = startLink.call.arguments[loader.startFilterArg];
    if (filter && isPrimaryKeyFilter(filter, ctx.scopeOf)) return true;
    if (filter && loader.stringFilterIsKey && isStringText(filter)) return true;
    if (filter && !viewObject(filter, ctx.scopeOf) && unwrap(filter).type !== AST_NODE_TYPES.Identifier) return false;
  }
  if (loader.pipeline && startLink?.name === loader.pipeline.method) {
    const pipeline = startLink.call.arguments[loader.pipeline.arg];
    if (!pipeline || unwrap(pipeline).type !== AST_NODE_TYPES.ArrayExpression) return true;
    const stages = (unwrap(pipeline) as TSESTree.ArrayExpression).elements;
    for (const stage of stages) {
      if (!stage || stage.type === AST_NODE_TYPES.SpreadElement) return true;
      const view = viewObject(stage, ctx.scopeOf);
      if (!view) return true;
      if (hasAnyKey(view, loader.pipeline.boundStages)) return true;
    }
  }
  if (loader.whereMethods) {
    // The start itself may be a condition (`usersRef.where('email', '==', email)`).
    for (const link of startLink ? [startLink, ...after] : after) {
      if (loader.whereMethods.includes(link.name) && isKeyCondition(ctx, loader.listMethods, link.call.arguments, link.name, listsBound))
        return true;
    }
  }
  if (loader.selectMethods) {
    const grouped = ctx.settings.sqlPolicy.groupedAggregatesUnbounded && after.some((l) => loader.groupMethods?.includes(l.name));
    const selects = [
      ...(startLink && loader.selectMethods.includes(startLink.name) ? [startLink.call] : []),
      ...after.filter((l) => loader.selectMethods!.includes(l.name)).map((l) => l.call),
    ];
    if (!grouped && selects.some((s) => s.arguments.some((a) => isAggregate(ctx, a)))) return true;
  }
  return false;
}

/**
 * `where('id', x)`, `where({ id })`, `whereIn('id', ids)`, `where(eq(t.id, x))`, `where('u.id = :id')`,
 * `where('id', '==', x)`; and any column against the caller's list: `whereIn('email', emails)`,
 * `where('email', 'in', emails)`, `inArray(t.email, emails)`. `listMethods` match a column against their second argument.
 */
export function isKeyCondition(
  ctx: LoadContext,
  listMethods: readonly string[] | undefined,
  args: readonly TSESTree.CallExpressionArgument[],
  method: string,
  listsBound = true,
): boolean {
  const [first, second, third] = args.map((a) => unwrap(a));
  if (!first) return false;
  if (listsBound && listMethods?.includes(method) && args.length === 2 && isCallerList(second, ctx.scopeOf)) return true;
  if (listsBound && args.length === 3 && literalString(second!)?.toLowerCase() === 'in' && isCallerList(third, ctx.scopeOf)) return true;
  // TypeORM's `where(entityIds)`, `entityIds = entities.map(…)`: any of the caller's key objects.
  if (args.length === 1 && isBuiltList(first, ctx.scopeOf)) return true;
  const column = (node: Node | undefined) =>
    node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string'
      ? node.value.slice(node.value.lastIndexOf('.') + 1).replace(/["`]/g, '')
      : null;
  const pkColumn = column(first);
  if (pkColumn !== null && PRIMARY_KEYS.has(pkColumn)) {
    if (args.length === 2) return true;
    const op = column(second);
    return args.length === 3 && (op === '=' || op === '==' || op?.toLowerCase() === 'in') && third !== undefined;
  }
  if ((first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') || first.type === AST_NODE_TYPES.TemplateLiteral) {
    return args.length <= 2 && isKeyText(first);
  }
  // `where(conditions)`, `conditions = pairs.map((p, i) => \`(e.key = :key${i} AND …)\`).join(' OR ')`: a key condition per element of the caller's list.
  if (first.type === AST_NODE_TYPES.Identifier) {
    const keyText = orJoinedText(first, ctx.scopeOf);
    return args.length <= 2 && keyText !== null && isKeyText(keyText, true);
  }
  if (first.type === AST_NODE_TYPES.ObjectExpression) return isPrimaryKeyFilter(first, ctx.scopeOf);
  if (first.type === AST_NODE_TYPES.CallExpression) return isKeyHelper(ctx, first);
  return false;
}

/** `where('u.id = :id')`, `whereRaw(\`LOWER(??) IN (${emails.map(() => '?')})\`, …)`: condition text on a primary key. */
function isKeyText(first: TSESTree.StringLiteral | TSESTree.TemplateLiteral, grouped = false): boolean {
  const text = (piece: string) => ({ kind: 'text' as const, text: piece.replace(/:\.\.\.\w+/g, '?'), sourceStart: null });
  const pieces: SqlPiece[] = [];
  if (first.type === AST_NODE_TYPES.Literal) pieces.push(text(first.value));
  else {
    for (const [i, q] of first.quasis.entries()) {
      const last = pieces.at(-1);
      // `:key${i}`: a hole that ends a parameter's name is part of the name.
      if (i > 0 && !(last?.kind === 'text' && /:\w+$/.test(last.text))) pieces.push({ kind: 'hole' });
      pieces.push(text(q.value.cooked ?? q.value.raw));
    }
  }
  // One OR-ed element, `(e.key = :key0 AND …)`: its own parentheses group it among the others.
  const head = pieces[0];
  const tail = pieces.at(-1);
  if (
    grouped &&
    head?.kind === 'text' &&
    tail?.kind === 'text' &&
    head.text.trimStart().startsWith('(') &&
    tail.text.trimEnd().endsWith(')')
  ) {
    head.text = head.text.trimStart().slice(1);
    tail.text = tail.text.trimEnd().slice(0, -1);
  }
  const verdict = judgeSql([text('SELECT * FROM t WHERE '), ...pieces]);
  return verdict.kind === 'bounded' && verdict.reason === 'primary-key';
}

/** `const c = list.map((x, i) => \`…\`).join(' OR ')` with the caller's `list`: the text each element gives. */
function orJoinedText(
  node: TSESTree.Identifier,
  scopeOf: LoadContext['scopeOf'],
): TSESTree.StringLiteral | TSESTree.TemplateLiteral | null {
  const def = findVariable(scopeOf(node), node.name)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init) return null;
  const join = unwrap(def.node.init);
  if (join.type !== AST_NODE_TYPES.CallExpression || join.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (
    memberPropertyName(join.callee) !== 'join' ||
    literalString(join.arguments[0] ?? join)
      ?.trim()
      .toUpperCase() !== 'OR'
  )
    return null;
  const map = unwrap(join.callee.object);
  if (map.type !== AST_NODE_TYPES.CallExpression || map.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  if (memberPropertyName(map.callee) !== 'map' || !isCallerList(map.callee.object, scopeOf)) return null;
  const fn = map.arguments[0] ? unwrap(map.arguments[0]) : null;
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.body.type === AST_NODE_TYPES.BlockStatement) return null;
  const body = unwrap(fn.body);
  if (body.type === AST_NODE_TYPES.TemplateLiteral) return body;
  return body.type === AST_NODE_TYPES.Literal && typeof body.value === 'string' ? body : null;
}

/** `'abc'`, `` `card-${n}` ``: a string written in place. */
function isStringText(node: Node): boolean {
  const target = unwrap(node);
  return (target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string') || target.type === AST_NODE_TYPES.TemplateLiteral;
}

/** `em.createQueryBuilder(User, 'u')`: the entity a start call names, if its loader has one. */
function startEntityOf(startLink: Link | null, loader: BuilderLoader): Node | undefined {
  const entity = loader.startEntity;
  if (!entity || startLink?.name !== entity.method || startLink.call.arguments.length !== entity.args) return undefined;
  return startLink.call.arguments[entity.arg];
}

/** A condition helper on a key (`eq(t.id, x)`), on the caller's list (`inArray(t.email, emails)`), or joining one (`and(…)`). */
function isKeyHelper(ctx: LoadContext, call: TSESTree.CallExpression): boolean {
  const name = lastName(unwrapSequence(call.callee));
  if (name === null) return false;
  if (ALL_HELPERS.has(name))
    return call.arguments.some(
      (a) => unwrap(a).type === AST_NODE_TYPES.CallExpression && isKeyHelper(ctx, unwrap(a) as TSESTree.CallExpression),
    );
  if (LIST_HELPERS.has(name) && isCallerList(call.arguments[1], ctx.scopeOf)) return true;
  if (!KEY_HELPERS.has(name)) return false;
  const column = call.arguments[0] && unwrap(call.arguments[0]);
  return column?.type === AST_NODE_TYPES.MemberExpression && PRIMARY_KEYS.has(memberPropertyName(column) ?? '');
}

/** `count()`, `fn.countAll()`, `` sql`count(*)` ``, `knex.raw('count(*)')`, and objects of them. */
function isAggregate(ctx: LoadContext, node: Node): boolean {
  const target = unwrap(node);
  // `select({ kind, count: knex.raw('count(*)') })`: with `groupBy`, the key columns sit beside the aggregate.
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    return target.properties.some((p) => p.type === AST_NODE_TYPES.Property && isAggregate(ctx, p.value));
  }
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    return target.elements.some((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isAggregate(ctx, e));
  }
  return (
    findInSubtree(target, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === AST_NODE_TYPES.CallExpression) {
        const name = lastName(unwrapSequence(n.callee));
        if (name && AGGREGATE_CALLS.has(name)) return true;
      }
      if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && AGGREGATE_TEXT.test(n.value)) return true;
      if (n.type === AST_NODE_TYPES.TemplateElement && AGGREGATE_TEXT.test(n.value.cooked ?? n.value.raw)) return true;
      return null;
    }) !== null
  );
}

/**
 * `` sql`pragma_table_info(${t})`.as('i') ``, `` sql`generate_series(1, 10)` ``: a table argument that
 * calls a function, whose rows are what the function returns, not a table's.
 */
function isFunctionSource(node: Node): boolean {
  let target = unwrap(node);
  if (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberPropertyName(target.callee) === 'as'
  ) {
    target = unwrap(target.callee.object);
  }
  if (target.type !== AST_NODE_TYPES.TaggedTemplateExpression) return false;
  return /^\s*[\w.]+\s*\(/.test(target.quasi.quasis[0]?.value.cooked ?? '');
}
