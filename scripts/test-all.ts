// npm test: every check the project has, in order, ending with one line "N passed, N failed".
//   typecheck (1 check) -> unit tests incl. the accuracy gates on ../shared (vitest) -> build (1 check)
//   -> real-browser end-to-end tests in Chromium (vitest, e2e config).
// A step that cannot start counts as one failure; the later steps still run where they can.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'stancemark-test-'));

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args);
  if (ok) totals.passed++;
  else totals.failed++;
  console.log(`=== ${title}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

/** Runs a vitest suite and adds its per-test counts (read from vitest's JSON report). */
function vitest(title: string, config: string | null): void {
  const report = join(scratch, `${title.replace(/\W+/g, '-')}.json`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (config) args.push('--config', config);
  const ok = run(title, 'npx', args);
  if (!existsSync(report)) {
    totals.failed++;
    console.log(`=== ${title}: vitest wrote no report`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A test file that fails to load has no assertion results: count it as a failure.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + brokenFiles;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  if (!ok && r.numFailedTests + brokenFiles === 0) totals.failed++;
  console.log(`=== ${title}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed, ${r.numPendingTests} skipped`);
}

if (!existsSync('../shared/data')) console.log('note: ../shared/data is absent: the accuracy gates skip.');
check('typecheck', 'npx', ['tsc', '--noEmit']);
vitest('unit', null);
if (check('build', 'npx', ['wxt', 'build'])) vitest('e2e', 'vitest.e2e.config.ts');
else totals.failed++;

rmSync(scratch, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
