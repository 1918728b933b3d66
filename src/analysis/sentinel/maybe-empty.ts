import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isNullish, unwrap } from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { DefinitionType } from '../js/definitions.js';
import { isEpoch } from './condition.js';

type Node = TSESTree.Node;

function isZero(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && target.value === 0;
}

/** Zero, or time's zero (`new Date(0)`, `EPOCH`), as a reason's words. */
function zeroWords(node: Node): string | null {
  if (isZero(node)) return '`0`';
  return isEpoch(node) ? 'the epoch' : null;
}

/**
 * Why a variable may hold zero or nothing, from its declaration alone: an optional parameter
 * (`since?: number`), a default of zero or the epoch (`since = 0`, `since = new Date(0)`), a
 * fallback to one (`x ?? 0`, `row?.max ?? new Date(0)`, `x || EPOCH`), or a declaration with no
 * value. Null when the declaration gives no such sign.
 */
export function maybeEmptyReason(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): string | null {
  const variable = findVariable(scope, identifier.name);
  const def = variable?.defs[0];
  if (!def) return null;
  if (def.type === DefinitionType.Parameter) {
    const name = def.name as TSESTree.Identifier;
    if (name.optional) return 'is optional';
    const parent = name.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === name) {
      if (isNullish(parent.right)) return 'defaults to nothing';
      const zero = zeroWords(parent.right);
      if (zero) return `defaults to ${zero}`;
    }
    return null;
  }
  if (def.type === DefinitionType.Variable && def.node.type === AST_NODE_TYPES.VariableDeclarator) {
    const init = def.node.init && unwrap(def.node.init);
    if (!init) return def.node.parent.kind === 'let' ? 'starts `undefined`' : null;
    const zero = zeroWords(init);
    if (zero) return `starts at ${zero}`;
    const fallback =
      init.type === AST_NODE_TYPES.LogicalExpression && (init.operator === '??' || init.operator === '||') && zeroWords(init.right);
    if (fallback) return `falls back to ${fallback}`;
  }
  return null;
}
