import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { demoProfileInput } from '../e2e/demo-inputs';
import { serverPixels } from '../e2e/popup-helpers';
import { call, clickButton, type FirefoxWithExtension, launchFirefox, waitForText } from './firefox';

// The health watch in real Firefox (mirrors test/e2e/health.spec.ts): the options page's "Check now" flags a
// postback switched off on the server, and "Switch back on" clears it, against the local Everflow sandbox.

let firefox: FirefoxWithExtension;
let sandbox: Sandbox;
let control: SandboxControl;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
  control = createSandboxControl(sandbox.origin);
  firefox = await launchFirefox();
  const page = await firefox.openExtensionPage('options.html');
  await call(page, 'profiles.save', demoProfileInput(sandbox.baseUrl, ['127.0.0.1']));
  await page.close();
});

afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
});

/** The toolbar badge text, read through the extension's own API from one of its pages. */
const badge = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }
    ).browser.action.getBadgeText({}),
  );

/** Wait until the badge reads `text` (the background sets it after the check settles). */
async function waitForBadge(page: Page, text: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = await badge(page);
  while (last !== text && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await badge(page);
  }
  expect(last).toBe(text);
}

describe('health watch in Firefox', () => {
  it('flags a postback switched off outside the extension after "Check now"; "Switch back on" clears it', async () => {
    const options = await firefox.openExtensionPage('options.html#health');
    await clickButton(options, 'Check now');
    await waitForText(options, 'Last checked');
    await waitForText(options, 'No postback was switched off outside the extension.');

    const target = (await serverPixels(sandbox.baseUrl)).find(
      (p) => p.pixel_status === 'active' && p.pixel_level === 'specific',
    )!;
    // As Everflow does after failed deliveries: straight on the server, not through the extension.
    await control.setPixelStatus(target.network_pixel_id, 'inactive');
    await clickButton(options, 'Check now');
    const item = `.attention__item[data-pixel-id="${target.network_pixel_id}"]`;
    await waitForText(options, 'possibly by Everflow after failed deliveries', item);
    await waitForText(options, `#${target.network_offer_id}`, item);
    await waitForText(options, 'Switched off outside the extension (1)', 'h1, h2, h3, h4');
    await waitForBadge(options, '1');
    // The popup shows it on top too.
    const popup = await firefox.openExtensionPage('popup.html', { width: 400, height: 600 });
    await waitForText(popup, 'Needs attention (1)', 'h1, h2, h3, h4');
    await popup.close();

    await clickButton(options, `Switch back on: postback ${target.network_pixel_id}`);
    await options.waitForFunction((s: string) => !document.querySelector(s), { timeout: 30_000 }, item);
    await waitForBadge(options, '');
    expect((await control.pixel(target.network_pixel_id)).pixel_status).toBe('active');
    await options.close();
  });

  it('does not flag a toggle made through the extension', async () => {
    const options = await firefox.openExtensionPage('options.html#health');
    await clickButton(options, 'Check now');
    await waitForText(options, 'Last checked');
    const target = (await serverPixels(sandbox.baseUrl)).find((p) => p.pixel_status === 'active')!;

    const popup = await firefox.openExtensionPage('popup.html', { width: 400, height: 600 });
    const toggle = await popup.waitForSelector(
      `[role="switch"][aria-label="Postback ${target.network_pixel_id}"]`,
      { timeout: 30_000 },
    );
    await toggle!.click();
    await popup.waitForFunction(
      (id: number) => {
        const s = document.querySelector<HTMLButtonElement>(`[role="switch"][aria-label="Postback ${id}"]`);
        return s?.getAttribute('aria-checked') === 'false' && !s.disabled;
      },
      { timeout: 30_000 },
      target.network_pixel_id,
    );
    expect((await control.pixel(target.network_pixel_id)).pixel_status).toBe('inactive');
    await popup.close();

    // Wait for this second check to finish (the list's check time moves on): the "nothing flagged" text was
    // already there from the first check, so reading it earlier would prove nothing.
    const before = await options.$eval('section.attention', (e) => e.getAttribute('data-last-check'));
    await clickButton(options, 'Check now');
    await options.waitForFunction(
      (b: string | null) => {
        const a = document.querySelector('section.attention');
        return a && a.getAttribute('data-last-check') !== b;
      },
      { timeout: 30_000 },
      before,
    );
    // The check is over once its button is enabled again.
    await options.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent?.trim() === 'Check now' && !b.disabled,
        ),
      { timeout: 30_000 },
    );
    await options.waitForFunction(
      () => document.querySelector('section.attention')?.getAttribute('data-flagged') === '0',
      { timeout: 30_000 },
    );
    await waitForText(options, 'No postback was switched off outside the extension.');
    await waitForBadge(options, '');
    await options.close();
  });
});
