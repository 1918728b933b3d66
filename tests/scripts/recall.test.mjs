// The recall census's arithmetic (scripts/recall.mjs, scripts/census.mjs): what counts as found,
// which entries each config answers for, and when the CI gate fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCensus, renderCensus, sampleStrata, weightOf } from '../../scripts/census.mjs';
import { compareRecorded, covers, measureRecall } from '../../scripts/recall.mjs';

const file = (pkg, rel, defects = []) => ({ package: pkg, file: rel, lines: 100, stratum: 's', reviewer: 'r1', defects });
const defect = (line, rule, config, extra = {}) => ({ line, rule, config, reason: 'why', shape: 'how', ...extra });
const finding = (pkg, rel, ruleId, line, endLine = line) => ({
  package: pkg,
  file: rel,
  ruleId: `resilience/${ruleId}`,
  line,
  endLine,
  message: 'm',
});

const census = {
  date: '2026-12-07',
  draw: { seed: 1, minLines: 1, maxLines: 10, strata: [{ name: 's', why: 'all', size: 3, perPackage: 2, weights: [] }] },
  files: [
    file('a', 'x.js', [
      defect(10, 'no-unbounded-load', 'recommended', { endLine: 14 }),
      defect(30, 'no-unbounded-load', 'strict'),
      defect(50, 'no-timeout-sentinel', 'recommended'),
    ]),
    file('a', 'clean.js'),
    file('b', 'y.ts', [defect(5, 'prefer-typed-timeout-error', 'recommended')]),
  ],
};

describe('covers', () => {
  it('counts a finding whose range contains the census line', () => {
    expect(covers({ line: 3, endLine: 7 }, { line: 5 })).toBe(true);
    expect(covers({ line: 5 }, { line: 5 })).toBe(true);
    expect(covers({ line: 6, endLine: 7 }, { line: 5 })).toBe(false);
  });
  it('counts a finding inside a multi-line entry (a chain reported on its last call)', () => {
    expect(covers({ line: 14, endLine: 14 }, { line: 10, endLine: 14 })).toBe(true);
    expect(covers({ line: 15, endLine: 16 }, { line: 10, endLine: 14 })).toBe(false);
  });
});

describe('measureRecall', () => {
  const findings = [
    finding('a', 'x.js', 'no-unbounded-load', 13, 13),
    finding('a', 'x.js', 'no-unbounded-load', 30),
    finding('a', 'x.js', 'no-timeout-sentinel', 40), // wrong line: a miss, and a claim the census does not make
    finding('a', 'clean.js', 'no-unbounded-load', 2),
    finding('b', 'y.ts', 'no-unbounded-load', 5), // right line, wrong rule
  ];
  const row = (r, id) => r.rows.find((x) => x.ruleId === id);

  it('recommended answers only for recommended entries', () => {
    const r = measureRecall(census, findings, 'recommended');
    expect(row(r, 'resilience/no-unbounded-load')).toMatchObject({ entries: 1, found: 1, missed: 0, recall: 1 });
    expect(row(r, 'resilience/no-timeout-sentinel')).toMatchObject({ entries: 1, found: 0, recall: 0 });
    expect(row(r, 'resilience/prefer-typed-timeout-error')).toMatchObject({ entries: 1, found: 0 });
    expect(row(r, 'resilience/no-sentinel-full-load')).toMatchObject({ entries: 0, recall: null });
    expect(row(r, 'all')).toMatchObject({ entries: 3, found: 1, missed: 2 });
    expect(r.misses.map((e) => `${e.file}:${e.line}`)).toEqual(['x.js:50', 'y.ts:5']);
  });

  it('strict answers for every entry', () => {
    const r = measureRecall(census, findings, 'strict');
    expect(row(r, 'resilience/no-unbounded-load')).toMatchObject({ entries: 2, found: 2, recall: 1 });
    expect(row(r, 'all')).toMatchObject({ entries: 4, found: 2 });
  });

  it('lists findings on reviewed-clean files and unclaimed findings on flagged files', () => {
    const r = measureRecall(census, findings, 'recommended');
    expect(r.cleanFindings.map((f) => f.file)).toEqual(['clean.js']);
    expect(r.otherFindings.map((f) => `${f.file}:${f.line}`)).toEqual(['x.js:40', 'y.ts:5']);
  });

  it('does not count a strict entry found by recommended as an unclaimed finding', () => {
    const r = measureRecall(census, findings, 'recommended');
    expect(r.otherFindings.map((f) => f.line)).not.toContain(30);
  });
});

describe('compareRecorded', () => {
  const recorded = { recommended: { 'resilience/no-unbounded-load': { entries: 4, found: 2 } }, strict: {} };
  const at = (found, entries) => ({
    recommended: [{ ruleId: 'resilience/no-unbounded-load', entries, found, recall: found / entries }],
    strict: [],
  });
  it('fails below the recorded recall', () => {
    const { below, above } = compareRecorded(recorded, at(1, 4));
    expect(above).toEqual([]);
    expect(below).toHaveLength(1);
    expect(below[0]).toMatch(/no-unbounded-load \(recommended\): recall 25\.0 % \(1\/4\), recorded 50\.0 % \(2\/4\)/);
  });
  it('asks for an improvement to be recorded', () => {
    expect(compareRecorded(recorded, at(3, 4))).toMatchObject({ below: [], above: [expect.stringMatching(/recall 75\.0 %/)] });
  });
  it('passes at the recorded figure, with more entries at the same ratio, and for rules without a record', () => {
    expect(compareRecorded(recorded, at(2, 4))).toEqual({ below: [], above: [] });
    expect(compareRecorded(recorded, at(4, 8))).toEqual({ below: [], above: [] });
    expect(compareRecorded({}, at(0, 4))).toEqual({ below: [], above: [] });
  });
});

