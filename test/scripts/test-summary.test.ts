// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countVitest, type StepResult, summarize } from '../../scripts/test-summary';

const step = (name: string, over: Partial<StepResult> = {}): StepResult => ({
  name,
  ok: true,
  seconds: 1,
  ...over,
});
const green = () => [
  step('typecheck'),
  step('unit', { passed: 500, failed: 0, skipped: 0 }),
  step('e2e (Chromium)', { passed: 60, failed: 0, skipped: 0 }),
  step('e2e (Firefox)', { passed: 5, failed: 0, skipped: 0 }),
];

describe("npm test's closing line", () => {
  it('counts unit, Chromium and Firefox tests together', () => {
    expect(summarize(green())).toEqual({ ok: true, line: '565 passed, 0 failed' });
  });

  it('a skipped Firefox test fails the run', () => {
    const results = green();
    results[3] = step('e2e (Firefox)', { passed: 4, failed: 0, skipped: 1 });
    expect(summarize(results)).toEqual({ ok: false, line: '564 passed, 0 failed, 1 skipped' });
  });

  it('a Firefox step that failed with no failed test (its browser never started) counts one failure', () => {
    const results = green();
    results[3] = step('e2e (Firefox)', { ok: false });
    countVitest(results[3], undefined);
    expect(summarize(results)).toEqual({ ok: false, line: '560 passed, 1 failed' });
    const crashed = green();
    crashed[3] = step('e2e (Firefox)', { ok: false, passed: 0, failed: 0, skipped: 0 });
    expect(summarize(crashed).line).toBe('560 passed, 1 failed');
  });

  it('a failed step that is not a test (lint) counts as one failure', () => {
    const results = [...green(), step('web-ext lint', { ok: false })];
    expect(summarize(results)).toEqual({ ok: false, line: '565 passed, 1 failed' });
  });

  it("reads vitest's JSON report, pending and todo tests as skipped", () => {
    const s = step('e2e (Firefox)');
    countVitest(s, { numPassedTests: 4, numFailedTests: 1, numPendingTests: 1, numTodoTests: 1 });
    expect(s).toMatchObject({ passed: 4, failed: 1, skipped: 2 });
  });
});
