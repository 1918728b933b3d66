import { perOptions } from '../../util/per-options.js';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/**
 * Words that mark a name as elapsed time, a time limit, a deadline, a start mark or a timed-out flag.
 * Matching is a case-insensitive substring test on the whole name (`elapsedMs` has `elapsed`),
 * so user words are plain strings: no regular expression, nothing that can backtrack.
 */
export interface TimeoutVocabulary {
  elapsed: readonly string[];
  limit: readonly string[];
  deadline: readonly string[];
  start: readonly string[];
  flags: readonly string[];
  /**
   * Words of names that mark progress through data (`since`, `revision`, `cursor`, `lastSync`):
   * matched against the whole words of a name (`lastSyncedAt` is last, synced, at), not as
   * substrings, so that `rev` does not meet `preview`.
   */
  markers: readonly string[];
}

export const DEFAULT_VOCABULARY: TimeoutVocabulary = {
  elapsed: ['elapsed', 'timepass', 'duration', 'took', 'spent', 'waited', 'runtime', 'timetaken', 'waittime'],
  // Not `ttl`, `maxAge` or `expires`: those are cache expiry, where returning "nothing" is the answer.
  limit: ['timeout', 'maxwait', 'deadline', 'budget', 'maxtime', 'maxduration', 'maxelapsed', 'timelimit', 'limit'],
  deadline: ['deadline', 'timeout', 'giveup', 'cutoff'],
  start: ['start', 'begin', 't0', 'before'],
  flags: ['timedout', 'didtimeout', 'deadlineexceeded', 'timeoutexceeded', 'timeoutreached', 'istimeout'],
  markers: [
    'since',
    'rev',
    'revision',
    'version',
    'cursor',
    'sync',
    'synced',
    'offset',
    'watermark',
    'checkpoint',
    'seq',
    'sequence',
    'etag',
    'modified',
    'updated',
    'mtime',
    'timestamp',
    'changed',
    'lsn',
  ],
};

export type VocabularyOption = Partial<Record<keyof TimeoutVocabulary, string[]>>;

const wordList: JSONSchema4 = {
  type: 'array',
  items: { type: 'string', minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_$]+$' },
  uniqueItems: true,
};

export const vocabularySchema: JSONSchema4 = {
  type: 'object',
  description: 'Words added to the built-in vocabulary of timeout names (case-insensitive substrings).',
  properties: {
    elapsed: { ...wordList, description: 'Names of elapsed-time values, e.g. `timePass`.' },
    limit: { ...wordList, description: 'Names of time limits, e.g. `maxWait`.' },
    deadline: { ...wordList, description: 'Names of absolute deadlines compared with `Date.now()`.' },
    start: { ...wordList, description: 'Names of start marks subtracted from `Date.now()`.' },
    flags: { ...wordList, description: 'Names of booleans that are true when work timed out.' },
    markers: {
      ...wordList,
      description: 'Words of names that mark progress through data, e.g. `generation` (whole words of a name, not substrings).',
    },
  },
  additionalProperties: false,
};

const NO_EXTRA_WORDS: VocabularyOption = {};
const vocabularyOf = perOptions(mergeVocabulary);

/** The built-in words plus the user's, lower-cased; built once per options object, not per file. */
export function buildVocabulary(extra: VocabularyOption = NO_EXTRA_WORDS): TimeoutVocabulary {
  return vocabularyOf(extra);
}

function mergeVocabulary(extra: VocabularyOption): TimeoutVocabulary {
  const merge = (key: keyof TimeoutVocabulary) => [...DEFAULT_VOCABULARY[key], ...(extra[key] ?? []).map((word) => word.toLowerCase())];
  return {
    elapsed: merge('elapsed'),
    limit: merge('limit'),
    deadline: merge('deadline'),
    start: merge('start'),
    flags: merge('flags'),
    markers: merge('markers'),
  };
}

export function nameHasWord(name: string | null, words: readonly string[]): boolean {
  if (!name) return false;
  const lower = name.toLowerCase();
  return words.some((word) => lower.includes(word));
}
