// The places a rule must be registered, and the shape of the plugin as built and as published.
// Adding a rule touches src/rules/<name>.ts, src/rules/index.ts, docs/rules/<name>.md and
// tests/rules/<name>.test.ts; these tests fail when one of them is forgotten.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { rulesForConfig, type ConfigName } from '../src/configs.js';
import plugin from '../src/index.js';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from '../src/meta.js';
import { rules } from '../src/rules/index.js';
import { REPO_URL } from '../src/util/create-rule.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  exports: Record<string, string | Record<string, Record<string, string>>>;
};
const require = createRequire(import.meta.url);

const ruleFiles = readdirSync(join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const ruleNames = Object.keys(rules).sort();
const ruleEntries = Object.entries(rules);

/** A rule's meta.docs, failing the test when a rule has none. */
function docsOf(rule: (typeof rules)[keyof typeof rules]) {
  const docs = rule.meta.docs;
  if (!docs) throw new Error('meta.docs is missing');
  return docs;
}
const CONFIG_NAMES: ConfigName[] = ['recommended', 'strict', 'all'];

/** The severity of a config's rule entry: `'error'` or `['error', ...options]`. */
function severityIn(config: ConfigName, id: string): unknown {
  const entry: unknown = plugin.configs[config].rules?.[id];
  return Array.isArray(entry) ? entry[0] : entry;
}

describe('rule registry', () => {
  it('has at least one rule', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
  });

  it('exports every file in src/rules/ from src/rules/index.ts, and nothing else', () => {
    expect(ruleNames).toEqual(ruleFiles);
  });

  it.each(ruleFiles)('src/rules/index.ts maps %s to the module of the same name', async (name) => {
    const mod = (await import(pathToFileURL(join(root, 'src/rules', `${name}.ts`)).href)) as { default: unknown };
    expect(rules[name as keyof typeof rules]).toBe(mod.default);
  });

  it.each(ruleFiles)('%s has a test at tests/rules/%s.test.ts', (name) => {
    expect(existsSync(join(root, 'tests/rules', `${name}.test.ts`)), `tests/rules/${name}.test.ts`).toBe(true);
  });
});

describe.each(ruleEntries)('rule %s', (name, rule) => {
  it('has a doc at docs/rules/<name>.md', () => {
    expect(existsSync(join(root, 'docs/rules', `${name}.md`)), `docs/rules/${name}.md`).toBe(true);
  });

  it('has meta.docs.description and a docs url pointing at its doc', () => {
    const docs = docsOf(rule);
    expect(typeof docs.description).toBe('string');
    expect(docs.description.trim()).not.toBe('');
    expect(docs.url).toBe(`${REPO_URL}/blob/main/docs/rules/${name}.md`);
    expect(docs.url?.endsWith(`docs/rules/${name}.md`)).toBe(true);
  });

  it('has a type, a messages map and a schema', () => {
    expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
    expect(typeof rule.meta.messages).toBe('object');
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.schema).toBeDefined();
    expect(typeof rule.meta.schema).toBe('object');
  });

  it('names a known config level in meta.docs.recommended', () => {
    expect([undefined, 'recommended', 'strict']).toContain(docsOf(rule).recommended);
  });

  it('is in exactly the configs its meta.docs.recommended implies', () => {
    const id = `${NAMESPACE}/${name}`;
    const level = docsOf(rule).recommended;
    const expected: Record<ConfigName, boolean> = {
      recommended: level === 'recommended',
      strict: level === 'recommended' || level === 'strict',
      all: true,
    };
    for (const config of CONFIG_NAMES) {
      expect(severityIn(config, id) === 'error', `${id} in ${config}`).toBe(expected[config]);
    }
  });

  it('is a bare "error" in every config: strict and all turn its strictOptions on through settings.resilience.strictChecks, all its allOptions through allChecks', () => {
    const id = `${NAMESPACE}/${name}`;
    for (const config of CONFIG_NAMES) {
      const entry = plugin.configs[config].rules?.[id];
      if (entry !== undefined) expect(entry, `${id} in ${config}`).toBe('error');
    }
    expect(plugin.configs.recommended.settings).toBeUndefined();
    expect(plugin.configs.strict.settings).toEqual({ resilience: { strictChecks: true } });
    expect(plugin.configs.all.settings).toEqual({ resilience: { strictChecks: true, allChecks: true } });
  });
});