describe('census file', () => {
  const write = (value) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'census-')), 'census.json');
    fs.writeFileSync(f, JSON.stringify(value));
    return f;
  };
  it('accepts a well-formed census', () => {
    expect(readCensus(write(census)).problems).toEqual([]);
  });
  it('names what is wrong with an entry', () => {
    const bad = {
      ...census,
      files: [
        file('a', 'x.js', [{ line: 0, rule: 'no-such-rule', config: 'all', reason: '', shape: '' }]),
        { ...file('a', 'x.js'), stratum: 'nope' },
      ],
    };
    const { problems } = readCensus(write(bad));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"line" must be a positive integer/),
        expect.stringMatching(/"rule" must be one of/),
        expect.stringMatching(/"config" must be recommended or strict/),
        expect.stringMatching(/needs a "reason"/),
        expect.stringMatching(/needs a "shape"/),
        expect.stringMatching(/listed twice/),
        expect.stringMatching(/"stratum" must name one of the draw's strata/),
      ]),
    );
  });
  it('renders every entry and every reviewed-clean file', () => {
    const md = renderCensus(census);
    expect(md).toContain('| 1 | a | x.js:10-14 | recommended | how | why |');
    expect(md).toContain('- a `clean.js` (100 lines)');
    expect(md).toContain('Files: 2 with defects, 1 reviewed-clean.');
  });
});

describe('the draw', () => {
  it('multiplies the factors that apply', () => {
    const stratum = {
      weights: [
        { on: 'path', pattern: 'repositor', factor: 4 },
        { on: 'content', pattern: 'SELECT', factor: 2 },
      ],
      packageFactor: { fresh: 3 },
    };
    expect(weightOf({ pkg: 'old', rel: 'src/user.repository.js' }, 'SELECT 1', stratum)).toBe(8);
    expect(weightOf({ pkg: 'fresh', rel: 'src/util.js' }, 'x', stratum)).toBe(3);
    expect(weightOf({ pkg: 'old', rel: 'src/util.js' }, 'x', stratum)).toBe(1);
  });
});

describe('sampleStrata', () => {
  const files = Array.from({ length: 40 }, (_, i) => ({
    pkg: `p${i % 4}`,
    rel: `f${i}.js`,
    lines: 50,
    eligible: i !== 7,
    text: i % 5 === 0 ? 'SELECT * FROM t' : 'x',
  }));
  const draw = {
    seed: 42,
    minLines: 1,
    maxLines: 100,
    strata: [
      { name: 'a', size: 10, perPackage: 3, weights: [] },
      { name: 'b', size: 5, perPackage: 5, weights: [{ on: 'content', pattern: 'SELECT', factor: 1000 }] },
    ],
  };
  const drawn = sampleStrata(files, draw);
  it('is the same draw every time', () => {
    expect(sampleStrata(files, draw)).toEqual(drawn);
  });
  it('keeps sizes and the per-package cap, and never draws a file twice or an ineligible one', () => {
    const a = drawn.filter((f) => f.stratum === 'a');
    expect(a).toHaveLength(10);
    for (const p of ['p0', 'p1', 'p2', 'p3']) expect(a.filter((f) => f.pkg === p).length).toBeLessThanOrEqual(3);
    expect(drawn.filter((f) => f.stratum === 'b')).toHaveLength(5);
    expect(new Set(drawn.map((f) => f.rel)).size).toBe(15);
    expect(drawn.map((f) => f.rel)).not.toContain('f7.js');
  });
  it('follows the weights', () => {
    // 8 files match SELECT; with factor 1000 the second stratum takes only those the first left.
    expect(drawn.filter((f) => f.stratum === 'b').every((f) => Number(f.rel.slice(1, -3)) % 5 === 0)).toBe(true);
  });
  it('draws what it drew when packages are appended that the earlier strata leave out, and a later stratum only from those', () => {
    // Files of a new package, heavily weighted for both strata, appended in corpus order.
    const added = Array.from({ length: 12 }, (_, i) => ({ pkg: 'new', rel: `n${i}.js`, lines: 50, eligible: true, text: 'SELECT' }));
    const later = {
      ...draw,
      strata: [
        ...draw.strata.map((stratum) => ({ ...stratum, excludePackages: ['new'] })),
        { name: 'c', size: 4, perPackage: 4, packages: ['new'], weights: [] },
      ],
    };
    const again = sampleStrata([...files, ...added], later);
    expect(again.filter((f) => f.stratum !== 'c')).toEqual(drawn);
    const c = again.filter((f) => f.stratum === 'c');
    expect(c).toHaveLength(4);
    expect(c.every((f) => f.pkg === 'new')).toBe(true);
    // Without the exclusion, the new package's files displace earlier picks.
    const unrestricted = sampleStrata([...files, ...added], draw);
    expect(unrestricted).not.toEqual(drawn);
  });
});
