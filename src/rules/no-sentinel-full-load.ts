import type { TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import {
  AST_NODE_TYPES,
  CalleeResolver,
  calleeName,
  enclosingFunction,
  identifiersIn,
  propertyKeyName,
  scopeOf,
  shortText,
  unwrap,
} from '../analysis/js/index.js';
import {
  LIMIT_ERROR_FALLBACK,
  loadOptionsFromSettings,
  LOAD_SUGGESTION_MESSAGES,
  type LoadFinding,
  type LoadSuggestionId,
} from '../analysis/loaders/index.js';
import { resilienceSettings } from '../settings.js';
import {
  FullLoads,
  fallbackTernarySubject,
  isCacheValidator,
  isFromStart,
  isProgressMarker,
  maybeEmptyReason,
  QueriedWith,
  type RemoteLoad,
  RemoteLoads,
  type SentinelOrigin,
  SentinelOrigins,
  type SentinelPaths,
  sentinelPathsOf,
  setsOneProperty,
} from '../analysis/sentinel/index.js';
import { buildVocabulary, type VocabularyOption, vocabularySchema } from '../analysis/timeout/index.js';
import { planTypedError, quote } from '../analysis/fixes/index.js';
import { createRule } from '../util/create-rule.js';
import { type FixOffer, reportFixed } from '../util/report-fixes.js';
import { perOptions } from '../util/per-options.js';

type Node = TSESTree.Node;
type MessageId =
  | 'sentinelSelectsFullLoad'
  | 'timeoutSelectsFullLoad'
  | 'emptyLowerBound'
  | 'markerDroppedFromRequest'
  | 'requestFromStart'
  | 'failWhenMissing'
  | LoadSuggestionId;

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
const DEFAULT_FULL_LOAD_FUNCTIONS = [
  'loadAll',
  'loadAll*',
  'fetchAll',
  'fetchAll*',
  'fullSync',
  'reloadAll',
  'reloadAll*',
  'syncAll',
  'syncAll*',
  'getAll*',
  'listAll*',
  'loadEverything',
];

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
        'When `{{subject}}` is zero, empty or missing, this branch runs `{{load}}`, which loads every row; a failed or timed-out lookup can produce the same value. Load one bounded page, or fail when `{{subject}}` is missing.',
      timeoutSelectsFullLoad:
        '`{{call}}` returns `{{value}}` when it times out (line {{line}}{{file}}); here `{{test}}` turns that into `{{load}}`, which loads every row. Make `{{call}}` fail with a typed timeout error, and bound this load.',
      emptyLowerBound:
        '`{{subject}}` {{reason}}, and then `{{bound}}` filters nothing out: `{{load}}` loads every row. Fail when `{{subject}}` is missing, or bound the load.',
      markerDroppedFromRequest:
        'When `{{subject}}` is zero, empty or missing, `{{load}}` goes out without it and asks the source for everything; a failed or timed-out lookup can produce the same value. Ask for one bounded page, or fail when `{{subject}}` is missing.',
      requestFromStart:
        '`{{fallback}}` asks `{{load}}` for everything from the start when `{{subject}}` is missing; a failed or timed-out lookup can produce the same value. Fail when `{{subject}}` is missing, or ask for one bounded page.',
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
    const origins = new SentinelOrigins(context, { vocabulary: options.vocabulary });
    const markers = buildVocabulary(options.vocabulary).markers;
    const fullLoads = new FullLoads(
      sourceCode,
      () => loadOptionsFromSettings(resilienceSettings(context)),
      nameMatcher(options.fullLoadFunctions ?? DEFAULT_FULL_LOAD_FUNCTIONS),
      new CalleeResolver(context),
    );
    const queriedWith = new QueriedWith(sourceCode);
    const remoteLoads = new RemoteLoads(sourceCode, queriedWith);
    /** Loads already reported, so a branch and a lower bound on the same load report it once. */
    const reportedLoads = new Set<Node>();

    /**
     * Reports a branch whose sentinel side loads every row. Without a timeout behind the value,
     * only where the value marks progress through data (`since`, `revision`, `cursor`) and the other
     * side queries with it (`rev === 0 ? findMany() : findMany({ where: { revision: { gt: rev } } })`):
     * then this side is "load everything". A user's optional filter (`json ? find(json) : find()`)
     * means everything by design, and its load is no-unbounded-load's to report.
     * The cheap questions come first: most `if (!x)` test neither a marker nor a value from a
     * timeout, and never get as far as a search of their branches.
     */
    function check(paths: SentinelPaths | null, needsOrigin: boolean): void {
      if (!paths) return;
      const marker = !needsOrigin && isProgressMarker(paths.subject, markers);
      if (checkLoad(paths, marker)) return;
      // A remote source asked for everything: only where the value's name marks progress.
      if (!marker || isCacheValidator(paths.subject)) return;
      const remote = remoteLoads.ofBranch(paths);
      if (remote) reportRemote(remote, paths.subject, paths.test, failWhenMissing(paths));
    }

    /** `check` for a load the catalog, a followed body or a name shows: whether it reported. */
    function checkLoad(paths: SentinelPaths, marker: boolean): boolean {
      let origin: SentinelOrigin | null = marker ? null : origins.originOf(paths.subject);
      if ((!marker && !origin) || !fullLoads.mayLoad(paths.sentinelSide)) return false;
      const usedElsewhere = marker && paths.otherSide.some((side) => queriedWith.in(side, paths.subject));
      if (!usedElsewhere) origin ??= origins.originOf(paths.subject);
      if (!usedElsewhere && !origin) return false;
      const load = fullLoads.find(paths.sentinelSide);
      if (!load) return false;
      // A finding either way: name the timeout behind the value when there is one.
      origin ??= origins.originOf(paths.subject);
      const test = shortText(sourceCode.getText(paths.test), 40);
      const loadText = shortText(sourceCode.getText(load.node), 50);
      reportedLoads.add(loadAround(load.node));
      const suggest = [...(load.finding?.suggest ?? []), ...failWhenMissing(paths)];
      if (origin) {
        const file = origin.fileName ? ` of ${origin.fileName.split(/[\\/]/).at(-1)}` : '';
        reportFixed(context, {
          node: paths.test,
          messageId: 'timeoutSelectsFullLoad',
          data: { call: origin.call, value: origin.value, line: String(origin.line), file, test, load: loadText },
          suggest,
        });
      } else {
        const subject = shortText(sourceCode.getText(paths.subject), 30);
        reportFixed(context, { node: paths.test, messageId: 'sentinelSelectsFullLoad', data: { test, subject, load: loadText }, suggest });
      }
      return true;
    }

    /**
     * A request that asks a remote source for everything when a marker is missing: a branch that
     * drops the marker or picks parameters without it, or the marker's fallback (`since || -1`).
     * With a timeout behind the marker, the finding names it, as for a load.
     */
    function reportRemote(remote: RemoteLoad, subject: Node, at: Node, suggest: FixOffer<MessageId>[]): void {
      if (reportedLoads.has(remote.call)) return;
      reportedLoads.add(remote.call);
      const load = shortText(sourceCode.getText(remote.call), 50);
      const origin = origins.originOf(subject);
      const test = shortText(sourceCode.getText(at), 40);
      if (origin) {
        const file = origin.fileName ? ` of ${origin.fileName.split(/[\\/]/).at(-1)}` : '';
        const data = { call: origin.call, value: origin.value, line: String(origin.line), file, test, load };
        reportFixed(context, { node: at, messageId: 'timeoutSelectsFullLoad', data, suggest });
        return;
      }
      const name = shortText(sourceCode.getText(subject), 30);
      if (remote.shape === 'fallback') {
        reportFixed(context, { node: at, messageId: 'requestFromStart', data: { fallback: test, subject: name, load }, suggest });
      } else {
        reportFixed(context, { node: at, messageId: 'markerDroppedFromRequest', data: { test, subject: name, load }, suggest });
      }
    }

    /** Whether a value's name marks a place in a feed (not an ETag): what the remote shapes ask first. */
    const isRequestMarker = (subject: Node): boolean => isProgressMarker(subject, markers) && !isCacheValidator(subject);

    /** `if (!since) { loadAll() }` → `if (!since) { throw new RangeError(…) }`. */
    function failWhenMissing(paths: SentinelPaths): FixOffer<MessageId>[] {
      const side = paths.consequent;
      if (!side || side.type === AST_NODE_TYPES.IfStatement) return [];
      const plan = planTypedError(sourceCode, side, undefined, LIMIT_ERROR_FALLBACK);
      if (!plan) return [];
      const subject = shortText(sourceCode.getText(paths.subject), 30);
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
      const finding = consumed ? fullLoads.fileFinder.consumed(root as TSESTree.Expression)[0] : undefined;
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
        const load = fullLoads.find([root]) ?? consumedLoad(root);
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

    /**
     * `where('s.time > :t', { t: last })`, `andWhere('mtime >= :since', { since })`: a lower bound
     * written in the condition's text, with its value among the named parameters (TypeORM).
     */
    function checkNamedBound(node: TSESTree.CallExpression): void {
      const condition = unwrap(node.arguments[0]!);
      const parameters = unwrap(node.arguments[1]!);
      const text =
        condition.type === AST_NODE_TYPES.Literal && typeof condition.value === 'string'
          ? condition.value
          : condition.type === AST_NODE_TYPES.TemplateLiteral && condition.expressions.length === 0
            ? condition.quasis[0]!.value.cooked
            : null;
      if (!text || parameters.type !== AST_NODE_TYPES.ObjectExpression || text.length > 2000) return;
      for (const [, name] of text.matchAll(/>=?\s*:(\w+)/g)) {
        const property = parameters.properties.find(
          (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === name,
        );
        if (property) checkLowerBound(property.value, shortText(`${calleeName(node) ?? 'where'}('${text}', …)`, 40));
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
        } else if ((node.arguments.length === 3 || node.arguments.length === 2) && callee.type === AST_NODE_TYPES.MemberExpression) {
          if (!isWhereMethod(callee.property)) return;
          if (node.arguments.length === 3) checkWhereBound(node);
          else checkNamedBound(node);
        }
      },
      IfStatement(node) {
        const paths = sentinelPathsOf(node);
        if (paths) check(paths, false);
        // `if (token) conf.since = token;`, `conf` sent afterwards: only an `if` that sets one property is asked further.
        const assignment = paths || node.alternate !== null ? null : setsOneProperty(node);
        const remote = assignment && remoteLoads.ofOptionalParameter(node, assignment, isRequestMarker);
        if (remote) reportRemote(remote, remote.subject, node.test, []);
      },
      ConditionalExpression(node) {
        // `x !== null && x !== void 0 ? x : 0`: a compiled `x ?? 0`, judged as one.
        const fallback = fallbackTernarySubject(node, sourceCode);
        if (fallback === null) check(sentinelPathsOf(node), false);
        else if (isRequestMarker(fallback)) {
          const remote = remoteLoads.ofFallback(node);
          if (remote) reportRemote(remote, fallback, node, []);
        }
      },
      // `rev || loadAll()` has no incremental side: only a timeout behind `rev` makes it a finding.
      // Most are `options || {}`, `name ?? 'x'`: a right side that is a plain value loads nothing.
      // `since || -1`, `lastSeq ?? 0` handed to a request: the API's "from the beginning" for a missing marker.
      LogicalExpression(node) {
        if (node.operator !== '||' && node.operator !== '??') return;
        if (isFromStart(node.right) && isRequestMarker(node.left)) {
          const remote = remoteLoads.ofFallback(node);
          if (remote) reportRemote(remote, unwrap(node.left), node, []);
        } else if (!isPlainValue(node.right)) check(sentinelPathsOf(node), true);
      },
    };
  },
});
