import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/**
 * A minimal extension with one empty page: the floor for opening any extension page on this machine.
 * It has a (blank) service worker only so its id can be read from the worker URL.
 */
export function writeBlankExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbc-blank-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Bench blank page',
      version: '1.0',
      background: { service_worker: 'sw.js' },
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '');
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html><body><p id="ready">ready</p></body></html>');
  return dir;
}

/** The id of the loaded extension whose manifest has this name. */
export async function extensionIdByName(context: BrowserContext, name: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const w of context.serviceWorkers()) {
      if (!w.url().startsWith('chrome-extension://')) continue;
      // biome-ignore lint/suspicious/noExplicitAny: runs inside the extension, where `chrome` exists.
      const n = await w.evaluate(() => (globalThis as any).chrome.runtime.getManifest().name).catch(() => '');
      if (n === name) return new URL(w.url()).host;
    }
    await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => undefined);
  }
  throw new Error(`extension "${name}" did not start`);
}

/** Open `url` in a new tab and time navigation start → `selector` visible, `runs` times; returns each time in ms. */
export async function timeOpen(
  context: BrowserContext,
  url: string,
  selector: string,
  runs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url);
    await page
      .locator(selector)
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 })
      .catch(async (e: Error) => {
        throw new Error(
          `${url} never showed ${selector}. Page: ${(await page.locator('main').innerHTML()).slice(0, 1500)}\n${e.message}`,
        );
      });
    times.push(performance.now() - t0);
    await page.close();
  }
  return times;
}
