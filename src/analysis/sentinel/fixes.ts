import type { FixOffer } from '../../util/report-fixes.js';
import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, functionName, isFunction, isParenthesized, unwrap, type FunctionNode } from '../js/ast.js';
import { addNamedImport, findVariable } from '../js/imports.js';
import { moduleOfVariable } from '../js/index.js';
import type { Sentinel } from './values.js';
import { planTypedError, quote, type TypedErrorFallback, type TypedErrorOption, type TypedErrorPlan } from '../fixes/typed-error.js';
import { lineEnding } from '../js/fix-text.js';
import { scopeOf } from '../js/scopes.js';

type Node = TSESTree.Node;

/** The suggestions a sentinel fix can offer; rules using these fixes declare these message ids. */
export type SentinelFixMessageId =
  | 'throwTypedError'
  | 'fillErrorSlot'
  | 'returnFailure'
  | 'rejectTypedError'
  | 'callBackWithError'
  | 'removeOption'
  | 'throwOnTimeout'
  | 'rethrowOnTimeout'
  | 'fillSlotOnTimeout';

export const SENTINEL_FIX_MESSAGES: Record<SentinelFixMessageId, string> = {
  throwTypedError: 'Throw `{{error}}` instead.',
  fillErrorSlot: 'Put `{{error}}` in the error slot.',
  returnFailure: 'Return `{{failure}}(…)` with `{{error}}` instead.',
  rejectTypedError: 'Call `{{reject}}` with `{{error}}` instead.',
  callBackWithError: 'Call `{{callback}}` with `{{error}}` instead.',
  removeOption: 'Remove `{{option}}` so the timeout rejects.',
  throwOnTimeout: 'Throw `{{error}}` when the error is a timeout (`{{test}}`), and keep this fallback for other failures.',
  rethrowOnTimeout: 'Rethrow the error when it is a timeout (`{{test}}`), and keep this fallback for other failures.',
  fillSlotOnTimeout:
    'Put `{{error}}` in the error slot when the error is a timeout (`{{test}}`), and keep this fallback for other failures.',
};

export type SentinelFix = FixOffer<SentinelFixMessageId>;

/** A callback in an options bag (`{ with: () => … }` passed to a call) is not an operation. */
function isOptionCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.Property &&
    (parent.parent.parent?.type === AST_NODE_TYPES.CallExpression || parent.parent.parent?.type === AST_NODE_TYPES.NewExpression)
  );
}

/** The name of the nearest named function around `node`, for error messages. */
export function operationName(node: Node): string {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = isOptionCallback(fn) ? null : functionName(fn);
    if (name) return name;
  }
  return 'Operation';
}

/** The parameter of the `catch` around `node` in the same function, to pass as `cause`. */
export function caughtErrorName(node: Node): string | undefined {
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) {
      return current.param?.type === AST_NODE_TYPES.Identifier ? current.param.name : undefined;
    }
  }
  return undefined;
}

