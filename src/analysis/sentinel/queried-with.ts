import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, unwrap } from '../js/ast.js';
import { firstAtOrAfter } from '../../util/sorted.js';

type Node = TSESTree.Node;

/**
 * Sides longer than this are answered from an index of the whole file, built once: a long `else
 * if` chain tests a new value at every level, and searching the rest of the chain for each would
 * cost its length squared.
 */
const SCAN_LIMIT = 4096;
/** Member paths longer than this (`a.b.c…`) are not indexed; a value named so is searched for. */
const MAX_INDEXED_PATH = 200;

/**
 * Whether a branch's side passes the tested value to a call as an argument — a query parameter,
 * as in `findMany({ where: { revision: { gt: rev } } })` or `.where('mtime', '>=', since)` — which
 * makes the value a marker for an incremental load. Using the value itself
 * (`rows ? rows.map(…) : load()`) does not. One per file: a short side is searched (after a test
 * of its text); a long side is looked up in an index of the file's reads, built once.
 */
export class QueriedWith {
  /** Per value: the start of the innermost call with an argument holding each read, sorted. */
  private index: Map<string, number[]> | null = null;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    /** Sides longer than this many characters are looked up in the index (tests set 0 or Infinity). */
    private readonly scanLimit = SCAN_LIMIT,
  ) {}

  /** Whether `side` has a call, itself included, with an argument that reads the value `subject` names. */
  in(side: Node, subject: Node): boolean {
    const target = unwrap(subject);
    const reads = readerOf(target, this.sourceCode);
    if (!reads) return false;
    const needle = target.type === AST_NODE_TYPES.Identifier ? target.name : this.sourceCode.getText(target);
    const key = `${target.type}:${needle}`;
    const [start, end] = side.range;
    if (end - start > this.scanLimit && needle.length <= MAX_INDEXED_PATH) {
      const calls = (this.index ??= this.buildIndex()).get(key) ?? [];
      const first = firstAtOrAfter(calls, start);
      return first < calls.length && calls[first]! < end;
    }
    // The cheap text test first: a read of the value has its text (an escaped `\u0072ev` has a backslash).
    const text = this.sourceCode.getText(side);
    if (!text.includes(needle) && !text.includes('\\')) return false;
    // One walk for the reads, then up from each read: not a walk of every argument of every call.
    return findInSubtree(side, this.sourceCode.visitorKeys, (n) => (reads(n) && isCallArgumentWithin(n, side) ? true : null)) !== null;
  }

  /**
   * Every read of a name or short member path in the file, keyed as `in` keys values, with the
   * start of the innermost call whose argument holds it: a side has such a call exactly when one
   * of these starts inside it. One walk of the file, without recursion.
   */
  private buildIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    const keys = this.sourceCode.visitorKeys;
    const nodes: Node[] = [this.sourceCode.ast];
    const calls: number[] = [-1];
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      const call = calls.pop()!;
      if (call !== -1) {
        const key =
          node.type === AST_NODE_TYPES.Identifier && isValueRead(node)
            ? `${node.type}:${node.name}`
            : node.type === AST_NODE_TYPES.MemberExpression && node.range[1] - node.range[0] <= MAX_INDEXED_PATH
              ? `${node.type}:${this.sourceCode.getText(node)}`
              : null;
        if (key !== null) {
          const list = index.get(key);
          if (list) list.push(call);
          else index.set(key, [call]);
        }
      }
      for (const name of keys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[name];
        // Inside a call's arguments, that call is the innermost one; elsewhere the outer one stays.
        const inner = node.type === AST_NODE_TYPES.CallExpression && name === 'arguments' ? node.range[0] : call;
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && 'type' in child) {
            nodes.push(child as Node);
            calls.push(inner);
          }
        }
      }
    }
    for (const list of index.values()) list.sort((a, b) => a - b);
    return index;
  }
}

/** Whether `node` is inside an argument of a call that lies within `root` (`root` itself included). */
function isCallArgumentWithin(node: Node, root: Node): boolean {
  for (let child = node, parent = node.parent; child !== root && parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.CallExpression && (parent.arguments as Node[]).includes(child)) return true;
  }
  return false;
}

/** An identifier that reads its name's value: not `prisma.rev` or `{ rev: 1 }`, which use the name. */
function isValueRead(n: TSESTree.Identifier): boolean {
  const parent = n.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === n && !parent.computed) return false;
  return !(parent?.type === AST_NODE_TYPES.Property && parent.key === n && !parent.shorthand);
}

/** A test for "this node reads the value `subject` names": the same variable, or the same member path. */
export function readerOf(target: Node, sourceCode: Readonly<TSESLint.SourceCode>): ((node: Node) => boolean) | null {
  if (target.type === AST_NODE_TYPES.Identifier) {
    const name = target.name;
    return (n) => n.type === AST_NODE_TYPES.Identifier && n.name === name && isValueRead(n);
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression) return null;
  const text = sourceCode.getText(target);
  return (n) => n.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(n) === text;
}
