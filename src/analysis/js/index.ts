// JavaScript facts every rule asks about: AST helpers, where a binding comes from (imports and
// requires), what a callee resolves to, what a function returns, and how to add an import.
export * from './ast.js';
export * from './callee-resolution.js';
export * from './definitions.js';
export * from './function-returns.js';
export * from './imports.js';
export * from './module-system.js';
export * from './node-types.js';
export * from './origins.js';
export * from './package-json.js';
export * from './per-file.js';
export * from './subtree-search.js';
export * from './scopes.js';
export * from './fix-text.js';
