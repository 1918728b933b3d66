import type { TSESLint } from '@typescript-eslint/utils';
import { perOptions } from '../util/per-options.js';
import { anyWordSource, textMentions } from '../util/text-gate.js';
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
const WORDS = ['time', 'abort', '57014', 'deadline', 'valueof'];
/** Words that need a boundary or a context: `now` alone is in `unknown`, `race` in `trace`. */
const SHAPES = ['\\bnow\\b', '\\brace\\b', '\\.\\s*any\\b', '[\'"`]any[\'"`]', '\\+[\\s(]*new\\s+date'];

const patternOf = perOptions((words: TimeoutVocabulary) => {
  const plain = anyWordSource([...WORDS, ...words.elapsed, ...words.flags], true);
  return new RegExp(`${plain}|${SHAPES.join('|')}`, 'i');
});

/** Whether the file can hold a timeout path at all: the timeout rules skip the files that cannot. */
export function mayHoldTimeoutPath(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, words: TimeoutVocabulary): boolean {
  return textMentions(context, patternOf(words));
}
