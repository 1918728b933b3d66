import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { calleeName, enclosingFunction, findInSubtree, shortText, unwrap } from '../analysis/ast.js';
import type { LoadFinding, LoadSuggestionId } from '../analysis/loaders/engine.js';
import { DEFAULT_OPTIONS as LOAD_DEFAULTS } from '../analysis/loaders/options.js';
import { createLoadFinder } from '../analysis/loaders/setup.js';
import { LOAD_SUGGESTION_MESSAGES } from '../analysis/loaders/suggestion-messages.js';
import { SentinelOrigins, type SentinelOrigin } from '../analysis/sentinel-origins.js';
import { sentinelBranchOf, type SentinelBranch } from '../analysis/sentinel-test.js';
import { vocabularySchema, type VocabularyOption } from '../analysis/timeout-vocabulary.js';
import { createRule } from '../util/create-rule.js';

type Node = TSESTree.Node;
type MessageId = 'sentinelSelectsFullLoad' | 'timeoutSelectsFullLoad' | LoadSuggestionId;

export interface NoSentinelFullLoadOptions {
  fullLoadFunctions?: string[];
  vocabulary?: VocabularyOption;
}

/** Functions whose name says they load everything. `*` at the end matches any rest of the name. */
const DEFAULT_FULL_LOAD_FUNCTIONS = ['loadAll', 'fetchAll', 'fullSync', 'reloadAll', 'syncAll', 'getAll*', 'listAll*', 'loadEverything'];

/** A plain name, optionally ending in `*`: nothing that can backtrack. */
function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** A test for "this node reads the value `subject` names": the same variable, or the same member path. */
function readerOf(subject: Node, sourceCode: Readonly<TSESLint.SourceCode>): ((node: Node) => boolean) | null {
  const target = unwrap(subject);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const name = target.name;
    return (n) => {
      if (n.type !== AST_NODE_TYPES.Identifier || n.name !== name) return false;
      const parent = n.parent;
      // `prisma.rev` and `{ rev: 1 }` use the name, not the value.
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === n && !parent.computed) return false;
      return !(parent?.type === AST_NODE_TYPES.Property && parent.key === n && !parent.shorthand);
    };
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression) return null;
  const text = sourceCode.getText(target);
  return (n) => n.type === AST_NODE_TYPES.MemberExpression && sourceCode.getText(n) === text;
}

/**
 * Whether `side` passes the value to a call as an argument — a query parameter, as in
 * `findMany({ where: { revision: { gt: rev } } })` or `.where('mtime', '>=', since)` — which
 * makes the value a marker for an incremental load. Using the value itself
 * (`rows ? rows.map(…) : load()`) does not.
 */
function queriesWith(side: Node, subject: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const reads = readerOf(subject, sourceCode);
  if (!reads) return false;
  const keys = sourceCode.visitorKeys;
  const readIn = (node: Node) => findInSubtree(node, keys, (n) => (reads(n) ? true : null)) !== null;
  return (
    findInSubtree(side, keys, (n) =>
      n.type === AST_NODE_TYPES.CallExpression && n.arguments.some((argument) => readIn(argument)) ? true : null,
    ) !== null
  );
}

