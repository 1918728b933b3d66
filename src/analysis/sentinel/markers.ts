import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberPropertyName, unwrap, wordsOf } from '../js/ast.js';
import { BoundedCache } from '../../util/bounded-cache.js';
import { perOptions } from '../../util/per-options.js';

/**
 * Marks of progress through data: a value that says how far a reader got (`since`, `revision`,
 * `cursor`, `lastSyncedAt`, `lastFetchTime`). Its empty value is "from the start", which is what
 * makes a zero from a failed lookup select a load of everything. Other optional values (a user's
 * filter, a list of tables to publish) mean "everything" by design.
 */

/** With `last`, these words mark how far a reader got too: `lastFetchTime`, `lastRun`, `lastSeenId`. */
const AFTER_LAST = new Set([
  'fetch',
  'fetched',
  'run',
  'seen',
  'id',
  'time',
  'event',
  'poll',
  'polled',
  'checked',
  'refresh',
  'refreshed',
  'pull',
  'pulled',
  'known',
]);

/** The name a value is read by: `since`, `this.revision` → `revision`. */
function nameOf(node: TSESTree.Node): string | null {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(target);
  return null;
}

/** Answers per marker list and name: the rule asks of every branch and fallback, and names repeat. Bounded: an editor session lints for hours. */
const answers = perOptions<readonly string[], BoundedCache<string, boolean>>(() => new BoundedCache(10_000));

/** Whether `subject`'s name marks progress through data, by `markers` (whole words of the name). */
export function isProgressMarker(subject: TSESTree.Node, markers: readonly string[]): boolean {
  const name = nameOf(subject);
  if (!name || name.length > 100) return false;
  return answers(markers).get(name, () => {
    const words = wordsOf(name);
    return words.some((word) => markers.includes(word)) || (words.includes('last') && words.some((word) => AFTER_LAST.has(word)));
  });
}
