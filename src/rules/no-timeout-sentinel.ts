import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, isNullish, propertyKeyName, shortText, unwrap, type FunctionNode } from '../analysis/ast.js';
import { findVariable, importedNames, moduleOfVariable } from '../analysis/imports.js';
import { classifySentinel, type Sentinel } from '../analysis/sentinel.js';
import { SentinelContext } from '../analysis/sentinel-context.js';
import { SENTINEL_FIX_MESSAGES, SentinelFixer, type SentinelFix, type SentinelFixMessageId } from '../analysis/sentinel-fixes.js';
import { TimeoutPathFinder, type TimeoutPath } from '../analysis/timeout-path.js';
import { STRICT_TIMEOUT_OPTIONS, timeoutRuleOptionsSchema, type TimeoutRuleOptions } from '../analysis/timeout-options.js';
import { buildVocabulary } from '../analysis/timeout-vocabulary.js';
import { methodReceiver } from '../analysis/timeout-work.js';
import { TIMEOUT_ERROR_FALLBACK } from '../analysis/typed-error.js';
import { createRule } from '../util/create-rule.js';
import { reportWithFixes } from '../util/report-fixes.js';

type Node = TSESTree.Node;


type MessageId = 'returnsSentinel' | 'resolvesSentinel' | 'callsBackSentinel' | 'optionSentinel' | SentinelFixMessageId;

const TAIL = 'which callers cannot tell from a real result.';

/** Names that call back Node-style; any other callee must be a parameter of the enclosing code. */
const CALLBACK_NAMES = new Set(['cb', 'callback', 'done', 'next', 'cont', 'reply', 'respond']);
function valueCandidates(expression: Node): Node[] {
  const target = unwrap(expression);
  if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    return [...valueCandidates(target.consequent), ...valueCandidates(target.alternate)];
  }
  return [expression];
}

/** The `new Promise` executor whose first parameter `callee` names, if it does. */
function executorOfResolve(callee: TSESTree.Identifier, scope: Parameters<typeof findVariable>[0]): FunctionNode | null {
  const def = findVariable(scope, callee.name)?.defs[0];
  if (def?.type !== 'Parameter') return null;
  const fn = def.node as FunctionNode;
  const isExecutor =
    fn.parent?.type === AST_NODE_TYPES.NewExpression &&
    fn.parent.arguments[0] === fn &&
    fn.parent.callee.type === AST_NODE_TYPES.Identifier &&
    fn.parent.callee.name === 'Promise';
  return isExecutor && fn.params[0] === def.name ? fn : null;
}

