import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter, SourceCode } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WALKED_NODE_TYPES as WALKED, WALK_MAX_CHARS, oneWalk, walkedTypeIndex } from '../../src/util/one-walk.js';

const CODE = `
@Injectable()
export class Loader {
  async load(id?: string) {
    const rows = await this.db.query(sql\`select 1\`, { id: id ?? null });
    if (!rows) throw new Error(\`none: \${id}\`);
    x = rows.length > 0 ? rows.map((r) => ({ ...r, ok: r?.a || f() })) : [];
    return (x satisfies unknown[], <div onClick={() => go()} />, x);
  }
}`;

type Log = string[];

/** Listeners on every walked type that log `<type>@<line>:<column>`. */
function logging(log: Log): Record<string, (node: TSESTree.Node) => void> {
  return Object.fromEntries(WALKED.map((type) => [type, (node: TSESTree.Node) => log.push(`${type}@${node.loc.start.line}:${node.loc.start.column}`)]));
}

function rule(create: (context: TSESLint.RuleContext<string, []>) => TSESLint.RuleListener): TSESLint.RuleModule<string, []> {
  return { defaultOptions: [], meta: { type: 'problem', messages: {}, schema: [] }, create };
}

function lint(rules: Record<string, TSESLint.RuleModule<string, []>>, code: string | SourceCode = CODE, linter = new Linter()): Linter.LintMessage[] {
  const config = {
    files: ['**/*.tsx'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { t: { rules } },
    rules: Object.fromEntries(Object.keys(rules).map((name) => [`t/${name}`, 'error'])),
  } as unknown as Linter.Config;
  return linter.verify(code, config, { filename: 'file.tsx' });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('walkedTypeIndex', () => {
  it('is the index of each walked type in WALKED_NODE_TYPES, and -1 for any other type', () => {
    expect(WALKED.map(walkedTypeIndex)).toEqual(WALKED.map((_, index) => index));
    for (const type of Object.values(AST_NODE_TYPES).filter((t) => !(WALKED as readonly string[]).includes(t))) expect(walkedTypeIndex(type), type).toBe(-1);
  });
});

describe('oneWalk', () => {
  it("calls a rule's listeners on the nodes, and in the order, ESLint's dispatch does", () => {
    const direct: Log = [];
    const walked: Log = [];
    let registered: string[] = [];
    const messages = lint({
      direct: rule(() => logging(direct)),
      walked: rule(
        oneWalk((): TSESLint.RuleListener => {
          const listeners = logging(walked);
          return listeners;
        }),
      ),
      keys: rule((context) => {
        registered = Object.keys(oneWalk(() => logging([]) as TSESLint.RuleListener)(context));
        return {};
      }),
    });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(new Set(direct.map((entry) => entry.split('@')[0]))).toEqual(new Set(WALKED));
    expect(walked).toEqual(direct);
    expect(registered).toEqual(['Program']);
  });

  it('leaves a host without traverse() (Oxlint keeps one SourceCode for every file) to its own dispatch', () => {
    const listeners = { CallExpression: () => {} };
    expect(oneWalk(() => listeners)({ sourceCode: { text: '', ast: {} } })).toBe(listeners);
  });

  it('walks again when the same SourceCode object and file context come with another AST', () => {
    const sources = ['f(() => 1);', 'if (a) { return g(); }'].map((code) => {
      const linter = new Linter();
      const direct: Log = [];
      lint({ direct: rule(() => logging(direct)) }, code, linter);
      return { sourceCode: linter.getSourceCode(), direct };
    });
    let current = sources[0]!.sourceCode;
    const shared = { text: '', get ast() { return current.ast; }, traverse: () => current.traverse() };
    const fileContext = {};
    for (const source of sources) {
      current = source.sourceCode;
      const walked: Log = [];
      const context = Object.assign(Object.create(fileContext) as object, { sourceCode: shared });
      const listeners = oneWalk(() => logging(walked) as TSESLint.RuleListener)(context) as Record<string, (node: unknown) => void>;
      listeners.Program!(current.ast);
      expect(walked).toEqual(source.direct);
    }
  });

  it("registers other listeners as they are, and calls the rule's own Program listener first", () => {
    const log: Log = [];
    lint({
      mixed: rule(
        oneWalk(() => ({
          Program: () => log.push('Program'),
          'Program:exit': () => log.push('Program:exit'),
          Identifier: (node) => log.push(`Identifier ${node.name}`),
          ReturnStatement: () => log.push('ReturnStatement'),
        })),
      ),
    }, 'function f(a) { return a; }');
    expect(log).toEqual(['Program', 'ReturnStatement', 'Identifier f', 'Identifier a', 'Identifier a', 'Program:exit']);
  });

  it('leaves a rule without walked listeners as it is', () => {
    const listeners = { Identifier: () => {} };
    expect(oneWalk(() => listeners)({ sourceCode: { text: '' } })).toBe(listeners);
  });

  it(`leaves files longer than ${WALK_MAX_CHARS} characters to ESLint's dispatch`, () => {
    const listeners = { CallExpression: () => {}, ReturnStatement: () => {} };
    const create = oneWalk(() => listeners);
    expect(Object.keys(create({ sourceCode: { text: 'x'.repeat(WALK_MAX_CHARS), traverse: () => [] } }))).toEqual(['Program']);
    expect(create({ sourceCode: { text: 'x'.repeat(WALK_MAX_CHARS + 1), traverse: () => [] } })).toBe(listeners);
  });

  it('collects the nodes once per lint for all rules, and again when the same SourceCode is linted again', () => {
    const linter = new Linter();
    lint({ seed: rule(() => ({})) }, CODE, linter);
    const sourceCode = linter.getSourceCode();
    const traverse = vi.spyOn(SourceCode.prototype, 'traverse');
    const counts: number[] = [];
    const rules = { a: rule(oneWalk(() => logging([]) as TSESLint.RuleListener)), b: rule(oneWalk(() => logging([]) as TSESLint.RuleListener)) };
    for (let round = 0; round < 2; round++) {
      traverse.mockClear();
      lint(rules, sourceCode, linter);
      counts.push(traverse.mock.calls.length);
    }
    // ESLint's own call and ours, in each lint.
    expect(counts).toEqual([2, 2]);
  });

  it('names the line of the node a crashing listener was called with', () => {
    const crash = rule(
      oneWalk(() => ({
        CallExpression(node) {
          if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'boom') throw new Error('crashed');
        },
      })),
    );
    expect(() => lint({ crash }, 'a();\n\nboom();')).toThrow(/crashed\nOccurred while linting .*file\.tsx:3\nRule: "t\/crash"/);
  });
});