/** Builds the fixes that turn a sentinel into a typed error, keeping the value's shape where it has one. */
export class SentinelFixer {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly option: TypedErrorOption | undefined,
    private readonly fallback: TypedErrorFallback,
  ) {}

  private plan(node: Node): { plan: TypedErrorPlan; error: string } | null {
    const plan = planTypedError(this.sourceCode, node, this.option, this.fallback);
    if (!plan) return null;
    return { plan, error: plan.construct(quote(`${operationName(node)} timed out`), caughtErrorName(node)) };
  }

  private withImport(plan: TypedErrorPlan, edit: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix): TSESLint.ReportFixFunction {
    return (fixer) => {
      const importFix = plan.importFix(fixer);
      return importFix ? [importFix, edit(fixer)] : edit(fixer);
    };
  }

  /** The range of a node with the parentheses around it, so `() => ({})` is replaced whole. */
  private outerRange(node: Node): TSESTree.Range {
    if (!isParenthesized(node, this.sourceCode)) return node.range;
    const before = this.sourceCode.getTokenBefore(node)!;
    const after = this.sourceCode.getTokenAfter(node)!;
    return [before.range[0], after.range[1]];
  }

  /** Fixes for a sentinel produced as a value: a `return` argument or an arrow's expression body. */
  valueFixes(candidate: Node, sentinel: Sentinel, statement: TSESTree.ReturnStatement | null): SentinelFix[] {
    const planned = this.plan(candidate);
    if (!planned) return [];
    const { plan, error } = planned;
    const data = { error: plan.label };
    if (sentinel.kind === 'tuple' && sentinel.errorIndex !== null) {
      const slot = sentinel.node.elements[sentinel.errorIndex]!;
      return [{ messageId: 'fillErrorSlot', data, fix: this.withImport(plan, (f) => f.replaceText(slot, error)) }];
    }
    if (sentinel.kind === 'object' && sentinel.errorProperty) {
      const slot = sentinel.errorProperty;
      const edit = (f: TSESLint.RuleFixer) =>
        slot.shorthand ? f.replaceText(slot, `${this.sourceCode.getText(slot.key)}: ${error}`) : f.replaceText(slot.value, error);
      return [{ messageId: 'fillErrorSlot', data, fix: this.withImport(plan, edit) }];
    }
    if (sentinel.kind === 'wrapped') return this.failureFixes(sentinel, plan, error);
    if (statement && statement.argument === candidate) {
      return [{ messageId: 'throwTypedError', data, fix: this.withImport(plan, (f) => f.replaceText(statement, `throw ${error};`)) }];
    }
    const arrow = candidate.parent;
    if (arrow?.type === AST_NODE_TYPES.ArrowFunctionExpression && arrow.body === candidate) {
      const edit = (f: TSESLint.RuleFixer) => f.replaceTextRange(this.outerRange(candidate), `{ throw ${error}; }`);
      return [{ messageId: 'throwTypedError', data, fix: this.withImport(plan, edit) }];
    }
    return [];
  }

  /** A bare `return;` becomes a `throw`. */
  bareReturnFixes(statement: TSESTree.ReturnStatement): SentinelFix[] {
    const planned = this.plan(statement);
    if (!planned) return [];
    const { plan, error } = planned;
    return [
      {
        messageId: 'throwTypedError',
        data: { error: plan.label },
        fix: this.withImport(plan, (f) => f.replaceText(statement, `throw ${error};`)),
      },
    ];
  }

  /** `ok(0)` → `err(new TimeoutError(…))` when `err` comes from the module `ok` comes from. */
  private failureFixes(sentinel: Extract<Sentinel, { kind: 'wrapped' }>, plan: TypedErrorPlan, error: string): SentinelFix[] {
    const call = sentinel.node;
    const { failure } = sentinel;
    const argument = failure.takesFactory ? `() => ${error}` : error;
    const data = { error: plan.label, failure: failure.name };
    const replaceCall = (f: TSESLint.RuleFixer) => f.replaceText(call, `${failure.name}(${argument})`);
    if (!failure.sameModule) {
      return [{ messageId: 'returnFailure', data, fix: this.withImport(plan, replaceCall) }];
    }
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return [];
    const scope = scopeOf(this.sourceCode, call);
    const success = findVariable(scope, callee.name);
    const source = success && moduleOfVariable(success);
    if (!source) return [];
    const existing = findVariable(scope, failure.name);
    if (existing && existing.defs.length > 0) {
      // `catch (err) { return ok(0) }`: `err` names the caught error here, not the Result constructor.
      if (moduleOfVariable(existing) !== source) return [];
      return [{ messageId: 'returnFailure', data, fix: this.withImport(plan, replaceCall) }];
    }
    return [
      {
        messageId: 'returnFailure',
        data,
        fix: (fixer) => {
          const fixes = [addNamedImport(fixer, this.sourceCode, failure.name, source), replaceCall(fixer)];
          const importFix = plan.importFix(fixer);
          return importFix ? [importFix, ...fixes] : fixes;
        },
      },
    ];
  }

  /** `resolve(0)` → `reject(new TimeoutError(…))`, when the executor names its reject parameter. */
  resolveFixes(call: TSESTree.CallExpression, executor: FunctionNode): SentinelFix[] {
    const rejectParam = executor.params[1];
    if (rejectParam?.type !== AST_NODE_TYPES.Identifier) return [];
    const scope = scopeOf(this.sourceCode, call);
    const visible = findVariable(scope, rejectParam.name);
    if (!visible || visible.defs[0]?.name !== rejectParam) return [];
    const planned = this.plan(call);
    if (!planned) return [];
    const { plan, error } = planned;
    return [
      {
        messageId: 'rejectTypedError',
        data: { error: plan.label, reject: rejectParam.name },
        fix: this.withImport(plan, (f) => f.replaceText(call, `${rejectParam.name}(${error})`)),
      },
    ];
  }

  /** `this.resolve(null)` → `this.reject(new TimeoutError(…))`, when the class keeps its reject in `this.<reject>`. */
  memberResolveFixes(call: TSESTree.CallExpression, reject: string | null): SentinelFix[] {
    if (!reject) return [];
    const planned = this.plan(call);
    if (!planned) return [];
    const { plan, error } = planned;
    return [
      {
        messageId: 'rejectTypedError',
        data: { error: plan.label, reject: `this.${reject}` },
        fix: this.withImport(plan, (f) => f.replaceText(call, `this.${reject}(${error})`)),
      },
    ];
  }

  /** `cb(null, 0)` → `cb(new TimeoutError(…))`. */
  callbackFixes(call: TSESTree.CallExpression, callback: string): SentinelFix[] {
    const planned = this.plan(call);
    if (!planned) return [];
    const { plan, error } = planned;
    const first = call.arguments[0]!;
    const last = call.arguments.at(-1)!;
    return [
      {
        messageId: 'callBackWithError',
        data: { error: plan.label, callback },
        fix: this.withImport(plan, (f) => f.replaceTextRange([first.range[0], last.range[1]], error)),
      },
    ];
  }

  /** Removes an option property (`fallback: …`, `message: false`) with its comma. */
  removeOptionFix(property: TSESTree.Property, option: string): SentinelFix {
    return {
      messageId: 'removeOption',
      data: { option },
      fix: (fixer) => {
        const after = this.sourceCode.getTokenAfter(property)!;
        // `{ a, fallback: f, b }` → `{ a, b }`: up to the next property, spaces included.
        if (after.value === ',') return fixer.removeRange([property.range[0], this.sourceCode.getTokenAfter(after)!.range[0]]);
        const before = this.sourceCode.getTokenBefore(property)!;
        return fixer.removeRange(before.value === ',' ? [before.range[0], property.range[1]] : property.range);
      },
    };
  }

  /**
   * A catch-all fallback of work with a timeout (`catch (err) { log(err); return []; }`,
   * `.catch(() => [])`): a test before the fallback throws the typed error with `{ cause }` (or
   * rethrows the caught error, when the typed error cannot carry it) for timeouts only, so every
   * other failure still gets the fallback. Offered as a suggestion only: which errors are timeouts
   * is read from how the work is timed, and may miss one.
   */
  timeoutTestFixes(
    candidate: Node,
    sentinel: Sentinel,
    statement: TSESTree.ReturnStatement | null,
    handler: TSESTree.CatchClause | FunctionNode,
    isTimeout: (error: string) => string,
  ): SentinelFix[] {
    const binding = this.errorBinding(handler);
    if (!binding) return [];
    const { name, addParam } = binding;
    // The name must still mean the caught error where the test goes.
    const visible = findVariable(scopeOf(this.sourceCode, statement ?? candidate), name);
    const param = handler.type === AST_NODE_TYPES.CatchClause ? handler.param : handler.params[0];
    if (addParam ? visible !== null : !visible?.defs.some((def) => def.name === param)) return [];
    const plan = planTypedError(this.sourceCode, candidate, this.option, this.fallback);
    const test = isTimeout(name);
    const typed = plan?.takesCause ? plan : null;
    const error = typed ? typed.construct(quote(`${operationName(candidate)} timed out`), name) : name;
    // A value with an error slot keeps its contract: the timeout comes back in the slot.
    const filled = this.withErrorSlot(sentinel, error);
    const guard = filled ? `if (${test}) return ${filled};` : `if (${test}) throw ${error};`;
    const edits: ((f: TSESLint.RuleFixer) => TSESLint.RuleFix | null)[] = [];
    if (statement && statement.parent.type === AST_NODE_TYPES.BlockStatement) {
      const indent = this.sourceCode.lines[statement.loc.start.line - 1]!.slice(0, statement.loc.start.column);
      edits.push((f) => f.insertTextBefore(statement, `${guard}${lineEnding(this.sourceCode)}${/^\s*$/.test(indent) ? indent : ''}`));
    } else if (isFunction(handler) && handler.body === candidate) {
      edits.push((f) => f.replaceTextRange(this.outerRange(candidate), `{ ${guard} return ${this.sourceCode.getText(candidate)}; }`));
    } else {
      return [];
    }
    if (addParam) edits.push(addParam);
    if (typed) edits.push((f) => typed.importFix(f));
    const data: Record<string, string> = { error: typed ? typed.label : name, test };
    return [
      {
        messageId: filled ? 'fillSlotOnTimeout' : typed ? 'throwOnTimeout' : 'rethrowOnTimeout',
        data,
        suggestOnly: true,
        fix: (fixer) => edits.map((edit) => edit(fixer)).filter((fix): fix is TSESLint.RuleFix => fix !== null),
      },
    ];
  }

  /** `[0, null]` → `[0, <error>]`, `{ data, error: null }` → `{ data, error: <error> }`; null for other sentinels. */
  private withErrorSlot(sentinel: Sentinel, error: string): string | null {
    const slot =
      sentinel.kind === 'tuple' && sentinel.errorIndex !== null
        ? sentinel.node.elements[sentinel.errorIndex]
        : sentinel.kind === 'object' && sentinel.errorProperty && !sentinel.errorProperty.shorthand
          ? sentinel.errorProperty.value
          : null;
    if (!slot) return null;
    const text = this.sourceCode.getText(sentinel.node);
    const start = sentinel.node.range[0];
    return `${text.slice(0, slot.range[0] - start)}${error}${text.slice(slot.range[1] - start)}`;
  }

  /** The caught error's name in a catch clause or error callback, adding `error` where there is none. */
  private errorBinding(
    handler: TSESTree.CatchClause | FunctionNode,
  ): { name: string; addParam: ((f: TSESLint.RuleFixer) => TSESLint.RuleFix) | null } | null {
    const param = handler.type === AST_NODE_TYPES.CatchClause ? handler.param : handler.params[0];
    if (param) return param.type === AST_NODE_TYPES.Identifier ? { name: param.name, addParam: null } : null;
    const name = 'error';
    if (handler.type === AST_NODE_TYPES.CatchClause) {
      const keyword = this.sourceCode.getFirstToken(handler)!;
      return { name, addParam: (f) => f.insertTextAfter(keyword, ` (${name})`) };
    }
    const open = this.sourceCode.getFirstToken(handler, { filter: (t) => t.value === '(' });
    return open && open.range[0] < handler.body.range[0] ? { name, addParam: (f) => f.insertTextAfter(open, name) } : null;
  }
}
