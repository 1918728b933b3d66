import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, isUnshadowedGlobal } from '../js/imports.js';
import type { TypedErrorFallback } from '../fixes/typed-error.js';
import { lineEnding } from '../js/fix-text.js';
import { scopeOf } from '../js/scopes.js';

type Node = TSESTree.Node;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** When no class is configured, a guard throws a `…LimitError` in scope, else a `RangeError`. */
export const LIMIT_ERROR_FALLBACK: TypedErrorFallback = {
  suffix: 'LimitError',
  builtin: { global: 'RangeError', label: 'RangeError', construct: (message) => `new RangeError(${message})` },
};

/** The limit a fix writes: the configured constant when it is in scope at `node`, else the number. */
export interface LimitChoice {
  defaultLimit: number;
  limitConstant: string | null;
}

export interface LimitText {
  /** Source text of the limit (`100`, `PAGE_SIZE`). */
  text: string;
  /** The limit minus one, for inclusive ranges (`99`, `PAGE_SIZE - 1`). */
  last: string;
  /** Whether the text is an identifier. */
  constant: boolean;
}

export function limitText(sourceCode: SourceCode, node: Node, choice: LimitChoice): LimitText {
  const name = choice.limitConstant;
  if (name) {
    const variable = findVariable(scopeOf(sourceCode, node), name);
    // Declared in the file, or a configured global: never an identifier that does not resolve.
    const declared = variable !== null && variable.defs.length > 0;
    const global = variable !== null && variable.defs.length === 0 && isUnshadowedGlobal(scopeOf(sourceCode, node), name);
    if (declared || global) return { text: name, last: `${name} - 1`, constant: true };
  }
  return { text: String(choice.defaultLimit), last: String(choice.defaultLimit - 1), constant: false };
}

/** Inserts `key: value` as the last property of an object literal, following its layout. */
export function addProperty(fixer: Fixer, sourceCode: SourceCode, object: TSESTree.ObjectExpression, property: string): Fix {
  const last = object.properties.at(-1);
  if (!last) {
    return fixer.replaceText(object, `{ ${property} }`);
  }
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = after?.value === ',';
  const multiline = last.loc.start.line !== object.loc.start.line;
  if (multiline) {
    const indent = ' '.repeat(last.loc.start.column);
    const eol = lineEnding(sourceCode);
    return trailingComma
      ? fixer.insertTextAfter(after, `${eol}${indent}${property},`)
      : fixer.insertTextAfter(last, `,${eol}${indent}${property}`);
  }
  return fixer.insertTextAfter(trailingComma ? after : last, trailingComma ? ` ${property},` : `, ${property}`);
}

/**
 * Makes argument `index` of a call an object carrying `property`: adds it to a literal, wraps a
 * named object as `{ ...options, property }`, or appends the argument (padding skipped arguments
 * with `{}`). Null when the call's arguments cannot take it.
 */
export function setOption(
  fixer: Fixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  property: string,
): Fix | null {
  const args = call.arguments;
  const arg = args[index];
  if (arg) {
    if (arg.type === AST_NODE_TYPES.ObjectExpression) return addProperty(fixer, sourceCode, arg, property);
    if (arg.type === AST_NODE_TYPES.Identifier) return fixer.replaceText(arg, `{ ...${arg.name}, ${property} }`);
    return null;
  }
  const padding = Array.from({ length: index - args.length }, () => '{}');
  const added = [...padding, `{ ${property} }`].join(', ');
  const lastArg = args.at(-1);
  if (lastArg) {
    const after = sourceCode.getTokenAfter(lastArg);
    return after?.value === ',' ? fixer.insertTextAfter(after, ` ${added}`) : fixer.insertTextAfter(lastArg, `, ${added}`);
  }
  const closing = sourceCode.getLastToken(call);
  if (closing?.value !== ')') return null;
  return fixer.insertTextBefore(closing, added);
}

/** Whether text can be written twice (in a guard and in the load) without changing what runs. */
export function isRepeatable(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isRepeatable(node.object) && (!node.computed || isRepeatable(node.property));
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(isRepeatable);
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isRepeatable(p.value));
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && isRepeatable(e));
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return isRepeatable(node.expression);
    case AST_NODE_TYPES.CallExpression:
      // `In(ids)`, `getRepository(User)`: pure-looking helpers and getters.
      return (
        node.callee.type !== AST_NODE_TYPES.Super &&
        isRepeatable(node.callee) &&
        node.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement && isRepeatable(a))
      );
    default:
      return false;
  }
}

/** The statement a guard goes before: the load's own statement in a block, in an async function. */
export function guardAnchor(node: Node): TSESTree.Statement | null {
  let current: Node = node;
  let fnAsync = false;
  while (current.parent) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      const isStatement =
        current.type === AST_NODE_TYPES.ExpressionStatement ||
        current.type === AST_NODE_TYPES.VariableDeclaration ||
        current.type === AST_NODE_TYPES.ReturnStatement;
      if (!isStatement) return null;
      for (let up: Node | undefined = parent; up; up = up.parent) {
        if (
          up.type === AST_NODE_TYPES.FunctionDeclaration ||
          up.type === AST_NODE_TYPES.FunctionExpression ||
          up.type === AST_NODE_TYPES.ArrowFunctionExpression
        ) {
          fnAsync = up.async;
          break;
        }
      }
      return fnAsync ? (current as TSESTree.Statement) : null;
    }
    if (
      parent.type === AST_NODE_TYPES.FunctionDeclaration ||
      parent.type === AST_NODE_TYPES.FunctionExpression ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression ||
      parent.type === AST_NODE_TYPES.LogicalExpression
    ) {
      return null;
    }
    current = parent;
  }
  return null;
}

/** Inserts `if (<measure> > limit) { throw … }` before `anchor`, indented like it. */
export function insertGuard(
  fixer: Fixer,
  sourceCode: SourceCode,
  anchor: TSESTree.Statement,
  measure: string,
  limit: string,
  thrown: string,
): Fix {
  const indent = ' '.repeat(anchor.loc.start.column);
  const line = sourceCode.lines[anchor.loc.start.line - 1] ?? '';
  const unit = /^\t/.test(line) ? '\t' : '  ';
  const eol = lineEnding(sourceCode);
  return fixer.insertTextBefore(
    anchor,
    `if (${measure} > ${limit}) {${eol}${indent}${unit}throw ${thrown};${eol}${indent}}${eol}${indent}`,
  );
}
