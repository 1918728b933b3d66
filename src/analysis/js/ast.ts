import { AST_NODE_TYPES, AST_TOKEN_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** A function written in place as a value: what a call is handed as a callback. */
export type CallbackNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export function isCallback(node: Node | null | undefined): node is CallbackNode {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

/** Strips what does not change a value at run time: TS casts, `!`, `satisfies`, optional-chain wrappers. */
export function unwrap(node: Expression): Expression;
export function unwrap(node: Node): Node;
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member's property (`a.b`, `a['b']`), or null when computed. */
export function memberPropertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return null;
}

/** The static key of an object property (`a: 1`, `'a': 1`, `a() {}`), or null when computed. */
export function propertyKeyName(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (!node.computed && node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
  if (node.key.type === AST_NODE_TYPES.Literal && typeof node.key.value === 'string') return node.key.value;
  return null;
}

/** The words of a name: `lastSyncedAt` → last, synced, at; `LAST_SEQ` → last, seq; `lastETag` → last, etag. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** The last name of a reference: `x` for `x`, `c` for `a.b.c`, `this.c`. */
export function lastName(node: Node): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(target);
  return null;
}

/** Dotted path of a static member chain (`Promise.race`, `process.hrtime.bigint`), or null. */
export function dottedName(node: Node): string | null {
  let target = unwrap(node);
  // A plain name, the common case, allocates nothing.
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  // A loop down the chain, not a recursion: a chain can be thousands of members long.
  let properties = '';
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberPropertyName(target);
    if (property === null) return null;
    properties = `.${property}${properties}`;
    target = unwrap(target.object);
  }
  const root = target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.ThisExpression ? 'this' : null;
  return root === null ? null : root + properties;
}

/** The name a call is made by: `f` for `f()`, `m` for `a.b.m()`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  return lastName(call.callee);
}

export function isCallTo(node: Node, ...names: string[]): node is TSESTree.CallExpression {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = dottedName(target.callee);
  return name !== null && names.includes(name);
}

export function isNullish(node: Node | null | undefined): boolean {
  if (!node) return false;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal && target.value === null && !('regex' in target && target.regex)) {
    return target.raw === 'null';
  }
  if (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined') return true;
  return target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void' && target.argument.type === AST_NODE_TYPES.Literal;
}

/**
 * Enclosing functions of nodes deep in a function body, remembered for every node a long walk
 * passes: nodes nest thousands deep (an `else if` chain), and a walk to the top per question
 * would cost the depth each time. Short walks, nearly all of them, remember nothing.
 */
const enclosingFunctions = new WeakMap<Node, FunctionNode | null>();
/** Steps walked up before the walk starts to remember (and to look up what it remembered). */
const SHORT_WALK = 32;

/** The nearest enclosing function of a node (not the node itself). */
export function enclosingFunction(node: Node): FunctionNode | null {
  let current = node.parent;
  for (let steps = 0; current && steps < SHORT_WALK; current = current.parent, steps++) {
    if (isFunction(current)) return current;
  }
  if (!current) return null;
  // A long walk: from here on, each node passed is remembered, and what is remembered is used.
  const path: Node[] = [];
  let answer: FunctionNode | null = null;
  for (; current; current = current.parent) {
    if (isFunction(current)) {
      answer = current;
      break;
    }
    const known = enclosingFunctions.get(current);
    if (known !== undefined) {
      answer = known;
      break;
    }
    path.push(current);
  }
  // Not when the walk ran off a node whose parent is not set yet (not under a Program).
  if (current || path.at(-1)?.type === AST_NODE_TYPES.Program) for (const n of path) enclosingFunctions.set(n, answer);
  return answer;
}

/** A readable name for a function: its id, the variable, property or method it is assigned to. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return propertyKeyName(parent);
    case AST_NODE_TYPES.AssignmentExpression:
      return lastName(parent.left);
    default:
      return null;
  }
}

export function isInside(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** Source text on one line, cut to `max` characters, for messages. */
export function shortText(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * Whether `node` has parentheses of its own, `(x)`, as opposed to those of the syntax around it:
 * the argument list of a call with one argument, or the head of `if (x)`, `while (x)`,
 * `do … while (x)`, `switch (x)`, `with (x)`, `import(x)` and `catch (e)`.
 */
export function isParenthesized(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const before = sourceCode.getTokenBefore(node);
  const after = sourceCode.getTokenAfter(node);
  if (before?.type !== AST_TOKEN_TYPES.Punctuator || before.value !== '(' || after?.value !== ')') return false;
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === AST_NODE_TYPES.CatchClause) return parent.param !== node;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    // `f(x)`: the `)` is the call's last token; `f((x))` has one more pair.
    return !(parent.arguments.length === 1 && parent.arguments[0] === node && sourceCode.getLastToken(parent)?.range[0] === after.range[0]);
  }
  if (parenthesizedHead(parent) !== node) return true;
  // The syntax's own `(`: after `while` in `do … while (x)`, otherwise the second token.
  const own =
    parent.type === AST_NODE_TYPES.DoWhileStatement
      ? sourceCode.getTokenAfter(parent.body, { skip: 1 })
      : sourceCode.getFirstToken(parent, { skip: 1 });
  return own?.range[0] !== before.range[0];
}

/** The expression a statement (or `import()`) holds in parentheses of its syntax. */
function parenthesizedHead(node: Node): Node | null {
  switch (node.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return node.test;
    case AST_NODE_TYPES.SwitchStatement:
      return node.discriminant;
    case AST_NODE_TYPES.WithStatement:
      return node.object;
    case AST_NODE_TYPES.ImportExpression:
      return node.source;
    default:
      return null;
  }
}

