import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { lastName, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { SqlPiece } from './index.js';
import { DefinitionType } from '../../js/definitions.js';

type Node = TSESTree.Node;
type ScopeOf = (node: Node) => TSESLint.Scope.Scope;

/** Tags whose template is SQL: `` sql`…` ``, `` Prisma.sql`…` ``, `` db.sql`…` ``, `` $queryRaw`…` ``. */
export function sqlTagName(tag: Node, tags: readonly string[]): string | null {
  const target = unwrap(tag);
  const name = lastName(target);
  return name !== null && tags.includes(name) ? name : null;
}

/**
 * The text of a SQL argument as pieces: string and template literals, `sql` tags, `+`
 * concatenations and `const`s holding them; anything else is a hole. `editable` pieces carry
 * their file offset, so a fix can write into them; text reached through a `const` that is used
 * elsewhere too is not editable.
 */
export function sqlPieces(node: Node, scopeOf: ScopeOf, tags: readonly string[], editable = true, depth = 0): SqlPiece[] {
  const target = unwrap(node);
  if (depth > 4) return [{ kind: 'hole' }];
  switch (target.type) {
    case AST_NODE_TYPES.Literal: {
      if (typeof target.value !== 'string') return [{ kind: 'hole' }];
      const raw = target.raw.slice(1, -1);
      return [{ kind: 'text', text: target.value, sourceStart: editable && raw === target.value ? target.range[0] + 1 : null }];
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return templatePieces(target, scopeOf, tags, editable, depth);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return sqlTagName(target.tag, tags) ? templatePieces(target.quasi, scopeOf, tags, editable, depth) : [{ kind: 'hole' }];
    case AST_NODE_TYPES.BinaryExpression:
      if (target.operator !== '+') return [{ kind: 'hole' }];
      return [
        ...sqlPieces(target.left, scopeOf, tags, editable, depth + 1),
        ...sqlPieces(target.right, scopeOf, tags, editable, depth + 1),
      ];
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(scopeOf(target), target.name);
      const def = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || def?.type !== DefinitionType.Variable) return [{ kind: 'hole' }];
      const declarator = def.node;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return [{ kind: 'hole' }];
      if (variable.references.some((r) => r.isWrite() && !r.init)) return [{ kind: 'hole' }];
      const reads = variable.references.filter((r) => r.isRead()).length;
      return sqlPieces(declarator.init, scopeOf, tags, editable && reads === 1, depth + 1);
    }
    default:
      return [{ kind: 'hole' }];
  }
}

function templatePieces(
  template: TSESTree.TemplateLiteral,
  scopeOf: ScopeOf,
  tags: readonly string[],
  editable: boolean,
  depth: number,
): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  template.quasis.forEach((quasi, i) => {
    const text = quasi.value.cooked ?? quasi.value.raw;
    pieces.push({ kind: 'text', text, sourceStart: editable && quasi.value.raw === text ? quasi.range[0] + 1 : null });
    const expression = template.expressions[i];
    if (!expression) return;
    // A constant string or a nested `sql` fragment is text we can read; the rest is a hole.
    const inner = unwrap(expression);
    const quoted = quotedIdentifier(inner);
    if (quoted !== null) {
      pieces.push({ kind: 'text', text: quoted, sourceStart: null });
      return;
    }
    const readable =
      (inner.type === AST_NODE_TYPES.TaggedTemplateExpression && sqlTagName(inner.tag, tags) !== null) ||
      (inner.type === AST_NODE_TYPES.Identifier && isConstString(inner, scopeOf));
    pieces.push(...(readable ? sqlPieces(inner, scopeOf, tags, false, depth + 1) : [{ kind: 'hole' as const }]));
  });
  return pieces;
}

function isConstString(identifier: TSESTree.Identifier, scopeOf: ScopeOf): boolean {
  const def = findVariable(scopeOf(identifier), identifier.name)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const')
    return false;
  const init = def.node.init;
  if (!init) return false;
  const value = unwrap(init);
  return (
    (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)
  );
}

/** The statement's first line or so, for messages: holes shown as `${…}`. */
export function sqlPreview(pieces: readonly SqlPiece[], max = 50): string {
  const text = pieces
    .map((p) => (p.kind === 'text' ? p.text : '${…}'))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/**
 * `${esc('code')}`, `${quote('channel')}`: a helper called with one name, as code quotes a table or
 * column for its dialect; the SQL reads that name.
 */
function quotedIdentifier(node: Node): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return null;
  const argument = node.arguments[0]!;
  if (argument.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return null;
  return IDENTIFIER.test(argument.value) ? argument.value : null;
}
