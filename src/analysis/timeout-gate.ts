import { perOptions } from '../util/per-options.js';
import { WordScanner } from '../util/word-scanner.js';
import type { TimeoutVocabulary } from './timeout-vocabulary.js';

/**
 * The words without which a file has no timeout path and no timeout message, so that the timeout
 * rules can skip it whole: most files have none of them, and one scan of the text costs far less
 * than listeners on every call and return. Each kind of path needs one:
 * - timers, timeout wrappers and options, error names and codes, messages, `process.hrtime`,
 *   `getTime()`: `time` (`setTimeout`, `pTimeout`, `TimeoutError`, `ETIMEDOUT`, `timedOut`)
 * - abort flags, `AbortError`, `ECONNABORTED`, `AbortSignal.timeout`: `abort`
 * - PostgreSQL's statement timeout `57014`; "deadline exceeded" messages: `deadline`
 * - clock reads: a call of `now` (`Date.now()`, `performance.now()`), `+new Date`, `valueOf()`
 * - entries of `Promise.race` and `Promise.any`: `.race`, `.any`, `['race']`
 * - elapsed-time names and timed-out flags: the vocabulary's `elapsed` and `flags` words
 * Limit, deadline and start names count only next to one of these, so they are not needed.
 * Matching ignores case and whitespace (`now (` has `now(`). Code that spells these words with
 * escapes (`'\x74imeout'`, `Date['n\x6fw']()`) or puts a comment inside one is not seen.
 */
const TIMEOUT_WORDS = [
  'time',
  'abort',
  'deadline',
  '57014',
  'now(',
  'now?.(',
  "['now'",
  '["now"',
  '+newdate',
  '+(newdate',
  'valueof(',
  '.race',
  "['race'",
  '["race"',
  '.any',
  "['any'",
  '["any"',
];

const scannerFor = perOptions((words: TimeoutVocabulary) => new WordScanner([...TIMEOUT_WORDS, ...words.elapsed, ...words.flags]));

let lastText: string | undefined;
let lastWords: TimeoutVocabulary | undefined;
let lastAnswer = false;

/**
 * Whether `text` can hold a timeout path or a timeout message under `words`. The last answer is
 * kept, so the two timeout rules linting one file scan its text once.
 */
export function mayMentionTimeouts(text: string, words: TimeoutVocabulary): boolean {
  if (text !== lastText || words !== lastWords) {
    lastText = text;
    lastWords = words;
    lastAnswer = scannerFor(words).foundIn(text);
  }
  return lastAnswer;
}
