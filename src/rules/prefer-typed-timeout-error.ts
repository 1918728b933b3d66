import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  dottedName,
  findVariable,
  isFunction,
  isUnshadowedGlobal,
  memberPropertyName,
  propertyKeyName,
  shortText,
} from '../analysis/js/index.js';
import { caughtErrorName } from '../analysis/sentinel/index.js';
import {
  buildVocabulary,
  isCancellationMessage,
  isTimeoutMessage,
  staticText,
  type Producer,
  STRICT_TIMEOUT_OPTIONS,
  TIMEOUT_RULE_SETTINGS,
  type TimeoutPathFinder,
  timeoutPathsOf,
  type TimeoutRuleOptions,
  timeoutRuleOptionsSchema,
} from '../analysis/timeout/index.js';
import { planTypedError, TIMEOUT_ERROR_FALLBACK } from '../analysis/fixes/index.js';
import { createRule } from '../util/create-rule.js';
import { reportWithFixes, type FixOffer } from '../util/report-fixes.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type MessageId = 'untypedTimeoutError' | 'untypedErrorOnTimeoutPath' | 'genericTimeoutClass' | 'stringTimeout' | 'useTypedError';

/** Calls that deliver an error: reject, `Promise.reject`, an abort or destroy reason, a Node callback. */
const DELIVERING_METHODS = new Set(['abort', 'destroy']);
const CALLBACK_NAMES = new Set(['cb', 'callback', 'done', 'next', 'reject']);
/** Fields that let callers recognise an error without reading its message. */
const IDENTITY_FIELDS = new Set(['code', 'name', 'errno', 'type']);
/** An error class, by its name: `OperationalError`, `MongoOIDCError`, `ServiceException`. */
const ERROR_CLASS = /(?:Error|Exception)$/;
/** A class whose name already says timeout or abort (`QueryTimeoutError`, `ConnectionTimedOutError`): typed. */
const TIMEOUT_CLASS = /time[ds]?[_-]?out|abort/i;
/** A timeout code passed to a class beside the message (`new AppError('TIMED_OUT', msg)`, `'ETIMEDOUT'`). */
const TIMEOUT_CODE = /^(?=[A-Z0-9_]+$)(?:.*TIME[DS]?_?OUT.*|ECONNABORTED|ETIME|ABORT_ERR|57014)$/;
/**
 * A message that says something timed out, not one that names a timeout setting or object ("does
 * not own its timeout context"): a shared class is only reported on this stronger wording.
 */
const TIMED_OUT_TEXT =
  /\btimed[\s_-]?out\b|\btimes[\s_-]?out\b|\btime[\s_-]?out (?:exceeded|expired|reached|elapsed|after)\b|\bdeadline exceeded\b|\bE(?:SOCKET)?TIMEDOUT\b/i;