export default createRule<[TimeoutRuleOptions], MessageId>({
  name: 'no-timeout-sentinel',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow timeout paths that produce a value callers cannot tell from a real result',
      recommended: 'recommended',
      strictOptions: STRICT_TIMEOUT_OPTIONS,
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
  },
  defaultOptions: [{ autofix: false, checkTimeoutOptions: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const paths = new TimeoutPathFinder(sourceCode, buildVocabulary(options.vocabulary), options);
    const answers = new SentinelContext(sourceCode);
    const fixer = new SentinelFixer(sourceCode, options.timeoutError, TIMEOUT_ERROR_FALLBACK);
    const text = (node: Node) => shortText(sourceCode.getText(node), 40);
    const pTimeoutNames = importedNames(sourceCode.ast, 'p-timeout');

    function report(node: Node, messageId: MessageId, data: Record<string, string>, fixes: SentinelFix[]): void {
      reportWithFixes(context, options.autofix, { node, messageId, data }, fixes);
    }

    function valueFixes(candidate: Node, sentinel: Sentinel, path: TimeoutPath, statement: TSESTree.ReturnStatement | null): SentinelFix[] {
      if (path.kind === 'fallback' && path.node?.type === AST_NODE_TYPES.Property) {
        return [fixer.removeOptionFix(path.node, 'fallback')];
      }
      // Only a `.catch()` can go; `.then(onValue, onError)` would lose `onValue`.
      if (path.kind === 'chain' && path.node?.type === AST_NODE_TYPES.CallExpression && methodReceiver(path.node, 'catch')) {
        const callback = enclosingFunction(candidate);
        const onlyTheSentinel =
          callback?.body === candidate ||
          (callback?.body.type === AST_NODE_TYPES.BlockStatement && callback.body.body.length === 1 && callback.body.body[0] === statement);
        if (onlyTheSentinel) return [fixer.removeCatchFix(path.node)];
      }
      return fixer.valueFixes(candidate, sentinel, statement);
    }

    function checkValue(expression: Node, statement: TSESTree.ReturnStatement | null): void {
      for (const candidate of valueCandidates(expression)) {
        const sentinel = classifySentinel(candidate);
        if (!sentinel) continue;
        const path = paths.find(candidate, { kind: 'value' });
        if (!path || answers.isRealAnswer(sentinel, candidate)) continue;
        const fixes = valueFixes(candidate, sentinel, path, statement);
        if (path.kind === 'fallback' && path.node?.type === AST_NODE_TYPES.Property) {
          const call = path.node.parent.parent as TSESTree.CallExpression;
          report(candidate, 'optionSentinel', { option: 'fallback', callee: calleeName(call) ?? 'timeout', value: text(candidate) }, fixes);
        } else {
          report(candidate, 'returnsSentinel', { path: path.label, value: text(candidate) }, fixes);
        }
      }
    }

    function checkResolve(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const value = call.arguments[0]!;
      const sentinel = classifySentinel(value);
      if (!sentinel) return;
      const executor = executorOfResolve(callee, sourceCode.getScope(call));
      if (!executor) return;
      const path = paths.find(call, { kind: 'settle', callee });
      if (!path || answers.isRealAnswer(sentinel, call, callee)) return;
      report(value, 'resolvesSentinel', { path: path.label, value: text(value) }, fixer.resolveFixes(call, executor));
    }

    function checkCallback(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const value = call.arguments[1]!;
      const sentinel = classifySentinel(value);
      if (!sentinel || !isNullish(call.arguments[0])) return;
      if (!CALLBACK_NAMES.has(callee.name) && findVariable(sourceCode.getScope(call), callee.name)?.defs[0]?.type !== 'Parameter') {
        return;
      }
      const path = paths.find(call, { kind: 'settle', callee });
      if (!path || answers.isRealAnswer(sentinel, call)) return;
      report(value, 'callsBackSentinel', { path: path.label, callback: callee.name, value: text(value) }, fixer.callbackFixes(call, callee.name));
    }

    /** p-timeout's `message: false` resolves `undefined` on timeout instead of rejecting. */
    function checkMessageFalse(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
      const variable = findVariable(sourceCode.getScope(call), callee.name);
      if (!variable || moduleOfVariable(variable) !== 'p-timeout') return;
      for (const argument of call.arguments) {
        if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const property of argument.properties) {
          if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== 'message') continue;
          const value = unwrap(property.value);
          if (value.type !== AST_NODE_TYPES.Literal || value.value !== false) continue;
          report(property, 'optionSentinel', { option: 'message: false', callee: callee.name, value: 'undefined' }, [
            fixer.removeOptionFix(property, 'message: false'),
          ]);
        }
      }
    }

    return {
      ReturnStatement(node) {
        if (node.argument) {
          checkValue(node.argument, node);
          return;
        }
        const fn = enclosingFunction(node);
        if (!fn || !answers.results.returnsValue(fn)) return;
        const path = paths.find(node, { kind: 'value' });
        if (path) report(node, 'returnsSentinel', { path: path.label, value: 'undefined' }, fixer.bareReturnFixes(node));
      },
      'ArrowFunctionExpression[expression=true]'(node: TSESTree.ArrowFunctionExpression) {
        checkValue(node.body, null);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier) return;
        const count = node.arguments.length;
        if (count === 1) checkResolve(node, callee);
        else if (count === 2) checkCallback(node, callee);
        if (count >= 2 && pTimeoutNames.has(callee.name)) checkMessageFalse(node, callee);
      },
    };
  },
});
