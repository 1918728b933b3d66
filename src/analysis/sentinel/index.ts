// What a sentinel is (zero, empty, missing), where a value comes from, the conditions that test
// for one, and the fixes that put a typed error where a sentinel was returned.
export * from './condition.js';
export * from './context.js';
export * from './fixes.js';
export * from './maybe-empty.js';
export * from './origins.js';
export * from './queried-with.js';
export * from './values.js';
export * from './markers.js';
export * from './full-loads.js';
export * from './remote-loads.js';
