import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { callText, numberValue, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import { planTypedError, quote } from '../../fixes/typed-error.js';
import type { OptionsLoader, Unit } from '../catalog.js';
import type { LoadFinding, LoadSuggestion } from './finding.js';
import { LIMIT_ERROR_FALLBACK, guardAnchor, insertGuard, isRepeatable, limitText, setOption } from '../fixes.js';
import { type LoadContext, acceptsReceiver, isExempt, isSmallEntity } from './load-context.js';
import { type ObjectView, hasAnyKey, isCallerValue, isFunctionArgument, isPrimaryKeyFilter, setsOption, viewObject } from './objects.js';
import { DefinitionType } from '../../js/definitions.js';

// Options loaders: `repo.find({ take })`, `prisma.x.findMany({ take })`, `em.find(User, where, { limit })`;
// with a ceiling, `client.search({ size: 10000 })`.

export const PLURAL: Record<Unit, string> = { row: 'rows', document: 'documents', entity: 'entities', item: 'items' };

/** `x.<name>(…)` where `name` is an options loader's method: the finding, if the call loads without a bound. */
export function optionsLoadFinding(
  ctx: LoadContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  name: string,
): LoadFinding | null {
  const args = call.arguments;
  if (isFunctionArgument(args[0], ctx.scopeOf) || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const receiver = ctx.resolver.resolve(callee.object);
  for (const { library, loader } of ctx.tables.options.get(name)!) {
    if (!acceptsReceiver(ctx, receiver, callee.object, library, loader.role, loader.evidence)) continue;
    if (args.length < (loader.minArgs ?? 0)) continue;
    if (loader.ceiling) return oversizedFinding(ctx, call, callee, loader, loader.ceiling);
    const view = loader.optionsArg >= 0 ? viewObject(args[loader.optionsArg], ctx.scopeOf) : null;
    if (loader.optionsArg >= 0) {
      if (!view || hasAnyKey(view, loader.boundKeys) || !view.complete) return null;
      if (loader.optionKeys && view.keys.size > 0 && !hasAnyKey(view, loader.optionKeys)) continue;
      if (loader.notLoadOptions?.some((option) => setsOption(view, option))) return null;
      if (loader.callerKeys?.some((key) => hasCallerKey(view, key, ctx))) return null;
    }
    if (isSmallEntity(ctx, (loader.minArgs ? args[0] : undefined) ?? callee.object)) return null;
    if (loader.filter) {
      const filterArg = args[loader.filter.arg];
      const filter = loader.filter.key
        ? ((loader.filter.arg === loader.optionsArg ? view : viewObject(filterArg, ctx.scopeOf))?.keys.get(loader.filter.key) ?? undefined)
        : filterArg;
      if (filter && isPrimaryKeyFilter(filter, ctx.scopeOf)) return null;
    }
    if (isExempt(ctx, call, [...args])) return null;
    return optionsFinding(ctx, call, callee, loader);
  }
  return null;
}

/**
 * `client.search({ size: 10000 })`: a library that bounds the load by itself, asked for as many
 * as it returns at once. Options we cannot see in full may make it a page of a longer read.
 */
function oversizedFinding(
  ctx: LoadContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  loader: OptionsLoader,
  ceiling: NonNullable<OptionsLoader['ceiling']>,
): LoadFinding | null {
  const view = viewObject(call.arguments[loader.optionsArg], ctx.scopeOf);
  if (!view?.complete) return null;
  const views = [view];
  for (const key of loader.nestedOptions ?? []) {
    const nested = view.keys.get(key);
    if (!nested) continue;
    const inner = viewObject(nested, ctx.scopeOf);
    if (!inner?.complete) return null;
    views.push(inner);
  }
  if (views.some((v) => hasAnyKey(v, ceiling.pageKeys))) return null;
  for (const v of views) {
    for (const key of loader.boundKeys) {
      const value = v.keys.get(key);
      const size = value ? constantNumber(value, ctx.scopeOf) : null;
      if (size === null || size < ceiling.max) continue;
      if (isExempt(ctx, call, [...call.arguments])) return null;
      return {
        node: callee.property,
        messageId: 'oversizedBound',
        data: { construct: callText(ctx.sourceCode, callee, 50), value: String(size), units: PLURAL[loader.unit], key },
        suggest: [],
      };
    }
  }
  return null;
}

/** A number written in place (`10000`, `'10000'`) or held by a `const` initialised with one. */
function constantNumber(node: TSESTree.Node, scopeOf: LoadContext['scopeOf']): number | null {
  const value = numberValue(node);
  if (value !== null) return value;
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const def = findVariable(scopeOf(target), target.name)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init) return null;
  return numberValue(def.node.init);
}

/** `key: userId`: a key set to the caller's value (or to one assigned elsewhere, which may be). */
function hasCallerKey(view: ObjectView, key: string, ctx: LoadContext): boolean {
  if (!hasAnyKey(view, [key])) return false;
  const value = view.keys.get(key);
  return !value || isCallerValue(value, ctx.scopeOf);
}

function optionsFinding(
  ctx: LoadContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  loader: OptionsLoader,
): LoadFinding {
  const { sourceCode } = ctx;
  const key = loader.fixKey ?? loader.boundKeys[0]!;
  const limit = limitText(sourceCode, call, ctx.settings.limit);
  const construct = callText(sourceCode, callee, 50);
  const suggest: LoadSuggestion[] = [];
  if (loader.rewrite) {
    const { to, whereArg } = loader.rewrite;
    const where = call.arguments[whereArg];
    if (where) {
      suggest.push({
        messageId: 'useFind',
        data: { to, key, limit: limit.text },
        fix: (fixer) => [
          fixer.replaceText(callee.property, to),
          fixer.replaceText(where, `{ where: ${sourceCode.getText(where)}, ${key}: ${limit.text} }`),
        ],
      });
    }
    const guard = countGuard(ctx, call, callee, loader);
    if (guard) suggest.push(guard);
    return {
      node: callee.property,
      messageId: 'unboundedFilterCall',
      data: { construct, unit: loader.unit, to: loader.rewrite.to, bound: key },
      suggest,
    };
  }
  suggest.push({
    messageId: 'addOption',
    data: { text: `${key}: ${limit.text}` },
    fix: (fixer) => setOption(fixer, sourceCode, call, loader.optionsArg, `${key}: ${limit.text}`),
  });
  const guard = countGuard(ctx, call, callee, loader);
  if (guard) suggest.push(guard);
  return {
    node: callee.property,
    messageId: 'unboundedCall',
    data: { construct, unit: loader.unit, bound: `\`${key}\`` },
    suggest,
  };
}

/** `if ((await repo.count({ where })) > 100) throw …` before the load, when the filter can be repeated. */
function countGuard(
  ctx: LoadContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  loader: OptionsLoader,
): LoadSuggestion | null {
  const method = loader.countMethod;
  if (!method || !loader.filter || !isRepeatable(callee.object)) return null;
  const anchor = guardAnchor(call);
  if (!anchor) return null;
  const { sourceCode } = ctx;
  const args = call.arguments;
  const { arg, key } = loader.filter;
  const leading = args.slice(0, arg).map((a) => sourceCode.getText(a));
  let filterText: string | null = null;
  if (key) {
    const view = viewObject(args[arg], ctx.scopeOf);
    const where = view?.keys.get(key);
    if (where === null || (where && !isRepeatable(where))) return null;
    const whereText = where ? sourceCode.getText(where) : null;
    filterText = whereText === null ? null : whereText === key ? `{ ${key} }` : `{ ${key}: ${whereText} }`;
  } else if (args[arg]) {
    if (!isRepeatable(args[arg])) return null;
    filterText = sourceCode.getText(args[arg]);
  }
  if (leading.some((_, i) => !isRepeatable(args[i]!))) return null;
  const countArgs = [...leading, ...(filterText ? [filterText] : [])].join(', ');
  const plan = planTypedError(sourceCode, call, ctx.settings.limitError, LIMIT_ERROR_FALLBACK);
  if (!plan) return null;
  const limit = limitText(sourceCode, call, ctx.settings.limit);
  const measure = `(await ${sourceCode.getText(callee.object)}.${method}(${countArgs}))`;
  const thrown = plan.construct(quote(`Refusing to load more than ${limit.text} ${PLURAL[loader.unit]} at once`));
  return {
    messageId: 'guardCount',
    data: { limit: limit.text, method, error: plan.label, units: PLURAL[loader.unit] },
    fix: (fixer) => {
      const fixes = [insertGuard(fixer, sourceCode, anchor, measure, limit.text, thrown)];
      const importFix = plan.importFix(fixer);
      if (importFix) fixes.push(importFix);
      return fixes;
    },
  };
}
