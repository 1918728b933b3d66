import type { TSESTree } from '@typescript-eslint/utils';
import {
  AST_NODE_TYPES,
  calleeName,
  CalleeResolver,
  dottedName,
  enclosingFunction,
  findVariable,
  importedNames,
  isFunction,
  isInside,
  moduleOfVariable,
  propertyKeyName,
  scopeOf,
  shortText,
  unwrap,
} from '../analysis/js/index.js';
import {
  classifySentinel,
  type Sentinel,
  sentinelBranchOf,
  SENTINEL_FIX_MESSAGES,
  SentinelOrigins,
  type SentinelFix,
  SentinelFixer,
  type SentinelFixMessageId,
} from '../analysis/sentinel/index.js';
import {
  ALL_TIMEOUT_OPTIONS,
  TIMEOUT_RULE_SETTINGS,
  type TimeoutPath,
  type TimeoutRuleOptions,
  timeoutRuleOptionsSchema,
  timeoutErrorTestFor,
  timeoutSentinelsOf,
} from '../analysis/timeout/index.js';
import { TIMEOUT_ERROR_FALLBACK } from '../analysis/fixes/index.js';
import { createRule } from '../util/create-rule.js';
import { reportWithFixes } from '../util/report-fixes.js';

type Node = TSESTree.Node;

type MessageId =
  | 'returnsSentinel'
  | 'resolvesSentinel'
  | 'callsBackSentinel'
  | 'optionSentinel'
  | 'mapsTimeoutSentinel'
  | 'fallbackSentinel'
  | 'raceHelperSentinel'
  | SentinelFixMessageId;

const TAIL = 'which callers cannot tell from a real result.';
const NONE: readonly TSESTree.Property[] = [];

/** `Promise.race`, `Promise.any`. */
function isRace(callee: TSESTree.MemberExpression): boolean {
  // The property first: `dottedName` of every member call would cost more than the test.
  if (callee.property.type !== AST_NODE_TYPES.Identifier || (callee.property.name !== 'race' && callee.property.name !== 'any'))
    return false;
  const name = dottedName(callee);
  return name === 'Promise.race' || name === 'Promise.any';
}

/** `this.resolve`, `this._resolve`, `this.resolvePromise`: a field named for a resolver. */
function isResolverName(property: TSESTree.Expression | TSESTree.PrivateIdentifier): boolean {
  return property.type === AST_NODE_TYPES.Identifier && /resolve/i.test(property.name);
}

/** `message: false` in an options object. */
function isMessageFalse(property: TSESTree.ObjectLiteralElement): property is TSESTree.Property {
  if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== 'message') return false;
  const value = unwrap(property.value);
  return value.type === AST_NODE_TYPES.Literal && value.value === false;
}

/** The `message: false` options of a call's object arguments, in order (nothing allocated for the many calls without). */
function messageFalseOptions(call: TSESTree.CallExpression): readonly TSESTree.Property[] {
  let found: TSESTree.Property[] | undefined;
  for (const argument of call.arguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) if (isMessageFalse(property)) (found ??= []).push(property);
  }
  return found ?? NONE;
}

