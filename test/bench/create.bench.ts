import type { AffiliatePixelInput } from '../../lib/everflow/affiliate-api';
import { createEverflowClient } from '../../lib/everflow/client';
import { createLimiter } from '../../lib/everflow/limiter';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { DEMO_KEYS, startSandbox } from '../../sandbox/server';
import type { BenchRow } from './bench-types';

/**
 * Bulk create through the client: 100 postbacks with the affiliate key against the sandbox while
 * 10 % of the POSTs get an injected 429. The client's limiter paces at the sandbox's limit; the floor
 * is the number of requests the run had to send divided by that limit.
 *
 * Choices, stated honestly:
 * - The limit is scaled from Everflow's 5 req/s to 50 req/s (1-second windows) to keep the run short;
 *   the ratio is what counts.
 * - The sandbox has 43 offers the demo partner can run, not 100, so the 100 postbacks are distinct
 *   specific postbacks spread over those offers (each with its own URL), not one per offer.
 * - The injected 429s say `Retry-After: 0`. With the sandbox's default of 1 s the client honours it
 *   and holds every caller for a second per 429 (a 429 with Remaining 0 means the key's bucket is
 *   empty); that run is printed too, without a goal, to show what honouring Retry-After costs.
 */

const RATE = 50;
const CREATES = 100;
const INJECTED_RATIO = 0.1;

interface RunFigures {
  wallMs: number;
  sent: number;
  injected429: number;
  real429: number;
  failures: number;
  duplicates: number;
  recovered: number;
}

async function runnableOfferIds(baseUrl: string): Promise<number[]> {
  const client = createEverflowClient({ baseUrl, apiKey: DEMO_KEYS.affiliate, limiter: 'none' });
  const res = await client.affiliate.runnableOffers({ page: 1, pageSize: 500 });
  if (!res.ok) throw new Error(`runnable offers: ${res.error.message}`);
  return res.value.items.map((offer) => offer.id);
}

function bodies(offerIds: number[], tag: string): AffiliatePixelInput[] {
  return Array.from({ length: CREATES }, (_, i) => ({
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    network_offer_id: offerIds[i % offerIds.length] ?? 0,
    postback_url: `https://tracker.example/pb?run=${tag}&n=${i}&tid={transaction_id}`,
  }));
}

async function run(
  baseUrl: string,
  control: SandboxControl,
  offerIds: number[],
  retryAfter: number,
): Promise<RunFigures> {
  await control.reset(); // empty store and log, fresh rate windows
  await control.inject({
    kind: 'status',
    status: 429,
    retryAfter,
    ratio: INJECTED_RATIO,
    match: { method: 'POST', path: '/v1/affiliates/pixels' },
  });
  const limiter = createLimiter({ ratePerSecond: RATE, windowMs: 1000 });
  const client = createEverflowClient({ baseUrl, apiKey: DEMO_KEYS.affiliate, limiter });
  const started = performance.now();
  const results = await Promise.all(
    bodies(offerIds, `ra${retryAfter}`).map((body) => client.affiliate.createPixel(body)),
  );
  const wallMs = performance.now() - started;

  const log = await control.requests();
  const pixels = (await control.state()).pixels;
  const urls = pixels.map((pixel) => pixel.postback_url);
  return {
    wallMs,
    sent: log.length,
    injected429: log.filter((entry) => entry.faults.includes('status:429')).length,
    real429: log.filter((entry) => entry.status === 429 && entry.faults.length === 0).length,
    failures: results.filter((result) => !result.ok).length,
    duplicates: urls.length - new Set(urls).size,
    recovered: results.filter((result) => result.ok && result.value.recovered).length,
  };
}

/** Wall time of 100 creates against the rate-limit floor, plus failures and duplicates. */
export async function bench(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({
    port: 0,
    seed: 'empty',
    rateLimit: { affiliatePerSecond: RATE, windowSeconds: 1 },
  });
  try {
    const control = createSandboxControl(sandbox.origin);
    const offerIds = await runnableOfferIds(sandbox.baseUrl);
    const main = await run(sandbox.baseUrl, control, offerIds, 0);
    const slow = await run(sandbox.baseUrl, control, offerIds, 1);
    const floorMs = (main.sent / RATE) * 1000;
    const idealMs = (CREATES / RATE) * 1000;
    const slowFloorMs = (slow.sent / RATE) * 1000;
    const label = `create ×${CREATES} (affiliate key, ${RATE} req/s, ${INJECTED_RATIO * 100} % injected 429)`;
    return [
      {
        name: `${label}: wall time`,
        value: main.wallMs,
        unit: 'ms',
        baseline: { name: `floor = ${main.sent} requests ÷ ${RATE} req/s`, value: floorMs },
        ratio: main.wallMs / floorMs,
        goal: '≤ 1.1× floor',
        pass: main.wallMs / floorMs <= 1.1,
      },
      {
        name: `${label}: wall time against ${CREATES} creates ÷ limit (the 429 retries included in the wall)`,
        value: main.wallMs,
        unit: 'ms',
        baseline: { name: `${CREATES} ÷ ${RATE} req/s`, value: idealMs },
        ratio: main.wallMs / idealMs,
      },
      {
        name: `${label}: failures`,
        value: main.failures,
        unit: 'count',
        goal: '0',
        pass: main.failures === 0,
      },
      {
        name: `${label}: duplicates`,
        value: main.duplicates,
        unit: 'count',
        goal: '0',
        pass: main.duplicates === 0,
      },
      { name: `${label}: requests sent`, value: main.sent, unit: 'count' },
      { name: `${label}: 429s injected`, value: main.injected429, unit: 'count' },
      { name: `${label}: 429s from the sandbox's own limit`, value: main.real429, unit: 'count' },
      {
        name: `same with Retry-After: 1 s on each injected 429 (honoured; ${slow.injected429} × 1 s pauses; ${slow.failures} failures, ${slow.duplicates} duplicates)`,
        value: slow.wallMs,
        unit: 'ms',
        baseline: { name: `floor = ${slow.sent} requests ÷ ${RATE} req/s`, value: slowFloorMs },
        ratio: slow.wallMs / slowFloorMs,
      },
    ];
  } finally {
    await sandbox.close();
  }
}
