import { defineConfig } from 'tsdown';

// One source, two outputs: ESM (`index.js`) for `import`, CommonJS (`index.cjs`, module.exports =
// plugin) for `require`, with their type declarations. Dependencies stay external.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  fixedExtension: false,
  dts: true,
  platform: 'node',
  target: 'node18',
  clean: true,
  deps: { neverBundle: [/^@typescript-eslint\//, /^eslint/, 'typescript'] },
});