export default createRule<[TimeoutRuleOptions], MessageId>({
  name: 'no-timeout-sentinel',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow timeout paths that produce a value callers cannot tell from a real result',
      recommended: 'recommended',
      allOptions: ALL_TIMEOUT_OPTIONS,
      settings: TIMEOUT_RULE_SETTINGS,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      returnsSentinel: `This timeout path ({{path}}) returns \`{{value}}\`, ${TAIL} Throw or return a typed timeout error instead.`,
      resolvesSentinel: `This timeout path ({{path}}) resolves with \`{{value}}\`, ${TAIL} Reject with a typed timeout error instead.`,
      callsBackSentinel: `This timeout path ({{path}}) calls \`{{callback}}\` with \`{{value}}\` and no error, ${TAIL} Pass a typed timeout error instead.`,
      mapsTimeoutSentinel: `This branch turns \`{{subject}}\`, which is \`{{value}}\` when \`{{call}}\` times out (line {{line}}), into \`{{result}}\`, ${TAIL} Let \`{{call}}\` fail with a typed timeout error, or handle the timeout here.`,
      fallbackSentinel: `\`{{helper}}()\` resolves this \`{{value}}\` when its timer fires ({{path}}), ${TAIL} Pass no fallback and let the timeout reject with a typed error.`,
      raceHelperSentinel: `\`{{entry}}\` resolves \`{{value}}\` when its timer fires (line {{line}}), so this \`{{race}}\` answers \`{{value}}\` on a timeout, ${TAIL} Make the timer reject with a typed timeout error.`,
      optionSentinel: `\`{{option}}\` makes \`{{callee}}()\` resolve with \`{{value}}\` on timeout, ${TAIL} Remove it so the timeout rejects.`,
      ...SENTINEL_FIX_MESSAGES,
    },
    schema: [timeoutRuleOptionsSchema],
    // Empty: autofix, timeoutError and vocabulary come from settings.resilience, checkTimeoutOptions from allChecks.
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const detector = timeoutSentinelsOf(sourceCode, options);
    const fixer = new SentinelFixer(sourceCode, options.timeoutError, TIMEOUT_ERROR_FALLBACK);
    const text = (node: Node) => shortText(sourceCode.getText(node), 40);
    let pTimeoutNames: Set<string> | undefined;

    /** A path whose evidence is weak (`TimeoutPath.weak`) gets its fixes as suggestions, even under `autofix`. */
    function report(node: Node, messageId: MessageId, data: Record<string, string>, fixes: SentinelFix[], path?: TimeoutPath): void {
      const offered = path?.weak ? fixes.map((fix) => ({ ...fix, suggestOnly: true })) : fixes;
      reportWithFixes(context, options.autofix, { node, messageId, data }, offered);
    }

    function valueFixes(candidate: Node, sentinel: Sentinel, path: TimeoutPath, statement: TSESTree.ReturnStatement | null): SentinelFix[] {
      if (path.kind === 'fallback' && path.node?.type === AST_NODE_TYPES.Property) {
        return [fixer.removeOptionFix(path.node, 'fallback')];
      }
      // `Promise.any` ignores an entry that rejects: a timer that throws would make it wait for the work.
      if (path.kind === 'race' && path.node?.type === AST_NODE_TYPES.CallExpression && dottedName(path.node.callee) === 'Promise.any')
        return [];
      // A catch-all fallback handles every failure: the fix singles out the timeout and keeps the fallback for the rest.
      if ((path.kind === 'catch' || path.kind === 'chain') && path.evidence) {
        const isTimeout = timeoutErrorTestFor(path.evidence);
        const handler = path.kind === 'catch' ? (path.node as TSESTree.CatchClause) : enclosingFunction(candidate);
        return isTimeout && handler ? fixer.timeoutTestFixes(candidate, sentinel, statement, handler, isTimeout) : [];
      }
      return fixer.valueFixes(candidate, sentinel, statement);
    }

    let origins: SentinelOrigins | undefined;
    let callees: CalleeResolver | undefined;

    /**
     * `withTimeout(work(), 3000, null)`: a sentinel passed to a parameter the helper resolves when
     * its timer fires (the helper in this file, or with types anywhere). Reported at the argument,
     * naming the helper; no fix, since what the helper does without it is the helper's business.
     */
    /** `Promise.race([work(), timeout(500)])` where `timeout` resolves a sentinel from its timer (this file, or with types). */
    function checkRaceEntries(race: TSESTree.CallExpression): void {
      const array = race.arguments[0];
      if (array?.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length < 2) return;
      for (const entry of array.elements) {
        if (entry?.type !== AST_NODE_TYPES.CallExpression) continue;
        const resolved = (callees ??= new CalleeResolver(context)).resolve(entry);
        const timer = resolved && timeoutSentinelsOf(resolved.sourceCode, options).timerValueOf(resolved.fn);
        if (!resolved || !timer) continue;
        context.report({
          node: entry,
          messageId: 'raceHelperSentinel',
          data: {
            entry: text(entry),
            value: shortText(resolved.sourceCode.getText(timer.value), 30),
            line: String(timer.value.loc.start.line),
            race: dottedName(race.callee) ?? 'Promise.race',
          },
        });
      }
    }

    function checkFallbackArguments(call: TSESTree.CallExpression): void {
      // The last argument first, where helpers take their fallback: most calls pass no sentinel
      // there, and are not resolved at all.
      const last = call.arguments.at(-1);
      if (!last || last.type === AST_NODE_TYPES.SpreadElement || !classifySentinel(last)) return;
      const resolved = (callees ??= new CalleeResolver(context)).resolve(call);
      if (!resolved) return;
      const params = timeoutSentinelsOf(resolved.sourceCode, options).fallbackParams(resolved.fn);
      for (const [index, path] of params) {
        const argument = call.arguments[index];
        if (!argument || !classifySentinel(argument)) continue;
        const helper = calleeName(call) ?? 'the helper';
        report(argument, 'fallbackSentinel', { helper, value: text(argument), path: path.label }, []);
      }
    }

    /**
     * `const b = await balanceOf(a); if (!b) return [];` where `balanceOf` returns `undefined` on a
     * timeout: the caller turns the helper's sentinel into a success value of its own (in an `if`
     * around the `return`, or a ternary returned). Reported at the caller's value, without a fix:
     * the timeout is the helper's to signal.
     */
    function checkMappedSentinel(value: Node): void {
      const target = unwrap(value);
      if (target.type === AST_NODE_TYPES.ConditionalExpression) {
        checkMappedSentinel(target.consequent);
        checkMappedSentinel(target.alternate);
        return;
      }
      const sentinel = classifySentinel(value);
      if (!sentinel) return;
      for (let node: Node | undefined = value.parent; node && !isFunction(node); node = node.parent) {
        if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression) continue;
        const branch = sentinelBranchOf(node);
        if (!branch || !isInside(value, branch.sentinelSide)) continue;
        // `false` from code that answers yes or no elsewhere is an answer, as for the rule's own paths.
        if (detector.answers.isRealAnswer(sentinel, value)) return;
        const origin = (origins ??= new SentinelOrigins(context, options)).originOf(branch.subject);
        // Passing the helper's own value on (`if (!test(x)) return false`) adds nothing to the helper's finding.
        if (!origin || origin.value === text(value)) continue;
        context.report({
          node: value,
          messageId: 'mapsTimeoutSentinel',
          data: { subject: text(branch.subject), value: origin.value, call: origin.call, line: String(origin.line), result: text(value) },
        });
        return;
      }
    }

    function checkValue(expression: Node, statement: TSESTree.ReturnStatement | null): void {
      const found = detector.valueSentinels(expression);
      if (found.length === 0 && statement) {
        const fallThrough = expression.type === AST_NODE_TYPES.Identifier ? detector.fallThroughSentinel(statement, expression) : null;
        if (fallThrough) {
          // The value was written before the try; what to change is the catch, which this report names.
          report(expression, 'returnsSentinel', { path: fallThrough.path.label, value: text(fallThrough.value) }, []);
          return;
        }
        checkMappedSentinel(expression);
      }
      for (const { value, sentinel, path } of found) {
        const fixes = valueFixes(value, sentinel, path, statement);
        if (path.kind === 'fallback' && path.node?.type === AST_NODE_TYPES.Property) {
          const call = path.node.parent.parent as TSESTree.CallExpression;
          report(value, 'optionSentinel', { option: 'fallback', callee: calleeName(call) ?? 'timeout', value: text(value) }, fixes);
        } else {
          report(value, 'returnsSentinel', { path: path.label, value: text(value) }, fixes, path);
        }
      }
    }

    function checkResolve(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const found = detector.resolveSentinel(call, callee);
      if (!found) return;
      report(
        found.value,
        'resolvesSentinel',
        { path: found.path.label, value: text(found.value) },
        fixer.resolveFixes(call, found.executor),
        found.path,
      );
    }

    /** `this.resolve(null)`, where the class stores its promise's resolver in a field. */
    function checkMemberResolve(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const found = detector.memberResolveSentinel(call, callee);
      if (!found) return;
      report(
        found.value,
        'resolvesSentinel',
        { path: found.path.label, value: text(found.value) },
        fixer.memberResolveFixes(call, found.field.reject),
        found.path,
      );
    }

    function checkCallback(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const found = detector.callbackSentinel(call, callee);
      if (!found) return;
      const data = { path: found.path.label, callback: callee.name, value: text(found.value) };
      report(found.value, 'callsBackSentinel', data, fixer.callbackFixes(call, callee.name), found.path);
    }

    /** p-timeout's `message: false` resolves `undefined` on timeout instead of rejecting. */
    function checkMessageFalse(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      // The callee's name first: the file's p-timeout imports are read once, the options of every call with two arguments are not.
      if (!(pTimeoutNames ??= importedNames(sourceCode.ast, 'p-timeout')).has(callee.name)) return;
      const options = messageFalseOptions(call);
      if (options.length === 0) return;
      const variable = findVariable(scopeOf(sourceCode, call), callee.name);
      if (!variable || moduleOfVariable(variable) !== 'p-timeout') return;
      for (const property of options) {
        report(property, 'optionSentinel', { option: 'message: false', callee: callee.name, value: 'undefined' }, [
          fixer.removeOptionFix(property, 'message: false'),
        ]);
      }
    }

    // Plain node-type listeners with inline tests: an attribute selector costs an esquery match on
    // every node of its type.
    return {
      ReturnStatement(node) {
        if (node.argument) {
          checkValue(node.argument, node);
          return;
        }
        const path = detector.bareReturnPath(node);
        if (path) report(node, 'returnsSentinel', { path: path.label, value: 'undefined' }, fixer.bareReturnFixes(node), path);
      },
      ArrowFunctionExpression(node) {
        if (node.expression) checkValue(node.body, null);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          if (node.arguments.length === 1 && isRace(callee)) checkRaceEntries(node);
          if (callee.object.type !== AST_NODE_TYPES.ThisExpression) return;
          // The name first: only a field that may hold a resolver is worth a look at the class.
          if (node.arguments.length === 1 && isResolverName(callee.property)) checkMemberResolve(node, callee);
          else if (node.arguments.length >= 2) checkFallbackArguments(node);
          return;
        }
        if (callee.type !== AST_NODE_TYPES.Identifier) return;
        const count = node.arguments.length;
        if (count >= 2) checkFallbackArguments(node);
        if (count === 1) checkResolve(node, callee);
        else if (count === 2) checkCallback(node, callee);
        if (count >= 2) checkMessageFalse(node, callee);
      },
    };
  },
});
