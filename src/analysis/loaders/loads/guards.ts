import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  enclosingFunction,
  findInSubtree,
  identifiersIn,
  isFunction,
  isInside,
  lastName,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import { DefinitionType } from '../../js/definitions.js';

type Node = TSESTree.Node;
type ScopeOf = (node: Node) => TSESLint.Scope.Scope;
type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** The statements that repeat their body. */
export const LOOPS: ReadonlySet<string> = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.ForInStatement,
]);

export type Loop =
  TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement;

/** Loops around `node` inside its own function, innermost first. */
function enclosingLoops(node: Node): Loop[] {
  const loops: Loop[] = [];
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    if (LOOPS.has(current.type)) loops.push(current as Loop);
  }
  return loops;
}

/**
 * Whether the load is one page of a loop: it reads a variable the loop carries from one pass to
 * the next (`skip += take`, `cursor = last.id`, `page++`). A variable declared by `for…of` is a
 * new value each pass (one load per item), not a page.
 */
export function isPaginationLoop(parts: readonly Node[], scopeOf: ScopeOf, visitorKeys: VisitorKeys): boolean {
  const loops = enclosingLoops(parts[0]!);
  if (loops.length === 0) return false;
  const identifiers = parts.flatMap((part) => identifiersIn(part, visitorKeys));
  for (const loop of loops) {
    const body = loop.body;
    for (const identifier of identifiers) {
      const variable = findVariable(scopeOf(identifier), identifier.name);
      if (!variable || variable.defs.length === 0) continue;
      const def = variable.defs[0]!;
      const declaredInBody = isInside(def.name, body);
      const declaredByForOf =
        (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && isInside(def.name, loop.left);
      if (declaredInBody || declaredByForOf) continue;
      const advanced = variable.references.some((reference) => {
        if (!reference.isWrite() || reference.init) return false;
        if (isInside(reference.identifier, body)) return true;
        return loop.type === AST_NODE_TYPES.ForStatement && loop.update !== null && isInside(reference.identifier, loop.update);
      });
      if (advanced) return true;
    }
  }
  return false;
}

/** Calls and properties that measure a data set before it is loaded. */
const SIZE_METHODS = new Set([
  'count',
  'countBy',
  'countDocuments',
  'estimatedDocumentCount',
  'getCount',
  'scard',
  'sCard',
  'hlen',
  'hLen',
  'llen',
  'lLen',
  'zcard',
  'zCard',
  'xlen',
  'xLen',
  'strlen',
  'strLen',
  'dbsize',
  'dbSize',
  'stat',
  'statSync',
  'lstat',
]);

function isSizeSource(node: Node, visitorKeys: VisitorKeys): boolean {
  return (
    findInSubtree(
      node,
      visitorKeys,
      (n) => {
        if (n.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrap(n.callee);
          const name = lastName(callee);
          if (name !== null && SIZE_METHODS.has(name)) return true;
        }
        if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && n.value.toLowerCase() === 'content-length') return true;
        return null;
      },
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}

/** Whether an operand of a comparison measures the data: a size call, or a variable holding one. */
function measuresSize(operand: Node, scopeOf: ScopeOf, visitorKeys: VisitorKeys): boolean {
  if (isSizeSource(operand, visitorKeys)) return true;
  for (const identifier of identifiersIn(operand, visitorKeys)) {
    const def = findVariable(scopeOf(identifier), identifier.name)?.defs[0];
    if (def?.type !== DefinitionType.Variable) continue;
    const declarator = def.node;
    if (declarator.init && isSizeSource(declarator.init, visitorKeys)) return true;
  }
  return false;
}

/** Relational operators: how a measure meets a cap. */
export const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** The other side of the comparison is a maximum, not `0` or `1` ("is there anything?"). */
export function isCap(node: Node): boolean {
  const target = unwrap(node);
  return !(target.type === AST_NODE_TYPES.Literal && typeof target.value === 'number' && target.value <= 1);
}

function comparesSize(test: Node, scopeOf: ScopeOf, visitorKeys: VisitorKeys): boolean {
  return comparesWithCap(test, visitorKeys, (n) => measuresSize(n, scopeOf, visitorKeys));
}

/** Whether `test` compares something `measures` accepts with a cap (`count > MAX`, `MAX <= total`), outside nested functions. */
export function comparesWithCap(test: Node, visitorKeys: VisitorKeys, measures: (node: Node) => boolean): boolean {
  return (
    findInSubtree(
      test,
      visitorKeys,
      (n) =>
        n.type === AST_NODE_TYPES.BinaryExpression &&
        COMPARISONS.has(n.operator) &&
        ((measures(n.left) && isCap(n.right)) || (measures(n.right) && isCap(n.left)))
          ? true
          : null,
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}

export function exits(statement: Node, visitorKeys: VisitorKeys): boolean {
  return (
    findInSubtree(
      statement,
      visitorKeys,
      (n) =>
        n.type === AST_NODE_TYPES.ThrowStatement ||
        n.type === AST_NODE_TYPES.ReturnStatement ||
        n.type === AST_NODE_TYPES.BreakStatement ||
        n.type === AST_NODE_TYPES.ContinueStatement
          ? true
          : null,
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}

/**
 * Whether the load is guarded by a size check in its function: an `if` comparing a count (`count`,
 * `scard`, `hlen`, `llen`, `content-length`, a `stat().size`) with something, either around the
 * load or before it with a `throw`/`return` (or `break`/`continue`) in its branch.
 */
export function hasSizeGuard(node: Node, scopeOf: ScopeOf, visitorKeys: VisitorKeys): boolean {
  const fn = enclosingFunction(node);
  const body = fn?.body ?? null;
  if (!body || body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
      !isInside(node, current.test)
    ) {
      if (comparesSize(current.test, scopeOf, visitorKeys)) return true;
    }
  }
  const guard = findInSubtree(
    body,
    visitorKeys,
    (n) => {
      if (n.type !== AST_NODE_TYPES.IfStatement || n.range[1] > node.range[0]) return null;
      return comparesSize(n.test, scopeOf, visitorKeys) &&
        (exits(n.consequent, visitorKeys) || (n.alternate !== null && exits(n.alternate, visitorKeys)))
        ? n
        : null;
    },
    SKIP_NESTED_FUNCTIONS,
  );
  return guard !== null;
}

/** The loop's test, or an `if` in its body that leaves, compares against a maximum: `while (cursor && n < max)`, `if (count >= max) break`. */
export function capsLoop(loop: Loop, visitorKeys: VisitorKeys): boolean {
  const comparesCap = (test: Node) => comparesWithCap(test, visitorKeys, isCap);
  if ('test' in loop && loop.test && comparesCap(loop.test)) return true;
  return (
    findInSubtree(
      loop.body,
      visitorKeys,
      (node) =>
        node.type === AST_NODE_TYPES.IfStatement &&
        comparesCap(node.test) &&
        (exits(node.consequent, visitorKeys) || (node.alternate !== null && exits(node.alternate, visitorKeys)))
          ? true
          : null,
      SKIP_NESTED_FUNCTIONS,
    ) !== null
  );
}
