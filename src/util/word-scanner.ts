/**
 * Finds whether any of a set of words occurs in a text, in one pass over its characters: an
 * Aho–Corasick automaton over case-folded ASCII. A regular expression with one alternative per
 * word slows with every word it gets (each position is tried against each first letter); this
 * costs the same per character whatever the number of words, and cannot backtrack.
 *
 * Matching ignores ASCII case, and whitespace in the text is skipped, so the word `now(` is found
 * in `now (` and `now\n(`. Words must be printable ASCII without spaces.
 */
export class WordScanner {
  /** `transitions[state * 128 + char]`: the next state. */
  private readonly transitions: Int32Array;
  /** 1 for a state reached as a word ends, else 0. */
  private readonly ending: Uint8Array;

  constructor(words: readonly string[]) {
    const trie: Map<number, number>[] = [new Map<number, number>()];
    const ends: number[] = [0];
    for (const word of words) {
      if (!/^[\x21-\x7e]+$/.test(word)) throw new Error(`WordScanner: "${word}" is not printable ASCII without spaces`);
      let state = 0;
      for (const char of word.toLowerCase()) {
        const code = char.charCodeAt(0);
        let next = trie[state]!.get(code);
        if (next === undefined) {
          next = trie.push(new Map<number, number>()) - 1;
          ends.push(0);
          trie[state]!.set(code, next);
        }
        state = next;
      }
      ends[state] = 1;
    }
    // Breadth first, so that a state's failure link (the longest proper suffix that is also a
    // trie state) is complete before the state's own row is filled from it.
    const transitions = new Int32Array(trie.length * 128);
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (const [code, next] of trie[0]!) {
      transitions[code] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      ends[state]! |= ends[fail[state]!]!;
      for (let code = 0; code < 128; code++) {
        const next = trie[state]!.get(code);
        const fallback = transitions[fail[state]! * 128 + code]!;
        if (next === undefined) {
          transitions[state * 128 + code] = fallback;
        } else {
          fail[next] = fallback;
          transitions[state * 128 + code] = next;
          queue.push(next);
        }
      }
    }
    // Whitespace keeps the state: the text is read as if it had none.
    for (let state = 0; state < trie.length; state++) {
      for (const space of WHITESPACE) transitions[state * 128 + space] = state;
    }
    this.transitions = transitions;
    this.ending = Uint8Array.from(ends);
  }

  /**
   * Whether a word occurs in `text`. Each step of one automaton waits for the step before it, so
   * the text is read as four quarters side by side: four independent chains of steps that the
   * processor overlaps. Each quarter's reader goes on past its end while it is inside a word (its
   * state is not the start), so a word that crosses into the next quarter is still found.
   */
  foundIn(text: string): boolean {
    const { transitions, ending } = this;
    const quarter = text.length >> 2;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0, j = quarter, k = 2 * quarter, l = 3 * quarter; i < quarter; i++, j++, k++, l++) {
      s0 = transitions[(s0 << 7) | FOLD[text.charCodeAt(i)]!]!;
      s1 = transitions[(s1 << 7) | FOLD[text.charCodeAt(j)]!]!;
      s2 = transitions[(s2 << 7) | FOLD[text.charCodeAt(k)]!]!;
      s3 = transitions[(s3 << 7) | FOLD[text.charCodeAt(l)]!]!;
      if ((ending[s0]! | ending[s1]! | ending[s2]! | ending[s3]!) !== 0) return true;
    }
    return (
      this.readOn(text, quarter, s0, false) ||
      this.readOn(text, 2 * quarter, s1, false) ||
      this.readOn(text, 3 * quarter, s2, false) ||
      this.readOn(text, 4 * quarter, s3, true)
    );
  }

  /** Reads on from `from` in `state`: to the end of the text, or (not `toEnd`) until back at the start. */
  private readOn(text: string, from: number, state: number, toEnd: boolean): boolean {
    const { transitions, ending } = this;
    for (let i = from, length = text.length; i < length && (toEnd || state !== 0); i++) {
      state = transitions[(state << 7) | FOLD[text.charCodeAt(i)]!]!;
      if (ending[state] === 1) return true;
    }
    return false;
  }
}

const WHITESPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20];

/** ASCII letters lower-cased; every code unit outside ASCII to 0, which no word contains. */
const FOLD = (() => {
  const fold = new Uint8Array(0x10000);
  for (let code = 1; code < 128; code++) fold[code] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  return fold;
})();
