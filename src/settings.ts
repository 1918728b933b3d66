import type { JSONSchema4, JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';
import type { CustomLoader } from './analysis/loaders/loads/finding.js';
import type { LibraryId } from './analysis/loaders/catalog.js';
import { noUnboundedLoadSchema } from './analysis/loaders/options.js';
import { vocabularySchema, type VocabularyOption } from './analysis/timeout/vocabulary.js';
import { typedErrorSchema, type TypedErrorOption } from './analysis/fixes/typed-error.js';
import { schemaProblems } from './util/schema-check.js';

/**
 * What a project knows once and every rule uses: `settings.resilience` in the ESLint config (ESLint
 * shares `settings` with every rule and deep-merges it across config objects, so a user's settings
 * and the `strict` config's `strictChecks` both hold).
 */
export interface ResilienceSettings {
  /** The catalog entries to check (default: all). */
  libraries?: LibraryId[];
  /** Naming conventions for receivers, per `<library>.<role>`. */
  receiverNames?: Record<string, string[]>;
  /** The project's own loading functions. */
  loaders?: CustomLoader[];
  /** Tables small by construction, whose loads are not reported. */
  smallTables?: string[];
  /** Words added to the vocabulary of timeout names. */
  vocabulary?: VocabularyOption;
  /** The typed timeout error fixes construct. */
  timeoutError?: TypedErrorOption;
  /** Whether typed-error fixes apply with `--fix` (otherwise they are suggestions). */
  autofix?: boolean;
  /** Every rule's stricter checks (`meta.docs.strictOptions`); set by the `strict` and `all` configs. */
  strictChecks?: boolean;
  /**
   * Also the checks under `strict`'s precision bar (`meta.docs.allOptions`, judged in
   * bench/strict-ledger.md); set by the `all` config.
   */
  allChecks?: boolean;
}

export type SettingKey = keyof ResilienceSettings;

const loadProperties = (noUnboundedLoadSchema as JSONSchema4ObjectSchema).properties!;

export const settingsSchema: JSONSchema4 = {
  type: 'object',
  properties: {
    libraries: loadProperties.libraries!,
    receiverNames: loadProperties.receiverNames!,
    loaders: loadProperties.loaders!,
    smallTables: loadProperties.smallTables!,
    vocabulary: vocabularySchema,
    timeoutError: typedErrorSchema,
    autofix: { type: 'boolean', description: 'Apply typed-error fixes with `--fix` instead of offering them as suggestions.' },
    strictChecks: { type: 'boolean', description: "Turn on every rule's stricter checks (the `strict` and `all` configs set it)." },
    allChecks: {
      type: 'boolean',
      description: "Turn on every rule's opt-in checks, also those too noisy for `strict` (the `all` config sets it).",
    },
  } satisfies Record<SettingKey, JSONSchema4>,
  additionalProperties: false,
};

const NO_SETTINGS: Readonly<ResilienceSettings> = Object.freeze({});
const checked = new WeakMap<object, Readonly<ResilienceSettings>>();

/**
 * `settings.resilience` of the file's config, checked against `settingsSchema` once per settings
 * object (ESLint hands every file of a config the same one). Throws with every problem named.
 */
export function resilienceSettings(context: { readonly settings?: Readonly<Record<string, unknown>> }): Readonly<ResilienceSettings> {
  const raw = context.settings?.resilience;
  if (raw === undefined || raw === null) return NO_SETTINGS;
  if (typeof raw !== 'object')
    throw new Error(`eslint-plugin-resilience: settings.resilience must be an object, got ${JSON.stringify(raw)}`);
  let settings = checked.get(raw);
  if (!settings) {
    const problems = schemaProblems(settingsSchema, raw, 'settings.resilience');
    if (problems.length) throw new Error(`eslint-plugin-resilience: invalid settings:\n- ${problems.join('\n- ')}`);
    settings = raw;
    checked.set(raw, settings);
  }
  return settings;
}
