import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Listener = (node: never) => void;

/**
 * The node types our rules listen to. `oneWalk` collects the nodes of these types once per file
 * for all our rules, so a rule listening only to them registers a single `Program` listener
 * instead of one per type.
 */
export const WALKED_NODE_TYPES = [
  'ArrowFunctionExpression',
  'AssignmentExpression',
  'AwaitExpression',
  'CallExpression',
  'ConditionalExpression',
  'IfStatement',
  'LogicalExpression',
  'NewExpression',
  'ObjectExpression',
  'ReturnStatement',
  'TaggedTemplateExpression',
  'ThrowStatement',
] as const;

const WALKED_TYPE_COUNT = WALKED_NODE_TYPES.length;

/**
 * A type's index in `WALKED_NODE_TYPES`, or -1. The walk asks this of every node of the file: a
 * switch on the type's string is about a fifth cheaper there than a `Map` lookup.
 */
export function walkedTypeIndex(type: string): number {
  switch (type) {
    case 'ArrowFunctionExpression':
      return 0;
    case 'AssignmentExpression':
      return 1;
    case 'AwaitExpression':
      return 2;
    case 'CallExpression':
      return 3;
    case 'ConditionalExpression':
      return 4;
    case 'IfStatement':
      return 5;
    case 'LogicalExpression':
      return 6;
    case 'NewExpression':
      return 7;
    case 'ObjectExpression':
      return 8;
    case 'ReturnStatement':
      return 9;
    case 'TaggedTemplateExpression':
      return 10;
    case 'ThrowStatement':
      return 11;
    default:
      return -1;
  }
}

/**
 * Files longer than this (in characters, about 3,000 lines) keep ESLint's own dispatch. The walk
 * and each rule's loop read the file's nodes apart from ESLint's traversal; in a small file they
 * are still in the processor's cache, in a large one every read misses. On a generated rule-heavy
 * file our rules together cost 0.89× with the walk at 1,000 lines, 0.99× at 3,000, 1.05–1.16×
 * from 10,000 lines up.
 */
export const WALK_MAX_CHARS = 100_000;

interface TraversalStep {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
}

interface SourceCodeLike {
  readonly text: string;
  readonly ast: TSESTree.Program;
  /** ESLint's traversal steps, computed once per file before the rules run and cached (ESLint 9 and 10). */
  traverse?: () => Iterable<TraversalStep>;
}

/** A file's walked nodes in the order ESLint enters them, and each one's index in `WALKED_NODE_TYPES`. */
interface Walk {
  readonly nodes: TSESTree.Node[];
  readonly types: number[];
}

/** The last walk, and what identifies its lint: the file context every rule's context inherits from, the SourceCode, the AST. */
let walkedLint: object | null = null;
let walkedSource: SourceCodeLike | null = null;
let walkedAst: TSESTree.Program | null = null;
let lastWalk: Walk = { nodes: [], types: [] };

/**
 * One pass over ESLint's traversal steps for all our rules in one lint. Keyed by the lint and the
 * AST as well as the SourceCode, so a SourceCode linted again (an editor's second pass, the
 * benchmark's rounds) is walked again, as ESLint walks it, and a host that keeps one SourceCode
 * object for every file never gets the last file's nodes.
 */
function walkOf(lint: object | null, sourceCode: Required<SourceCodeLike>): Walk {
  const ast = sourceCode.ast;
  if (sourceCode === walkedSource && lint === walkedLint && ast === walkedAst) return lastWalk;
  const walk: Walk = { nodes: [], types: [] };
  const steps = sourceCode.traverse();
  // Phase 1 is a node's entry (kind 1, a visit); the other steps are exits and code-path events.
  for (const step of steps) {
    if (step.phase !== 1 || step.kind !== 1) continue;
    const node = step.target as TSESTree.Node;
    const type = walkedTypeIndex(node.type);
    if (type >= 0) {
      walk.nodes.push(node);
      walk.types.push(type);
    }
  }
  walkedLint = lint;
  walkedSource = sourceCode;
  walkedAst = ast;
  lastWalk = walk;
  return walk;
}

/**
 * A rule's listeners for plain node types of `WALKED_NODE_TYPES` are called from one `Program`
 * listener, over the nodes collected once per file for all our rules. ESLint's own dispatch costs
 * an allocation or two for every node that has listeners (it rebuilds the list of selectors that
 * match), and so does the collector that frees them; a loop over the shared list reads an array.
 * Other listeners (selectors, `:exit`, code-path events) are registered as they are, and so are
 * all of a rule's listeners in a file over `WALK_MAX_CHARS` or in a host without ESLint's steps.
 */
export function oneWalk<Context extends { readonly sourceCode: unknown }>(
  create: (context: Context) => TSESLint.RuleListener,
): (context: Context) => TSESLint.RuleListener {
  return (context) => {
    const listeners = create(context) as Record<string, Listener | undefined>;
    const sourceCode = context.sourceCode as SourceCodeLike;
    // Another host (Oxlint runs ESLint plugins) has no steps to walk, and dispatches as it does.
    if (typeof sourceCode.traverse !== 'function' || sourceCode.text.length > WALK_MAX_CHARS) return listeners;
    const handlers: (Listener | undefined)[] = [];
    const rest: Record<string, Listener | undefined> = {};
    let walked = false;
    for (const selector in listeners) {
      const listener = listeners[selector];
      const type = walkedTypeIndex(selector);
      if (typeof listener === 'function' && type >= 0) {
        handlers[type] = listener;
        walked = true;
      } else {
        rest[selector] = listener;
      }
    }
    if (!walked) return listeners;
    // Every slot filled: a packed array, read without the holey-array checks.
    for (let type = 0; type < WALKED_TYPE_COUNT; type++) handlers[type] ??= undefined;
    const program = rest.Program;
    const lint = Object.getPrototypeOf(context) as object | null;
    rest.Program = (root: never) => {
      program?.(root);
      const { nodes, types } = walkOf(lint, sourceCode as Required<SourceCodeLike>);
      let index = 0;
      try {
        for (; index < nodes.length; index++) handlers[types[index]!]?.(nodes[index] as never);
      } catch (error) {
        pinCurrentNode(error, nodes[index]!);
        throw error;
      }
    };
    return rest;
  };
}

/**
 * ESLint names the line of a crash from `error.currentNode`, which it sets to the node it was
 * visiting: `Program` here. The node our listener was called with stays the one reported.
 */
function pinCurrentNode(error: unknown, node: TSESTree.Node): void {
  if (typeof error !== 'object' || error === null || !Object.isExtensible(error)) return;
  Object.defineProperty(error, 'currentNode', { configurable: true, get: () => node, set: () => {} });
}
