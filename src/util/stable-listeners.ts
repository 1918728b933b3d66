import type { TSESLint } from '@typescript-eslint/utils';

type Listener = (...args: never[]) => void;

/**
 * The same listener functions for every file a rule lints, each calling the current file's own.
 *
 * ESLint 10 records the rule of every listener function it registers in a WeakMap, once per
 * file and listener. A rule whose `create` returns new closures for every file (as rules do: their
 * listeners close over the file's context) makes that map grow by one entry per listener and
 * file, and the collector trace every entry. Functions that stay the same are found in the map and
 * overwritten instead. Measured on the 880k-line corpus (bench-ab.mjs, one process, 3 rounds, 7 Dec):
 * without this layer our four rules together took 1.18× the time with it (2,804.6 vs 2,383.5 ms;
 * 1.48× in a run against the build that also had a one-walk dispatch), so it buys 15–32 % of our
 * rules' time. The one-walk dispatch that used to sit beside it bought nothing more (0.99×) and went.
 *
 * ESLint runs one file's `create`s and then its traversal, synchronously, so the listeners of the
 * last `create` are the file's. The one exception is the same rule object enabled under two ids
 * (one plugin registered under two names) in one lint: both `create`s run before the traversal,
 * so the second gets its own closures back.
 */
export function stableListeners<Context extends { readonly id: string; readonly sourceCode: unknown }>(
  create: (context: Context) => TSESLint.RuleListener,
): (context: Context) => TSESLint.RuleListener {
  /** One slot per selector: its stable listener calls whatever function the slot holds. */
  const slots = new Map<string, Slot>();
  // The last file's SourceCode and listeners stay referenced until the next file: one file per rule.
  let lastSourceCode: unknown;
  let lastId: string | undefined;

  const slotFor = (selector: string): Slot => {
    let slot = slots.get(selector);
    if (!slot) {
      const created: Slot = { current: noop, listener: (a: never, b: never, c: never) => created.current(a, b, c) };
      slots.set(selector, (slot = created));
    }
    return slot;
  };

  return (context) => {
    const listeners = create(context) as Record<string, Listener | undefined>;
    if (context.sourceCode === lastSourceCode && context.id !== lastId) return listeners;
    lastSourceCode = context.sourceCode;
    lastId = context.id;
    for (const slot of slots.values()) slot.current = noop;
    const routed: Record<string, Listener | undefined> = {};
    for (const selector in listeners) {
      const listener = listeners[selector];
      if (typeof listener !== 'function') {
        routed[selector] = listener;
        continue;
      }
      const slot = slotFor(selector);
      slot.current = listener;
      routed[selector] = slot.listener;
    }
    return routed;
  };
}

interface Slot {
  current: Listener;
  readonly listener: Listener;
}

function noop(): void {}
