import { defineConfig } from 'tsdown';

// One source, two outputs: ESM for `import`, CommonJS (module.exports = plugin) for `require`.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node18',
  clean: true,
  external: [/^@typescript-eslint\//, /^eslint/, 'typescript'],
});
