import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  dottedName,
  isFunction,
  isInside,
  leavesBlock,
  memberPropertyName,
  propertyKeyName,
  shortText,
  unwrap,
  type FunctionNode,
} from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { identityOf, perFile } from '../js/per-file.js';
import { isTimeLeftExpression, isTimeoutCase, readsClock, type TestReading, timeoutSide, type TimeoutSide } from './guard.js';
import { isWeakTimeoutTest } from './evidence-strength.js';
import type { TimeoutVocabulary } from './vocabulary.js';
import {
  evidenceBeforeTry,
  isSetTimeoutCall,
  isTimeoutWrapperName,
  isTimerPromise,
  methodReceiver,
  raceOf,
  TimeoutEvidenceFinder,
} from './work.js';
import { DefinitionType } from '../js/definitions.js';
import { scopeOf } from '../js/scopes.js';

type Node = TSESTree.Node;

/**
 * Where code runs because something timed out:
 * - `guard`: a branch on elapsed time, a deadline, an abort flag or a timeout-error test
 * - `catch`: the `catch` of a `try` whose work has an explicit timeout
 * - `timer`: a `setTimeout` callback racing work that settles the same promise or callback
 * - `race`: a timer entry of `Promise.race([work, sleep(ms).then(() => …)])`
 * - `chain`: `.catch(fn)` on a promise with an explicit timeout
 * - `fallback`: a timeout library's fallback (`pTimeout(p, { fallback })`, RxJS `timeout({ with })`, `catchError` after `timeout`)
 */
export interface TimeoutPath {
  kind: 'guard' | 'catch' | 'timer' | 'race' | 'chain' | 'fallback';
  /** How a message names the path, already in backticks where it quotes code. */
  label: string;
  /**
   * For `catch`: the catch clause; for `chain`: the `.catch()` call; for `race`: the
   * `Promise.race`/`Promise.any` call; for `fallback`: the option property.
   */
  node?: Node;
  /** For `catch` and `chain`: what gives the work its timeout (`AbortSignal.timeout(1000)`, `{ timeout: 5000 }`). */
  evidence?: Node;
  /**
   * For `guard`: the test is weak evidence of a timeout (an abort flag, or a test of an error the
   * function did not catch itself; see `isWeakTimeoutTest`): its fixes are suggestions, never autofixes.
   */
  weak?: boolean;
}

/**
 * What produces the value: a `return`/arrow body, or a call that settles (`resolve(v)`,
 * `cb(null, v)`, or `this.resolve(v)` where a class keeps its promise's resolver in a field).
 */
export type Producer = { kind: 'value' } | { kind: 'settle'; callee: TSESTree.Identifier | TSESTree.MemberExpression };

const code = (sourceCode: Readonly<TSESLint.SourceCode>, node: Node, max = 60) => `\`${shortText(sourceCode.getText(node), max)}\``;

interface EarlyExits {
  inBudget: TSESTree.IfStatement | null;
  timedOut: TSESTree.IfStatement | null;
}

/** Whether `name` occurs in the test's text as a whole name, not a member (`x.name`) or part of one. */
function mentions(test: Node, name: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const text = sourceCode.getText(test);
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1];
    const after = text[at + name.length];
    if ((before === undefined || !/[\w$.]/.test(before)) && (after === undefined || !/[\w$]/.test(after))) return true;
  }
  return false;
}

/** Answers "does this node run because something timed out?", sharing work across one file. */
export class TimeoutPathFinder {
  private readonly evidence: TimeoutEvidenceFinder;
  /** The first `if (in budget) exit;` and the first `if (timed out) exit;` of each statement list. */
  private readonly earlyExits = new Map<readonly TSESTree.Statement[], EarlyExits>();
  /** `timeoutSide` of each test: `if (!x) return null;` is judged by its block's early-exit scan and by the walk up from its return. */
  private readonly sides = new Map<Node, TimeoutSide>();

  /** Whether each variable with an elapsed-time name was measured with a clock. */
  private readonly clocks = new Map<TSESLint.Scope.Variable, boolean>();
  private readonly reading: TestReading;

