import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  AST_NODE_TYPES,
  calleeName,
  DefinitionType,
  dottedName,
  enclosingFunction,
  findVariable,
  isFunction,
  isInside,
  isUnshadowedGlobal,
  memberPropertyName,
  propertyKeyName,
  scopeOf,
  shortText,
} from '../analysis/js/index.js';
import { caughtErrorName, operationName } from '../analysis/sentinel/index.js';
import {
  buildVocabulary,
  isCancellationMessage,
  isSetTimeoutCall,
  isTimeoutMessage,
  raceOf,
  staticText,
  type Producer,
  ALL_TIMEOUT_OPTIONS,
  TIMEOUT_RULE_SETTINGS,
  type TimeoutPathFinder,
  timeoutPathsOf,
  type TimeoutRuleOptions,
  timeoutRuleOptionsSchema,
} from '../analysis/timeout/index.js';
import { planTypedError, quote, TIMEOUT_ERROR_FALLBACK, type TypedErrorPlan } from '../analysis/fixes/index.js';
import { createRule } from '../util/create-rule.js';
import { reportWithFixes, type FixOffer } from '../util/report-fixes.js';

type Node = TSESTree.Node;
type MessageId =
  | 'untypedTimeoutError'
  | 'untypedErrorOnTimeoutPath'
  | 'genericTimeoutClass'
  | 'stringTimeout'
  | 'stringOnTimeoutPath'
  | 'missingTimeoutError'
  | 'useTypedError'
  | 'passTypedError';

