import { defineConfig } from '@playwright/test';

// Browser tests only (test/e2e/*.spec.ts); vitest owns test/**/*.test.ts.
export default defineConfig({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  // Generous: the machine has two cores, and a loaded one must not turn a slow paint into a failure.
  expect: { timeout: 15_000 },
  // One Chromium at a time: the machine has two cores and each test owns a browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
