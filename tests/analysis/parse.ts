import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** Parses a TypeScript module. */
export function parseProgram(code: string): TSESTree.Program {
  return parse(code, { range: true, loc: true, sourceType: 'module', jsx: false });
}

/** Parses one expression, with parent links (the analysis walks upwards). */
export function parseExpression(code: string): TSESTree.Expression {
  const program = parseProgram(`(${code});`);
  setParents(program, undefined);
  const statement = program.body[0];
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error(`not an expression: ${code}`);
  return statement.expression;
}

function setParents(node: TSESTree.Node, parent: TSESTree.Node | undefined): void {
  (node as { parent?: TSESTree.Node }).parent = parent;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
        setParents(child as TSESTree.Node, node);
      }
    }
  }
}
