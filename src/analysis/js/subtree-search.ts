import type { TSESTree } from '@typescript-eslint/utils';
import { findInSubtree, isFunction, SKIP_NESTED_FUNCTIONS } from './ast.js';

type Node = TSESTree.Node;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Subtrees up to this many characters are searched without remembering anything: nearly every
 * branch of real code. Nesting makes large subtrees, and those are remembered; the small ones
 * inside them cost their own size each, so the total stays linear.
 */
const SMALL_SUBTREE = 2048;
const ENTER_FUNCTIONS = { enterFunctions: true };
/**
 * Many `findInSubtree` searches of one file with one test: the same order, the same answer, but
 * every subtree a search has been through is remembered with what it holds. Branches nested in
 * branches (an `if` in the "then" of an `if`, ternaries in ternaries, a long `else if` chain) are
 * searched from every level, which with `findInSubtree` costs the depth times the size; here each
 * node of a large subtree is tested once per file. `match` must answer from the node alone, never
 * from the root.
 */
export class SubtreeSearch<T> {
  /** Per node reached: the first match in its subtree, or null for none. */
  private readonly known = new Map<Node, T | null>();

  constructor(
    private readonly visitorKeys: VisitorKeys,
    private readonly match: (node: Node) => T | null,
    /** As `findInSubtree`'s option: false leaves nested functions unvisited (the root is searched). */
    private readonly enterFunctions: boolean,
    /** Subtrees of at most this many characters are searched without remembering (tests set 0). */
    private readonly smallSubtree = SMALL_SUBTREE,
  ) {}

  first(root: Node): T | null {
    const answer = this.known.get(root);
    if (answer !== undefined) return answer;
    // A small subtree is searched as it is: remembering costs more than searching it again.
    if (root.range[1] - root.range[0] <= this.smallSubtree) {
      return findInSubtree(root, this.visitorKeys, this.match, this.enterFunctions ? ENTER_FUNCTIONS : SKIP_NESTED_FUNCTIONS);
    }
    // Own stacks per search: `match` may start a search of another SubtreeSearch.
    const nodes: Node[] = [root];
    /** Parallel to `nodes`: true for a node met again after all its children (pushed below them). */
    const leaving: boolean[] = [false];
    const push = (value: unknown) => {
      if (!value || typeof value !== 'object' || !('type' in value)) return;
      if (!this.enterFunctions && isFunction(value as Node)) return;
      nodes.push(value as Node);
      leaving.push(false);
    };
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      if (leaving.pop()) {
        this.known.set(node, null);
        continue;
      }
      const known = this.known.get(node);
      if (known === null) continue;
      const found = known !== undefined ? known : this.match(node);
      if (found !== null) {
        // The first match of every subtree still open around it, as no earlier node matched.
        this.known.set(node, found);
        for (let i = 0; i < nodes.length; i++) if (leaving[i]) this.known.set(nodes[i]!, found);
        return found;
      }
      nodes.push(node);
      leaving.push(true);
      // Children in `findInSubtree`'s order: pushed in key order, so the last is searched first.
      for (const key of this.visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) for (const child of value) push(child);
        else push(value);
      }
    }
    return null;
  }
}
