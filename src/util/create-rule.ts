import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { resilienceSettings, type ResilienceSettings, type SettingKey } from '../settings.js';
import { BoundedCache } from './bounded-cache.js';
import { stableListeners } from './stable-listeners.js';
import { rememberFilename } from '../analysis/js/package-json.js';

/** Which generated config first enables a rule; rules without it are only in `all`. */
export type RuleLevel = 'recommended' | 'strict';

export interface ResilienceRuleDocs {
  description: string;
  recommended?: RuleLevel;
  /**
   * Options `settings.resilience.strictChecks` turns on (the `strict` and `all` configs set it): they
   * apply under the user's own options, so setting one option keeps the others.
   */
  strictOptions?: readonly unknown[];
  /**
   * Options only `settings.resilience.allChecks` turns on (the `all` config sets it): checks whose
   * findings on the corpus fall under `strict`'s bar (bench/strict-ledger.md), laid over `strictOptions`.
   */
  allOptions?: readonly unknown[];
  /**
   * `settings.resilience` keys that give the rule's option of the same name its value when the
   * user's rule options do not (the option itself is kept, deprecated, for older configs).
   */
  settings?: readonly SettingKey[];
  requiresTypeChecking?: boolean;
}

export const REPO_URL = 'https://github.com/eslint-plugin-resilience/eslint-plugin-resilience';

const creator = ESLintUtils.RuleCreator<ResilienceRuleDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * `RuleCreator`, with the rule's options layered as defaults < `settings.resilience` < the strict
 * preset (when `strictChecks` is set) < the user's rule options, and merged once per distinct
 * options and settings rather than once per file.
 *
 * ESLint passes every file a fresh `context.options` array (and, from 9.15, a fresh deep merge of
 * `meta.defaultOptions` whenever the user sets options), so neither the array nor a user's object
 * is a stable key. With no user options the element is `meta.defaultOptions[0]` itself: keyed by
 * identity. Otherwise by the options' JSON, which is cheaper than the merge (a deep clone) and
 * gives every file of a config the same merged object, so per-options caches (the loader catalog)
 * find it by identity. Settings are one object per config, so they key the outer cache.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<RuleWithMetaAndName<Options, MessageIds, ResilienceRuleDocs>>,
): ReturnType<typeof creator<Options, MessageIds>> {
  const rule = creator(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  const mergers = new WeakMap<object, (options: readonly unknown[]) => Options>();
  const mergerFor = (settings: Readonly<ResilienceSettings>) => {
    let merger = mergers.get(settings);
    if (!merger) {
      merger = optionsMerger(layeredDefaults(defaults, spec.meta.docs, settings));
      mergers.set(settings, merger);
    }
    return merger;
  };
  return {
    ...rule,
    create: stableListeners((context) => {
      // Fixes that add an import ask which module system the file is in, which depends on its name.
      rememberFilename(context.sourceCode.ast, context.physicalFilename);
      return spec.create(context, mergerFor(resilienceSettings(context))(context.options));
    }),
  };
}

/** The rule's defaults with the settings it reads and, under `strictChecks` (`allChecks`), its strict (and all) options laid over them. */
function layeredDefaults<Options extends readonly unknown[]>(
  defaults: Options,
  docs: ResilienceRuleDocs | undefined,
  settings: Readonly<ResilienceSettings>,
): Options {
  const layer = (under: readonly unknown[], over: readonly unknown[]): Options =>
    ESLintUtils.applyDefault(under, over) as unknown as Options;
  const fromSettings: Record<string, unknown> = {};
  for (const key of docs?.settings ?? []) if (settings[key] !== undefined) fromSettings[key] = settings[key];
  let layered = Object.keys(fromSettings).length ? layer(defaults, [fromSettings]) : defaults;
  if ((settings.strictChecks || settings.allChecks) && docs?.strictOptions) layered = layer(layered, docs.strictOptions);
  if (settings.allChecks && docs?.allOptions) layered = layer(layered, docs.allOptions);
  return layered;
}

function optionsMerger<Options extends readonly unknown[]>(defaults: Options): (options: readonly unknown[]) => Options {
  const byIdentity = new WeakMap<object, Options>();
  const byJson = new BoundedCache<string, Options>(50);
  const merge = (options: readonly unknown[]) => ESLintUtils.applyDefault(defaults, options) as Options;
  return (options) => {
    const only = options.length === 0 ? defaults : options.length === 1 ? options[0] : null;
    if (only === null || typeof only !== 'object') return byJson.get(JSON.stringify(options), () => merge(options));
    let merged = byIdentity.get(only);
    if (!merged) {
      merged = byJson.get(JSON.stringify(options), () => merge(options));
      byIdentity.set(only, merged);
    }
    return merged;
  };
}
