import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  dottedName,
  enclosingFunction,
  findVariable,
  importedNames,
  moduleOfVariable,
  propertyKeyName,
  shortText,
  unwrap,
} from '../analysis/js/index.js';
import {
  type Sentinel,
  SENTINEL_FIX_MESSAGES,
  type SentinelFix,
  SentinelFixer,
  type SentinelFixMessageId,
} from '../analysis/sentinel/index.js';
import {
  STRICT_TIMEOUT_OPTIONS,
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

type MessageId = 'returnsSentinel' | 'resolvesSentinel' | 'callsBackSentinel' | 'optionSentinel' | SentinelFixMessageId;

const TAIL = 'which callers cannot tell from a real result.';
const NONE: readonly TSESTree.Property[] = [];

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
      strictOptions: STRICT_TIMEOUT_OPTIONS,
      settings: TIMEOUT_RULE_SETTINGS,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      returnsSentinel: `This timeout path ({{path}}) returns \`{{value}}\`, ${TAIL} Throw or return a typed timeout error instead.`,
      resolvesSentinel: `This timeout path ({{path}}) resolves with \`{{value}}\`, ${TAIL} Reject with a typed timeout error instead.`,
      callsBackSentinel: `This timeout path ({{path}}) calls \`{{callback}}\` with \`{{value}}\` and no error, ${TAIL} Pass a typed timeout error instead.`,
      optionSentinel: `\`{{option}}\` makes \`{{callee}}()\` resolve with \`{{value}}\` on timeout, ${TAIL} Remove it so the timeout rejects.`,
      ...SENTINEL_FIX_MESSAGES,
    },
    schema: [timeoutRuleOptionsSchema],
    // Empty: autofix, timeoutError and vocabulary come from settings.resilience, checkTimeoutOptions from strictChecks.
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const detector = timeoutSentinelsOf(sourceCode, options);
    const fixer = new SentinelFixer(sourceCode, options.timeoutError, TIMEOUT_ERROR_FALLBACK);
    const text = (node: Node) => shortText(sourceCode.getText(node), 40);
    let pTimeoutNames: Set<string> | undefined;

    function report(node: Node, messageId: MessageId, data: Record<string, string>, fixes: SentinelFix[]): void {
      reportWithFixes(context, options.autofix, { node, messageId, data }, fixes);
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

    function checkValue(expression: Node, statement: TSESTree.ReturnStatement | null): void {
      for (const { value, sentinel, path } of detector.valueSentinels(expression)) {
        const fixes = valueFixes(value, sentinel, path, statement);
        if (path.kind === 'fallback' && path.node?.type === AST_NODE_TYPES.Property) {
          const call = path.node.parent.parent as TSESTree.CallExpression;
          report(value, 'optionSentinel', { option: 'fallback', callee: calleeName(call) ?? 'timeout', value: text(value) }, fixes);
        } else {
          report(value, 'returnsSentinel', { path: path.label, value: text(value) }, fixes);
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
      );
    }

    function checkCallback(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const found = detector.callbackSentinel(call, callee);
      if (!found) return;
      const data = { path: found.path.label, callback: callee.name, value: text(found.value) };
      report(found.value, 'callsBackSentinel', data, fixer.callbackFixes(call, callee.name));
    }

    /** p-timeout's `message: false` resolves `undefined` on timeout instead of rejecting. */
    function checkMessageFalse(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      // The option first: it is rare, and the imports and the scope are not looked at without it.
      const options = messageFalseOptions(call);
      if (options.length === 0 || !(pTimeoutNames ??= importedNames(sourceCode.ast, 'p-timeout')).has(callee.name)) return;
      const variable = findVariable(sourceCode.getScope(call), callee.name);
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
        if (path) report(node, 'returnsSentinel', { path: path.label, value: 'undefined' }, fixer.bareReturnFixes(node));
      },
      ArrowFunctionExpression(node) {
        if (node.expression) checkValue(node.body, null);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          // The name first: only a field that may hold a resolver is worth a look at the class.
          if (node.arguments.length === 1 && callee.object.type === AST_NODE_TYPES.ThisExpression && isResolverName(callee.property))
            checkMemberResolve(node, callee);
          return;
        }
        if (callee.type !== AST_NODE_TYPES.Identifier) return;
        const count = node.arguments.length;
        if (count === 1) checkResolve(node, callee);
        else if (count === 2) checkCallback(node, callee);
        if (count >= 2) checkMessageFalse(node, callee);
      },
    };
  },
});
