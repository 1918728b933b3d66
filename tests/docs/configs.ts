// The ESLint configs the docs give users, read from the fenced code blocks of README.md,
// docs/integrations.md and docs/rules/*.md, so that tests/e2e/doc-configs.e2e.test.ts can run each
// one on a project with a file of every extension. Two kinds:
//
// - a config file: a js/ts block that imports or requires eslint-plugin-resilience; it is run as
//   eslint.config.mjs, or eslint.config.cjs when it uses require();
// - a config fragment: a js/jsonc/json block that is one object literal, either a config object
//   (with `rules` or `settings`) or a `rules` object (its keys are `resilience/<rule>`); it is run on
//   top of the README's first config file.
//
// Any other block that names the plugin, one of its rules or its settings must be one this reader
// knows is not an ESLint config: an Oxlint config (`jsPlugins`), a lint-staged config, a shell
// command, YAML, a diff. Otherwise `configSnippets` throws, so a config cannot enter the docs
// without being run.
import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeBlocks } from './markdown.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project every config is run on: one file of each extension a config must lint. */
export const FIXTURE = join(ROOT, 'tests', 'fixtures', 'projects', 'all-extensions');

/** The extensions of the fixture's files. */
export const FIXTURE_EXTENSIONS: readonly string[] = readdirSync(join(FIXTURE, 'src'))
  .map((file) => extname(file).slice(1))
  .sort();

/** The docs whose configs are run: README.md, then docs/ (integrations, then each rule). */
export const CONFIG_DOCS: readonly string[] = [
  'README.md',
  'docs/integrations.md',
  ...readdirSync(join(ROOT, 'docs', 'rules'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/rules/${file}`),
];

export interface ConfigSnippet {
  /** `docs/integrations.md:134`: where the block's code starts. */
  where: string;
  kind: 'file' | 'fragment';
  /** For a file: CommonJS (`require`, `module.exports`) or ESM. */
  module: 'esm' | 'cjs';
  /** For a fragment: a config object, or a `rules` object. */
  fragment?: 'config' | 'rules';
  code: string;
}

const PLUGIN_IMPORT = /from\s+'eslint-plugin-resilience'|require\('eslint-plugin-resilience'\)/;
const MENTIONS_PLUGIN = /eslint-plugin-resilience|['"]resilience\/[a-z-]+['"]|\bresilience\s*:|"resilience"\s*:/;
const NEVER_CONFIG_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'yaml', 'yml', 'diff']);
const SCRIPT_LANGS = new Set(['js', 'mjs', 'cjs', 'javascript', 'ts', 'typescript']);
const OBJECT_LANGS = new Set(['js', 'javascript', 'json', 'jsonc', 'json5']);

/** The top-level keys of an object literal written as JSON(C) or JavaScript, or null when the code is not one. */
function objectKeys(code: string): string[] | null {
  if (!code.trimStart().startsWith('{')) return null;
  let program: TSESTree.Program;
  try {
    // JSONC (comments, trailing commas) is a JavaScript expression too.
    program = parse(`(${code});`, { range: true });
  } catch {
    return null;
  }
  const statement = program.body[0];
  const object = statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
  if (program.body.length !== 1 || object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  return object.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    if (property.key.type === AST_NODE_TYPES.Identifier) return [property.key.name];
    return property.key.type === AST_NODE_TYPES.Literal ? [String(property.key.value)] : [];
  });
}

/** What a block is, or why it is not a config to run; throws on a block that names the plugin and is neither. */
function classify(where: string, lang: string, code: string): ConfigSnippet | null {
  if (SCRIPT_LANGS.has(lang) && PLUGIN_IMPORT.test(code)) {
    const module = /\brequire\(|module\.exports/.test(code) ? 'cjs' : 'esm';
    return { where, kind: 'file', module, code };
  }
  const keys = OBJECT_LANGS.has(lang) ? objectKeys(code) : null;
  if (keys?.includes('jsPlugins')) return null; // an Oxlint config: tests/e2e/oxlint.e2e.test.ts
  if (keys?.includes('lint-staged')) return null; // a lint-staged config: its glob is checked in configs.test.ts
  if (keys && (keys.includes('rules') || keys.includes('settings')))
    return { where, kind: 'fragment', fragment: 'config', module: 'esm', code };
  if (keys && keys.length > 0 && keys.every((key) => key.startsWith('resilience/'))) {
    return { where, kind: 'fragment', fragment: 'rules', module: 'esm', code };
  }
  if (NEVER_CONFIG_LANGS.has(lang) || !MENTIONS_PLUGIN.test(code)) return null;
  throw new Error(`${where}: a \`${lang}\` block names the plugin but is neither a config file nor a config fragment this test can run`);
}

/** Every config of the docs, in doc order. */
export function configSnippets(): ConfigSnippet[] {
  return CONFIG_DOCS.flatMap((doc) =>
    codeBlocks(readFileSync(join(ROOT, doc), 'utf8')).flatMap((block) => classify(`${doc}:${block.line}`, block.lang, block.code) ?? []),
  );
}

/** The lint-staged configs of the docs and of examples/package.json, with where each is. */
export function lintStagedConfigs(): Array<{ where: string; config: Record<string, unknown> }> {
  const fromDocs = CONFIG_DOCS.flatMap((doc) =>
    codeBlocks(readFileSync(join(ROOT, doc), 'utf8'))
      .filter((block) => block.lang === 'json' && objectKeys(block.code)?.includes('lint-staged'))
      .map((block) => ({
        where: `${doc}:${block.line}`,
        config: (JSON.parse(block.code) as { 'lint-staged': Record<string, unknown> })['lint-staged'],
      })),
  );
  const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'package.json'), 'utf8')) as { 'lint-staged': Record<string, unknown> };
  return [...fromDocs, { where: 'examples/package.json', config: example['lint-staged'] }];
}
