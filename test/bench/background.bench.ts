import type { Page } from 'playwright-core';
import { createSandboxControl } from '../../sandbox/control';
import { startSandbox } from '../../sandbox/server';
import { DEMO_EXTENSION_DIR } from '../e2e/extension-dirs';
import { launchWithExtension } from '../e2e/launch';
import { callFromPage, stopServiceWorkers } from '../e2e/protocol';
import { type BenchRow, median } from './bench-types';

const RUNS = 20;
const LATENCY_MS = 100;

function fakeRows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: 5000 + i,
    side: 'affiliate',
    status: i % 3 ? 'active' : 'inactive',
    type: 'conversion',
    level: 'specific',
    deliveryMethod: 'postback',
    postbackUrl: `https://trk.example.com/postback?cid={sub1}&payout={payout_amount}&tx={transaction_id}&n=${i}`,
    htmlCode: '',
    delayMs: 0,
    offerId: 11 + (i % 40),
    offerName: `Offer ${i}`,
    eventId: 0,
  }));
}

async function timeCall(page: Page, type: string, data: unknown): Promise<number> {
  const t0 = performance.now();
  const r = await callFromPage<{ ok: boolean }>(page, type, data);
  if (!r.ok) throw new Error(`${type} failed: ${JSON.stringify(r)}`);
  return performance.now() - t0;
}

/** Page → background → cached list, against a plain message; and the empty-cache path at 100 ms API latency. */
export async function bench(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', rateLimit: { affiliatePerSecond: 1000 } });
  const control = createSandboxControl(sandbox.origin);
  const { context, worker, extensionId } = await launchWithExtension({ extensionDirs: [DEMO_EXTENSION_DIR] });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const saved = await callFromPage<{ ok: true; value: { id: string } }>(page, 'profiles.save', {
      name: 'Bench',
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains: [],
      apiKey: 'demo-affiliate-key',
    });
    const profileId = saved.value.id;
    const rows = fakeRows(50);
    await worker.evaluate(
      async ([key, value]) => {
        // biome-ignore lint/suspicious/noExplicitAny: runs inside the extension, where `chrome` exists.
        const c = (globalThis as any).chrome;
        await c.storage.local.set({ cache: { [key as string]: { value, fetchedAt: Date.now() } } });
      },
      [`pixels:${profileId}`, rows] as const,
    );

    const plain: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      plain.push(await timeCall(page, 'status', undefined));
      cached.push(await timeCall(page, 'pixels.list', { profileId }));
    }
    const cold: number[] = [];
    for (let i = 0; i < 10; i++) {
      await stopServiceWorkers(page);
      cold.push(await timeCall(page, 'pixels.list', { profileId }));
    }

    await control.inject({ kind: 'latency', ms: LATENCY_MS });
    const fresh: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A pause between refreshes, so each run measures one refresh, not the previous one's tail.
      await page.waitForTimeout(250);
      fresh.push(await timeCall(page, 'pixels.list', { profileId, refresh: true }));
    }
    await control.clearFaults();

    const p = median(plain);
    const c = median(cached);
    const f = median(fresh);
    return [
      {
        name: 'page → cached postback list (50 rows), median of 20',
        value: c,
        unit: 'ms',
        baseline: { name: "plain 'status' message", value: p },
        ratio: c / p,
      },
      { name: 'same, worker stopped before each call, median of 10', value: median(cold), unit: 'ms' },
      {
        name: `page → fresh list, empty cache, ${LATENCY_MS} ms API latency, median of 20`,
        value: f,
        unit: 'ms',
        baseline: { name: 'API latency', value: LATENCY_MS },
        ratio: f / LATENCY_MS,
      },
    ];
  } finally {
    await context.close();
    await sandbox.close();
  }
}
