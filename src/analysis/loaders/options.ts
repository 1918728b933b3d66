import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { typedErrorSchema, type TypedErrorOption } from '../fixes/typed-error.js';
import type { LibraryEntry, LibraryId } from './catalog.js';
import { CatalogIndex } from './catalog-index.js';
import type { CustomLoader, FinderOptions } from './loads/finding.js';
import { CATALOG } from './libraries/index.js';
import { DEFAULT_SMALL_TABLES, smallTableMatcher } from './small-tables.js';
import { BoundedCache } from '../../util/bounded-cache.js';
import { perOptions } from '../../util/per-options.js';
import { IDENTIFIER_PATTERN } from '../../util/schema-check.js';

export interface NoUnboundedLoadOptions {
  libraries?: LibraryId[];
  loaders?: CustomLoader[];
  receiverNames?: Record<string, string[]>;
  defaultLimit?: number;
  limitConstant?: string;
  limitError?: TypedErrorOption;
  useTypeInformation?: boolean;
  checkHttpBodies?: boolean;
  checkFileReads?: boolean;
  checkStreams?: boolean;
  checkMigrations?: boolean;
  checkGroupedAggregates?: boolean;
  checkBatchLoaders?: boolean;
  checkTableCallShape?: boolean;
  smallTables?: string[];
}

export const DEFAULT_LIMIT = 100;

const IDENTIFIER = '^[A-Za-z_$][A-Za-z0-9_$]*$';

/** `<library>.<role>` for every role of the catalog: the keys `receiverNames` accepts. */
export const ROLE_KEYS: readonly string[] = CATALOG.flatMap((library) => Object.keys(library.roles).map((role) => `${library.id}.${role}`));

export const noUnboundedLoadSchema: JSONSchema4 = {
  type: 'object',
  properties: {
    libraries: {
      type: 'array',
      description: 'Deprecated: set `settings.resilience.libraries`. The catalog entries to check (default: all of them).',
      items: { type: 'string', enum: CATALOG.map((l) => l.id) },
      uniqueItems: true,
    },
    loaders: {
      type: 'array',
      description:
        'Deprecated: set `settings.resilience.loaders`. Your own loading functions, checked like the libraries: a call to `callee` must carry one of `boundArgs` or be chained with one of `boundMethods`.',
      items: {
        type: 'object',
        properties: {
          callee: {
            type: 'string',
            pattern: '^(?:\\*|this|[A-Za-z_$][A-Za-z0-9_$]*)(?:\\.(?:\\*|[A-Za-z_$][A-Za-z0-9_$]*))*$',
            description: 'Dotted path of the call (`api.items.list`); `*` matches one segment, and a leading `*.` any receiver.',
          },
          module: { type: 'string', minLength: 1, description: 'Only when the path starts with a binding imported from this module.' },
          boundArgs: {
            type: 'array',
            items: { type: 'string', pattern: IDENTIFIER },
            uniqueItems: true,
            description: 'Keys of an options object argument that bound the load (`limit`, `pageSize`).',
          },
          boundMethods: {
            type: 'array',
            items: { type: 'string', pattern: IDENTIFIER },
            uniqueItems: true,
            description: 'Methods chained on the call that bound the load (`limit`).',
          },
        },
        required: ['callee'],
        additionalProperties: false,
      },
    },
    receiverNames: {
      type: 'object',
      description:
        'Deprecated: set `settings.resilience.receiverNames`. Naming conventions, the last resort for recognising a receiver without types: name patterns for its last name, per `<library>.<role>`, where `*` stands for any characters (`*Repository`). These replace the defaults; an empty list turns them off.',
      properties: Object.fromEntries(
        ROLE_KEYS.map((key) => [
          key,
          { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_$*]+$', maxLength: 64 }, uniqueItems: true },
        ]),
      ),
      additionalProperties: false,
    },
    defaultLimit: {
      type: 'integer',
      minimum: 1,
      description: `The bound suggestions write when \`limitConstant\` is not in scope (default ${DEFAULT_LIMIT}).`,
    },
    limitConstant: {
      type: 'string',
      pattern: IDENTIFIER_PATTERN,
      description: 'A constant suggestions write instead of the number, when it is declared in the file or a configured global.',
    },
    limitError: {
      ...typedErrorSchema,
      description: 'The typed error a size-guard suggestion throws (default: a `…LimitError` class in scope, else `RangeError`).',
    },
    useTypeInformation: {
      type: 'boolean',
      description: 'With `parserOptions.projectService`, recognise receivers by their declared types first (default true).',
    },
    checkHttpBodies: {
      type: 'boolean',
      description:
        'Also report HTTP response bodies read whole with no size check (`await res.json()` on `fetch`/undici, axios without `maxContentLength`). On in `strict`.',
    },
    checkFileReads: {
      type: 'boolean',
      description: 'Also report whole-file reads (`readFile`) of paths that are not constants, with no size check. On in `strict`.',
    },
    checkStreams: {
      type: 'boolean',
      description:
        'Also report streams collected whole: `stream.toArray()`, chunks pushed into one buffer or string with no byte cap. On in `strict`.',
    },
    checkMigrations: {
      type: 'boolean',
      description:
        'Also check files under a `migrations` or `migration` folder. Migrations run once, offline, mostly over schema and configuration tables, so `recommended` leaves them out.',
    },
    checkGroupedAggregates: {
      type: 'boolean',
      description:
        'Also report aggregates with `GROUP BY` (`SELECT status, count(*) … GROUP BY status`, `.groupBy()` with `count()`): one row per group, which is usually a handful (statuses, days, currencies). On in `strict`.',
    },
    checkBatchLoaders: {
      type: 'boolean',
      description:
        '`new DataLoader(fn)` without `maxBatchSize`: one batch carries every key requested in a tick, bounded by the request rather than by the loader. On in `strict`.',
    },
    checkTableCallShape: {
      type: 'boolean',
      description:
        "Also take an unknown callee called with a table and chained with the builder's methods (`this.db('tasks').where(…)`, `dbOrTx('t').select()`) for a knex client, in a file that imports knex or a package that depends on it. Off in every config: on the corpus it found 16 real defects in 67 findings, most of the rest filtered by a key or reading a small table, which the rule cannot tell without the schema.",
    },
    smallTables: {
      type: 'array',
      description:
        'Deprecated: set `settings.resilience.smallTables`. Tables and entities small by construction (schema, configuration, access metadata), whose loads are not reported: patterns where `*` stands for any characters, matched against the name in snake case and singular (`Role`, `roles`, `directus_roles` and `this.roleRepository` all meet `*role`). These replace the defaults; an empty list turns them off.',
      items: { type: 'string', pattern: '^[A-Za-z0-9_*]+$', minLength: 1, maxLength: 64 },
      uniqueItems: true,
    },
  },
  additionalProperties: false,
};

