import { describe, expect, it } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { BASE, json, routes, stubFetch } from './stub-fetch';

// Real timers, small budgets: these measure that a user-facing call ends by its deadline whatever the API does.
const DEADLINE = 300;
const SLACK = 250;

function client(handler: Parameters<typeof stubFetch>[0]) {
  const stub = stubFetch(handler);
  const c = createEverflowClient({
    baseUrl: BASE,
    apiKey: 'k',
    fetch: stub.fetch,
    limiter: 'none',
    deadlineMs: DEADLINE,
    // The defaults that made a hung API take 81 s: 15 s per attempt, 4 retries, a 30 s recovery window.
    recoverySettleMs: 1000,
  });
  return { c, calls: stub.calls };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('a deadline on a user-initiated call', () => {
  it('a hung API fails a status change by the deadline, as a timeout, retries included', async () => {
    const { c } = client(() => 'hang');
    const { value, ms } = await timed(() => c.affiliate.setPixelStatus(5, 'inactive'));
    expect(!value.ok && value.error.kind).toBe('timeout');
    expect(ms).toBeLessThan(DEADLINE + SLACK);
  });

  it('server errors are retried only while the next try can start before the deadline', async () => {
    const { c, calls } = client(() => json(503, { error: 'down' }));
    const { value, ms } = await timed(() => c.affiliate.listPixels());
    expect(!value.ok && value.error.kind).toBe('server');
    expect(ms).toBeLessThan(DEADLINE + SLACK);
    expect(calls.length).toBeGreaterThanOrEqual(1);
  });

  it('a create the hung API never answers says "unknown outcome" by the deadline, POSTed once', async () => {
    const { c, calls } = client(
      routes({
        'POST /affiliates/pixels': () => 'hang',
        'GET /affiliates/pixels': () => 'hang',
      }),
    );
    const body = {
      network_offer_id: 5,
      delivery_method: 'postback',
      pixel_type: 'conversion',
      pixel_level: 'specific',
      pixel_status: 'active',
      postback_url: 'https://trk.test/pb?cid={sub1}',
      delay_ms: 0,
    } as never;
    const { value, ms } = await timed(() => c.affiliate.createPixel(body));
    expect(!value.ok && value.error.kind).toBe('unknown_outcome');
    expect(ms).toBeLessThan(DEADLINE + SLACK);
    expect(calls.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
