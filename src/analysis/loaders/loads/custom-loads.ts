import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { callText, memberPropertyName, unwrap } from '../../js/ast.js';
import { nameRef } from '../../js/origins.js';
import { chainAbove } from './chains.js';
import { orList, type CustomLoader, type JudgeContext, type LoadFinding, type LoadSuggestion } from './finding.js';
import { limitText, setOption } from '../fixes.js';
import { hasSizeGuard, isPaginationLoop } from './guards.js';
import { hasAnyKey, isFunctionArgument, viewObject } from './objects.js';

type Node = TSESTree.Node;

/**
 * A call to one of the project's own loaders (`settings.resilience.loaders`) with none of its
 * bound arguments or bound methods, outside a paging loop or size guard.
 */
export function customLoaderFinding(
  ctx: JudgeContext,
  call: TSESTree.CallExpression,
  customs: readonly CustomLoader[],
): LoadFinding | null {
  const callee = unwrap(call.callee) as TSESTree.MemberExpression;
  const dotted = dottedPath(callee);
  for (const custom of customs) {
    if (!matchesPattern(custom.callee, dotted)) continue;
    if (custom.module) {
      const root = rootOf(callee);
      const ref = root ? nameRef(root, ctx.scopeOf) : null;
      if (ref?.origin?.module !== custom.module) continue;
    }
    const boundArgs = custom.boundArgs ?? [];
    const boundMethods = custom.boundMethods ?? [];
    if (isFunctionArgument(call.arguments[0], ctx.scopeOf)) return null;
    for (const arg of call.arguments) {
      if (arg.type === AST_NODE_TYPES.SpreadElement) return null;
      const target = unwrap(arg);
      if (target.type !== AST_NODE_TYPES.ObjectExpression && target.type !== AST_NODE_TYPES.Identifier) continue;
      const view = viewObject(arg, ctx.scopeOf);
      // An options object we cannot see may carry the bound.
      if (target.type === AST_NODE_TYPES.Identifier && !view) return null;
      if (view && hasAnyKey(view, boundArgs)) return null;
      if (view && !view.complete) return null;
    }
    if (chainAbove(call).links.some((l) => boundMethods.includes(l.name))) return null;
    if (
      (call.arguments.length > 0 && isPaginationLoop([...call.arguments], ctx.scopeOf, ctx.sourceCode.visitorKeys)) ||
      hasSizeGuard(call, ctx.scopeOf, ctx.sourceCode.visitorKeys)
    )
      return null;
    const limit = limitText(ctx.sourceCode, call, ctx.settings.limit);
    const suggest: LoadSuggestion[] = [];
    const lastObject = [...call.arguments].reverse().find((a) => a.type === AST_NODE_TYPES.ObjectExpression);
    if (boundArgs[0] && (lastObject || call.arguments.length === 0)) {
      const index = lastObject ? call.arguments.indexOf(lastObject) : 0;
      const property = `${boundArgs[0]}: ${limit.text}`;
      suggest.push({
        messageId: 'addOption',
        data: { text: property },
        fix: (fixer) => setOption(fixer, ctx.sourceCode, call, index, property),
      });
    } else if (boundMethods[0]) {
      const method = boundMethods[0];
      suggest.push({
        messageId: 'addMethod',
        data: { method, limit: limit.text },
        fix: (fixer) => fixer.insertTextAfter(call, `.${method}(${limit.text})`),
      });
    }
    const bounds = orList([...boundArgs.map((b) => `\`${b}\``), ...boundMethods.map((m) => `\`.${m}()\``)]);
    return {
      node: callee.property,
      messageId: 'unboundedCustom',
      data: { construct: callText(ctx.sourceCode, callee, 50), bound: bounds || 'bound' },
      suggest,
    };
  }
  return null;
}

/** `this.api.items.list` for the callee of a call; `?` for segments that are not static names. */
function dottedPath(node: Node): string[] {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return [target.name];
  if (target.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (target.type === AST_NODE_TYPES.MemberExpression) return [...dottedPath(target.object), memberPropertyName(target) ?? '?'];
  return ['?'];
}

function rootOf(node: Node): Node | null {
  let target = unwrap(node);
  while (target.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
  return target.type === AST_NODE_TYPES.Identifier ? target : null;
}

/** `*.list` matches any receiver; `a.*.list` one segment; otherwise the path must match exactly. */
export function matchesPattern(pattern: string, path: readonly string[]): boolean {
  const parts = pattern.split('.');
  if (parts[0] === '*' && parts.length >= 1) {
    const rest = parts.slice(1);
    if (path.length < rest.length + 1) return false;
    return rest.every((p, i) => p === '*' || p === path[path.length - rest.length + i]);
  }
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
}
