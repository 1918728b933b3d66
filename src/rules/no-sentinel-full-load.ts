import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import {
  calleeName,
  enclosingFunction,
  identifiersIn,
  memberPropertyName,
  scopeOf,
  shortText,
  SubtreeSearch,
  unwrap,
} from '../analysis/js/index.js';
import {
  createLoadFinder,
  isConsumable,
  LIMIT_ERROR_FALLBACK,
  loadOptionsFromSettings,
  LOAD_SUGGESTION_MESSAGES,
  type LoadFinder,
  type LoadFinding,
  type LoadSuggestionId,
} from '../analysis/loaders/index.js';
import { resilienceSettings } from '../settings.js';
import {
  maybeEmptyReason,
  QueriedWith,
  type SentinelBranch,
  sentinelBranchOf,
  type SentinelOrigin,
  SentinelOrigins,
} from '../analysis/sentinel/index.js';
import { type VocabularyOption, vocabularySchema } from '../analysis/timeout/index.js';
import { planTypedError, quote } from '../analysis/fixes/index.js';
import { createRule } from '../util/create-rule.js';
import { type FixOffer, reportFixed } from '../util/report-fixes.js';
import { perOptions } from '../util/per-options.js';

type Node = TSESTree.Node;
type MessageId = 'sentinelSelectsFullLoad' | 'timeoutSelectsFullLoad' | 'emptyLowerBound' | 'failWhenMissing' | LoadSuggestionId;

export interface NoSentinelFullLoadOptions {
  fullLoadFunctions?: string[];
  vocabulary?: VocabularyOption;
}

/** Nodes a load expression is made of, from a lower bound up to the whole `await db.x.findMany({…})`. */
const LOAD_EXPRESSION_PARTS = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
]);

/** Lower bounds the listeners look for: `{ gte: x }`, `{ $gt: x }`, TypeORM's `MoreThan(x)`, `.where(col, '>=', x)`. */
// Sets, not regular expressions: they are tested on every property and every call of a file.
const LOWER_BOUND_KEYS = new Set(['gt', 'gte', '$gt', '$gte']);
const MORE_THAN = new Set(['MoreThan', 'MoreThanOrEqual']);
const WHERE_METHODS = new Set(['where', 'Where', 'andwhere', 'andWhere', 'orwhere', 'orWhere']);

/** `where`, `andWhere`, `orWhere` as a member's property (a private `#where` too, as the selector had it). */
function isWhereMethod(property: TSESTree.MemberExpression['property']): boolean {
  return (
    (property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier) && WHERE_METHODS.has(property.name)
  );
}

/** Functions whose name says they load everything. `*` at the end matches any rest of the name. */
const DEFAULT_FULL_LOAD_FUNCTIONS = ['loadAll', 'fetchAll', 'fullSync', 'reloadAll', 'syncAll', 'getAll*', 'listAll*', 'loadEverything'];

/** A plain name, optionally ending in `*`: nothing that can backtrack. Built once per option, not per file. */
const nameMatcher = perOptions(buildNameMatcher);

