// The reading of ❌/✅ examples that examples.test.ts relies on (conventions at the top of that
// file), on small docs written here: so that a doc cannot pass by not being read.
import { describe, expect, it } from 'vitest';
import { examplesOf } from './examples.js';
import { codeBlocks } from './markdown.js';

const fence = '```';
const md = (...lines: string[]) => lines.join('\n');
const read = (markdown: string) => examplesOf('x.md', 'no-unbounded-load', markdown);

describe('codeBlocks', () => {
  it('gives each block its language, first line, headings and the comment before it', () => {
    const blocks = codeBlocks(
      md('# rule', '', '## A', '', '<!-- options: {} -->', '', `${fence}ts`, 'a;', fence, '', '### B', '', `${fence}jsonc`, '{}', fence),
    );
    expect(blocks).toEqual([
      { lang: 'ts', code: 'a;', line: 8, headings: ['rule', 'A'], annotation: 'options: {}' },
      { lang: 'jsonc', code: '{}', line: 14, headings: ['rule', 'A', 'B'], annotation: null },
    ]);
  });

  it('does not take a heading inside a block for one', () => {
    const blocks = codeBlocks(md('## A', `${fence}sh`, '# comment', fence, `${fence}ts`, 'a;', fence));
    expect(blocks.map((b) => b.headings)).toEqual([['A'], ['A']]);
  });
});

describe('examplesOf', () => {
  it('reads every block under a ❌ or ✅ heading as one example', () => {
    const examples = read(md('# r', '### ❌ Incorrect', `${fence}ts`, 'a;', 'b;', fence, '### ✅ Correct', `${fence}js`, 'c;', fence));
    expect(examples.map((e) => [e.kind, e.code, e.dialect, e.name])).toEqual([
      ['❌', 'a;\nb;', 'ts', 'x.md › ❌ Incorrect › ❌ (line 4)'],
      ['✅', 'c;', 'js', 'x.md › ✅ Correct › ✅ (line 9)'],
    ]);
  });

  it('splits a block at // ❌ and // ✅ lines, sharing the lines before the first', () => {
    const examples = read(md('# r', '## Lib', `${fence}ts`, "import x from 'x';", '', '// ❌', 'a;', '', '// ✅ bounded', 'b;', fence));
    expect(examples.map((e) => [e.kind, e.code, e.name])).toEqual([
      ['❌', "import x from 'x';\n\na;\n", 'x.md › Lib › ❌ (line 6)'],
      ['✅', "import x from 'x';\n\nb;", 'x.md › Lib › ✅ (line 9)'],
    ]);
  });

  it('reads a trailing // ❌ or // ✅ as an example of that line', () => {
    const examples = read(md('## Why', `${fence}ts`, 'const a = f();', 'g(); // ❌ unbounded', 'h(); // ✅', fence));
    expect(examples.map((e) => [e.kind, e.line, e.code])).toEqual([
      ['❌', 2, 'const a = f();\ng(); // ❌ unbounded\nh(); // ✅'],
      ['✅', 3, 'const a = f();\ng(); // ❌ unbounded\nh(); // ✅'],
    ]);
  });

  it('gives the rule the options of an <!-- options: … --> comment before the block', () => {
    const [example] = read(md('## ❌', '<!-- options: { "checkBatchLoaders": true } -->', '', `${fence}ts`, 'a;', fence));
    expect(example?.options).toEqual([{ checkBatchLoaders: true }]);
    expect(read(md('## ❌', `${fence}ts`, 'a;', fence))[0]?.options).toEqual([]);
    expect(() => read(md('## ❌', '<!-- options {} -->', `${fence}ts`, 'a;', fence))).toThrow(/x\.md:4: write the annotation/);
    expect(() => read(md('## ❌', '<!-- options: [1] -->', `${fence}ts`, 'a;', fence))).toThrow(/JSON object/);
  });

  it('lints js with require() as CommonJS, and ts as a module', () => {
    const examples = read(
      md('## ❌', `${fence}js`, "const k = require('knex');", fence, `${fence}ts`, "const k = require('knex');", fence),
    );
    expect(examples.map((e) => e.dialect)).toEqual(['cjs', 'ts']);
  });

  it('skips configuration blocks by narrow criteria', () => {
    const skipped = [
      md(`${fence}jsonc`, '{ "a": 1 }', fence),
      md(`${fence}sh`, 'npm i', fence),
      md(`${fence}js`, '// eslint.config.js', 'export default [];', fence),
      md(`${fence}js`, "{ rules: { 'resilience/no-unbounded-load': ['error', {}] } }", fence),
      md(`${fence}ts`, 'type Options = { a?: number };', fence),
      md(`${fence}js`, "loaders: [{ callee: 'a.b' }]", fence),
    ];
    for (const markdown of skipped) expect(read(md('## Options', markdown))).toEqual([]);
  });

  it('fails on a block it cannot place', () => {
    expect(() => read(md('## Usage', `${fence}ts`, 'await load();', fence))).toThrow(/x\.md:3: .*neither a marked example/);
    expect(() => read(md('## Usage', `${fence}js`, "notAnOption: [{ callee: 'a.b' }]", fence))).toThrow(/neither/);
    expect(() => read(md('## ❌', `${fence}ts`, "const s = '❌';", fence))).toThrow(/does not understand/);
    expect(() => read(md('## ❌', `${fence}ts`, '// ✅', 'a;', fence))).toThrow(/under a ❌\/✅ heading/);
    expect(() => read(md('## ❌ and ✅', `${fence}ts`, 'a;', fence))).toThrow(/both ❌ and ✅/);
    expect(() => read(md('## ❌', `${fence}jsonc`, '{}', fence))).toThrow(/give it ts or js/);
    expect(() => read(md('## L', `${fence}ts`, '// ❌', '// nothing', '// ✅', 'a;', fence))).toThrow(/line 3: an example with no code/);
  });
});
