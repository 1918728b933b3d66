// Linting helpers for the robustness tests: every rule of the plugin, with the option sets it can
// run with, over code in each dialect, through ESLint's own Linter.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import type { Dialect } from './programs.js';

export const NAMESPACE = plugin.meta.namespace;

type RuleEntry = Linter.RuleEntry;
type AnyRule = { meta?: { schema?: unknown; fixable?: string; docs?: object } };
type PresetDocs = { strictOptions?: readonly unknown[]; allOptions?: readonly unknown[] };

/** The rule's first option schema, when it is an object schema. */
function objectSchema(rule: AnyRule): { properties?: Record<string, unknown> } | undefined {
  const schema = rule.meta?.schema;
  const list: readonly unknown[] | undefined = Array.isArray(schema) ? schema : undefined;
  const first = list?.[0];
  return first && typeof first === 'object' ? first : undefined;
}

/** Whether the rule has an `autofix` option (fixes applied by --fix instead of suggested). */
export function hasAutofixOption(rule: AnyRule): boolean {
  return Boolean(objectSchema(rule)?.properties?.autofix);
}

/** The options the broadest config turns on for a rule (its strict and all options, through settings), or none. */
function strictOptions(id: string): unknown[] {
  const docs = (plugin.rules[id.slice(NAMESPACE.length + 1) as keyof typeof plugin.rules] as AnyRule).meta?.docs as PresetDocs | undefined;
  const layers = [...(docs?.strictOptions ?? []), ...(docs?.allOptions ?? [])] as object[];
  return layers.length ? [Object.assign({}, ...layers)] : [];
}

export interface OptionSet {
  name: string;
  rules: Record<string, RuleEntry>;
}

/**
 * Every rule at once, three ways: with its default options; with the options `strict`/`all` give
 * it; and with those plus `autofix: true` where the rule has that option.
 */
export function optionSets(): OptionSet[] {
  const ids = Object.keys(plugin.rules).map((name) => `${NAMESPACE}/${name}`);
  const entries = (make: (id: string, rule: AnyRule) => RuleEntry) =>
    Object.fromEntries(
      ids.map((id) => [id, make(id, plugin.rules[id.slice(NAMESPACE.length + 1) as keyof typeof plugin.rules] as AnyRule)]),
    );
  return [
    { name: 'default options', rules: entries(() => 'error') },
    { name: 'strict options', rules: entries((id) => ['error', ...strictOptions(id)]) },
    {
      name: 'strict options + autofix',
      rules: entries((id, rule) => {
        const [first, ...rest] = strictOptions(id);
        if (!hasAutofixOption(rule)) return ['error', ...(first === undefined ? [] : [first]), ...rest];
        return ['error', { ...(first as object | undefined), autofix: true }, ...rest];
      }),
    },
  ];
}

export const FILENAMES: Record<Dialect, string> = {
  ts: 'program.ts',
  tsx: 'program.tsx',
  js: 'program.js',
  jsx: 'program.jsx',
  cjs: 'program.cjs',
};

function languageOptions(dialect: Dialect): Linter.LanguageOptions {
  switch (dialect) {
    case 'ts':
      return { parser: tsParser, sourceType: 'module' };
    case 'tsx':
      return { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } };
    case 'js':
      return { ecmaVersion: 'latest', sourceType: 'module' };
    case 'jsx':
      return { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } };
    case 'cjs':
      return { ecmaVersion: 'latest', sourceType: 'commonjs' };
  }
}

/** A flat config for `dialect` with `rules` on (none: parse only). */
export function configFor(dialect: Dialect, rules: Record<string, RuleEntry> = {}): Linter.Config[] {
  return [
    {
      // The dialect's own extension: ESLint does not count a `**/*` pattern as matching a file.
      files: [`**/${FILENAMES[dialect]}`],
      languageOptions: languageOptions(dialect),
      plugins: { [NAMESPACE]: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules,
    },
  ];
}

export const linter = new Linter({ configType: 'flat' });

/**
 * The parse error of `code` in `dialect`, or null when it parses. Throws when ESLint did not lint
 * the file at all (a config that does not match it), so a test cannot pass by linting nothing.
 */
export function parseError(code: string, dialect: Dialect): string | null {
  const messages = linter.verify(code, configFor(dialect), { filename: FILENAMES[dialect] });
  const unlinted = messages.find((m) => !m.fatal && m.ruleId === null);
  if (unlinted) throw new Error(`ESLint did not lint ${FILENAMES[dialect]}: ${unlinted.message}`);
  const fatal = messages.find((m) => m.fatal);
  return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
}

/** `code` with one suggestion applied. */
export function applySuggestion(code: string, suggestion: Linter.LintSuggestion): string {
  const [start, end] = suggestion.fix.range;
  return code.slice(0, start) + suggestion.fix.text + code.slice(end);
}
