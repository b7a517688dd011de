// The arithmetic of `npm test`'s closing line, pure so a unit test pins it: unit, Chromium and Firefox tests are
// counted together; a skipped test, a failed step that is not a test, or a test step that failed without a failed
// test in its report (a broken set-up hook, a crash) all fail the run.

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  /** Set on test steps only. */
  passed?: number;
  failed?: number;
  skipped?: number;
}

/** What vitest's JSON reporter writes (the fields we read). */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

/** Fill a vitest step's counts from its JSON report (no report: one failure). */
export function countVitest(step: StepResult, report: VitestReport | undefined): void {
  step.passed = report?.numPassedTests ?? 0;
  step.failed = report ? report.numFailedTests : 1;
  step.skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
}

export interface Summary {
  ok: boolean;
  /** The closing line: "N passed, N failed" (", N skipped" when any). */
  line: string;
}

/** Sum the test steps and judge the whole run. */
export function summarize(results: readonly StepResult[]): Summary {
  const tests = results.filter((r) => r.passed !== undefined);
  for (const r of tests) if (!r.ok && !r.failed) r.failed = 1;
  const passed = tests.reduce((n, r) => n + (r.passed ?? 0), 0);
  const skipped = tests.reduce((n, r) => n + (r.skipped ?? 0), 0);
  const failedSteps = results.filter((r) => !r.ok && r.passed === undefined).length;
  const failed = tests.reduce((n, r) => n + (r.failed ?? 0), 0) + failedSteps;
  // A skipped test is not a pass: it fails the run.
  const ok = failed === 0 && skipped === 0 && results.every((r) => r.ok);
  return { ok, line: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` };
}
