import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, enclosingFunction } from '../analysis/js/index.js';
import { reportFixed } from '../util/report-fixes.js';
import {
  createLoadFinder,
  DEFAULT_OPTIONS,
  isConsumable,
  isMigrationFile,
  LOAD_SETTINGS,
  LOAD_SUGGESTION_MESSAGES,
  type LoadFinding,
  type LoadMessageId,
  type LoadSuggestionId,
  type NoUnboundedLoadOptions,
  noUnboundedLoadSchema,
  ReadFinder,
  type ReadMessageId,
  STRICT_OPTIONS,
  ALL_OPTIONS,
} from '../analysis/loaders/index.js';
import { createRule } from '../util/create-rule.js';

type MessageId = LoadMessageId | LoadSuggestionId | ReadMessageId;

const PAGE = 'or page through the results.';

export default createRule<[NoUnboundedLoadOptions], MessageId>({
  name: 'no-unbounded-load',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow queries, collection reads and batches that load every matching row with no bound',
      recommended: 'recommended',
      strictOptions: STRICT_OPTIONS,
      allOptions: ALL_OPTIONS,
      settings: LOAD_SETTINGS,
    },
    hasSuggestions: true,
    messages: {
      unboundedCall: `\`{{construct}}\` loads every matching {{unit}}: no {{bound}}. Add {{bound}} ${PAGE}`,
      unboundedFilterCall: `\`{{construct}}\` loads every matching {{unit}} and cannot take a bound. Use \`{{to}}\` with \`{{bound}}\` ${PAGE}`,
      unboundedChain: `\`{{construct}}\` loads every matching {{unit}}: nothing calls {{bound}}. Add \`.{{fix}}()\` ${PAGE}`,
      boundOnSomePaths:
        '`{{construct}}` loads every matching {{unit}} when `{{test}}` is {{when}}: `.{{bound}}()` runs only on the other path. Bound it on every path (a default such as `limit ?? 100`, or fail without one).',
      unboundedSql: `\`{{construct}}\` runs \`{{sql}}\`, which loads every matching row: no \`LIMIT\`, \`FETCH FIRST\` or \`TOP\`. Add a \`LIMIT\` ${PAGE}`,
      redisKeys:
        '`{{construct}}` runs `KEYS`, which walks the whole keyspace, blocks the server and returns every match at once. Iterate with `SCAN` and `MATCH` instead.',
      redisWhole: '`{{construct}}` returns the whole {{shape}} in one reply. Check its size first (`{{size}}`) or iterate with `{{scan}}`.',
      redisRange:
        '`{{construct}}` with the range `{{start}} -1` returns the whole {{shape}}. Read a bounded range, or check its size first (`{{size}}`).',
      redisRangeSomePaths:
        '`{{construct}}` returns the whole {{shape}} on the paths where `{{names}}` keep the range `{{start}} -1`: the script gives them another value only inside a condition. Bound the range on every path, or check its size first (`{{size}}`).',
      redisOpenRange:
        '`{{construct}}` with the range `{{start}} {{stop}}` and no `{{bound}}` returns the whole {{shape}}. Add `{{bound}}`, or check its size first (`{{size}}`).',
      oversizedBound:
        '`{{construct}}` asks for up to {{value}} {{units}} (`{{key}}: {{value}}`), as many as the server returns at once: every match, in practice. Ask for a smaller page and page through the results.',
      collectedPages:
        '`{{construct}}` fetches one page of a longer read, and the loop around it collects every page into `{{target}}` with no cap. Process each page as it comes, or stop at a maximum.',
      recursivePages:
        '`{{construct}}` calls itself for the next page, and every page is added to `{{target}}`: the whole result set in memory, with no cap. Handle each page as it arrives, or stop at a maximum.',
      fannedPages:
        '`{{construct}}` requests every page the first response counts (`{{total}}`) at once and keeps them all: the whole result set in memory, with no cap. Stop at a maximum number of pages, or handle each page as it arrives.',
      callbackPages:
        '`{{construct}}` hands each page to a callback that adds it to `{{target}}` and always calls `{{next}}()`: every page in memory, with no cap. Handle each page as it arrives, or stop calling `{{next}}()` at a maximum.',
      generatorPages:
        '`{{construct}}` yields every page of a paged read (it follows `{{cursor}}` to the end), and this loop keeps every item in `{{target}}`: the whole result set in memory, with no cap. Handle each item as it arrives, or stop at a maximum.',
      cursorLoopPages:
        '`{{construct}}` is called for page after page with the cursor each response gives (`{{cursor}}`), and every page is kept in `{{target}}`: the whole result set in memory, with no cap. Handle each page as it arrives, or stop at a maximum.',
      unboundedBatch:
        '`new {{name}}()` has no `{{key}}`: one batch may carry every key requested in a tick (the default is `Infinity`). Set `{{key}}`.',
      unboundedCustom: `\`{{construct}}\` loads without a bound: no {{bound}}. Add one ${PAGE}`,
      unboundedPages:
        '`{{construct}}` {{pages}}, and every page is collected into `{{target}}`: every matching {{unit}} in memory at once. Handle each page as it arrives, or stop at a maximum.',
      wholeBody:
        '`{{construct}}` reads the whole response body into memory, however large. Check `content-length` against a maximum first, or read the body as a stream with a byte cap.',
      axiosBody:
        '`{{construct}}` buffers the whole response with no `maxContentLength` (axios has no limit by default). Set `maxContentLength`.',
      wholeFile:
        '`{{construct}}` reads a whole file at a path that is not a constant, however large. Check its size first (`stat`) or stream it.',
      streamToArray: '`{{construct}}` collects every chunk of the stream into memory. Process it chunk by chunk, or stop at a byte cap.',
      chunkAccumulation:
        'Every chunk of the stream is collected into `{{target}}` with no byte cap. Count the bytes and stop (or fail) past a maximum.',
      ...LOAD_SUGGESTION_MESSAGES,
    },
    schema: [noUnboundedLoadSchema],
    defaultOptions: [DEFAULT_OPTIONS],
  },
  create(context, [options]) {
    if (!options.checkMigrations && isMigrationFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const finder = createLoadFinder(sourceCode, options);
    const checks = {
      httpBodies: options.checkHttpBodies === true,
      fileReads: options.checkFileReads === true,
      streams: options.checkStreams === true,
    };
    const reads = checks.httpBodies || checks.fileReads || checks.streams ? new ReadFinder(sourceCode, checks) : null;

    function report(findings: readonly LoadFinding[]): void {
      for (const finding of findings) {
        const { node, loc, messageId, data, suggest } = finding;
        reportFixed(context, loc ? { node, loc, messageId, data, suggest } : { node, messageId, data, suggest });
      }
    }

    function reportRead(finding: ReturnType<ReadFinder['memberCall']>): void {
      if (finding) context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
    }

    // Plain node types with the tests inline: ESLint matches attribute selectors (`[callee.type=…]`)
    // with esquery on every node of the type, which costs more than the test itself. Listeners
    // the options make useless are not registered at all.
    const listeners: TSESLint.RuleListener = {
      TemplateLiteral: (node) => report(finder.scripts(node)),
      CallExpression(node) {
        const callee = node.callee.type;
        if (callee === AST_NODE_TYPES.MemberExpression || callee === AST_NODE_TYPES.ChainExpression) {
          report(finder.memberCall(node));
          if (reads) reportRead(reads.memberCall(node));
        } else if (callee === AST_NODE_TYPES.Identifier || callee === AST_NODE_TYPES.SequenceExpression) {
          report(finder.plainCall(node));
          if (reads && callee === AST_NODE_TYPES.Identifier) reportRead(reads.plainCall(node));
        }
      },
      AwaitExpression(node) {
        report(finder.consumed(node.argument));
      },
      ReturnStatement(node) {
        // The cheap syntactic test first: most returned values are not calls or variables.
        if (node.argument && isConsumable(node.argument) && enclosingFunction(node)?.async) report(finder.consumed(node.argument));
      },
      ArrowFunctionExpression(node) {
        if (node.async && node.expression) report(finder.consumed(node.body));
      },
    };
    if (reads) {
      listeners.AssignmentExpression = (node) => {
        if (node.operator === '+=') reportRead(reads.assignment(node));
      };
    }
    if (finder.checksConstructors) listeners.NewExpression = (node) => report(finder.newExpression(node));
    if (finder.checksTaggedTemplates) listeners.TaggedTemplateExpression = (node) => report(finder.taggedTemplate(node));
    return listeners;
  },
});