/**
 * `receiver.method()` for a message, in about `max` characters: a long receiver is cut and the
 * method kept, as the method is what the message is about (`connection.getRepository(ctx, Pro….find()`).
 */
export function callText(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.MemberExpression, max: number): string {
  const whole = shortText(sourceCode.getText(callee), Number.MAX_SAFE_INTEGER);
  if (whole.length <= max || callee.computed) return `${shortText(whole, max)}()`;
  const method = `${callee.optional ? '?.' : '.'}${sourceCode.getText(callee.property)}`;
  return `${shortText(sourceCode.getText(callee.object), Math.max(max - method.length, 12))}${method}()`;
}

const ENTER_FUNCTIONS = { enterFunctions: true };
/** `findInSubtree` options that leave nested functions unvisited; one object for every search. */
export const SKIP_NESTED_FUNCTIONS = { enterFunctions: false };
/** Stacks for `findInSubtree`, reused: it runs for most branches and returns, and a search can start another. */
const freeStacks: Node[][] = [];

/**
 * The first node under `root` (itself included) for which `match` returns a node, depth-first.
 * `enterFunctions: false` leaves nested functions unvisited (their returns are not ours).
 */
export function findInSubtree<T>(
  root: Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  match: (node: Node) => T | null,
  options: { enterFunctions: boolean } = ENTER_FUNCTIONS,
): T | null {
  const enterFunctions = options.enterFunctions;
  // Hot: every subtree search runs through here, so no array, closure or iterator per call or child.
  const stack = freeStacks.pop() ?? [];
  stack.push(root);
  try {
    while (stack.length > 0) {
      const node = stack.pop()!;
      const found = match(node);
      if (found !== null) return found;
      const keys = visitorKeys[node.type];
      if (!keys) continue;
      for (let k = 0; k < keys.length; k++) {
        const value = (node as unknown as Record<string, unknown>)[keys[k]!];
        if (!Array.isArray(value)) {
          if (isChildNode(value, enterFunctions)) stack.push(value);
        } else {
          for (let i = 0; i < value.length; i++) {
            const child: unknown = value[i];
            if (isChildNode(child, enterFunctions)) stack.push(child);
          }
        }
      }
    }
    return null;
  } finally {
    stack.length = 0;
    freeStacks.push(stack);
  }
}

function isChildNode(value: unknown, enterFunctions: boolean): value is Node {
  return !!value && typeof value === 'object' && 'type' in value && (enterFunctions || !isFunction(value as Node));
}

/**
 * The deepest node containing `index`, as `SourceCode#getNodeByRangeIndex` finds it (the first
 * child containing it, level by level), but walking only down that path instead of traversing
 * every node before it, which made one lookup per finding cost the whole file.
 */
export function nodeAtIndex(root: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, index: number): Node | null {
  const contains = (node: Node) => node.range[0] <= index && index < node.range[1];
  if (!contains(root)) return null;
  let current = root;
  descend: for (;;) {
    for (const key of visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof child !== 'object' || typeof (child as Node).type !== 'string') continue;
        if (contains(child as Node)) {
          current = child as Node;
          continue descend;
        }
      }
    }
    return current;
  }
}

/** The number a literal (or a string of digits, or `-n`) stands for: `0`, `'-1'`, `-1`. */
export function numberValue(node: Node): number | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) {
    if (typeof target.value === 'number') return target.value;
    if (typeof target.value === 'string' && /^-?\d+$/.test(target.value)) return Number(target.value);
  }
  if (
    target.type === AST_NODE_TYPES.UnaryExpression &&
    target.operator === '-' &&
    target.argument.type === AST_NODE_TYPES.Literal &&
    typeof target.argument.value === 'number'
  ) {
    return -target.argument.value;
  }
  return null;
}

/** The value of a string literal, or null. */
export function literalString(node: Node): string | null {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && typeof target.value === 'string' ? target.value : null;
}

/**
 * The identifiers a subtree reads: not property names (`a.b`'s `b`) or object keys (`{ b: 1 }`).
 * `callees: false` also leaves out the names a call or `new` calls (`Date` in `new Date(since)`,
 * where the caller wants the values a bound is computed from); `enterFunctions` whether nested
 * functions count (by default they do not).
 */
export function identifiersIn(
  node: Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  options: { callees?: boolean; enterFunctions?: boolean } = {},
): TSESTree.Identifier[] {
  const callees = options.callees ?? true;
  const enterFunctions = options.enterFunctions ?? false;
  const found: TSESTree.Identifier[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.Identifier) found.push(current);
    for (const key of visitorKeys[current.type] ?? []) {
      if (current.type === AST_NODE_TYPES.MemberExpression && key === 'property' && !current.computed) continue;
      if (current.type === AST_NODE_TYPES.Property && key === 'key' && !current.computed) continue;
      const called = (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) && key === 'callee';
      if (called && !callees && unwrap(current.callee).type === AST_NODE_TYPES.Identifier) continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child && (enterFunctions || !isFunction(child as Node)))
          stack.push(child as Node);
      }
    }
  }
  return found;
}

/**
 * Whether a statement always leaves the block that holds it: `return`, `throw`, `break`,
 * `continue`, a block ending in one, or an `if` whose both branches do.
 */
export function leavesBlock(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body.at(-1);
      return last !== undefined && leavesBlock(last);
    }
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && leavesBlock(statement.consequent) && leavesBlock(statement.alternate);
    default:
      return false;
  }
}