  /** `checkTimeoutOptions`: a `timeout` option on the work also makes its `catch` a timeout path. */
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly words: TimeoutVocabulary,
    options: { checkTimeoutOptions?: boolean } = {},
  ) {
    this.evidence = new TimeoutEvidenceFinder(sourceCode.visitorKeys, options.checkTimeoutOptions ?? false);
    this.reading = { words, isClock: (value) => this.isClock(value), isTimeLeft: (value) => this.isTimeLeft(value) };
  }

  /** The writes of a local variable (its initialiser and assignments), or null for anything else. */
  private writesOf(node: Node): TSESTree.Expression[] | null {
    if (node.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = findVariable(scopeOf(this.sourceCode, node), node.name);
    if (!variable || !variable.defs.every((def) => def.type === DefinitionType.Variable)) return null;
    return variable.references.flatMap((ref) => (ref.writeExpr ? [ref.writeExpr as TSESTree.Expression] : []));
  }

  /** `now` in `deadline - now`: a variable written only from a clock (`const now = Date.now()`). */
  private isClockValue(node: Node): boolean {
    const writes = this.writesOf(node);
    return writes !== null && writes.length > 0 && writes.every((write) => readsClock(write, this.words, this.sourceCode.visitorKeys));
  }

  /** `deadline - Date.now()`, or a variable written from one (`const remaining = this._deadline - now`). */
  private isTimeLeft(node: Node): boolean {
    const target = unwrap(node);
    const isClockValue = (value: Node) => this.isClockValue(value);
    if (isTimeLeftExpression(target, this.words, isClockValue)) return true;
    const writes = this.writesOf(target);
    return writes !== null && writes.length > 0 && writes.every((write) => isTimeLeftExpression(write, this.words, isClockValue));
  }

  /**
   * Whether a value with an elapsed-time name may be a clock reading. A data field
   * (`video.durationSec`, `stats.took`) is not; a local variable is when one of its writes reads
   * a clock (`const elapsed = Date.now() - start`); a parameter or an import comes measured from
   * elsewhere, and its name is the evidence.
   */
  private isClock(value: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(scopeOf(this.sourceCode, value), value.name);
    if (!variable || variable.defs.length === 0) return true;
    let known = this.clocks.get(variable);
    if (known === undefined) {
      known =
        variable.defs.some((def) => def.type !== DefinitionType.Variable) ||
        variable.references.some((ref) => ref.writeExpr != null && readsClock(ref.writeExpr, this.words, this.sourceCode.visitorKeys));
      this.clocks.set(variable, known);
    }
    return known;
  }

  /** The timeout path `start` lies on, searching outwards up to its function. */
  find(start: Node, producer: Producer): TimeoutPath | null {
    const passedTests: Node[] = [];
    let child: Node = start;
    for (let node = start.parent; node; child = node, node = node.parent) {
      if (isFunction(node)) return this.callbackPath(node, producer);
      const path = this.pathAt(node, child, passedTests);
      if (path === 'stop') return null;
      if (path) return path;
    }
    return null;
  }

  private sideOf(test: Node): TimeoutSide {
    let side = this.sides.get(test);
    if (side === undefined) {
      side = timeoutSide(test, this.reading);
      this.sides.set(test, side);
    }
    return side;
  }

  private guard(test: Node): TimeoutPath {
    const isWeak = () => isWeakTimeoutTest(test, this.reading, (error) => this.isCaught(error));
    // Read only where a fix is offered: most paths found lead to no report.
    return {
      kind: 'guard',
      label: code(this.sourceCode, test),
      get weak() {
        return isWeak();
      },
    };
  }

  /** An error the function's own work failed with: a `catch` binding, or the parameter of a `.catch()` or `.then(…, onRejected)` handler. */
  private isCaught(error: TSESTree.Identifier): boolean {
    const def = findVariable(scopeOf(this.sourceCode, error), error.name)?.defs[0];
    if (def?.type === DefinitionType.CatchClause) return true;
    if (def?.type !== DefinitionType.Parameter || !isFunction(def.node) || def.node.params[0] !== def.name) return false;
    const call = def.node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberPropertyName(call.callee);
    return (method === 'catch' && call.arguments[0] === def.node) || (method === 'then' && call.arguments[1] === def.node);
  }

  private pathAt(node: Node, child: Node, passedTests: Node[]): TimeoutPath | 'stop' | null {
    switch (node.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression: {
        if (child === node.test) return null;
        const side = this.sideOf(node.test);
        if ((child === node.consequent && side === 'true') || (child === node.alternate && side === 'false')) {
          return this.guard(node.test);
        }
        passedTests.push(node.test);
        return null;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        if (child !== node.right) return null;
        const side = this.sideOf(node.left);
        if ((node.operator === '&&' && side === 'true') || (node.operator === '||' && side === 'false')) {
          return this.guard(node.left);
        }
        passedTests.push(node.left);
        return null;
      }
      case AST_NODE_TYPES.SwitchCase: {
        const discriminant = node.parent.discriminant;
        if (child !== node.test && isTimeoutCase(node, discriminant)) return this.guard(node.test!);
        if (child !== node.test) passedTests.push(discriminant);
        return this.earlyExitGuard(node.consequent, child);
      }
      case AST_NODE_TYPES.BlockStatement:
        return this.earlyExitGuard(node.body, child);
      case AST_NODE_TYPES.CatchClause:
        return child === node.body ? this.catchPath(node, passedTests) : null;
      default:
        return null;
    }
  }

  /**
   * `if (elapsed < limit) return rows;` before `child`: what follows runs only after a timeout.
   * `if (err.name === 'TimeoutError') throw err;` before it: what follows runs only for other
   * errors (or in budget), so `child` is on no timeout path, whatever encloses the block.
   */
  private earlyExitGuard(statements: readonly TSESTree.Statement[], child: Node): TimeoutPath | 'stop' | null {
    let found = this.earlyExits.get(statements);
    if (found === undefined) {
      // Computed once per block, so a block with many returns is not scanned once per return.
      found = { inBudget: this.firstExit(statements, 'false'), timedOut: this.firstExit(statements, 'true') };
      this.earlyExits.set(statements, found);
    }
    const { inBudget, timedOut } = found;
    if (timedOut && timedOut.range[1] <= child.range[0] && (!inBudget || timedOut.range[0] < inBudget.range[0])) return 'stop';
    return inBudget && inBudget.range[1] <= child.range[0] ? this.guard(inBudget.test) : null;
  }

  /** The first `if (test) exit;` (no `else`) whose test is on `side` when timed out. */
  private firstExit(statements: readonly TSESTree.Statement[], side: 'true' | 'false'): TSESTree.IfStatement | null {
    for (const statement of statements) {
      if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !leavesBlock(statement.consequent)) continue;
      if (this.sideOf(statement.test) === side) return statement;
    }
    return null;
  }

  /**
   * `try { response = await work() } catch (e) { log(e) } return response;`: a catch of timed work
   * that does not leave, so the value set before the `try` falls through to what follows it.
   */
  fallThroughPath(statement: TSESTree.TryStatement): TimeoutPath | null {
    const clause = statement.handler;
    if (!clause || leavesBlock(clause.body)) return null;
    const path = this.catchPath(clause, []);
    return path && path !== 'stop' ? { ...path, label: `${path.label}, falling through` } : null;
  }

  private catchPath(clause: TSESTree.CatchClause, passedTests: readonly Node[]): TimeoutPath | 'stop' | null {
    const param = clause.param?.type === AST_NODE_TYPES.Identifier ? clause.param.name : null;
    // `catch (e) { if (e.code === 'ENOENT') return [] }` picks out another error: not a timeout path.
    if (param && passedTests.some((test) => mentions(test, param, this.sourceCode))) return 'stop';
    const evidence =
      this.evidence.find(clause.parent.block) ?? evidenceBeforeTry(clause.parent, this.evidence, this.sourceCode.visitorKeys);
    if (!evidence) return null;
    return { kind: 'catch', label: `\`catch\` of work with ${code(this.sourceCode, evidence, 40)}`, node: clause, evidence };
  }

  private callbackPath(fn: FunctionNode, producer: Producer): TimeoutPath | null {
    const parent = fn.parent;
    if (producer.kind === 'settle') {
      // A class's own resolver field (`this.resolve`) is there for the work to settle: a timer that settles it races the work.
      const races = producer.callee.type === AST_NODE_TYPES.MemberExpression || this.racesWork(producer.callee, fn);
      return isSetTimeoutCall(parent) && parent.arguments[0] === fn && races
        ? { kind: 'timer', label: `\`setTimeout\` callback racing the work` }
        : null;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression) return this.callbackArgumentPath(fn, parent);
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) return this.optionPath(parent);
    return null;
  }

  private callbackArgumentPath(fn: FunctionNode, call: TSESTree.CallExpression): TimeoutPath | null {
    const thenReceiver = methodReceiver(call, 'then');
    const race = thenReceiver && call.arguments[0] === fn && isTimerPromise(thenReceiver) ? this.raceOfHeld(call) : null;
    if (thenReceiver && race) {
      return {
        kind: 'race',
        label: `timer entry ${code(this.sourceCode, thenReceiver, 30)} of \`${dottedName(race.callee)}\``,
        node: race,
      };
    }
    const catchReceiver = (call.arguments[0] === fn && methodReceiver(call, 'catch')) || (call.arguments[1] === fn && thenReceiver) || null;
    if (catchReceiver) {
      const evidence = this.evidence.find(catchReceiver);
      return evidence ? { kind: 'chain', label: `\`.catch()\` after ${code(this.sourceCode, evidence, 40)}`, node: call, evidence } : null;
    }
    // pipe(timeout(5000), catchError(() => of([])))
    if (calleeName(call) === 'catchError' && call.arguments[0] === fn) {
      const pipe = call.parent;
      if (pipe?.type !== AST_NODE_TYPES.CallExpression || calleeName(pipe) !== 'pipe') return null;
      const index = pipe.arguments.indexOf(call);
      const timeout = pipe.arguments.slice(0, index).find((arg) => {
        const target = unwrap(arg);
        return target.type === AST_NODE_TYPES.CallExpression && /^timeout(With)?$/.test(calleeName(target) ?? '');
      });
      return timeout ? { kind: 'fallback', label: `\`catchError\` after ${code(this.sourceCode, timeout, 30)}` } : null;
    }
    return null;
  }

  /**
   * The race `promise` is an entry of: directly (`Promise.race([work, sleep(ms).then(…)])`), or held
   * in a variable first (`const timer = sleep(ms).then(…); Promise.race([work, timer])`).
   */
  private raceOfHeld(promise: TSESTree.CallExpression): TSESTree.CallExpression | null {
    const direct = raceOf(promise);
    if (direct) return direct;
    const declarator = promise.parent;
    if (
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.init !== promise ||
      declarator.id.type !== AST_NODE_TYPES.Identifier
    )
      return null;
    const variable = findVariable(scopeOf(this.sourceCode, declarator), declarator.id.name);
    for (const ref of variable?.references ?? []) {
      const race = ref.init ? null : raceOf(ref.identifier);
      if (race) return race;
    }
    return null;
  }

  /** `pTimeout(p, { fallback: () => [] })`, RxJS `timeout({ with: () => of([]) })`. */
  private optionPath(property: TSESTree.Property): TimeoutPath | null {
    const call = property.parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(property.parent)) {
      return null;
    }
    const key = propertyKeyName(property);
    const name = calleeName(call);
    if (key === 'fallback' && isTimeoutWrapperName(name)) {
      return { kind: 'fallback', label: `\`fallback\` of \`${name}()\``, node: property };
    }
    if (key === 'with' && name === 'timeout') return { kind: 'fallback', label: '`with` of RxJS `timeout()`' };
    return null;
  }

  /**
   * Whether the function `settle` names is also called outside `timer`, so the timer races real
   * work: `resolve`/`reject` of the same executor, or the same callback. A promise that is itself
   * an entry of `Promise.race` races by construction.
   */
  private racesWork(settle: TSESTree.Identifier, timer: FunctionNode): boolean {
    const variable = findVariable(scopeOf(this.sourceCode, settle), settle.name);
    const def = variable?.defs[0];
    if (!variable || def?.type !== DefinitionType.Parameter) return false;
    const owner = def.node as FunctionNode;
    const settlers = [variable];
    const isExecutor = owner.parent?.type === AST_NODE_TYPES.NewExpression && owner.parent.arguments[0] === owner;
    if (isExecutor) {
      if (raceOf(owner.parent)) return true;
      for (const param of owner.params) {
        if (param.type !== AST_NODE_TYPES.Identifier) continue;
        const other = findVariable(scopeOf(this.sourceCode, owner.body), param.name);
        if (other && other !== variable) settlers.push(other);
      }
    }
    return settlers.some((v) => v.references.some((ref) => !isInside(ref.identifier, timer)));
  }
}

/**
 * The file's TimeoutPathFinder for these words and options, one for every rule that asks (the
 * timeout rules and no-sentinel-full-load read the same vocabulary from `settings.resilience`).
 */
export function timeoutPathsOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  words: TimeoutVocabulary,
  options: { checkTimeoutOptions?: boolean } = {},
): TimeoutPathFinder {
  const key = `timeout-paths:${identityOf(words)}:${options.checkTimeoutOptions === true}`;
  return perFile(sourceCode.ast, key, () => new TimeoutPathFinder(sourceCode, words, options));
}
