import type { Page } from '@playwright/test';
import type { InExtension } from './chrome-global';

/**
 * Send one protocol message from an extension page, exactly as the pages' `call()` does (the wire format of
 * @webext-core/messaging: `{ id, type, data, timestamp }` in, `{ res }` or `{ err }` out). Returns `res`.
 */
export async function callFromPage<T = unknown>(page: Page, type: string, data?: unknown): Promise<T> {
  return page.evaluate(
    async ([t, d]) => {
      const chrome = (globalThis as unknown as InExtension).chrome;
      const reply = (await chrome.runtime.sendMessage({
        id: Date.now(),
        type: t,
        data: d,
        timestamp: Date.now(),
      })) as {
        res?: unknown;
        err?: unknown;
      };
      if (reply?.err) throw new Error(`handler threw: ${JSON.stringify(reply.err)}`);
      return reply?.res;
    },
    [type, data] as const,
  ) as Promise<T>;
}

/** Stop the extension's service worker (as Chrome does after ~30 s idle). The next message starts it again. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
