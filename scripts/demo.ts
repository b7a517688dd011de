// `npm run demo`: build the demo extension, start the local Everflow sandbox with demo data, open a portal offer
// page it serves, and open Chromium with the extension loaded. With a display: a window that stays until Ctrl-C,
// the offer page active (click the toolbar button). Without one (CI, servers): headless, screenshots of the
// popup on that offer and of the options page into demo-output/, exit 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import type { InExtension } from '../test/e2e/chrome-global';
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

const { context, extensionId, worker } = await launchWithExtension({
  extensionDirs: [DEMO_EXTENSION_DIR],
  headless,
});
await seedDemoProfiles(context, extensionId, sandbox.baseUrl);
console.log('Demo profiles ready: "Demo affiliate" and "Demo network".');

/** The demo affiliate's offer with the most offer-level postbacks: the richest popup to look at. */
async function showcaseOffer(): Promise<number> {
  const res = await fetch(`${sandbox.baseUrl}/affiliates/pixels`, {
    headers: { 'X-Eflow-API-Key': DEMO_KEYS.affiliate },
  });
  const { pixels } = (await res.json()) as { pixels: { network_offer_id: number; pixel_level: string }[] };
  const counts = new Map<number, number>();
  for (const p of pixels) {
    if (p.pixel_level === 'specific')
      counts.set(p.network_offer_id, (counts.get(p.network_offer_id) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!best) throw new Error('The demo sandbox has no offer-level postbacks.');
  return best[0];
}

/** The browser's id for a tab (the demo build may read loopback tabs, so it can find the portal tab by URL). */
async function tabIdOf(w: Worker, url: string): Promise<number> {
  const id = await w.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as InExtension).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab at ${url}`);
  return id;
}

const offerId = await showcaseOffer();
const portalUrl = `${sandbox.origin}/offers/${offerId}`;
console.log(`Portal offer page: ${portalUrl}`);

async function shutdown(code: number): Promise<never> {
  await context.close().catch(() => undefined);
  await sandbox.close();
  process.exit(code);
}

async function openPortal(): Promise<Page> {
  const portal = await context.newPage();
  await portal.goto(portalUrl);
  return portal;
}

if (headless) {
  mkdirSync('demo-output', { recursive: true });
  await openPortal();
  const tabId = await tabIdOf(worker, portalUrl);
  // What a click on the toolbar button on that tab shows: the popup for that tab.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator(`.offer__name[data-offer-id="${offerId}"]`).waitFor({ timeout: 15_000 });
  await popup.getByRole('switch').first().waitFor({ timeout: 15_000 });
  // The create panel has loaded and checked the template's URL.
  await popup.locator('.preview__url').waitFor({ timeout: 15_000 });
  await popup.getByRole('button', { name: 'Create postback' }).waitFor({ timeout: 15_000 });
  // The popup is a 400 × 600 window: capture what a user sees (rows below the fold paint when scrolled to).
  await popup.screenshot({ path: 'demo-output/popup.png' });
  const options = await context.newPage();
  await options.setViewportSize({ width: 1200, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('[data-state="ready"]').first().waitFor({ timeout: 15_000 });
  await options.screenshot({ path: 'demo-output/options.png', fullPage: true });
  console.log(`No display: wrote demo-output/popup.png (offer #${offerId}) and demo-output/options.png`);
  await shutdown(0);
} else {
  const options = context.pages()[0] ?? (await context.newPage());
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const portal = await openPortal();
  await portal.bringToFront();
  console.log(
    `Chromium is open with the extension loaded, on offer #${offerId}'s portal page: click the toolbar button ` +
      '(pin it from the puzzle-piece menu). Press Ctrl-C to stop.',
  );
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  context.on('close', () => void shutdown(0));
}
