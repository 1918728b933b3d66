import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../../js/imports.js';
import { originOfVariable } from '../../js/index.js';
import { fromLibrary, lastSegment } from '../catalog-index.js';
import { isResolved, type Resolution } from './resolution.js';
import { type ResolverContext, resolved } from './context.js';
import { DefinitionType } from '../../js/definitions.js';

/** A type annotation: a library type (`Repository<User>`), `typeof model`, or a type known to be something else. */
export function resolveAnnotation(context: ResolverContext, type: TSESTree.TypeNode, depth = 0): Resolution {
  if (depth > 4) return null;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference: {
      const dotted = entityName(type.typeName);
      const root = rootIdentifier(type.typeName);
      const variable = root ? findVariable(context.scopeOf(root), root.name) : null;
      const origin = variable ? originOfVariable(variable) : null;
      for (const { key, rule } of context.index.types.get(lastSegment(dotted)) ?? []) {
        if (rule.name.includes('.') && rule.name !== dotted) continue;
        if (rule.imported && !fromLibrary(origin, key.library)) continue;
        return resolved(key, 'annotation');
      }
      const alias = variable?.defs[0];
      if (alias?.type === DefinitionType.Type && alias.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
        return resolveAnnotation(context, alias.node.typeAnnotation, depth + 1);
      // A type the user declared or imported from elsewhere: not a library receiver.
      return variable && variable.defs.length > 0 ? 'other' : null;
    }
    case AST_NODE_TYPES.TSTypeQuery:
      return type.exprName.type === AST_NODE_TYPES.Identifier ? context.resolve(type.exprName) : null;
    case AST_NODE_TYPES.TSUnionType: {
      const parts = type.types.filter((t) => t.type !== AST_NODE_TYPES.TSNullKeyword && t.type !== AST_NODE_TYPES.TSUndefinedKeyword);
      const results = parts.map((t) => resolveAnnotation(context, t, depth + 1));
      const found = results.find(isResolved);
      if (found) return found;
      return results.every((r) => r === 'other') ? 'other' : null;
    }
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
      return null;
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSFunctionType:
      return 'other';
    default:
      return null;
  }
}

/** A property that may name a model (`prisma.user`): not `$connect`, `_engine`, `then`. */
export function isModelLikeName(name: string): boolean {
  return /^[A-Za-z]/.test(name) && !['then', 'catch', 'finally', 'constructor', 'prototype', 'length', 'name'].includes(name);
}

function entityName(name: TSESTree.EntityName): string {
  switch (name.type) {
    case AST_NODE_TYPES.Identifier:
      return name.name;
    case AST_NODE_TYPES.TSQualifiedName:
      return `${entityName(name.left)}.${name.right.name}`;
    default:
      return 'this';
  }
}

function rootIdentifier(name: TSESTree.EntityName): TSESTree.Identifier | null {
  let current: TSESTree.EntityName = name;
  while (current.type === AST_NODE_TYPES.TSQualifiedName) current = current.left;
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}
