// Real Firefox (Debian's firefox-esr) with the Firefox build of the extension, driven by puppeteer-core over
// WebDriver BiDi. Playwright cannot load a Firefox add-on; this can (see docs in the README, "Firefox tests").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/manifest';
import { findFirefox } from './find-firefox';

/** The demo Firefox build: the release build plus loopback host permissions, so it can reach the local sandbox. */
export const FIREFOX_DEMO_DIR = fileURLToPath(new URL('../../.output/demo/firefox-mv3', import.meta.url));

/** Pinned internal UUID of the add-on, so tests know its pages' origin (Firefox picks a random one otherwise). */
export const ADDON_UUID = '8d0c5f4e-3a51-4b8e-9f3e-0c0ffee0b0a7';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  /** Where Firefox saves downloads (the templates export), without asking. */
  downloadDir: string;
  /** Open `options.html#…` or `popup.html?…` of the extension in a new tab, loaded and ready. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launch headless Firefox with the demo Firefox build installed as a temporary add-on. One per spec file:
 * Firefox starts in seconds, and a second launch per test would double the suite's time on a 2-core machine.
 */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const downloadDir = mkdtempSync(join(tmpdir(), 'pbc-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Lets the automation session open moz-extension:// pages (refused "in this context" otherwise).
    args: ['--remote-allow-system-access'],
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      // permissions.request() is granted without the doorhanger a headless browser cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_DEMO_DIR);
  } catch (e) {
    await browser.close();
    throw new Error(`Could not install ${FIREFOX_DEMO_DIR} (run "npm run build:firefox:demo"?): ${e}`);
  }
  return {
    browser,
    downloadDir,
    openExtensionPage: async (path, viewport = { width: 1100, height: 900 }) => {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await navigateToExtensionPage(page, `${EXTENSION_ORIGIN}/${path}`);
      return page;
    },
    close: async () => {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The BiDi browsing context behind a puppeteer page (internal API: puppeteer-core is pinned for it). */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

/**
 * Navigate a tab to an extension page. Firefox hides extension pages from automation on purpose:
 * `page.goto(moz-extension://…)` never resolves. A BiDi navigate that does not wait, then waiting in the page for
 * its origin and a loaded document, works.
 */
export async function navigateToExtensionPage(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(url, 'none');
  await page.waitForFunction(
    (origin: string) => location.origin === origin && document.readyState === 'complete',
    { timeout: 30_000 },
    // Not `new URL(url).origin`: Node says "null" for a moz-extension: URL, Firefox says scheme://uuid.
    url.split('/').slice(0, 3).join('/'),
  );
}

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

/**
 * Send one protocol message from an extension page to the background event page, exactly as the pages' `call()`
 * does (@webext-core/messaging's wire format). Returns the handler's Result, and throws on an error Result.
 */
export async function call<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await page.evaluate(
    async (t: string, d: unknown) => {
      const ext = (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser;
      return ext.runtime.sendMessage({ id: Date.now(), type: t, data: d, timestamp: Date.now() });
    },
    type,
    data ?? null,
  )) as { res?: R<T>; err?: unknown };
  if (reply?.err) throw new Error(`${type} threw: ${JSON.stringify(reply.err)}`);
  const r = reply.res!;
  if (!r.ok) throw new Error(`${type}: ${r.error.message}`);
  return r.value;
}

/** Wait until the page's visible text (or that of `selector`) contains `text`. */
export async function waitForText(page: Page, text: string, selector = 'body'): Promise<void> {
  await page.waitForFunction(
    (s: string, t: string) =>
      [...document.querySelectorAll<HTMLElement>(s)].some((e) => e.textContent?.includes(t)),
    { timeout: 30_000 },
    selector,
    text,
  );
}

/** The form control a visible label names (ARIA queries in Firefox can match the label itself). */
export async function byLabel(page: Page, label: string) {
  const handle = await page.waitForFunction(
    (l: string) =>
      [...document.querySelectorAll('label')].find((e) => e.textContent?.trim().startsWith(l))?.control ??
      document.querySelector(`[aria-label="${l}"]`),
    { timeout: 30_000 },
    label,
  );
  return handle.asElement() as NonNullable<Awaited<ReturnType<Page['$']>>>;
}

/** Click the button whose accessible text (text or aria-label) is exactly `name`. */
export async function clickButton(page: Page, name: string): Promise<void> {
  const handle = await page.waitForFunction(
    (n: string) =>
      [...document.querySelectorAll('button')].find(
        (b) => !b.disabled && (b.getAttribute('aria-label') === n || b.textContent?.trim() === n),
      ),
    { timeout: 30_000 },
    name,
  );
  await (handle.asElement() as NonNullable<Awaited<ReturnType<Page['$']>>>).click();
}

/** Replace a text field's value as a user would (select all, delete, type). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await byLabel(page, label);
  await field.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await field.type(value);
}
