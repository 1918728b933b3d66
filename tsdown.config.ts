import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsdown';

// One plugin object for `require` and `import`: src/ is built once, to CommonJS (`index.cjs`,
// module.exports = plugin, with `index.d.cts`), and the ESM entry (`index.js`) re-exports that
// object. Two builds would give two objects, and ESLint refuses a config that registers both
// ("Cannot redefine plugin"), as a CommonJS shared config beside an ESM config would.
//
// Nothing is loaded at run time but Node's built-ins: the rules' few run-time needs from
// typescript-eslint (the AST_NODE_TYPES names, from @typescript-eslint/types) are bundled, and
// @typescript-eslint/utils, which would bring TypeScript along, is used for types only.
// tests/e2e checks both.
const ESM_ENTRY = `// The ESM entry: the same plugin object as require('eslint-plugin-resilience').
import plugin from './index.cjs';
export default plugin;
`;

/** The ESM entry's types: the CommonJS declarations, with `export default` for `export =`. */
function esmDeclarations(cjsDeclarations: string): string {
  const esm = cjsDeclarations.replace(/^export = (\w+);$/m, 'export { $1 as default };');
  if (esm === cjsDeclarations) throw new Error('dist/index.d.cts has no `export = plugin;` to turn into a default export');
  return esm;
}

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs'],
  fixedExtension: false,
  dts: true,
  platform: 'node',
  target: 'node18',
  clean: true,
  deps: { neverBundle: [/^eslint/, 'typescript', /^@typescript-eslint\/utils/], onlyBundle: ['@typescript-eslint/types'] },
  hooks: {
    'build:done': ({ options }) => {
      writeFileSync(join(options.outDir, 'index.js'), ESM_ENTRY);
      writeFileSync(join(options.outDir, 'index.d.ts'), esmDeclarations(readFileSync(join(options.outDir, 'index.d.cts'), 'utf8')));
    },
  },
});
