// One health-watch sweep of 50 profiles × ~200 postbacks, run by the extension's worker in Chromium against the
// sandbox at Everflow's default rate limits: how many API requests, how long, and whether any was refused (429).
import { createSandboxControl } from '../../sandbox/control';
import { startSandbox } from '../../sandbox/server';
import { DEMO_EXTENSION_DIR } from '../e2e/extension-dirs';
import { launchWithExtension } from '../e2e/launch';
import { callFromPage } from '../e2e/protocol';
import type { BenchRow } from './bench-types';

const PROFILES = Number(process.env.HEALTH_BENCH_PROFILES ?? 50);
const POSTBACKS = 200;
const SWITCHED_OFF = 5;

type R<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

/** A sweep of 50 profiles (half affiliate, half network keys: the sandbox has one key of each), twice. */
export async function bench(): Promise<BenchRow[]> {
  // Default rate limits (affiliate 5/s, network 30/s, 30 s windows): the sweep must fit inside them.
  const sandbox = await startSandbox({ port: 0, seed: 'demo', pixels: POSTBACKS, partnerPixels: POSTBACKS });
  const control = createSandboxControl(sandbox.origin);
  const { context, worker, extensionId } = await launchWithExtension({ extensionDirs: [DEMO_EXTENSION_DIR] });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    for (let i = 0; i < PROFILES; i++) {
      const role = i % 2 ? 'network' : 'affiliate';
      const r = await callFromPage<R<{ id: string }>>(page, 'profiles.save', {
        name: `Bench ${i}`,
        role,
        region: 'custom',
        customBaseUrl: sandbox.baseUrl,
        portalDomains: [],
        apiKey: role === 'network' ? 'demo-network-key' : 'demo-affiliate-key',
      });
      if (!r.ok) throw new Error(r.error.message);
    }
    // Start from fresh rate windows and an empty request log (the key checks above are not part of a sweep).
    await control.reset();

    const sweep = async () => {
      const t0 = performance.now();
      const r = await callFromPage<R<{ flagged: number; errors: unknown[] }>>(page, 'health.checkNow');
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.errors.length) throw new Error(`sweep errors: ${JSON.stringify(r.value.errors)}`);
      return { ms: performance.now() - t0, flagged: r.value.flagged };
    };
    const first = await sweep();
    const firstRequests = (await control.requests()).length;
    const snapshots = (await worker.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: runs inside the extension, where `chrome` exists.
      const all = await (globalThis as any).chrome.storage.local.get(null);
      return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('healthSnapshot:')));
    })) as Record<string, { pixels: Record<string, unknown> }>;
    const seen = Object.values(snapshots).map((s) => Object.keys(s.pixels).length);

    const state = await control.state();
    const active = state.pixels.filter((p) => p.pixel_status === 'active').slice(0, SWITCHED_OFF);
    for (const p of active) await control.setPixelStatus(p.network_pixel_id, 'inactive');
    await control.clearRequests();
    const second = await sweep();
    const secondRequests = (await control.requests()).length;
    const report = await control.rateLimit();
    const refused = report.keys.reduce((n, k) => n + k.refused, 0);
    const minSeen = Math.min(...seen);
    const maxSeen = Math.max(...seen);
    return [
      {
        name: `postbacks per profile seen by the sweep (min–max ${minSeen}–${maxSeen})`,
        value: minSeen,
        unit: 'count',
      },
      {
        name: `API requests, first sweep of ${PROFILES} profiles (baseline)`,
        value: firstRequests,
        unit: 'count',
      },
      { name: 'time, first sweep', value: first.ms / 1000, unit: 's' },
      {
        name: `API requests, second sweep (${SWITCHED_OFF} switched off on the server)`,
        value: secondRequests,
        unit: 'count',
      },
      { name: 'time, second sweep', value: second.ms / 1000, unit: 's' },
      {
        name: 'flagged after the second sweep',
        value: second.flagged,
        unit: 'count',
        goal: `= ${SWITCHED_OFF} × profiles that see them`,
        pass: second.flagged >= SWITCHED_OFF,
      },
      {
        name: 'requests refused with 429 (both sweeps)',
        value: refused,
        unit: 'count',
        goal: '0',
        pass: refused === 0,
      },
    ];
  } finally {
    await context.close();
    await sandbox.close();
  }
}