/**
 * The rule's own defaults. The `check*` options are absent (off) so that `strictChecks` can turn
 * them on under the user's options, and the project-wide ones (libraries, loaders, receiverNames,
 * smallTables) come from `settings.resilience`, falling back to the catalog's defaults.
 */
export const DEFAULT_OPTIONS: NoUnboundedLoadOptions = {
  defaultLimit: DEFAULT_LIMIT,
  useTypeInformation: true,
};

/** The `settings.resilience` keys no-unbounded-load reads as its options' defaults. */
export const LOAD_SETTINGS = ['libraries', 'loaders', 'receiverNames', 'smallTables'] as const;

/**
 * What `strict` and `all` turn on: the checks whose findings on the corpus are at least 85 % not
 * wrong and 60 % tp / (tp + fp) (bench/strict-ledger.md): HTTP bodies (33 findings, 0 wrong) and
 * batch loaders (4, 0 wrong).
 */
export const STRICT_OPTIONS: readonly NoUnboundedLoadOptions[] = [{ checkHttpBodies: true, checkBatchLoaders: true }];

/**
 * What only `all` turns on: the checks under that bar (not wrong / tp over tp + fp): file reads
 * 48 % / 19 % (certificates, package.json, the app's own templates), migrations 68 % / 37 %
 * (schema and configuration tables), grouped aggregates 59 % / 31 % (a handful of groups),
 * streams 71 % / 38 % (already capped upstream, or the app's own output).
 */
export const ALL_OPTIONS: readonly NoUnboundedLoadOptions[] = [
  { checkFileReads: true, checkStreams: true, checkMigrations: true, checkGroupedAggregates: true },
];

/** The catalog index and finder settings for one options object, built once and shared by every file. */
export const settingsFor = perOptions(buildSettings);

function buildSettings(options: NoUnboundedLoadOptions): { index: CatalogIndex; finder: FinderOptions } {
  const libraries: readonly LibraryEntry[] = options.libraries ? CATALOG.filter((l) => options.libraries!.includes(l.id)) : CATALOG;
  const index = catalogIndexOf(libraries, options.receiverNames ?? {});
  const isSmallTable = smallTableMatcher(options.smallTables ?? DEFAULT_SMALL_TABLES);
  const finder: FinderOptions = {
    libraries,
    customLoaders: options.loaders ?? [],
    limit: { defaultLimit: options.defaultLimit ?? DEFAULT_LIMIT, limitConstant: options.limitConstant ?? null },
    limitError: options.limitError,
    sqlPolicy: { groupedAggregatesUnbounded: options.checkGroupedAggregates === true, isSmallTable },
    checkBatchLoaders: options.checkBatchLoaders === true,
    tableCallShape: options.checkTableCallShape === true,
    isSmallTable,
  };
  return { index, finder };
}

/** A migration file: under a `migrations`/`migration` folder (`db/migrations/20240101-add.js`). */
export function isMigrationFile(filename: string): boolean {
  return /(?:^|[\\/])migrations?[\\/]/i.test(filename);
}

const indexes = new BoundedCache<string, CatalogIndex>(20);

/**
 * One catalog index per set of libraries and naming conventions, whichever rule's options ask:
 * no-unbounded-load and no-sentinel-full-load build their options apart (one has checks the other
 * does not), and share the index, and through it the file's receiver resolver.
 */
function catalogIndexOf(libraries: readonly LibraryEntry[], receiverNames: Record<string, string[]>): CatalogIndex {
  const key = JSON.stringify([libraries.map((l) => l.id), receiverNames]);
  return indexes.get(key, () => new CatalogIndex(libraries, receiverNames));
}

/**
 * How a rule other than no-unbounded-load judges loads (no-sentinel-full-load): the defaults with
 * the project's libraries, loaders, receiver names and small tables from `settings.resilience`,
 * so both rules see the same loads. One options object per settings object.
 */
export const loadOptionsFromSettings = perOptions(
  (settings: Readonly<Partial<Pick<NoUnboundedLoadOptions, (typeof LOAD_SETTINGS)[number]>>>) => {
    const options: NoUnboundedLoadOptions = { ...DEFAULT_OPTIONS };
    for (const key of LOAD_SETTINGS) if (settings[key] !== undefined) Object.assign(options, { [key]: settings[key] });
    return options;
  },
);
