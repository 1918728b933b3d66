// The load finder, split by kind of load: options objects (options-loads), builder chains
// (builder-loads, builder-bounds), raw SQL (sql-loads), Redis commands (redis-loads) and scripts
// (script-loads), pages a loop collects (page-loops), batch-loader constructors (batch-loads),
// query functions (function-loads), paged reads collected to the last page (paged-loads,
// page-flow) and the project's own loaders (custom-loads).
export * from './load-finder.js';
export * from './finding.js';
