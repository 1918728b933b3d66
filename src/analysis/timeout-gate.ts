import type { TSESLint } from '@typescript-eslint/utils';
import { perOptions } from '../util/per-options.js';
import { anyWord, textMentions } from '../util/text-gate.js';
import type { TimeoutVocabulary } from './timeout-vocabulary.js';

/**
 * Words without which a file holds no timeout path: every path `TimeoutPathFinder` recognises, and
 * every timeout message, rests on one of them (case-insensitive; an escape inside a word aside).
 * - `time`: `setTimeout`, `AbortSignal.timeout`, `pTimeout`, `timeout` options, RxJS `timeout`,
 *   `getTime`, `process.hrtime`, `TimeoutError`, `ETIMEDOUT` and the other codes, timed-out flags
 *   and messages;
 * - `abort`: `signal.aborted`, `AbortError`, `ECONNABORTED`, `ABORT_ERR`;
 * - `57014` (PostgreSQL's statement timeout) and `deadline` (`deadline exceeded`, `deadlineExceeded`);
 * - clocks: `now` (`Date.now()`, `performance.now()`), `valueOf` (`new Date().valueOf()`), `+new Date`;
 * - races: `Promise.race`, `Promise.any`;
 * - the vocabulary's elapsed-time and flag names, the user's included. Its limit, start and deadline
 *   names only make a timeout test next to an elapsed time or a clock, which the list has.
 */
const FIXED = ['time', 'abort', '57014', 'deadline', '\\bnow\\b', 'valueof', '\\brace\\b', '\\.\\s*any\\b', '[\'"`]any[\'"`]', '\\+[\\s(]*new\\s+date'];

const patternOf = perOptions((words: TimeoutVocabulary) => {
  const named = anyWord([...words.elapsed, ...words.flags]);
  return new RegExp(`${FIXED.join('|')}|${named.source}`, 'i');
});

/** Whether the file can hold a timeout path at all: the timeout rules skip the files that cannot. */
export function mayHoldTimeoutPath(sourceCode: Readonly<TSESLint.SourceCode>, words: TimeoutVocabulary): boolean {
  return textMentions(sourceCode, patternOf(words));
}
