// Sums vitest JSON reports into the one line test.sh ends with:  tests: N passed, N failed
//
//   node scripts/test-summary.mjs <label>=<report.json> ...
//
// A report that is missing or unreadable, that ran no tests, or that has a test file which failed
// to load counts as failed, so a broken run can never look green. Exit code 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const problems = [];

for (const arg of process.argv.slice(2)) {
  const [label, file] = arg.split('=');
  if (!file || !existsSync(file)) {
    problems.push(`${label}: no report (vitest did not finish)`);
    failed += 1;
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${label}: unreadable report ${file}: ${error.message}`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) {
    problems.push(`${label}: ran 0 tests`);
    failed += 1;
  }
  const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
  if (skipped > 0) problems.push(`${label}: ${skipped} skipped or todo test(s)`);
  // A test file that throws while loading has no failed tests of its own: count it once.
  for (const file of report.testResults ?? []) {
    const hasFailedTest = file.assertionResults?.some((test) => test.status === 'failed');
    if (file.status === 'failed' && !hasFailedTest) {
      const why = (file.message ?? '').split('\n')[0] || 'an error outside any test, see the vitest output above';
      problems.push(`${label}: ${file.name} failed: ${why}`);
      failed += 1;
    }
  }
  console.error(`[summary] ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numTotalTests} total`);
}

for (const problem of problems) console.error(`[summary] ${problem}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
