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
  const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`, { width: 400, height: 600 });
  // Click only once the popup has its list (a click on a row that is being replaced would be lost).
  await popup.waitForSelector('main.popup[data-state="ready"]', { timeout: 30_000 });
  return popup;
}

/** Create a specific postback on OFFER_ID whose URL points at the stand-in tracker; returns its id. */
async function createPostback(postbackUrl: string): Promise<number> {
  const page = await firefox.openExtensionPage('options.html');
  const created = await call<{ pixel: { id: number } }>(page, 'pixels.create', {
    profileId,
    allowDuplicate: true,
    draft: {
      deliveryMethod: 'postback',
      type: 'conversion',
      level: 'specific',
      status: 'active',
      offerId: OFFER_ID,
      postbackUrl,
    },
  });
  await page.close();
  return created.pixel.id;
}

describe('test-fire in Firefox', () => {
  it('sends one test from a popup row to the stand-in tracker and shows the verdict', async () => {
    const id = await createPostback(`${sandbox.trackerOrigin}/ok/pb?cid={sub1}`);
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

  it('shows a web page answer as text, never rendered, after exactly one request', async () => {
    const id = await createPostback(`${sandbox.trackerOrigin}/html/pb?cid={sub1}`);
    await control.clearTrackerRequests();
    const popup = await openPopupForOffer(OFFER_ID);
    const title = await popup.title();
    await clickButton(popup, `Test postback ${id}`);
    await clickButton(popup, 'Send the test');
    await clickButton(popup, 'Send anyway');
    const result = await popup.waitForSelector('section.test-fire__result[data-verdict]', {
      timeout: 30_000,
    });
    expect(await result!.evaluate((e) => e.getAttribute('data-verdict'))).toBe('unclear');
    await waitForText(popup, '200 with a web page', 'section.test-fire__result');
    // The page came back as text: its tags are characters in a <pre>, not elements.
    await waitForText(popup, '<script', '[data-testid="test-fire-body"]');
    expect(await result!.evaluate((e) => e.querySelectorAll('script, img, iframe').length)).toBe(0);
    // The stand-in's page sets document.title = "rendered" from a <script> and an onerror if it is ever rendered.
    expect(await popup.title()).toBe(title);
    expect((await control.trackerRequests()).map((e) => e.path)).toEqual(['/html/pb']);
    await popup.close();
  });
});
