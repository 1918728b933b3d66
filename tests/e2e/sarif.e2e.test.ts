// CI reports: `eslint --format @microsoft/eslint-formatter-sarif` (`npm run lint:sarif` in the
// example) writes SARIF for code-scanning dashboards. Our findings must appear with their rule
// ids, at the marked lines, and each rule with a help link to its documentation.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, context, finding, markedFindings, run } from './harness.js';

const { eslint10, base } = context();

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription?: { text: string } }> } };
    artifacts?: Array<{ location: { uri: string } }>;
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    }>;
  }>;
}

describe('SARIF output (@microsoft/eslint-formatter-sarif)', () => {
  it('lists each finding with its rule id and each rule with its documentation link', async () => {
    const output = join(base, 'eslint.sarif');
    const result = await run(bin(eslint10, 'eslint'), ['--format', '@microsoft/eslint-formatter-sarif', '--output-file', output, '.'], {
      cwd: eslint10,
    });
    expect(result.code, result.stderr).toBe(1);
    const sarif = JSON.parse(readFileSync(output, 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    if (!sarifRun) throw new Error('no run in the SARIF log');

    const reported = sarifRun.results
      .map((r) => {
        const location = r.locations[0]!.physicalLocation;
        return finding(relative(eslint10, fileURLToPath(location.artifactLocation.uri)), location.region.startLine, r.ruleId);
      })
      .sort();
    expect(reported).toEqual(markedFindings(eslint10, { typed: false }));
    for (const r of sarifRun.results) {
      expect(r.level).toBe('error');
      expect(r.message.text.length).toBeGreaterThan(0);
    }

    const script = `import('eslint-plugin-resilience').then(({ default: p }) => console.log(JSON.stringify(
      Object.fromEntries(Object.entries(p.rules).map(([name, rule]) => ['resilience/' + name, rule.meta.docs])))))`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: eslint10 });
    const docs = JSON.parse(stdout) as Record<string, { url: string; description: string }>;
    const ruleIds = [...new Set(reported.map((f) => f.split(' ')[1]!))];
    for (const id of ruleIds) {
      const rule = sarifRun.tool.driver.rules.find((r) => r.id === id);
      expect(rule, id).toBeDefined();
      expect(rule?.helpUri).toBe(docs[id]?.url);
      expect(rule?.shortDescription?.text).toBe(docs[id]?.description);
    }
  });
});
