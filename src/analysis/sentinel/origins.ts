import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, dottedName, shortText, unwrap } from '../js/ast.js';
import { CalleeResolver } from '../js/callee-resolution.js';
import { findVariable } from '../js/imports.js';
import type { TimeoutRuleOptions } from '../timeout/options.js';
import { timeoutSentinelsOf, type TimeoutSentinel, type TimeoutSentinelDetector } from '../timeout/sentinels.js';
import { scopeOf } from '../js/scopes.js';

type Node = TSESTree.Node;

/** A value that comes from a function which returns a sentinel when it times out. */
export interface SentinelOrigin {
  /** How the call reads: `latestRevision()`. */
  call: string;
  /** The sentinel as written in the callee: `[0, null]`. */
  value: string;
  /** Where the callee returns it. */
  line: number;
  /** The callee's file when it is not the linted one. */
  fileName: string | null;
  timeout: TimeoutSentinel;
}

/** `await f()`, `(await f())[0]`, `f().then(…)` stripped down to the call `f()`. */
function callBehind(node: Node): TSESTree.CallExpression | null {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else break;
  }
  return current.type === AST_NODE_TYPES.CallExpression ? current : null;
}

/**
 * Follows a value back to the call that produced it — `const [rev] = await latestRevision()` —
 * and asks whether that function returns a timeout sentinel: the link between a caller that
 * loads everything on a sentinel and the timeout that produced the sentinel.
 */
export class SentinelOrigins {
  private readonly resolver: CalleeResolver;

  constructor(
    private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
    private readonly options: TimeoutRuleOptions,
  ) {
    this.resolver = new CalleeResolver(context);
  }

  private readonly detectors = new Map<object, TimeoutSentinelDetector>();

  /** The detector of the linted file, or of a callee's file read through types: one per parse, shared with no-timeout-sentinel. */
  private detectorFor(sourceCode: Readonly<TSESLint.SourceCode>): TimeoutSentinelDetector {
    let detector = this.detectors.get(sourceCode);
    if (!detector) this.detectors.set(sourceCode, (detector = timeoutSentinelsOf(sourceCode, this.options)));
    return detector;
  }

  /** The producing call of the value `node` reads: the call itself, or a variable's initialiser. */
  private producingCall(node: Node): TSESTree.CallExpression | null {
    const target = unwrap(node);
    const direct = callBehind(target);
    if (direct) return direct;
    const identifier = target.type === AST_NODE_TYPES.MemberExpression ? unwrap(target.object) : target;
    if (identifier.type !== AST_NODE_TYPES.Identifier) return null;
    const def = findVariable(scopeOf(this.context.sourceCode, identifier), identifier.name)?.defs[0];
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return null;
    return callBehind(def.node.init);
  }

  originOf(node: Node): SentinelOrigin | null {
    const call = this.producingCall(node);
    if (!call) return null;
    const resolved = this.resolver.resolve(call);
    if (!resolved) return null;
    const timeout = this.detectorFor(resolved.sourceCode).functionSentinel(resolved.fn);
    if (!timeout) return null;
    const name = dottedName(call.callee) ?? calleeName(call) ?? 'the callee';
    return {
      call: `${name.replace(/^this\./, '')}()`,
      value: shortText(resolved.sourceCode.getText(timeout.value), 30),
      line: timeout.value.loc.start.line,
      fileName: resolved.fileName,
      timeout,
    };
  }
}