/** Calls that deliver an error: reject, `Promise.reject`, an abort or destroy reason, a Node callback. */
const DELIVERING_METHODS = new Set(['abort', 'destroy']);
const CALLBACK_NAMES = new Set(['cb', 'callback', 'done', 'next', 'reject']);
/** Error-first callbacks a timer may fail with any string (not `next`: `next('route')` is routing). */
const ERROR_FIRST_NAMES = new Set(['cb', 'callback', 'done']);
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
      allOptions: ALL_TIMEOUT_OPTIONS,
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
      stringOnTimeoutPath:
        'This timeout path ({{path}}) fails with the string `{{value}}`, which callers can only recognise by comparing text. Use a typed timeout error instead.',
      missingTimeoutError:
        'This timeout path ({{path}}) rejects with no error: callers get `undefined`, which they cannot tell from other failures. Pass a typed timeout error.',
      useTypedError: 'Use `{{error}}` instead.',
      passTypedError: 'Pass `{{error}}`.',
    },
    schema: [timeoutRuleOptionsSchema],
    // Empty: autofix, timeoutError and vocabulary come from settings.resilience, checkTimeoutOptions from allChecks.
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
        { messageId: 'useTypedError', data: { error: plan.label }, fix: withImport(plan, (fixer) => fixer.replaceText(node, replacement)) },
      ];
    }

    function withImport(plan: TypedErrorPlan, edit: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix): TSESLint.ReportFixFunction {
      return (fixer) => {
        const importFix = plan.importFix(fixer);
        return importFix ? [importFix, edit(fixer)] : edit(fixer);
      };
    }

    /** `reject()` → `reject(new TimeoutError('load timed out'))`: `insert` puts the error where the reason belongs. */
    function reasonFixes(node: Node, insert: (fixer: TSESLint.RuleFixer, error: string) => TSESLint.RuleFix): FixOffer<MessageId>[] {
      const plan = planTypedError(sourceCode, node, options.timeoutError, TIMEOUT_ERROR_FALLBACK);
      if (!plan) return [];
      const error = plan.construct(quote(`${operationName(node)} timed out`), plan.takesCause ? caughtErrorName(node) : undefined);
      return [{ messageId: 'passTypedError', data: { error: plan.label }, fix: withImport(plan, (fixer) => insert(fixer, error)) }];
    }

    /**
     * Whether calling `callee` fails the work: `reject`, the second parameter of a `new Promise`
     * executor, and with `errorFirst` an error-first callback (`cb('…')`).
     */
    function isRejecter(callee: Node, errorFirst: boolean): callee is TSESTree.Identifier {
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      if (callee.name === 'reject' || (errorFirst && ERROR_FIRST_NAMES.has(callee.name))) return true;
      const def = findVariable(scopeOf(sourceCode, callee), callee.name)?.defs[0];
      return def?.type === DefinitionType.Parameter && isExecutor(def.node) && def.node.params[1] === def.name;
    }

    function isExecutor(fn: Node): fn is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
      return isFunction(fn) && fn.parent?.type === AST_NODE_TYPES.NewExpression && fn.parent.arguments[0] === fn;
    }

    /** `setTimeout(() => reject(), ms)` racing the work, as the timeout-path finder decides (cheap tests first). */
    function timerCallbackPath(call: TSESTree.CallExpression, start: Node, errorFirst: boolean): string | null {
      const fn = call.callee.type === AST_NODE_TYPES.Identifier ? enclosingFunction(call) : null;
      if (!fn || !isSetTimeoutCall(fn.parent) || fn.parent.arguments[0] !== fn || !isRejecter(call.callee, errorFirst)) return null;
      const path = paths().find(start, { kind: 'settle', callee: call.callee });
      return path?.kind === 'timer' ? path.label : null;
    }

    /**
     * `setTimeout(reject, ms[, reason])` racing the work (the finder only looks inside callbacks):
     * `reject`'s executor settles the promise outside this call too, the callback is also passed to
     * the work, or the promise is a `Promise.race` entry.
     */
    function rejectTimerPath(timer: TSESTree.CallExpression, errorFirst: boolean): string | null {
      const settle = timer.arguments[0]!;
      if (!isRejecter(settle, errorFirst)) return null;
      const variable = findVariable(scopeOf(sourceCode, settle), settle.name);
      const owner = variable?.defs[0]?.type === DefinitionType.Parameter ? variable.defs[0].node : null;
      if (!variable || !owner) return null;
      const settlers = isExecutor(owner) ? sourceCode.getDeclaredVariables(owner) : [variable];
      const races =
        (isExecutor(owner) && raceOf(owner.parent)) || settlers.some((v) => v.references.some((r) => !isInside(r.identifier, timer)));
      return races ? `\`setTimeout(${settle.name}, …)\` racing the work` : null;
    }

    /** `reject()` in a racing timer, or `setTimeout(reject, ms)`: the caller gets `undefined` as the error. */
    function checkMissingReason(call: TSESTree.CallExpression): void {
      const timer = call.arguments.length === 2;
      const path = timer ? rejectTimerPath(call, false) : timerCallbackPath(call, call, false);
      if (!path) return;
      const fixes = reasonFixes(call, (fixer, error) =>
        timer ? fixer.insertTextAfter(call.arguments[1]!, `, ${error}`) : fixer.insertTextBefore(sourceCode.getLastToken(call)!, error),
      );
      reportWithFixes(context, options.autofix, { node: call, messageId: 'missingTimeoutError', data: { path } }, fixes);
    }

    /** The racing timer a reason comes from: `setTimeout(() => reject(reason), ms)` or `setTimeout(reject, ms, reason)`. */
    function timerPathOf(reason: Node): string | null {
      const parent = reason.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return null;
      if (isSetTimeoutCall(parent) && parent.arguments[2] === reason) return rejectTimerPath(parent, true);
      return parent.arguments[0] === reason ? timerCallbackPath(parent, reason, true) : null;
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

    /**
     * Whether the error leaves here as a failure: thrown, rejected, passed to a callback or abort,
     * or passed by a timer to one (`setTimeout(reject, ms, error)`). A string is an error only
     * where it goes to what is known to take one (`reject`, an error-first `cb`): `t('errors.timeout')`
     * passes a translation key to a parameter, not an error.
     */
    function isDelivered(errorNode: Node, isString = false): boolean {
      const parent = errorNode.parent;
      if (parent?.type === AST_NODE_TYPES.ThrowStatement) return true;
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
      if (isSetTimeoutCall(parent) && parent.arguments[2] === errorNode) return isDeliveringCallee(parent.arguments[0]!, isString);
      if (parent.arguments[0] !== errorNode) return false;
      const name = dottedName(parent.callee);
      if (name === 'Promise.reject') return true;
      const method = calleeName(parent);
      if (parent.callee.type === AST_NODE_TYPES.MemberExpression) return method !== null && DELIVERING_METHODS.has(method);
      return isDeliveringCallee(parent.callee, isString);
    }

    /** `reject`, `cb`, or (for an error object) a function parameter: what a plain call delivers an error to. */
    function isDeliveringCallee(callee: Node, isString: boolean): boolean {
      if (isString) return isRejecter(callee, true);
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      if (CALLBACK_NAMES.has(callee.name)) return true;
      const def = findVariable(scopeOf(sourceCode, callee), callee.name)?.defs[0];
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
      const variable = findVariable(scopeOf(sourceCode, parent), parent.id.name);
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
      if (!isUnshadowedGlobal(scopeOf(sourceCode, node), 'Error') || isGivenIdentity(node)) return;
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
      const timer = timerPathOf(node);
      const path = timer ? { label: timer, weak: false } : paths().find(start, producerFor(node));
      if (!path) return;
      // A path on weak evidence (an abort flag, an error handed in): the fix is a suggestion, even under `autofix`.
      const offered = path.weak ? fixes().map((fix) => ({ ...fix, suggestOnly: true })) : fixes();
      reportWithFixes(context, options.autofix, { node, messageId: 'untypedErrorOnTimeoutPath', data: { path: path.label } }, offered);
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
        const def = findVariable(scopeOf(sourceCode, target), target.name)?.defs[0];
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
      // `callback(false)` is a decision, not a message: only strings.
      return (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') || node?.type === AST_NODE_TYPES.TemplateLiteral;
    }

    /** A string delivered as an error that says timeout, or any string a racing timer rejects with. */
    function checkString(node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
      const timeout = isTimeoutMessage(node);
      const path = timeout ? null : timerPathOf(node);
      if (timeout ? !isDelivered(node, true) : !path) return;
      const value = shortText(sourceCode.getText(node), 40);
      const data: Record<string, string> = path ? { path, value } : { value };
      const messageId = path ? 'stringOnTimeoutPath' : 'stringTimeout';
      reportWithFixes(context, options.autofix, { node, messageId, data }, typedErrorFixes(node, node, []));
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
        else if (first === undefined || (node.arguments.length === 2 && isSetTimeoutCall(node))) checkMissingReason(node);
        const reason = node.arguments[2];
        if (isStringCandidate(reason) && isSetTimeoutCall(node)) checkString(reason);
      },
      ThrowStatement(node) {
        if (isStringCandidate(node.argument)) checkString(node.argument);
      },
    };
  },
});
