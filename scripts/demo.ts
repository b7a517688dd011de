// `npm run demo`: build the demo extension, start the local Everflow sandbox with demo data, and open Chromium
// with the extension loaded. With a display: a window that stays until Ctrl-C. Without one (CI, servers):
// headless, screenshots into demo-output/, exit 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DEMO_EXTENSION_DIR } from '../test/e2e/extension-dirs';
import { launchWithExtension } from '../test/e2e/launch';
import { seedDemoProfiles } from './demo-profiles';
import { ensureBrowsers } from './ensure-browsers';

const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

// A fresh machine has no browser yet: install Debian's Chromium (saying so) or say how to.
try {
  ensureBrowsers(['chromium']);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, DEMO_BUILD: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const { startSandbox, DEMO_KEYS } = await import('../sandbox/server');
const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0), seed: 'demo' });
console.log(`Everflow sandbox: ${sandbox.baseUrl}`);
console.log(`  affiliate key: ${DEMO_KEYS.affiliate}\n  network key:   ${DEMO_KEYS.network}`);

const { context, extensionId } = await launchWithExtension({ extensionDirs: [DEMO_EXTENSION_DIR], headless });
await seedDemoProfiles(context, extensionId, sandbox.baseUrl);
console.log('Demo profiles ready: "Demo affiliate" and "Demo network".');

async function shutdown(code: number): Promise<never> {
  await context.close().catch(() => undefined);
  await sandbox.close();
  process.exit(code);
}

if (headless) {
  mkdirSync('demo-output', { recursive: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('[data-state="ready"]').first().waitFor({ timeout: 15_000 });
  // The popup is a 400 × 600 window: capture what a user sees (rows below the fold paint when scrolled to).
  await popup.screenshot({ path: 'demo-output/popup.png' });
  const options = await context.newPage();
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('[data-state="ready"]').first().waitFor({ timeout: 15_000 });
  await options.screenshot({ path: 'demo-output/options.png', fullPage: true });
  console.log('No display: wrote demo-output/popup.png and demo-output/options.png');
  await shutdown(0);
} else {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  console.log('Chromium is open with the extension loaded. Press Ctrl-C to stop.');
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  context.on('close', () => void shutdown(0));
}
