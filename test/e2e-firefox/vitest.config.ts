import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Firefox browser tests (`npm run e2e:firefox`): real Firefox ESR with the Firefox build, through
// puppeteer-core over WebDriver BiDi. One file at a time (each launches one Firefox), generous timeouts for a
// loaded 2-core machine, and nothing retried: a flake is a failure to fix.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e-firefox/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
