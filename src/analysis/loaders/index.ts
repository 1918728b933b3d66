// Data loads and their bounds: the library catalog, the load finder, SQL text, Redis commands,
// whole-payload reads, and the suggestions that add a bound.
export * from './loads/index.js';
export * from './fixes.js';
export * from './options.js';
export * from './reads.js';
export * from './setup.js';
export * from './suggestion-messages.js';
