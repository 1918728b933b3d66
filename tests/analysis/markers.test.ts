import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/analysis/js/ast.js';
import { isProgressMarker } from '../../src/analysis/sentinel/markers.js';
import { sentinelSideOf } from '../../src/analysis/sentinel/condition.js';
import { DEFAULT_VOCABULARY } from '../../src/analysis/timeout/vocabulary.js';
import { parseExpression } from './parse.js';

const marker = (code: string, words = DEFAULT_VOCABULARY.markers) => isProgressMarker(parseExpression(code), words);

describe('wordsOf', () => {
  it.each([
    ['lastSyncedAt', ['last', 'synced', 'at']],
    ['LAST_SEQ', ['last', 'seq']],
    ['lastETag', ['last', 'etag']],
    ['sdkRevisionId', ['sdk', 'revision', 'id']],
    ['since', ['since']],
  ])('%s', (name, words) => expect(wordsOf(name)).toEqual(words));
});

describe('isProgressMarker', () => {
  it.each([
    'since',
    'rev',
    'this.revision',
    'knownVersion',
    'lastSync',
    'last_sync_time',
    'cursor',
    'lastFetchTime',
    'checkpoint',
    'updatedAfter',
    'resourceVersion',
  ])('%s marks progress', (code) => expect(marker(code)).toBe(true));

  it.each(['json', 'tables', 'name', 'preview', 'reverse', 'user.id', 'lastName', 'options.filter', 'f()'])('%s does not', (code) =>
    expect(marker(code)).toBe(false),
  );

  it('takes the words a project adds', () => {
    expect(marker('generation')).toBe(false);
    expect(marker('generation', [...DEFAULT_VOCABULARY.markers, 'generation'])).toBe(true);
  });
});

describe('sentinelSideOf: time and epoch sentinels', () => {
  const subjectOf = (code: string) => {
    const found = sentinelSideOf(parseExpression(code));
    return found && { side: found.side, subject: 'name' in found.subject ? found.subject.name : found.subject.type };
  };
  it.each([
    ['since.getTime() === 0', 'true'],
    ['+since === 0', 'true'],
    ['Number(since) <= 0', 'true'],
    ['since === EPOCH', 'true'],
    ['since !== UNIX_EPOCH', 'false'],
    ["since === ''", 'true'],
    ['since === -1', 'true'],
  ])('%s tests `since` (%s side)', (code, side) => expect(subjectOf(code)).toEqual({ side, subject: 'since' }));

  it('a variable merely named like an epoch is not one', () => expect(subjectOf('since === epochSeconds')).toBeNull());
});
