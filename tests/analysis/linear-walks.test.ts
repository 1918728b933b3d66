// The shortcuts that keep deep nesting linear (issue 24) give the answers of the plain walks they
// replace, on generated programs and on hostile shapes: `SubtreeSearch` those of `findInSubtree`,
// `enclosingFunction` and `scopeOf` (remembered along each walk) those of a walk up and of
// `sourceCode.getScope`, and `QueriedWith`, searched or looked up in its index, that of a search of
// the side for a call argument that reads the value.
import fc from 'fast-check';
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { enclosingFunction, findInSubtree, isFunction, SKIP_NESTED_FUNCTIONS } from '../../src/analysis/js/ast.js';
import { scopeOf } from '../../src/analysis/js/scopes.js';
import { SubtreeSearch } from '../../src/analysis/js/subtree-search.js';
import { QueriedWith } from '../../src/analysis/sentinel/queried-with.js';
import { sentinelBranchOf } from '../../src/analysis/sentinel/condition.js';
import { unwrap } from '../../src/analysis/js/ast.js';
import { program } from '../robustness/programs.js';
import { HOSTILE_SHAPES } from '../robustness/hostile-shapes.mjs';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Parses `code` as ESLint does (parents, scopes) and hands its SourceCode to `check`. */
function withSourceCode(code: string, filename: string, check: (sourceCode: SourceCode) => void): void {
  const caught: { failure: Error | null } = { failure: null };
  const plugin = {
    rules: {
      check: {
        create: (context: TSESLint.RuleContext<string, []>) => ({
          'Program:exit': () => {
            try {
              check(context.sourceCode);
            } catch (error) {
              caught.failure = error instanceof Error ? error : new Error(String(error));
            }
          },
        }),
      },
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: filename.endsWith('.ts') ? { parser: tsParser } : { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { t: plugin as never },
        rules: { 't/check': 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}`);
  if (caught.failure) throw caught.failure;
}

/** Every node, parents before children. */
function nodesOf(sourceCode: SourceCode): Node[] {
  const nodes: Node[] = [];
  const stack: Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) stack.push(child as Node);
      }
    }
  }
  return nodes;
}

function plainEnclosingFunction(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return null;
}

/** The search `QueriedWith` replaces: a call within `side` (itself included) with an argument holding a read of the value. */
function referenceQueriedWith(side: Node, subject: Node, sourceCode: SourceCode): boolean {
  const target = unwrap(subject);
  const text = target.type === AST_NODE_TYPES.MemberExpression ? sourceCode.getText(target) : null;
  if (target.type !== AST_NODE_TYPES.Identifier && text === null) return false;
  const reads = (n: Node) => {
    if (text !== null) return n.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(n) === text;
    if (n.type !== AST_NODE_TYPES.Identifier || n.name !== (target as TSESTree.Identifier).name) return false;
    const parent = n.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === n && !parent.computed) return false;
    return !(parent?.type === AST_NODE_TYPES.Property && parent.key === n && !parent.shorthand);
  };
  const inCallArgument = (n: Node) => {
    for (let child = n, parent = n.parent; child !== side && parent; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.CallExpression && (parent.arguments as Node[]).includes(child)) return true;
    }
    return false;
  };
  return findInSubtree(side, sourceCode.visitorKeys, (n) => (reads(n) && inCallArgument(n) ? true : null)) !== null;
}

function checkWalks(sourceCode: SourceCode): void {
  const nodes = nodesOf(sourceCode);
  for (const node of nodes) {
    expect(enclosingFunction(node)).toBe(plainEnclosingFunction(node));
    expect(scopeOf(sourceCode, node)).toBe(sourceCode.getScope(node));
  }
  const keys = sourceCode.visitorKeys;
  const calls = (n: Node) => (n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.ReturnStatement ? n : null);
  // One search per option, asked from every node, outer nodes first: the order that reuses most.
  for (const enter of [true, false]) {
    // Remembering every subtree (0), and only the large ones (the default).
    for (const search of [new SubtreeSearch(keys, calls, enter, 0), new SubtreeSearch(keys, calls, enter)]) {
      for (const node of nodes) {
        expect(search.first(node)).toBe(findInSubtree(node, keys, calls, enter ? undefined : SKIP_NESTED_FUNCTIONS));
      }
    }
  }
  const searched = new QueriedWith(sourceCode, Number.POSITIVE_INFINITY);
  const indexed = new QueriedWith(sourceCode, 0);
  for (const node of nodes) {
    if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    const branch = sentinelBranchOf(node);
    if (!branch) continue;
    for (const side of [branch.otherSide, branch.sentinelSide]) {
      if (!side) continue;
      const expected = referenceQueriedWith(side, branch.subject, sourceCode);
      expect(searched.in(side, branch.subject)).toBe(expected);
      expect(indexed.in(side, branch.subject)).toBe(expected);
    }
  }
}

describe('linear walks give the plain walks’ answers', () => {
  it('on generated programs', () => {
    fc.assert(
      fc.property(program('ts', 4), (code) => withSourceCode(code, 'program.ts', checkWalks)),
      { seed: 24, numRuns: 40 },
    );
  });

  it.each(HOSTILE_SHAPES.filter((s) => /else-if|nested-(ternaries|ifs)|chain/.test(s.name)).map((s) => [s.name, s] as const))(
    'on %s',
    (_name, shape) => {
      withSourceCode(shape.generate(40), 'hostile.js', checkWalks);
    },
  );

  it('SubtreeSearch: a match may start a search of another SubtreeSearch', () => {
    withSourceCode('f(a, g(b)); h(c);', 'x.js', (sourceCode) => {
      const keys = sourceCode.visitorKeys;
      const inner = new SubtreeSearch(keys, (n) => (n.type === AST_NODE_TYPES.Identifier && n.name === 'b' ? n : null), true, 0);
      const outer = new SubtreeSearch(
        keys,
        (n) => (n.type === AST_NODE_TYPES.CallExpression && n.arguments.some((a) => inner.first(a) !== null) ? n : null),
        true,
        0,
      );
      // `f(…)` holds `b` in an argument too, and comes first.
      expect(outer.first(sourceCode.ast)?.type).toBe(AST_NODE_TYPES.CallExpression);
      const statements = (sourceCode.ast as TSESTree.Program).body;
      const [f, h] = statements.map((s) => (s as TSESTree.ExpressionStatement).expression);
      expect(outer.first(f!)).toBe(f);
      expect(outer.first((f as TSESTree.CallExpression).arguments[1]!)).toBe((f as TSESTree.CallExpression).arguments[1]);
      expect(outer.first(h!)).toBeNull();
    });
  });
});
