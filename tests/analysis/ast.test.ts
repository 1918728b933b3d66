import tsParser, { parseForESLint } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import { callText, findInSubtree, isParenthesized, SKIP_NESTED_FUNCTIONS } from '../../src/analysis/js/ast.js';
import { findVariable } from '../../src/analysis/js/imports.js';

const { ast, visitorKeys } = parseForESLint('f(a, () => b); g(c); h(d);', { range: true, sourceType: 'module' });
const identifier = (name: string) => (node: TSESTree.Node) => (node.type === AST_NODE_TYPES.Identifier && node.name === name ? node : null);

describe('findInSubtree', () => {
  it('finds a node, and leaves nested functions out when asked', () => {
    expect(findInSubtree(ast, visitorKeys, identifier('d'))?.name).toBe('d');
    expect(findInSubtree(ast, visitorKeys, identifier('b'))?.name).toBe('b');
    expect(findInSubtree(ast, visitorKeys, identifier('b'), SKIP_NESTED_FUNCTIONS)).toBeNull();
  });

  it('keeps its place when a match starts another search (the searches share a pool of stacks)', () => {
    const inner: (string | null)[] = [];
    const found = findInSubtree(ast, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) inner.push(findInSubtree(node, visitorKeys, identifier('c'))?.name ?? null);
      return identifier('a')(node);
    });
    // Later statements first (a stack), each call searched for `c` on the way to `a`.
    expect(found?.name).toBe('a');
    expect(inner).toEqual([null, 'c', null]);
  });

  it('is usable again after a match throws', () => {
    expect(() =>
      findInSubtree(ast, visitorKeys, () => {
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(findInSubtree(ast, visitorKeys, identifier('a'))?.name).toBe('a');
  });
});

describe('callText', () => {
  /** The callee of the first statement's call, and a SourceCode that can give its text. */
  const calleeOf = (code: string) => {
    const program = parseForESLint(code, { range: true, sourceType: 'module' }).ast;
    const statement = program.body[0] as TSESTree.ExpressionStatement;
    const call = (
      statement.expression.type === AST_NODE_TYPES.ChainExpression ? statement.expression.expression : statement.expression
    ) as TSESTree.CallExpression;
    const sourceCode = { getText: (node: TSESTree.Node) => code.slice(node.range[0], node.range[1]) } as unknown as TSESLint.SourceCode;
    return [sourceCode, call.callee as TSESTree.MemberExpression] as const;
  };

  it('gives a short call whole, on one line', () => {
    expect(callText(...calleeOf('repo\n  .find();'), 50)).toBe('repo .find()');
  });

  it('cuts a long receiver and keeps the method', () => {
    const text = callText(...calleeOf('connection.getRepository(ctx, ProductVariantEntity).find();'), 50);
    expect(text).toBe('connection.getRepository(ctx, ProductVariant….find()');
    expect(text.length).toBeLessThanOrEqual(50 + '()'.length);
  });

  it('keeps optional chaining, and cuts a computed member as a whole', () => {
    expect(callText(...calleeOf('this.cacheClientForTheCurrentTenantRegion?.smembers(key);'), 40)).toBe(
      'this.cacheClientForTheCurrent…?.smembers()',
    );
    expect(callText(...calleeOf("this.cacheClientForTheCurrentTenantRegion['smembers'](key);"), 40)).toBe(
      'this.cacheClientForTheCurrentTenantRegi…()',
    );
  });
});

describe('isParenthesized and findVariable, beside the typescript-eslint helpers they stand in for', () => {
  // The plugin does not load @typescript-eslint/utils at run time (it would bring TypeScript along),
  // so these two are ours; on every node and name of this code they must answer as ASTUtils does.
  const CODE = `
    import { q } from 'q';
    const a = (1), b = ((2)), c = [(3), 4];
    f(x); f((x)); f(x, (y)); new C(x); new C((x)); (f)(x); f<string>((x)); f?.((x));
    if (a) {} if ((a)) {} while (b) {} while ((b)) {} do {} while (c); do {} while ((c));
    switch (a) { case (1): break; } switch ((a)) {}
    import(q); import((q));
    const g = () => ({}); const h = () => (0);
    function k(p = (1)) { return (p); }
    class D { m() { const inner = (a); return [inner, (q)]; } }
    for (const e of (c)) { void (e); }
    try {} catch (err) { throw (err); }
    const t = (a as number) satisfies number; typeof (a); !(a);
  `;
  const ours: string[] = [];
  const theirs: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
      return {
        '*'(node: Rule.Node) {
          const n = node as unknown as TSESTree.Node;
          const where = `${n.type}@${n.range[0]}`;
          ours.push(`${where} ${isParenthesized(n, sourceCode)}`);
          theirs.push(`${where} ${ASTUtils.isParenthesized(n, sourceCode)}`);
          if (n.type === AST_NODE_TYPES.Identifier) {
            const scope = sourceCode.getScope(n);
            ours.push(`${where} ${n.name} -> ${findVariable(scope, n.name)?.defs[0]?.node.range[0] ?? 'none'}`);
            theirs.push(`${where} ${n.name} -> ${ASTUtils.findVariable(scope, n.name)?.defs[0]?.node.range[0] ?? 'none'}`);
          }
        },
      };
    },
  };
  new Linter({ configType: 'flat' }).verify(
    CODE,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { t: { rules: { same: rule } } },
        rules: { 't/same': 'error' },
      },
    ],
    { filename: 'file.ts' },
  );

  it('answer as ASTUtils.isParenthesized and ASTUtils.findVariable on every node', () => {
    expect(ours.length).toBeGreaterThan(150);
    expect(ours.filter((line) => line.endsWith(' true')).length, 'parenthesized nodes').toBeGreaterThan(20);
    expect(ours).toEqual(theirs);
  });
});
