// Fixes shared by the rules: the typed error a fix constructs, and the import it needs.
export * from './typed-error.js';
