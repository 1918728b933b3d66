// bench-diff.mjs's source-code modes: in 'cold' (the default) every timed lint meets an AST parsed
// for it alone, as a real lint does, so nothing a rule caches per file (keyed by the Program) is
// warm; in 'reuse' every lint of a file meets the same AST.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchDiff } from '../../scripts/bench-diff.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-diff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const files = ['a.js', 'b.ts'].map((name, i) => {
  const abs = path.join(dir, name);
  fs.writeFileSync(abs, `export const value${i} = ${i};\nexport function f${i}() { return value${i}; }\n`);
  return { abs, lines: 2 };
});

/** Runs benchDiff with one rule that records the Program of every lint it takes part in. */
async function programsSeen(sourceCodeMode, rounds) {
  const seen = [];
  const plugin = {
    meta: { namespace: 'probe' },
    rules: { record: { meta: { type: 'problem', schema: [] }, create: (context) => (seen.push(context.sourceCode.ast), {}) } },
  };
  await benchDiff(files, {
    plugin,
    configs: [{ id: 'record', rules: { 'probe/record': 'error' } }],
    rounds,
    sourceCodeMode,
    basePath: dir,
  });
  return seen;
}

describe('benchDiff source-code modes', () => {
  it('cold: every timed lint meets a Program no earlier lint met', async () => {
    const rounds = 3;
    const seen = await programsSeen('cold', rounds);
    // The warm-up pass and the JIT round lint the first parse of each file; then one lint per file and round.
    const timed = seen.slice(-rounds * files.length);
    const before = new Set(seen.slice(0, -rounds * files.length));
    expect(timed).toHaveLength(rounds * files.length);
    expect(new Set(timed).size).toBe(timed.length);
    for (const program of timed) expect(before.has(program)).toBe(false);
  });

  it('reuse: every lint of a file meets the same Program', async () => {
    const seen = await programsSeen('reuse', 3);
    expect(new Set(seen).size).toBe(files.length);
  });
});