export default createRule<[NoSentinelFullLoadOptions], MessageId>({
  name: 'no-sentinel-full-load',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a zero, empty or missing value from selecting a load of every row',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      sentinelSelectsFullLoad:
        '`{{test}}` sends a zero, empty or missing `{{subject}}` to `{{load}}`, which loads every row; a failed or timed-out lookup can produce the same value. Load one bounded page, or fail when `{{subject}}` is missing.',
      timeoutSelectsFullLoad:
        '`{{call}}` returns `{{value}}` when it times out (line {{line}}{{file}}); here `{{test}}` turns that into `{{load}}`, which loads every row. Make `{{call}}` fail with a typed timeout error, and bound this load.',
      ...LOAD_SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        properties: {
          fullLoadFunctions: {
            type: 'array',
            description: 'Names of your functions that load everything (`*` at the end matches any rest of the name).',
            items: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*\\*?$' },
            uniqueItems: true,
          },
          vocabulary: vocabularySchema,
        } satisfies Record<keyof NoSentinelFullLoadOptions, JSONSchema4>,
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ fullLoadFunctions: DEFAULT_FULL_LOAD_FUNCTIONS }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const loads = createLoadFinder(sourceCode, LOAD_DEFAULTS);
    const origins = new SentinelOrigins(context, { vocabulary: options.vocabulary });
    const isFullLoadName = nameMatcher(options.fullLoadFunctions ?? DEFAULT_FULL_LOAD_FUNCTIONS);

    /** The first load of every row in `side`: an unbounded library load, or a full-load function. */
    function fullLoadIn(side: Node): { node: Node; finding: LoadFinding | null } | null {
      return findInSubtree(
        side,
        sourceCode.visitorKeys,
        (node) => {
          if (node.type === AST_NODE_TYPES.CallExpression) {
            const name = calleeName(node);
            if (name && isFullLoadName(name)) return { node, finding: null };
            if (node.callee.type === AST_NODE_TYPES.MemberExpression) {
              const finding = loads.memberCall(node)[0];
              if (finding) return { node, finding };
            }
          }
          if (node.type === AST_NODE_TYPES.AwaitExpression) {
            const finding = loads.consumed(node.argument)[0];
            if (finding) return { node: node.argument, finding };
          }
          if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && enclosingFunction(node)?.async) {
            const finding = loads.consumed(node.argument)[0];
            if (finding) return { node: node.argument, finding };
          }
          if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
            const finding = loads.taggedTemplate(node)[0];
            if (finding) return { node, finding };
          }
          return null;
        },
        { enterFunctions: false },
      );
    }

    /**
     * Reports a branch whose sentinel side loads every row. Without a timeout behind the value,
     * only where the other side queries with the same value (`rev === 0 ? findMany() : findMany({
     * where: { revision: { gt: rev } } })`): then the value is a marker and this side is "load everything".
     * The cheap questions come first: most `if (!x)` never get as far as a search for loads.
     */
    function check(branch: SentinelBranch | null, needsOrigin: boolean): void {
      if (!branch) return;
      const usedElsewhere = !needsOrigin && branch.otherSide !== null && queriesWith(branch.otherSide, branch.subject, sourceCode);
      let origin: SentinelOrigin | null = usedElsewhere ? null : origins.originOf(branch.subject);
      if (!usedElsewhere && !origin) return;
      const load = fullLoadIn(branch.sentinelSide);
      if (!load) return;
      // A finding either way: name the timeout behind the value when there is one.
      origin ??= origins.originOf(branch.subject);
      const test = shortText(sourceCode.getText(branch.test), 40);
      const loadText = shortText(sourceCode.getText(load.node), 50);
      const suggest = load.finding?.suggest ?? [];
      if (origin) {
        const file = origin.fileName ? ` of ${origin.fileName.split(/[\\/]/).at(-1)}` : '';
        context.report({
          node: branch.test,
          messageId: 'timeoutSelectsFullLoad',
          data: { call: origin.call, value: origin.value, line: String(origin.line), file, test, load: loadText },
          suggest,
        });
      } else {
        const subject = shortText(sourceCode.getText(branch.subject), 30);
        context.report({ node: branch.test, messageId: 'sentinelSelectsFullLoad', data: { test, subject, load: loadText }, suggest });
      }
    }

    return {
      IfStatement: (node) => check(sentinelBranchOf(node), false),
      ConditionalExpression: (node) => check(sentinelBranchOf(node), false),
      // `rev || loadAll()` has no incremental side: only a timeout behind `rev` makes it a finding.
      'LogicalExpression[operator="||"], LogicalExpression[operator="??"]': (node: TSESTree.LogicalExpression) =>
        check(sentinelBranchOf(node), true),
    };
  },
});
