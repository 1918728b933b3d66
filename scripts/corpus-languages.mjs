// How corpus files are parsed: one place shared by corpus-lint.mjs (findings, crashes, --fix-check)
// and bench.mjs (timings), so that every script lints the corpus the same way.
//
//   .js .mjs .jsx   espree as an ES module first; a file that only parses as a CommonJS script
//                   (`with`, legacy octal, top-level `return`…) is parsed again as CommonJS
//   .cjs            espree, sourceType commonjs
//   .ts .tsx .mts .cts  @typescript-eslint/parser without type information
//
// Call from the thread that lints (a worker), since it loads the parsers.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.jsx'];
export const CJS_FILES = ['**/*.cjs'];
export const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
export const ALL_FILES = [...JS_FILES, ...CJS_FILES, ...TS_FILES];

/**
 * Loads the parsers and returns the flat-config blocks that parse corpus files, plus the set of
 * files that fell back to CommonJS since the caller last cleared it.
 */
export async function corpusLanguages() {
  // espree, eslint-scope and eslint-visitor-keys as ESLint itself resolves them.
  const eslintReq = createRequire(createRequire(import.meta.url).resolve('eslint'));
  const load = async (id) => {
    const m = await import(pathToFileURL(eslintReq.resolve(id)).href);
    return m.default && Object.keys(m).length <= 2 ? { ...m.default, ...m } : m;
  };
  const espree = await load('espree');
  const eslintScope = await load('eslint-scope');
  const evk = await load('eslint-visitor-keys');
  const tsParser = await import('@typescript-eslint/parser');

  const scriptFallback = new Set();
  const fallbackParser = {
    meta: { name: 'corpus-espree-module-then-commonjs', version: '1.0.0' },
    parseForESLint(code, options) {
      const ecmaVersion =
        typeof options.ecmaVersion === 'number' && options.ecmaVersion > 5 ? options.ecmaVersion : espree.latestEcmaVersion;
      const base = { ...options, ecmaVersion, ecmaFeatures: { ...options.ecmaFeatures, jsx: true } };
      let ast;
      let sourceType = 'module';
      try {
        ast = espree.parse(code, { ...base, sourceType });
      } catch (moduleError) {
        try {
          sourceType = 'commonjs';
          ast = espree.parse(code, { ...base, sourceType });
          scriptFallback.add(options.filePath);
        } catch {
          throw moduleError;
        }
      }
      const scopeManager = eslintScope.analyze(ast, {
        ecmaVersion,
        sourceType,
        ignoreEval: true,
        nodejsScope: sourceType === 'commonjs',
        childVisitorKeys: evk.KEYS,
        fallback: 'iteration',
        jsx: true,
      });
      return { ast, scopeManager, visitorKeys: evk.KEYS };
    },
  };

  const configs = [
    {
      // The corpus's own `eslint-disable` comments name rules that do not exist here and must
      // not hide or alter what our rules see.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
    { files: JS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parser: fallbackParser } },
    { files: CJS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },
    { files: TS_FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parser: tsParser } },
    { files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  return { configs, scriptFallback };
}
