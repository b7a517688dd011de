import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { MARK_INTERACTIVE } from '../../components/popup/perf-marks';

/**
 * A minimal extension whose toolbar popup is an empty page: the floor for opening any extension popup on this
 * machine. Its page sets the same "interactive" mark the real popup sets, at the same moment (after the first
 * frame, as Preact runs effects), so both are timed alike. The (blank) worker lets the bench find its id.
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
      action: { default_popup: 'blank.html' },
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '');
  writeFileSync(
    join(dir, 'blank.html'),
    '<!doctype html><html><body><p id="ready">ready</p><script src="blank.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'blank.js'),
    `requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(MARK_INTERACTIVE)})));`,
  );
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

/** One toolbar-button click, timed. */
export interface PopupTiming {
  /** Click → the page's "interactive" mark, wall clock: what the user waits. */
  clickToInteractive: number;
  /** The page's own share: its navigation start → the mark. */
  pageToInteractive: number;
  /** Every performance mark the page set, by name (ms since its navigation start). */
  marks: Record<string, number>;
  /** The value of the `measure` expression, read in the page once it was interactive. */
  measured?: unknown;
  /** With `heap`: the page's JS heap in use once interactive, after a garbage collection (bytes). */
  heapBytes?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longest wait for one in-popup evaluation (one that reached a document being replaced never answers). */
const EVALUATE_TIMEOUT_MS = 500;
const POLL_MS = 20;

/**
 * Clicks an extension's toolbar button (CDP `Extensions.triggerAction`, as the e2e tests do) on one ordinary
 * tab and times the real popup. Playwright does not attach to popup targets, so the popup is read through a
 * plain CDP session; nothing is injected into it, and the only thing read is its own performance marks, after
 * the fact. (Timing popup.html opened as a Playwright tab instead measured mostly Playwright: its per-page
 * setup added ~70 ms to every open and ran on the page's main thread.)
 */
export async function createPopupTimer(context: BrowserContext) {
  // A tab of our own, found by its unique URL and in front: a popup opened for a background tab is never
  // shown, and a page that is not shown never gets a frame (so it never marks itself interactive).
  const tabUrl = 'about:blank#popup-bench';
  const tab = await context.newPage();
  await tab.goto(tabUrl);
  await tab.bringToFront();
  const cdp: CDPSession = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tabTarget = targetInfos.find((t) => t.url === tabUrl);
  if (!tabTarget) throw new Error('no tab to click the toolbar button on');

  // Replies of Runtime.evaluate inside a non-flat session: `result.result.value`, or an `error`.
  type Reply = { id?: number; result?: { result?: { value?: unknown }; usedSize?: number } };
  let nextId = 0;
  const replies = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as Reply;
    if (msg.id !== undefined) replies.get(msg.id)?.(msg);
  });
  /** Evaluate in an attached (non-flat) session and return the value. */
  async function evaluate<T>(sessionId: string, expression: string): Promise<T | undefined> {
    const id = ++nextId;
    const reply = new Promise<Reply>((r) => replies.set(id, r));
    const params = { expression, returnByValue: true };
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params }),
    });
    // No reply in time (the call landed on a document that went away): the caller retries.
    const r = await Promise.race([reply, sleep(EVALUATE_TIMEOUT_MS).then((): Reply => ({}))]);
    replies.delete(id);
    return r.result?.result?.value as T | undefined;
  }

  /** The page's JS heap in use after a full garbage collection (CDP), in bytes. */
  async function heapAfterGc(sessionId: string): Promise<number | undefined> {
    const send = async (method: string) => {
      const id = ++nextId;
      const reply = new Promise<Reply>((r) => replies.set(id, r));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      const r = await Promise.race([reply, sleep(5_000).then((): Reply => ({}))]);
      replies.delete(id);
      return r;
    };
    await send('HeapProfiler.collectGarbage');
    return (await send('Runtime.getHeapUsage')).result?.usedSize;
  }

  return {
    /**
     * Click `extensionId`'s button (its popup is `popupPath`), wait for the popup's interactive mark, check the
     * page with `expectation` (a JS expression that must be true then, e.g. "50 switches"), close the popup,
     * and return the timing.
     */
    async open(
      extensionId: string,
      popupPath: string,
      expectation: string,
      measure = 'null',
      heap = false,
    ): Promise<PopupTiming> {
      const url = `chrome-extension://${extensionId}/${popupPath}`;
      // Only a page that was not there before the click is the popup (an options tab has the same origin).
      const before = new Set((await cdp.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
      const t0 = Date.now();
      await cdp.send(
        'Extensions.triggerAction' as never,
        { id: extensionId, targetId: tabTarget.targetId } as never,
      );
      let targetId: string | undefined;
      for (let i = 0; i < 1000 && !targetId; i++) {
        const { targetInfos: all } = await cdp.send('Target.getTargets');
        targetId = all.find((t) => t.type === 'page' && t.url === url && !before.has(t.targetId))?.targetId;
        if (!targetId) await sleep(5);
      }
      if (!targetId) throw new Error(`the popup of ${extensionId} did not open`);
      const attach = async () =>
        (await cdp.send('Target.attachToTarget', { targetId, flatten: false })).sessionId;
      let sessionId = await attach();
      try {
        // Poll the page's mark list (each poll is one tiny task). The time comes from the mark itself, so the
        // polling interval does not change the figure; a poll that lands on the popup's initial empty document
        // (replaced by the navigation) just gets no answer.
        const expression = `(() => {
          const mark = performance.getEntriesByName(${JSON.stringify(MARK_INTERACTIVE)})[0];
          return mark ? {
            at: mark.startTime,
            origin: performance.timeOrigin,
            marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
            ok: Boolean(${expectation}),
            measured: ${measure},
          } : null;
        })()`;
        type Marks = {
          at: number;
          origin: number;
          marks: Record<string, number>;
          ok: boolean;
          measured: unknown;
        };
        let r: Marks | undefined;
        const deadline = Date.now() + 15_000;
        while (!r && Date.now() < deadline) {
          const answer = await evaluate<Marks | null>(sessionId, expression);
          if (answer === undefined) {
            // No answer at all: attached before the popup's navigation committed, and that session went with
            // the initial document. Attach again.
            sessionId = await attach();
            continue;
          }
          if (answer) r = answer;
          else await sleep(POLL_MS);
        }
        if (!r) throw new Error(`the popup of ${extensionId} never set ${MARK_INTERACTIVE}`);
        if (!r.ok) throw new Error(`the popup of ${extensionId} was not as expected: ${expectation}`);
        const heapBytes = heap ? await heapAfterGc(sessionId) : undefined;
        return {
          ...(heapBytes === undefined ? {} : { heapBytes }),
          clickToInteractive: r.origin + r.at - t0,
          pageToInteractive: r.at,
          marks: r.marks,
          measured: r.measured,
        };
      } finally {
        await cdp.send('Target.closeTarget', { targetId });
        // Let the closed popup's teardown finish before the next click.
        await sleep(150);
      }
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await tab.close().catch(() => undefined);
    },
  };
}

/**
 * Open `url` as a Playwright tab and time `goto` → `selector` visible, `runs` times (ms each). Kept for comparison
 * with earlier figures: Playwright's own per-page work is most of what this measures.
 */
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