describe('configs', () => {
  it('are exactly recommended, strict and all, with plain names', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...CONFIG_NAMES].sort());
    for (const config of CONFIG_NAMES) expect(plugin.configs[config].name).toBe(`${NAMESPACE}/${config}`);
  });

  it('register the plugin object itself under plugins.resilience, and nothing else', () => {
    for (const config of CONFIG_NAMES) {
      expect(Object.keys(plugin.configs[config].plugins ?? {})).toEqual([NAMESPACE]);
      expect(plugin.configs[config].plugins?.[NAMESPACE]).toBe(plugin);
    }
  });

  it('nest: recommended ⊂ strict ⊂ all, and all has every rule', () => {
    const ids = (config: ConfigName) => Object.keys(plugin.configs[config].rules ?? {}).sort();
    for (const id of ids('recommended')) expect(ids('strict')).toContain(id);
    for (const id of ids('strict')) expect(ids('all')).toContain(id);
    expect(ids('all')).toEqual(ruleNames.map((name) => `${NAMESPACE}/${name}`).sort());
  });

  it('turn on only rules of this plugin, as errors', () => {
    for (const config of CONFIG_NAMES) {
      for (const id of Object.keys(plugin.configs[config].rules ?? {})) {
        expect(id.startsWith(`${NAMESPACE}/`), id).toBe(true);
        expect(rules).toHaveProperty(id.slice(NAMESPACE.length + 1));
        expect(severityIn(config, id), `${id} in ${config}`).toBe('error');
      }
    }
  });

  it('match what rulesForConfig derives from rule metadata', () => {
    for (const config of CONFIG_NAMES) expect(plugin.configs[config].rules).toEqual(rulesForConfig(rules, config));
  });
});

describe('plugin meta', () => {
  it('equals package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: NAMESPACE });
  });

  it('src/meta.ts reads package.json (so a release bumps the version in one place)', () => {
    expect(PLUGIN_NAME).toBe(pkg.name);
    expect(PLUGIN_VERSION).toBe(pkg.version);
    expect(pkg.name).toBe(`eslint-plugin-${NAMESPACE}`);
  });

  it('exposes the rules object itself', () => {
    expect(plugin.rules).toBe(rules);
  });
});

describe('built dist (what npm publishes)', () => {
  type BuiltPlugin = typeof plugin;

  beforeAll(() => {
    const missing = ['dist/index.js', 'dist/index.cjs'].filter((file) => !existsSync(join(root, file)));
    if (missing.length > 0) {
      throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first (\`npm test\` builds before vitest).`);
    }
  });

  it('every file package.json points at exists', () => {
    const targets = [pkg.main];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(pkg.exports);
    for (const target of targets) expect(existsSync(join(root, target)), target).toBe(true);
  });

  it('require("../dist/index.cjs") returns the plugin itself, not { default }', () => {
    const cjs = require('../dist/index.cjs') as BuiltPlugin & { default?: unknown };
    expect(cjs.default).toBeUndefined();
    expect(cjs.meta).toEqual(plugin.meta);
    expect(Object.keys(cjs.rules).sort()).toEqual(ruleNames);
    expect(cjs.configs.recommended.plugins?.[NAMESPACE]).toBe(cjs);
  });

  it('import("dist/index.js") has the rules and meta of the CommonJS build', async () => {
    // A computed specifier, so that type-checking does not depend on a build having run.
    const esm = ((await import(pathToFileURL(join(root, 'dist/index.js')).href)) as { default: BuiltPlugin }).default;
    expect(esm.meta).toEqual(plugin.meta);
    expect(Object.keys(esm.rules).sort()).toEqual(ruleNames);
    expect(esm.configs.all.plugins?.[NAMESPACE]).toBe(esm);
  });

  it('in Node, import and require give the very same object', () => {
    // Outside vitest, whose module runner would load the CommonJS file a second time. Two objects
    // would make ESLint refuse a config that registers both ("Cannot redefine plugin").
    const code = `import { createRequire } from 'node:module'; import esm from '${PLUGIN_NAME}';
      console.log(esm === createRequire(import.meta.url)('${PLUGIN_NAME}'));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim()).toBe('true');
  });

  it('the build has the version of package.json (inlined from it)', () => {
    const cjs = require('../dist/index.cjs') as BuiltPlugin;
    expect(cjs.meta.version).toBe(pkg.version);
  });

  it('the published types name ESLint only, not @typescript-eslint/utils (a devDependency)', () => {
    for (const file of ['dist/index.d.cts', 'dist/index.d.ts']) {
      const imports = [...readFileSync(join(root, file), 'utf8').matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      expect(
        imports.filter((name) => name !== 'eslint' && name !== './index.cjs'),
        file,
      ).toEqual([]);
    }
  });

  // Outside vitest, through Node's own resolver and the package.json "exports" map, the way a
  // project that installed the package loads it (a package can import itself by name).
  it.each([
    ['require', `console.log(JSON.stringify(Object.keys(require('${PLUGIN_NAME}').rules)))`, ['-e']],
    ['import', `import p from '${PLUGIN_NAME}'; console.log(JSON.stringify(Object.keys(p.rules)))`, ['--input-type=module', '-e']],
  ])('a consumer can %s the package by name', (_how, code, flags) => {
    const output = execFileSync(process.execPath, [...flags, code], { cwd: root, encoding: 'utf8' });
    expect((JSON.parse(output) as string[]).sort()).toEqual(ruleNames);
  });
});
