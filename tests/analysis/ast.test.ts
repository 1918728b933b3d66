import { parseForESLint } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import { callText, findInSubtree, SKIP_NESTED_FUNCTIONS } from '../../src/analysis/js/ast.js';

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
