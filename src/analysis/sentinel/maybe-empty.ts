import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isNullish, unwrap } from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { DefinitionType } from '../js/definitions.js';

type Node = TSESTree.Node;

function isZero(node: Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.Literal && target.value === 0;
}

/**
 * Why a variable may hold zero or nothing, from its declaration alone: an optional parameter
 * (`since?: number`), a default of zero (`since = 0`), or a fallback to zero (`x ?? 0`, `x || 0`),
 * or a declaration with no value. Null when the declaration gives no such sign.
 */
export function maybeEmptyReason(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): string | null {
  const variable = findVariable(scope, identifier.name);
  const def = variable?.defs[0];
  if (!def) return null;
  if (def.type === DefinitionType.Parameter) {
    const name = def.name as TSESTree.Identifier;
    if (name.optional) return 'is optional';
    const parent = name.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === name && (isZero(parent.right) || isNullish(parent.right))) {
      return `defaults to \`${isZero(parent.right) ? '0' : 'nothing'}\``;
    }
    return null;
  }
  if (def.type === DefinitionType.Variable && def.node.type === AST_NODE_TYPES.VariableDeclarator) {
    const init = def.node.init && unwrap(def.node.init);
    if (!init) return def.node.parent.kind === 'let' ? 'starts `undefined`' : null;
    if (isZero(init)) return 'starts at `0`';
    if (init.type === AST_NODE_TYPES.LogicalExpression && (init.operator === '??' || init.operator === '||') && isZero(init.right)) {
      return `falls back to \`0\``;
    }
  }
  return null;
}
