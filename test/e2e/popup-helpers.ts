import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEMO_AFFILIATE_KEY, demoProfileInput, voluumTemplateInput } from './demo-inputs';
import type { Handler, LocalServer } from './local-server';
import { callFromPage } from './protocol';
import { activeTabId, clickToolbarButton } from './toolbar';

export const PORTAL_HOST = 'portal.white-label.test';
/** Portal host names are served by a local server; Chrome maps them to loopback. */
export const PORTAL_RULES = [`MAP ${PORTAL_HOST} 127.0.0.1`, 'MAP *.everflowclient.io 127.0.0.1'];

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

/** Add the demo affiliate profile (sandbox host, the white-label portal domain) and a default S2S template. */
export async function setUpAffiliate(page: Page, sandboxBaseUrl: string, template = true) {
  const saved = await callFromPage<R<{ id: string }>>(
    page,
    'profiles.save',
    demoProfileInput(sandboxBaseUrl, [PORTAL_HOST]),
  );
  if (!saved.ok) throw new Error(saved.error.message);
  const profileId = saved.value.id;
  let templateId: string | undefined;
  if (template) {
    const t = await callFromPage<R<{ id: string }>>(page, 'templates.save', voluumTemplateInput());
    if (!t.ok) throw new Error(t.error.message);
    templateId = t.value.id;
    await callFromPage(page, 'settings.update', { defaultTemplateIds: { [profileId]: templateId } });
  }
  return { profileId, templateId };
}

/**
 * Open a portal offer page, click the toolbar button on it (granting activeTab, as a real click does), then
 * open the popup UI as a tab for that portal tab, so the test has the full Playwright API on it.
 */
export async function openPopupFor(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  portalUrl: string,
): Promise<{ portal: Page; popup: Page; tabId: number }> {
  const portal = await context.newPage();
  await portal.goto(portalUrl);
  await clickToolbarButton(context, extensionId, portal);
  const tabId = await activeTabId(worker);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return { portal, popup, tabId };
}

/** The demo affiliate's key header, for reading the sandbox directly (what Everflow holds). */
export const AFFILIATE_KEY = { 'X-Eflow-API-Key': DEMO_AFFILIATE_KEY };

/** A postback as the sandbox returns it. */
export type ServerPixel = Record<string, unknown> & {
  network_pixel_id: number;
  network_offer_id: number;
  pixel_level: string;
  pixel_status: string;
  delivery_method: string;
};

/** Every postback of the demo affiliate, read straight from the sandbox. */
export async function serverPixels(baseUrl: string): Promise<ServerPixel[]> {
  const body = (await (await fetch(`${baseUrl}/affiliates/pixels`, { headers: AFFILIATE_KEY })).json()) as {
    pixels: ServerPixel[];
  };
  return body.pixels;
}

/** One postback of the demo affiliate, read straight from the sandbox. */
export async function serverPixel(baseUrl: string, id: number): Promise<Record<string, unknown>> {
  return (await (
    await fetch(`${baseUrl}/affiliates/pixels/${id}`, { headers: AFFILIATE_KEY })
  ).json()) as Record<string, unknown>;
}

/** A portal-like site: any path is a small HTML page (reach it under PORTAL_HOST with `urlFor`). */
export function startPortal(serve: (h: Handler) => Promise<LocalServer>): Promise<LocalServer> {
  return serve((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Offer page</title><h1>Portal ${req.url}</h1>`);
  });
}

/** Set the demo affiliate up from an options page, which is then closed. */
export async function setUpFromOptions(
  context: BrowserContext,
  extensionId: string,
  baseUrl: string,
  template = true,
) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const ids = await setUpAffiliate(page, baseUrl, template);
  await page.close();
  return ids;
}

/** What a popup test starts from: the demo affiliate set up through the options page, and its portal site. */
export interface PortalSetUp {
  /** The demo affiliate's postbacks, as the sandbox holds them at the start. */
  pixels: ServerPixel[];
  /** The offer of the first specific postback: an offer with postbacks of its own. */
  offerId: number;
  /** Click the toolbar button on an offer's portal page and open the popup for that tab. */
  openOffer(offerId: number): Promise<{ portal: Page; popup: Page; tabId: number }>;
  /** A URL of the portal site (under PORTAL_HOST). */
  portalUrl(path: string): string;
}

/** Start the portal site, set up the demo affiliate (with its default template unless `template` is false). */
export async function setUpPortal(
  f: {
    context: BrowserContext;
    worker: Worker;
    extensionId: string;
    sandbox: { baseUrl: string };
    serve: (h: Handler) => Promise<LocalServer>;
  },
  template = true,
): Promise<PortalSetUp> {
  const portal = await startPortal(f.serve);
  await setUpFromOptions(f.context, f.extensionId, f.sandbox.baseUrl, template);
  const pixels = await serverPixels(f.sandbox.baseUrl);
  return {
    pixels,
    offerId: pixels.find((p) => p.pixel_level === 'specific')!.network_offer_id,
    openOffer: (offerId) =>
      openPopupFor(f.context, f.worker, f.extensionId, portal.urlFor(PORTAL_HOST, `/offers/${offerId}`)),
    portalUrl: (path) => portal.urlFor(PORTAL_HOST, path),
  };
}