export default createRule<[TimeoutRuleOptions], MessageId>({
  name: 'prefer-typed-timeout-error',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require timeouts to be signalled with a typed error, not a plain `Error` or a string',
      recommended: 'recommended',
      strictOptions: STRICT_TIMEOUT_OPTIONS,
      settings: TIMEOUT_RULE_SETTINGS,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      untypedTimeoutError:
        '`{{error}}` signals a timeout that callers can only recognise by parsing its message. Use a typed timeout error instead.',
      genericTimeoutClass:
        '`{{error}}` signals a timeout with `{{class}}`, which other failures throw too: callers can only tell the timeout by its message. Throw a timeout subclass of it or give it a timeout `code`.',
      untypedErrorOnTimeoutPath:
        'This timeout path ({{path}}) fails with a plain `Error`, which callers cannot tell from other failures. Use a typed timeout error instead.',
      stringTimeout:
        '`{{value}}` signals a timeout with a string, which callers can only recognise by comparing text. Use a typed timeout error instead.',
      useTypedError: 'Use `{{error}}` instead.',
    },
    schema: [timeoutRuleOptionsSchema],
    // Empty: autofix, timeoutError and vocabulary come from settings.resilience, checkTimeoutOptions from strictChecks.
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    let pathFinder: TimeoutPathFinder | undefined;
    /** Built on first use: most files never deliver a plain `Error` that needs a timeout-path search. */
    const paths = () => (pathFinder ??= timeoutPathsOf(sourceCode, buildVocabulary(options.vocabulary), options));

    /** `new Error(msg)` → `new TimeoutError(msg[, { cause }])`, or `new DOMException(msg, 'TimeoutError')`. */
    function typedErrorFixes(node: Node, messageNode: Node | undefined, extraArgs: readonly Node[]): FixOffer<MessageId>[] {
      const plan = planTypedError(sourceCode, node, options.timeoutError, TIMEOUT_ERROR_FALLBACK);
      if (!plan) return [];
      const message = messageNode ? sourceCode.getText(messageNode) : "'Timed out'";
      let replacement: string;
      if (extraArgs.length > 0) {
        // `new Error(msg, { cause })` keeps its options, which DOMException would drop.
        if (!plan.takesCause) return [];
        replacement = plan.construct(message).replace(/\)$/, `, ${extraArgs.map((a) => sourceCode.getText(a)).join(', ')})`);
      } else {
        replacement = plan.construct(message, plan.takesCause ? caughtErrorName(node) : undefined);
      }
      return [
        {
          messageId: 'useTypedError',
          data: { error: plan.label },
          fix: (fixer: TSESLint.RuleFixer) => {
            const edit = fixer.replaceText(node, replacement);
            const importFix = plan.importFix(fixer);
            return importFix ? [importFix, edit] : edit;
          },
        },
      ];
    }

    /** The producer a timeout-path search starts from: settling calls walk out of timers. */
    function producerFor(errorNode: Node): Producer {
      const parent = errorNode.parent;
      if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        parent.arguments[0] === errorNode
      ) {
        return { kind: 'settle', callee: parent.callee };
      }
      return { kind: 'value' };
    }

    /** Whether the error leaves here as a failure: thrown, rejected, passed to a callback or abort. */
    function isDelivered(errorNode: Node): boolean {
      const parent = errorNode.parent;
      if (parent?.type === AST_NODE_TYPES.ThrowStatement) return true;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== errorNode) return false;
      const name = dottedName(parent.callee);
      if (name === 'Promise.reject') return true;
      const method = calleeName(parent);
      if (parent.callee.type === AST_NODE_TYPES.MemberExpression) return method !== null && DELIVERING_METHODS.has(method);
      if (parent.callee.type !== AST_NODE_TYPES.Identifier) return false;
      if (CALLBACK_NAMES.has(parent.callee.name)) return true;
      const def = findVariable(sourceCode.getScope(parent), parent.callee.name)?.defs[0];
      return def?.type === DefinitionType.Parameter && isFunction(def.node) && def.node.params.includes(def.name);
    }

    /**
     * Whether the error gets an identity callers can test after all: wrapped as the cause of
     * another error (`new ConnectionTimedOutError(new Error('…'))`), or given a `code`/`name`
     * (`Object.assign(new Error('…'), { code: 'ETIMEDOUT' })`, `err.code = 'ETIMEDOUT'`).
     */
    function isGivenIdentity(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.NewExpression && parent.arguments.includes(node)) return true;
      if (parent?.type === AST_NODE_TYPES.CallExpression && dottedName(parent.callee) === 'Object.assign' && parent.arguments[0] === node) {
        return parent.arguments
          .slice(1)
          .some(
            (arg) =>
              arg.type === AST_NODE_TYPES.ObjectExpression &&
              arg.properties.some((p) => p.type === AST_NODE_TYPES.Property && IDENTITY_FIELDS.has(propertyKeyName(p) ?? '')),
          );
      }
      if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode.getScope(parent), parent.id.name);
      return (
        variable?.references.some((ref) => {
          const member = ref.identifier.parent;
          return (
            member?.type === AST_NODE_TYPES.MemberExpression &&
            member.object === ref.identifier &&
            IDENTITY_FIELDS.has(memberPropertyName(member) ?? '') &&
            member.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
            member.parent.left === member
          );
        }) ?? false
      );
    }

    function checkErrorConstruction(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const [messageNode, ...extraArgs] = node.arguments;
      if (messageNode?.type === AST_NODE_TYPES.SpreadElement) return;
      // Cheap syntactic tests before the scope lookups: most errors neither mention a timeout nor leave here.
      const timeoutMessage = messageNode !== undefined && isTimeoutMessage(messageNode);
      if (!timeoutMessage && !isDelivered(node)) return;
      if (!isUnshadowedGlobal(sourceCode.getScope(node), 'Error') || isGivenIdentity(node)) return;
      const fixes = () => typedErrorFixes(node, messageNode, extraArgs);
      if (timeoutMessage) {
        reportWithFixes(
          context,
          options.autofix,
          { node, messageId: 'untypedTimeoutError', data: { error: shortText(sourceCode.getText(node), 50) } },
          fixes(),
        );
        return;
      }
      // `if (signal.aborted) throw new Error('Task cancelled')`: an abort path, but not a timeout.
      if (messageNode !== undefined && isCancellationMessage(messageNode)) return;
      const start = node.parent?.type === AST_NODE_TYPES.ThrowStatement ? node.parent : node;
      const path = paths().find(start, producerFor(node));
      if (path)
        reportWithFixes(context, options.autofix, { node, messageId: 'untypedErrorOnTimeoutPath', data: { path: path.label } }, fixes());
    }

    /**
     * `throw new OperationalError('Timed out waiting for lock')`, `reject(new MongoOIDCError('… timed out'))`:
     * a class other failures share, whose timeout is only in its message. No fix: changing the class
     * would break callers that catch it; the message says what to do.
     */
    function checkClassConstruction(node: TSESTree.NewExpression): void {
      const name = calleeName(node);
      if (name === null || name === 'Error' || !ERROR_CLASS.test(name) || TIMEOUT_CLASS.test(name) || name === 'DOMException') return;
      const messageNode = node.arguments.find((arg) => isTimeoutMessage(arg));
      const text = messageNode && staticText(messageNode);
      if (!text || !TIMED_OUT_TEXT.test(text) || !isDelivered(node) || isGivenIdentity(node)) return;
      if (node.arguments.some(carriesTimeoutIdentity)) return;
      context.report({
        node,
        messageId: 'genericTimeoutClass',
        data: { error: shortText(sourceCode.getText(node), 50), class: name },
      });
    }

    /**
     * An identity callers can test, beside the message: a timeout code (`'ETIMEDOUT'`), `{ code }` or
     * `{ name }`, or a typed timeout error as its cause (`new WorkflowFailedError(msg, timeoutFailure)`).
     */
    function carriesTimeoutIdentity(arg: TSESTree.CallExpressionArgument): boolean {
      if (arg.type === AST_NODE_TYPES.Literal) return typeof arg.value === 'string' && TIMEOUT_CODE.test(arg.value);
      if (arg.type === AST_NODE_TYPES.ObjectExpression) {
        return arg.properties.some(
          (p) =>
            p.type === AST_NODE_TYPES.Property &&
            (IDENTITY_FIELDS.has(propertyKeyName(p) ?? '') || (propertyKeyName(p) === 'cause' && isTimeoutInstance(p.value))),
        );
      }
      return isTimeoutInstance(arg);
    }

    /** `new TimeoutFailure(…)`, or a variable initialised with one. */
    function isTimeoutInstance(node: Node): boolean {
      let target: Node | null | undefined = node;
      if (target.type === AST_NODE_TYPES.Identifier) {
        const def = findVariable(sourceCode.getScope(target), target.name)?.defs[0];
        target = def?.type === DefinitionType.Variable ? def.node.init : null;
      }
      return target?.type === AST_NODE_TYPES.NewExpression && TIMEOUT_CLASS.test(calleeName(target) ?? '');
    }

    /** `Error(…)` or `new Error(…)`, as written: the selector `[callee.name="Error"]` without esquery. */
    function isErrorCall(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Error';
    }

    /** A string literal or template: the only arguments that can be a string timeout. */
    function isStringCandidate(node: Node | undefined): node is TSESTree.Literal | TSESTree.TemplateLiteral {
      return node?.type === AST_NODE_TYPES.Literal || node?.type === AST_NODE_TYPES.TemplateLiteral;
    }

    function checkString(node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
      if (!isTimeoutMessage(node) || !isDelivered(node)) return;
      reportWithFixes(
        context,
        options.autofix,
        { node, messageId: 'stringTimeout', data: { value: shortText(sourceCode.getText(node), 40) } },
        typedErrorFixes(node, node, []),
      );
    }

    // Plain node-type listeners with inline tests: attribute and child selectors cost an esquery
    // match on every node of their type, and a listener on `Literal` would run for every literal.
    return {
      NewExpression(node) {
        if (isErrorCall(node)) checkErrorConstruction(node);
        else checkClassConstruction(node);
      },
      CallExpression(node) {
        if (isErrorCall(node)) checkErrorConstruction(node);
        const first = node.arguments[0];
        if (isStringCandidate(first)) checkString(first);
      },
      ThrowStatement(node) {
        if (isStringCandidate(node.argument)) checkString(node.argument);
      },
    };
  },
});
