import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { resilienceSettings, type ResilienceSettings, type SettingKey } from '../settings.js';
import { BoundedCache } from './bounded-cache.js';
import { stableListeners } from './stable-listeners.js';
import { rememberFilename } from '../analysis/js/package-json.js';
import { NAMESPACE } from '../meta.js';
import { optionProblems, shapeSchema, withDefaults } from './rule-options.js';

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

/** A rule as the plugin exports it, in typescript-eslint's types (the `name` is the rule's). */
export type ResilienceRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  ResilienceRuleDocs
> & { name: string };

/** The full schemas of each rule's options; ESLint sees only their shape (see `shapeSchema`). */
const fullSchemas = new WeakMap<object, readonly JSONSchema4[]>();

/** The schemas a rule's options are checked against (its `meta.schema` before `shapeSchema`). */
export function optionsSchemaOf(rule: object): readonly JSONSchema4[] {
  return fullSchemas.get(rule) ?? [];
}

/**
 * A rule with its docs URL, its options checked against its schema (each problem naming the option
 * and, for an enum, the allowed values), and layered as defaults < `settings.resilience` < the
 * strict preset (when `strictChecks` is set) < the user's rule options, merged once per distinct
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
): ResilienceRule<Options, MessageIds> {
  const { name, meta } = spec;
  const defaults = (meta.defaultOptions ?? spec.defaultOptions ?? []) as Options;
  // One schema per option position (the array form; every rule uses it).
  const schemas: readonly JSONSchema4[] = Array.isArray(meta.schema) ? meta.schema : [];
  const check = (options: readonly unknown[]) => {
    const problems = optionProblems(schemas, options);
    if (problems.length) throw new Error(`${NAMESPACE}/${name}: invalid options:\n- ${problems.join('\n- ')}`);
  };
  const mergers = new WeakMap<object, (options: readonly unknown[]) => Options>();
  const mergerFor = (settings: Readonly<ResilienceSettings>) => {
    let merger = mergers.get(settings);
    if (!merger) {
      merger = optionsMerger(layeredDefaults(defaults, meta.docs, settings), check);
      mergers.set(settings, merger);
    }
    return merger;
  };
  const rule: ResilienceRule<Options, MessageIds> = {
    name,
    meta: {
      ...meta,
      docs: { ...meta.docs, url: `${REPO_URL}/blob/main/docs/rules/${name}.md` },
      schema: schemas.map(shapeSchema),
    },
    defaultOptions: spec.defaultOptions ?? defaults,
    create: stableListeners((context) => {
      // Fixes that add an import ask which module system the file is in, which depends on its name.
      rememberFilename(context.sourceCode.ast, context.physicalFilename);
      return spec.create(context, mergerFor(resilienceSettings(context))(context.options));
    }),
  };
  fullSchemas.set(rule, schemas);
  return rule;
}

/** The rule's defaults with the settings it reads and, under `strictChecks` (`allChecks`), its strict (and all) options laid over them. */
function layeredDefaults<Options extends readonly unknown[]>(
  defaults: Options,
  docs: ResilienceRuleDocs | undefined,
  settings: Readonly<ResilienceSettings>,
): Options {
  const layer = (under: readonly unknown[], over: readonly unknown[]): Options => withDefaults(under as Options, over);
  const fromSettings: Record<string, unknown> = {};
  for (const key of docs?.settings ?? []) if (settings[key] !== undefined) fromSettings[key] = settings[key];
  let layered = Object.keys(fromSettings).length ? layer(defaults, [fromSettings]) : defaults;
  if ((settings.strictChecks || settings.allChecks) && docs?.strictOptions) layered = layer(layered, docs.strictOptions);
  if (settings.allChecks && docs?.allOptions) layered = layer(layered, docs.allOptions);
  return layered;
}

function optionsMerger<Options extends readonly unknown[]>(
  defaults: Options,
  check: (options: readonly unknown[]) => void,
): (options: readonly unknown[]) => Options {
  const byIdentity = new WeakMap<object, Options>();
  const byJson = new BoundedCache<string, Options>(50);
  const merge = (options: readonly unknown[]) => {
    check(options);
    return withDefaults(defaults, options);
  };
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
