import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    // Unit tests only: the browser tests in test/e2e/ belong to Playwright.
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup/i18n.ts'],
    mockReset: true,
    restoreMocks: true,
  },
});
