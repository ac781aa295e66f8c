// After `vitest run`: with ISA_REQUIRE_SERVICES=1 (CI), any skipped test fails the run, so a suite
// that needs Postgres or Redis cannot pass by skipping itself. Prints the plain closing line CI reads.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../../.tmp/vitest-report.json', import.meta.url), 'utf8'));
const skipped = [];
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') skipped.push(`${file.name}: ${test.fullName}`);
  }
}
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped.length} skipped`);
if (skipped.length > 0 && process.env.ISA_REQUIRE_SERVICES === '1') {
  console.error(`tests were skipped but ISA_REQUIRE_SERVICES=1 requires every suite to run:\n  ${skipped.join('\n  ')}`);
  process.exit(1);
}
