import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { demoProfileInput, voluumTemplateInput } from '../e2e/demo-inputs';
import { type LocalServer, startLocalServer } from '../e2e/local-server';
import { AFFILIATE_KEY, type ServerPixel, serverPixel, serverPixels } from '../e2e/popup-helpers';
import { call, clickButton, type FirefoxWithExtension, launchFirefox, waitForText } from './firefox';

// The popup in real Firefox: a portal offer page in one tab, the popup UI opened as a tab for it (`?tabId=`),
// against the local Everflow sandbox. One Firefox and one set-up for the file; each test uses its own offer.

let firefox: FirefoxWithExtension;
let sandbox: Sandbox;
let portal: LocalServer;
let pixels: ServerPixel[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
  // A portal-like site on loopback (the demo build may read loopback tabs' URLs); its host is the profile's portal.
  portal = await startLocalServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Offer page</title><h1>Portal ${req.url}</h1>`);
  });
  firefox = await launchFirefox();
  const page = await firefox.openExtensionPage('options.html');
  const profile = await call<{ id: string }>(
    page,
    'profiles.save',
    demoProfileInput(sandbox.baseUrl, ['127.0.0.1']),
  );
  const template = await call<{ id: string }>(page, 'templates.save', voluumTemplateInput());
  await call(page, 'settings.update', { defaultTemplateIds: { [profile.id]: template.id } });
  await page.close();
  pixels = await serverPixels(sandbox.baseUrl);
});

afterAll(async () => {
  await firefox?.close();
  await portal?.close();
  await sandbox?.close();
});

/** Open the offer's portal page in a tab, then the popup UI for that tab (as the toolbar button would). */
async function openPopupForOffer(offerId: number): Promise<Page> {
  const tab = await firefox.browser.newPage();
  const url = `${portal.origin}/offers/${offerId}`;
  await tab.goto(url);
  const popup = await firefox.openExtensionPage('options.html', { width: 400, height: 600 });
  const tabId = await popup.evaluate(async (u: string) => {
    const ext = (
      globalThis as unknown as {
        browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      }
    ).browser;
    return (await ext.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  expect(tabId, `no tab at ${url}`).toBeTypeOf('number');
  await popup.close();
  return firefox.openExtensionPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
}

/** The switch of one postback, once it is there. */
const switchOf = (popup: Page, id: number) =>
  popup.waitForSelector(`[role="switch"][aria-label="Postback ${id}"]`);

describe('popup in Firefox', () => {
  it('detects the offer from its portal tab and lists its postbacks', async () => {
    const offerId = pixels.find((p) => p.pixel_level === 'specific')!.network_offer_id;
    const expected = pixels.filter((p) => p.pixel_level === 'global' || p.network_offer_id === offerId);
    const popup = await openPopupForOffer(offerId);
    await popup.waitForSelector(`.offer__name[data-offer-id="${offerId}"]`);
    for (const p of expected) await switchOf(popup, p.network_pixel_id);
    expect(await popup.$$eval('[role="switch"]', (s) => s.length)).toBe(expected.length);
    // The create panel (lazily loaded, the popup's first zod user) is in and working.
    await popup.waitForSelector('::-p-text(Create postback)');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await popup.screenshot({ path: 'docs/screenshots/firefox-popup.png' });
    }
    await popup.close();
  });

  it('one click toggles a postback; Everflow sees its status change and nothing else', async () => {
    const target = pixels.find((p) => p.pixel_level === 'specific' && p.pixel_status === 'active')!;
    const before = await serverPixel(sandbox.baseUrl, target.network_pixel_id);
    const popup = await openPopupForOffer(target.network_offer_id);
    const toggle = await switchOf(popup, target.network_pixel_id);
    expect(await toggle!.evaluate((e) => e.getAttribute('aria-checked'))).toBe('true');
    await toggle!.click();
    // Confirmed by the background: unchecked and enabled again.
    await popup.waitForFunction(
      (id: number) => {
        const s = document.querySelector<HTMLButtonElement>(`[role="switch"][aria-label="Postback ${id}"]`);
        return s?.getAttribute('aria-checked') === 'false' && !s.disabled;
      },
      { timeout: 30_000 },
      target.network_pixel_id,
    );
    const after = await serverPixel(sandbox.baseUrl, target.network_pixel_id);
    expect(after.pixel_status).toBe('inactive');
    const { pixel_status: _a, time_saved: _b, ...restBefore } = before;
    const { pixel_status: _c, time_saved: _d, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    await popup.close();
  });

  it('creates a postback from the default template, exactly once', async () => {
    const used = new Set(pixels.map((p) => p.network_offer_id));
    const offers = (await (
      await fetch(`${sandbox.baseUrl}/affiliates/offersrunnable?page_size=100`, { headers: AFFILIATE_KEY })
    ).json()) as { offers: { network_offer_id: number }[] };
    const offerId = offers.offers.map((o) => o.network_offer_id).find((id) => !used.has(id))!;
    const popup = await openPopupForOffer(offerId);
    await popup.waitForFunction(
      () => document.querySelector('.preview__url')?.textContent?.includes('txid='),
      { timeout: 30_000 },
    );
    await clickButton(popup, 'Create postback');
    await waitForText(popup, 'Created postback', '[role="status"]');
    const created = (await serverPixels(sandbox.baseUrl)).filter((p) => p.network_offer_id === offerId);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      pixel_level: 'specific',
      pixel_status: 'active',
      pixel_type: 'conversion',
      delivery_method: 'postback',
    });
    await switchOf(popup, created[0]!.network_pixel_id);
    await popup.close();
  });
});
