import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { BoundedCache } from './bounded-cache.js';
import { oneWalk } from './one-walk.js';
import { stableListeners } from './stable-listeners.js';

/** Which generated config first enables a rule; rules without it are only in `all`. */
export type RuleLevel = 'recommended' | 'strict';

export interface ResilienceRuleDocs {
  description: string;
  recommended?: RuleLevel;
  /** Options the `strict` and `all` configs set, turning on a rule's broader detection. */
  strictOptions?: readonly unknown[];
  requiresTypeChecking?: boolean;
}

export const REPO_URL = 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience';

const creator = ESLintUtils.RuleCreator<ResilienceRuleDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * `RuleCreator`, with the defaults merged once per distinct options rather than once per file.
 * ESLint passes every file a fresh `context.options` array (and, from 9.15, a fresh deep merge of
 * `meta.defaultOptions` whenever the user sets options), so neither the array nor a user's object
 * is a stable key. With no user options the element is `meta.defaultOptions[0]` itself: keyed by
 * identity. Otherwise by the options' JSON, which is cheaper than the merge (a deep clone) and
 * gives every file of a config the same merged object, so per-options caches (the loader catalog)
 * find it by identity.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<RuleWithMetaAndName<Options, MessageIds, ResilienceRuleDocs>>,
): ReturnType<typeof creator<Options, MessageIds>> {
  const rule = creator(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  const byIdentity = new WeakMap<object, Options>();
  const byJson = new BoundedCache<string, Options>(50);
  const merge = (options: readonly unknown[]) => ESLintUtils.applyDefault(defaults, options) as Options;
  const mergedOptions = (options: readonly unknown[]): Options => {
    const only = options.length === 0 ? defaults : options.length === 1 ? options[0] : null;
    if (only === null || typeof only !== 'object') return byJson.get(JSON.stringify(options), () => merge(options));
    let merged = byIdentity.get(only);
    if (!merged) {
      merged = byJson.get(JSON.stringify(options), () => merge(options));
      byIdentity.set(only, merged);
    }
    return merged;
  };
  return {
    ...rule,
    create: stableListeners(oneWalk((context) => spec.create(context, mergedOptions(context.options)))),
  };
}
