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

/** Each walked type's index in `WALKED_NODE_TYPES`. */
const WALKED_TYPES: ReadonlyMap<string, number> = new Map(WALKED_NODE_TYPES.map((type, index) => [type, index]));

interface SourceCodeLike {
  readonly ast: TSESTree.Program;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** ESLint's traversal steps, computed once per file and cached (ESLint 9 and 10). */
  traverse?: () => Iterable<{ kind: number; phase?: number; target: unknown }>;
}

/** A file's walked nodes in the order ESLint enters them, and each one's index in `WALKED_TYPES`. */
interface Walk {
  readonly nodes: readonly TSESTree.Node[];
  readonly types: readonly number[];
}

/** The last walk: a lint's file context (every rule's context inherits from it) and SourceCode. */
let walkedLint: object | null = null;
let walkedSource: SourceCodeLike | null = null;
let lastWalk: Walk = { nodes: [], types: [] };

/**
 * One pass over the file for all our rules in one lint. Keyed by the lint as well as the
 * SourceCode, so a SourceCode linted again (an editor's second pass, the benchmark's rounds) is
 * walked again, as ESLint walks it.
 */
function walkOf(lint: object | null, sourceCode: SourceCodeLike): Walk {
  if (sourceCode === walkedSource && lint === walkedLint) return lastWalk;
  const walk: { nodes: TSESTree.Node[]; types: number[] } = { nodes: [], types: [] };
  const steps = typeof sourceCode.traverse === 'function' ? sourceCode.traverse() : null;
  if (steps) {
    // ESLint's steps, built before the rules run: phase 1 is a node's entry (kind 1, a visit).
    for (const step of steps) {
      if (step.phase !== 1 || step.kind !== 1) continue;
      const node = step.target as TSESTree.Node;
      const type = WALKED_TYPES.get(node.type);
      if (type !== undefined) {
        walk.nodes.push(node);
        walk.types.push(type);
      }
    }
  } else {
    collect(sourceCode.ast, sourceCode.visitorKeys, walk);
  }
  walkedLint = lint;
  walkedSource = sourceCode;
  lastWalk = walk;
  return walk;
}

/** The same walk over the AST by its visitor keys, for a SourceCode without `traverse()`. */
function collect(node: TSESTree.Node, keys: SourceCodeLike['visitorKeys'], walk: { nodes: TSESTree.Node[]; types: number[] }): void {
  const type = WALKED_TYPES.get(node.type);
  if (type !== undefined) {
    walk.nodes.push(node);
    walk.types.push(type);
  }
  for (const key of keys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const element of child) if (isNode(element)) collect(element, keys, walk);
    } else if (isNode(child)) {
      collect(child, keys, walk);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * A rule's listeners for plain node types of `WALKED_TYPES` are called from one `Program`
 * listener, over the nodes collected once per file for all our rules. ESLint's own dispatch costs
 * an allocation or two for every node that has listeners (it rebuilds the list of selectors that
 * match), and so does the collector that frees them; a loop over the shared list reads an array.
 * Other listeners (selectors, `:exit`, code-path events) are registered as they are.
 */
export function oneWalk<Context extends { readonly sourceCode: unknown }>(
  create: (context: Context) => TSESLint.RuleListener,
): (context: Context) => TSESLint.RuleListener {
  return (context) => {
    const listeners = create(context) as Record<string, Listener | undefined>;
    const handlers: (Listener | undefined)[] = [];
    const rest: Record<string, Listener | undefined> = {};
    let walked = false;
    for (const selector in listeners) {
      const listener = listeners[selector];
      const type = WALKED_TYPES.get(selector);
      if (typeof listener === 'function' && type !== undefined) {
        handlers[type] = listener;
        walked = true;
      } else {
        rest[selector] = listener;
      }
    }
    if (!walked) return listeners;
    for (let type = 0; type < WALKED_TYPES.size; type++) handlers[type] ??= undefined;
    const program = rest.Program;
    const sourceCode = context.sourceCode as SourceCodeLike;
    const lint = Object.getPrototypeOf(context) as object | null;
    rest.Program = (root: never) => {
      program?.(root);
      const { nodes, types } = walkOf(lint, sourceCode);
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