function buildNameMatcher(patterns: readonly string[]): (name: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** A name, a literal, `this`, `a.b.c`, `[]` or `{}`: a value with no call, `await` or tagged template in it. */
function isPlainValue(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression: {
      let object: Node = node;
      while (object.type === AST_NODE_TYPES.MemberExpression && !object.computed) object = object.object;
      return object.type !== AST_NODE_TYPES.MemberExpression && isPlainValue(object);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.length === 0;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    default:
      return false;
  }
}

export default createRule<[NoSentinelFullLoadOptions], MessageId>({
  name: 'no-sentinel-full-load',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a zero, empty or missing value from selecting a load of every row',
      recommended: 'recommended',
      settings: ['vocabulary'],
    },
    hasSuggestions: true,
    messages: {
      sentinelSelectsFullLoad:
        '`{{test}}` sends a zero, empty or missing `{{subject}}` to `{{load}}`, which loads every row; a failed or timed-out lookup can produce the same value. Load one bounded page, or fail when `{{subject}}` is missing.',
      timeoutSelectsFullLoad:
        '`{{call}}` returns `{{value}}` when it times out (line {{line}}{{file}}); here `{{test}}` turns that into `{{load}}`, which loads every row. Make `{{call}}` fail with a typed timeout error, and bound this load.',
      emptyLowerBound:
        '`{{subject}}` {{reason}}, and then `{{bound}}` filters nothing out: `{{load}}` loads every row. Fail when `{{subject}}` is missing, or bound the load.',
      failWhenMissing: 'Throw `{{error}}` when `{{subject}}` is missing instead of loading every row.',
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
          vocabulary: {
            ...vocabularySchema,
            description: 'Deprecated: set `settings.resilience.vocabulary`. ' + vocabularySchema.description,
          },
        } satisfies Record<keyof NoSentinelFullLoadOptions, JSONSchema4>,
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ fullLoadFunctions: DEFAULT_FULL_LOAD_FUNCTIONS }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    let loadFinder: LoadFinder | undefined;
    /** Built on first use: most files never get as far as looking for a load. */
    const loads = () => (loadFinder ??= createLoadFinder(sourceCode, loadOptionsFromSettings(resilienceSettings(context))));
    const origins = new SentinelOrigins(context, { vocabulary: options.vocabulary });
    const isFullLoadName = nameMatcher(options.fullLoadFunctions ?? DEFAULT_FULL_LOAD_FUNCTIONS);
    /** Loads already reported, so a branch and a lower bound on the same load report it once. */
    const reportedLoads = new Set<Node>();

    /**
     * The first load of every row in a side: an unbounded library load, or a full-load function.
     * Searches shared by every branch of the file (see `SubtreeSearch`): branches nest.
     */
    const fullLoads = new SubtreeSearch<{ node: Node; finding: LoadFinding | null }>(
      sourceCode.visitorKeys,
      (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression) {
          const name = calleeName(node);
          if (name && isFullLoadName(name)) return { node, finding: null };
          if (node.callee.type === AST_NODE_TYPES.MemberExpression) {
            const finding = loads().memberCall(node)[0];
            if (finding) return { node, finding };
          }
        }
        if (node.type === AST_NODE_TYPES.AwaitExpression) {
          const finding = loads().consumed(node.argument)[0];
          if (finding) return { node: node.argument, finding };
        }
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && enclosingFunction(node)?.async) {
          const finding = loads().consumed(node.argument)[0];
          if (finding) return { node: node.argument, finding };
        }
        if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
          const finding = loads().taggedTemplate(node)[0];
          if (finding) return { node, finding };
        }
        return null;
      },
      false,
    );
    const fullLoadIn = (side: Node) => fullLoads.first(side);

    /**
     * Whether `side` has a node `fullLoadIn` could take for a load, by the tests the load finder
     * makes first (a call's name, what is awaited). It finds nothing, and asks the finder nothing
     * (which remembers what it found): a cheap walk that lets most branches skip the origin and
     * query searches, which cost more.
     */
    const candidates = new SubtreeSearch(sourceCode.visitorKeys, loadCandidate, false);
    const mayLoad = (side: Node) => candidates.first(side) !== null;
    const queriedWith = new QueriedWith(sourceCode);

    function loadCandidate(node: Node): true | null {
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          const name = calleeName(node);
          if (name && isFullLoadName(name)) return true;
          const callee = node.callee;
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(callee) : null;
          return method !== null && loads().memberNames.has(method) ? true : null;
        }
        case AST_NODE_TYPES.AwaitExpression:
          return isConsumable(node.argument) ? true : null;
        case AST_NODE_TYPES.ReturnStatement:
          return node.argument && isConsumable(node.argument) && enclosingFunction(node)?.async ? true : null;
        case AST_NODE_TYPES.TaggedTemplateExpression:
          return true;
        default:
          return null;
      }
    }

    /**
     * Reports a branch whose sentinel side loads every row. Without a timeout behind the value,
     * only where the other side queries with the same value (`rev === 0 ? findMany() : findMany({
     * where: { revision: { gt: rev } } })`): then the value is a marker and this side is "load everything".
     * The cheap questions come first: most `if (!x)` never get as far as a search for loads.
     */
    function check(branch: SentinelBranch | null, needsOrigin: boolean): void {
      if (!branch || !mayLoad(branch.sentinelSide)) return;
      const usedElsewhere = !needsOrigin && branch.otherSide !== null && queriedWith.in(branch.otherSide, branch.subject);
      let origin: SentinelOrigin | null = usedElsewhere ? null : origins.originOf(branch.subject);
      if (!usedElsewhere && !origin) return;
      const load = fullLoadIn(branch.sentinelSide);
      if (!load) return;
      // A finding either way: name the timeout behind the value when there is one.
      origin ??= origins.originOf(branch.subject);
      const test = shortText(sourceCode.getText(branch.test), 40);
      const loadText = shortText(sourceCode.getText(load.node), 50);
      reportedLoads.add(loadAround(load.node));
      const suggest = [...(load.finding?.suggest ?? []), ...failWhenMissing(branch)];
      if (origin) {
        const file = origin.fileName ? ` of ${origin.fileName.split(/[\\/]/).at(-1)}` : '';
        reportFixed(context, {
          node: branch.test,
          messageId: 'timeoutSelectsFullLoad',
          data: { call: origin.call, value: origin.value, line: String(origin.line), file, test, load: loadText },
          suggest,
        });
      } else {
        const subject = shortText(sourceCode.getText(branch.subject), 30);
        reportFixed(context, { node: branch.test, messageId: 'sentinelSelectsFullLoad', data: { test, subject, load: loadText }, suggest });
      }
    }

    /** `if (!since) { loadAll() }` → `if (!since) { throw new RangeError(…) }`. */
    function failWhenMissing(branch: SentinelBranch): FixOffer<MessageId>[] {
      const side = branch.sentinelSide;
      if (side.parent?.type !== AST_NODE_TYPES.IfStatement || side.type === AST_NODE_TYPES.IfStatement) return [];
      const plan = planTypedError(sourceCode, side, undefined, LIMIT_ERROR_FALLBACK);
      if (!plan) return [];
      const subject = shortText(sourceCode.getText(branch.subject), 30);
      const error = plan.construct(quote(`${subject} is missing: refusing to load every row`));
      return [
        {
          messageId: 'failWhenMissing',
          data: { error: plan.label, subject },
          fix: (fixer) => fixer.replaceText(side, `{ throw ${error}; }`),
        },
      ];
    }

    /** A builder run by `await` or an async `return` (`return db('t').where(…)`), judged as such. */
    function consumedLoad(root: Node): { node: Node; finding: LoadFinding | null } | null {
      const parent = root.parent;
      const consumed =
        parent?.type === AST_NODE_TYPES.AwaitExpression ||
        (parent?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(parent)?.async === true) ||
        (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.async && parent.body === root);
      const finding = consumed ? loads().consumed(root as TSESTree.Expression)[0] : undefined;
      return finding ? { node: root, finding } : null;
    }

    /** The whole expression a lower bound belongs to: the load call and its chain around it. */
    function loadAround(node: Node): Node {
      let current = node;
      while (current.parent && LOAD_EXPRESSION_PARTS.has(current.parent.type)) current = current.parent;
      return current;
    }

    /**
     * `findMany({ where: { mtime: { gte: new Date(since * 1000) } } })` with `since` possibly 0 or
     * missing and no bound on the load: the incident's `WHERE mtime >= FROM_UNIXTIME(0)`.
     */
    function checkLowerBound(bound: Node, label: string): void {
      const root = loadAround(bound);
      if (reportedLoads.has(root)) return;
      for (const identifier of identifiersIn(bound, sourceCode.visitorKeys, { callees: false, enterFunctions: true })) {
        const origin = origins.originOf(identifier);
        const reason = origin
          ? `is \`${origin.value}\` when \`${origin.call}\` times out (line ${origin.line})`
          : maybeEmptyReason(identifier, scopeOf(sourceCode, identifier));
        if (!reason) continue;
        const load = fullLoadIn(root) ?? consumedLoad(root);
        if (!load) return;
        reportedLoads.add(root);
        reportFixed(context, {
          node: bound,
          messageId: 'emptyLowerBound',
          data: { subject: identifier.name, reason, bound: label, load: shortText(sourceCode.getText(load.node), 50) },
          suggest: load.finding?.suggest ?? [],
        });
        return;
      }
    }

    /** `where('mtime', '>=', since)`, `andWhere(…)`, `orWhere(…)`: a lower bound as a query-builder call. */
    function checkWhereBound(node: TSESTree.CallExpression): void {
      const operator = unwrap(node.arguments[1]!);
      if (operator.type === AST_NODE_TYPES.Literal && (operator.value === '>=' || operator.value === '>')) {
        const args = node.arguments.map((a) => sourceCode.getText(a)).join(', ');
        checkLowerBound(node.arguments[2]!, shortText(`${calleeName(node) ?? 'where'}(${args})`, 40));
      }
    }

    // Plain node-type listeners with inline tests: an attribute selector costs an esquery match on
    // every node of its type.
    return {
      // Lower-bound keys from their objects: a listener on `Property` would run for every
      // property and destructured name of the file, and only keys of object literals can bound a load.
      ObjectExpression(node) {
        for (const property of node.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            LOWER_BOUND_KEYS.has(property.key.name)
          ) {
            checkLowerBound(property.value, shortText(sourceCode.getText(property), 40));
          }
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (node.arguments[0] && MORE_THAN.has(callee.name)) checkLowerBound(node.arguments[0], shortText(sourceCode.getText(node), 40));
        } else if (node.arguments.length === 3 && callee.type === AST_NODE_TYPES.MemberExpression && isWhereMethod(callee.property)) {
          checkWhereBound(node);
        }
      },
      IfStatement: (node) => check(sentinelBranchOf(node), false),
      ConditionalExpression: (node) => check(sentinelBranchOf(node), false),
      // `rev || loadAll()` has no incremental side: only a timeout behind `rev` makes it a finding.
      // Most are `options || {}`, `name ?? 'x'`: a right side that is a plain value loads nothing.
      LogicalExpression(node) {
        if ((node.operator === '||' || node.operator === '??') && !isPlainValue(node.right)) check(sentinelBranchOf(node), true);
      },
    };
  },
});
