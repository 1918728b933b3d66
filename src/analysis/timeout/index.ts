// What a timeout path is: guards on elapsed time, timers and races, the catch of work with a
// deadline, the words code uses for them, and the options the timeout rules share.
export * from './guard.js';
export * from './message.js';
export * from './options.js';
export * from './path.js';
export * from './sentinels.js';
export * from './vocabulary.js';
export * from './work.js';
