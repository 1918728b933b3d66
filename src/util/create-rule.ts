import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';

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
 * `RuleCreator`, with the defaults merged once per options array rather than once per file:
 * ESLint hands every file of a config the same `context.options`, and the merge (a deep clone)
 * was a fifth of our rules' cost. One merged object per options array also lets per-options
 * caches (the loader catalog) find it by identity.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<RuleWithMetaAndName<Options, MessageIds, ResilienceRuleDocs>>,
): ReturnType<typeof creator<Options, MessageIds>> {
  const rule = creator(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  const merged = new WeakMap<object, Options>();
  return {
    ...rule,
    create(context) {
      let options = merged.get(context.options);
      if (!options) {
        options = ESLintUtils.applyDefault(defaults, context.options) as Options;
        merged.set(context.options, options);
      }
      return spec.create(context, options);
    },
  };
}
