import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { demoProfileInput } from '../e2e/demo-inputs';
import { type LocalServer, startLocalServer } from '../e2e/local-server';
import { call, clickButton, type FirefoxWithExtension, launchFirefox, waitForText } from './firefox';

// Test-fire from a popup row in real Firefox (mirrors the first case of test/e2e/test-fire.spec.ts): the send goes
// to the sandbox's plain-http stand-in tracker on 127.0.0.1 (the demo build's loopback host permission covers it;
// permissions.request() is granted without a prompt by the launcher's prefs), after the one "Send anyway".

let firefox: FirefoxWithExtension;
let sandbox: Sandbox;
let control: SandboxControl;
let portal: LocalServer;
let profileId: string;

const OFFER_ID = 11;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', trackerPort: 0 });
  control = createSandboxControl(sandbox.origin);
  portal = await startLocalServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Offer page</title><h1>Portal ${req.url}</h1>`);
  });
  firefox = await launchFirefox();
  const page = await firefox.openExtensionPage('options.html');
  ({ id: profileId } = await call<{ id: string }>(
    page,
    'profiles.save',
    demoProfileInput(sandbox.baseUrl, ['127.0.0.1']),
  ));
  await page.close();
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
  const helper = await firefox.openExtensionPage('options.html');
  const tabId = await helper.evaluate(async (u: string) => {
    const ext = (
      globalThis as unknown as {
        browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      }
    ).browser;
    return (await ext.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  expect(tabId, `no tab at ${url}`).toBeTypeOf('number');
  await helper.close();
  return firefox.openExtensionPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
}

describe('test-fire in Firefox', () => {
  it('sends one test from a popup row to the stand-in tracker and shows the verdict', async () => {
    const setup = await firefox.openExtensionPage('options.html');
    const created = await call<{ pixel: { id: number } }>(setup, 'pixels.create', {
      profileId,
      allowDuplicate: true,
      draft: {
        deliveryMethod: 'postback',
        type: 'conversion',
        level: 'specific',
        status: 'active',
        offerId: OFFER_ID,
        postbackUrl: `${sandbox.trackerOrigin}/ok/pb?cid={sub1}`,
      },
    });
    await setup.close();
    const id = created.pixel.id;
    await control.clearTrackerRequests();

    const popup = await openPopupForOffer(OFFER_ID);
    await clickButton(popup, `Test postback ${id}`);
    await clickButton(popup, 'Send the test');
    // Plain http:// to a local address needs its confirmation; then it is sent, once.
    await waitForText(popup, 'plain http://', '[role="alert"]');
    expect(await control.trackerRequests()).toEqual([]);
    await clickButton(popup, 'Send anyway');
    const result = await popup.waitForSelector('section.test-fire__result[data-verdict]', {
      timeout: 30_000,
    });
    expect(await result!.evaluate((e) => e.getAttribute('data-verdict'))).toBe('accepted');
    await waitForText(popup, 'answered 200 with an empty body: accepted', 'section.test-fire__result');
    const hits = await control.trackerRequests();
    expect(hits.map((e) => e.path)).toEqual(['/ok/pb']);
    // No key reached the tracker.
    expect(JSON.stringify(hits)).not.toContain('demo-affiliate-key');
    for (const e of hits) expect(Object.keys(e.headers)).not.toContain('x-eflow-api-key');
    await popup.close();
  });
});
