import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  findInSubtree,
  identifiersIn,
  memberPropertyName,
  propertyKeyName,
  shortText,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../../js/ast.js';
import type { LoadFinding } from './finding.js';
import { capsLoop, hasSizeGuard, type Loop } from './guards.js';
import type { LoadContext } from './load-context.js';
import { isPageName } from './page-names.js';
import { enclosingLoop, isDeclaredArray, loopCollector } from './page-loops.js';

// Pages of any API collected by a loop: `while (cursor) { const res = await api.list({ cursor });
// all.push(...res.items); cursor = res.next_cursor; }`. Each pass asks for the next page with the
// cursor the last response gave, and every page is kept in one array outside the loop. No library
// is named (a catalog read's findings come first, and a call they report is left to them): the
// cursor read from each response and handed to the next request is what tells a page loop from a
// retry or a batch of writes.

type Node = TSESTree.Node;
type CallExpression = TSESTree.CallExpression;

/** A cursor a loop takes from a response: the name a request must read, and how the message names it. */
interface CursorAssignment {
  readonly read: string;
  readonly text: string;
}

const NONE: readonly CursorAssignment[] = [];

/** The cursor loops of one file: each loop's cursor assignments are looked for once, for every awaited call in it. */
export class CursorLoops {
  private readonly assignments = new Map<Loop, readonly CursorAssignment[]>();

  constructor(private readonly ctx: LoadContext) {}

  /** The finding for an awaited call in a loop that follows a response's cursor to the end and keeps every page. */
  finding(call: CallExpression): LoadFinding | null {
    if (call.parent.type !== AST_NODE_TYPES.AwaitExpression) return null;
    const loop = enclosingLoop(call);
    if (!loop) return null;
    const { visitorKeys } = this.ctx.sourceCode;
    const cursor = this.advancedCursor(call, loop);
    if (!cursor || capsLoop(loop, visitorKeys) || hasSizeGuard(call, this.ctx.scopeOf, visitorKeys)) return null;
    const target = loopCollector(this.ctx, call, loop);
    if (!target || !isDeclaredArray(this.ctx, loop, target)) return null;
    const callee = unwrap(call.callee);
    return {
      node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
      messageId: 'cursorLoopPages',
      data: { construct: `${shortText(this.ctx.sourceCode.getText(callee).replace(/\s+/g, ''), 50)}(…)`, cursor, target },
      suggest: [],
    };
  }

  /**
   * The cursor the request reads that the loop takes from each response: a page-named variable
   * (`cursor`, `nextPageToken`) or a page-named property of an object the request reads
   * (`params.offset`), given a page-named part of a response in the loop (`cursor = res.next_cursor`).
   */
  advancedCursor(call: CallExpression, loop: Loop): string | null {
    const candidates = this.assignmentsIn(loop);
    if (candidates.length === 0) return null;
    const { visitorKeys } = this.ctx.sourceCode;
    const read = new Set<string>();
    for (const argument of call.arguments) for (const id of identifiersIn(argument, visitorKeys)) read.add(id.name);
    return candidates.find((candidate) => read.has(candidate.read))?.text ?? null;
  }

  private assignmentsIn(loop: Loop): readonly CursorAssignment[] {
    let found = this.assignments.get(loop);
    if (found) return found;
    const { visitorKeys } = this.ctx.sourceCode;
    const list: CursorAssignment[] = [];
    findInSubtree(
      loop.body,
      visitorKeys,
      (node) => {
        if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
          const cursor = cursorOf(node.left);
          if (cursor && this.givesPage(node.right, cursor)) list.push(cursor);
        } else if (node.type === AST_NODE_TYPES.CallExpression) {
          list.push(...this.assignedProperties(node));
        }
        return null;
      },
      SKIP_NESTED_FUNCTIONS,
    );
    this.assignments.set(loop, (found = list.length > 0 ? list : NONE));
    return found;
  }

  /**
   * A value that is the next page's position: a page-named part of a response (`res.next_cursor`)
   * or a page-named variable (`nextCursor` destructured from the response). What the cursor itself
   * reads does not count: `offset = offset + limit`, `params.offset = params.offset + 100` are
   * counters, not a position the response gave.
   */
  private givesPage(value: Node, cursor: CursorAssignment): boolean {
    const { visitorKeys } = this.ctx.sourceCode;
    const own = (node: Node) => rootName(node) === cursor.read;
    const part = findInSubtree(value, visitorKeys, (node) =>
      node.type === AST_NODE_TYPES.MemberExpression && isPageName(memberPropertyName(node)) && !own(node) ? true : null,
    );
    return part !== null || identifiersIn(value, visitorKeys).some((id) => id.name !== cursor.read && isPageName(id.name));
  }

  /** `Object.assign(state, { next: next_cursor })`: each page-named property given the next page's position. */
  private assignedProperties(call: CallExpression): CursorAssignment[] {
    const callee = unwrap(call.callee);
    const [target, source] = call.arguments;
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      memberPropertyName(callee) !== 'assign' ||
      target?.type !== AST_NODE_TYPES.Identifier ||
      source?.type !== AST_NODE_TYPES.ObjectExpression
    )
      return [];
    const found: CursorAssignment[] = [];
    for (const property of source.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKeyName(property);
      const cursor = { read: target.name, text: `${target.name}.${key}` };
      if (isPageName(key) && this.givesPage(property.value, cursor)) found.push(cursor);
    }
    return found;
  }
}

/** `cursor = …` (the request must read `cursor`), `params.offset = …` (it must read `params`); else null. */
function cursorOf(left: Node): CursorAssignment | null {
  if (left.type === AST_NODE_TYPES.Identifier) return isPageName(left.name) ? { read: left.name, text: left.name } : null;
  if (left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = unwrap(left.object);
  const property = memberPropertyName(left);
  return object.type === AST_NODE_TYPES.Identifier && isPageName(property)
    ? { read: object.name, text: `${object.name}.${property}` }
    : null;
}

/** The variable a reference starts from: `res` of `res.links.next`. */
function rootName(node: Node): string | null {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current.name : null;
}
