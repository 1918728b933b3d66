import tsParser, { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

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

/**
 * Parses a TypeScript module as ESLint does (parents, scopes, tokens) and returns its SourceCode,
 * for analysis that reads text or resolves variables.
 */
export function parseSourceCode(code: string): Readonly<TSESLint.SourceCode> {
  let found: Readonly<TSESLint.SourceCode> | null = null;
  const capture = {
    create: (context: TSESLint.RuleContext<string, []>) => ({
      Program: () => {
        found = context.sourceCode;
      },
    }),
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { t: { rules: { capture } } as never },
        rules: { 't/capture': 'error' },
      },
    ],
    { filename: 'file.ts' },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}`);
  if (!found) throw new Error('no SourceCode');
  return found;
}
