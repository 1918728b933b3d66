import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { planTypedError, quote } from '../../fixes/typed-error.js';
import { isFunction, literalString, memberPropertyName, numberValue, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { RedisCommand } from '../catalog.js';
import type { JudgeContext, LoadFinding, LoadSuggestion } from './finding.js';
import { LIMIT_ERROR_FALLBACK, guardAnchor, insertGuard, isRepeatable, limitText } from '../fixes.js';
import { hasSizeGuard } from './guards.js';

type Node = TSESTree.Node;

/**
 * A Redis command on a known client that returns a whole keyspace, set, hash, list or range: the
 * finding, with a bounded range or a size guard to suggest, or null when the call is bounded
 * (`ZRANGE k 0 99`, `BYSCORE`, a size check before it) or reads a key its code asked the type of.
 */
export function redisFinding(
  ctx: JudgeContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  command: RedisCommand,
  name: string,
  construct: string,
): LoadFinding | null {
  const args = call.arguments;
  if (command.shape === 'keyspace') {
    return { node: callee.property, messageId: 'redisKeys', data: { construct }, suggest: [] };
  }
  const whole = command.range?.whole;
  if (command.range && !isWholeRange(args, command.range)) return null;
  if (hasSizeGuard(call, ctx.scopeOf, ctx.sourceCode.visitorKeys) || isTypeCheckedKey(ctx, args[0]!)) return null;
  const lowerCase = name === name.toLowerCase();
  const size = command.size ? (lowerCase ? command.size[0]! : (command.size[1] ?? command.size[0]!)) : null;
  const suggest: LoadSuggestion[] = [];
  const limit = limitText(ctx.sourceCode, call, ctx.settings.limit);
  // A range of positions is bounded by its stop; one of scores or IDs only by a modifier, spelled
  // differently by each client (`'LIMIT', 0, 100`, `{ LIMIT: … }`, a count): no rewrite is offered.
  if (command.range && !whole) {
    const stopArg = args[command.range.stop]!;
    // `'-1'` stays a string: `'99'`, or `String(LIMIT - 1)` for a constant.
    const stopText = literalString(stopArg) === null ? limit.last : limit.constant ? `String(${limit.last})` : quote(limit.last);
    suggest.push({
      messageId: 'boundRange',
      data: { start: ctx.sourceCode.getText(args[command.range.start]), stop: limit.last },
      fix: (fixer) => fixer.replaceText(stopArg, stopText),
    });
  }
  const sizeUpper = size ? size.toUpperCase() : '';
  const singleKey = !command.multiKey && (args.length === command.minArgs || command.range !== undefined);
  if (size && singleKey && isRepeatable(callee.object) && isRepeatable(args[0]!)) {
    const anchor = guardAnchor(call);
    const plan = anchor ? planTypedError(ctx.sourceCode, call, ctx.settings.limitError, LIMIT_ERROR_FALLBACK) : null;
    if (anchor && plan) {
      const measure = `(await ${ctx.sourceCode.getText(callee.object)}.${size}(${ctx.sourceCode.getText(args[0])}))`;
      const thrown = plan.construct(quote(`Refusing to load a Redis ${command.shape} larger than ${limit.text}`));
      suggest.push({
        messageId: 'guardSize',
        data: { shape: command.shape, limit: limit.text, size: sizeUpper, error: plan.label },
        fix: (fixer) => {
          const fixes = [insertGuard(fixer, ctx.sourceCode, anchor, measure, limit.text, thrown)];
          const importFix = plan.importFix(fixer);
          if (importFix) fixes.push(importFix);
          return fixes;
        },
      });
    }
  }
  if (command.range && whole) {
    const text = (i: number) => ctx.sourceCode.getText(args[i]);
    return {
      node: callee.property,
      messageId: 'redisOpenRange',
      data: {
        construct,
        shape: command.shape,
        start: text(command.range.start),
        stop: text(command.range.stop),
        bound: whole.bounds[0]!,
        size: sizeUpper,
      },
      suggest,
    };
  }
  if (command.range) {
    return {
      node: callee.property,
      messageId: 'redisRange',
      data: { construct, shape: command.shape, start: ctx.sourceCode.getText(args[command.range.start]), size: sizeUpper },
      suggest,
    };
  }
  return {
    node: callee.property,
    messageId: 'redisWhole',
    data: { construct, shape: command.shape, size: sizeUpper, scan: command.scan },
    suggest,
  };
}

/**
 * Whether the range arguments read everything: positions `0` to `-1` (unless a modifier makes them
 * scores or names), or the catalog's whole range of scores or IDs with no modifier that may bound it.
 */
function isWholeRange(args: readonly TSESTree.CallExpressionArgument[], range: NonNullable<RedisCommand['range']>): boolean {
  const startArg = args[range.start];
  const stopArg = args[range.stop];
  if (!startArg || !stopArg) return false;
  const modifiers = args.slice(range.stop + 1);
  const { whole } = range;
  if (whole) {
    const start = rangeText(startArg);
    const stop = rangeText(stopArg);
    if (start === null || stop === null || !whole.start.includes(start) || !whole.stop.includes(stop)) return false;
    return modifiers.every((a) => {
      if (isFunction(unwrap(a))) return true;
      const modifier = literalString(a);
      return modifier !== null && !whole.bounds.includes(modifier.toUpperCase());
    });
  }
  if (numberValue(startArg) !== 0 || numberValue(stopArg) !== -1) return false;
  const byValue = range.byValue ?? [];
  const isByValue = (a: Node) => byValue.includes(literalString(a)?.toUpperCase() ?? '');
  // An options object (`{ BY: 'SCORE' }` in node-redis) may make it a range of scores as well.
  return !modifiers.some((a) => isByValue(a) || unwrap(a).type === AST_NODE_TYPES.ObjectExpression);
}

/** A range argument as lower-case text: `'-inf'`, `'+'`, `0`; `Infinity` and `-Infinity` as `+inf` and `-inf`. */
function rangeText(node: Node): string | null {
  const target = unwrap(node);
  const text = literalString(target);
  if (text !== null) return text.toLowerCase();
  const number = numberValue(target);
  if (number !== null) return String(number);
  const negated = target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '-';
  const operand = negated ? unwrap(target.argument) : target;
  if (operand.type === AST_NODE_TYPES.Identifier && operand.name === 'Infinity') return negated ? '-inf' : '+inf';
  return null;
}

/**
 * `const type = await client.type(key); if (type === 'hash') return client.hgetall(key)`: code
 * that asks Redis what a key holds and then reads it whole is a generic key reader (a client, an
 * admin tool, a workflow node): the whole value is what its user asked for.
 */
function isTypeCheckedKey(ctx: JudgeContext, key: Node): boolean {
  const target = unwrap(key);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(ctx.scopeOf(target), target.name);
  return (variable?.references ?? []).some((r) => {
    const call = r.identifier.parent;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === r.identifier &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberPropertyName(call.callee) === 'type'
    );
  });
}
