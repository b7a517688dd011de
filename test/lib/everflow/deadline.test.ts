import { describe, expect, it } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { MIN_WRITE_BUDGET_MS } from '../../../lib/everflow/http';
import { createLimiter, type Limiter } from '../../../lib/everflow/limiter';
import { BASE, json, routes, stubFetch } from './stub-fetch';

// Real timers, small budgets: these measure that a user-facing call ends by its deadline whatever the API does.
const DEADLINE = 300;
// A write is only started with MIN_WRITE_BUDGET_MS left, so a create needs a little more than that.
const WRITE_DEADLINE = MIN_WRITE_BUDGET_MS + 300;
const SLACK = 250;

function client(
  handler: Parameters<typeof stubFetch>[0],
  deadlineMs = DEADLINE,
  limiter: Limiter | 'none' = 'none',
) {
  const stub = stubFetch(handler);
  const c = createEverflowClient({
    baseUrl: BASE,
    apiKey: 'k',
    fetch: stub.fetch,
    limiter,
    deadlineMs,
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
    // A virtual clock, so the count is exact: the backoff waits are 50, 100, 200, 400 ms (jitter fixed at ½ of
    // 100·2^n). Tries start at 0, 50 and 150 ms; the next would start at 350 ms, past the 300 ms deadline.
    const run = async (deadlineMs: number) => {
      let t = 0;
      const stub = stubFetch(() => json(503, { error: 'down' }));
      const c = createEverflowClient({
        baseUrl: BASE,
        apiKey: 'k',
        fetch: stub.fetch,
        limiter: 'none',
        now: () => t,
        sleep: async (ms) => {
          t += ms;
        },
        random: () => 0.5,
        retry: { retries: 4, baseMs: 100 },
        deadlineMs,
      });
      const value = await c.affiliate.listPixels();
      return { value, calls: stub.calls.length, endedAt: t };
    };
    const cut = await run(DEADLINE);
    expect(!cut.value.ok && cut.value.error.kind).toBe('server');
    expect(cut.calls).toBe(3);
    expect(cut.endedAt).toBeLessThan(DEADLINE);
    // The same failures with room to spare: all 4 retries run, so the 3 above is the deadline's doing.
    expect((await run(10_000)).calls).toBe(5);
  });

  it('a create the hung API never answers says "unknown outcome" by the deadline, POSTed once', async () => {
    const { c, calls } = client(
      routes({
        'POST /affiliates/pixels': () => 'hang',
        'GET /affiliates/pixels': () => 'hang',
      }),
      WRITE_DEADLINE,
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
    expect(ms).toBeLessThan(WRITE_DEADLINE + SLACK);
    expect(calls.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('a write is not started without time to see it answered', () => {
  const raw = {
    network_pixel_id: 12,
    network_offer_id: 3,
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    postback_url: 'https://t.example/pb?tid={transaction_id}',
    html_code: '',
    delay_ms: 0,
  };

  it("a toggle whose GET used up the deadline does not send its PUT: unsent, so the row's Retry is safe", async () => {
    const { c, calls } = client(
      routes({
        // The read comes back with less than the write's minimum left.
        'GET /affiliates/pixels/12': () =>
          new Promise((resolve) => setTimeout(() => resolve(json(200, raw)), 400)),
        'PUT /affiliates/pixels/12': (req) => json(200, req.body as object),
      }),
      WRITE_DEADLINE,
    );
    const { value, ms } = await timed(() => c.affiliate.setPixelStatus(12, 'inactive'));
    expect(value.ok ? undefined : value.error).toEqual({
      kind: 'timeout',
      message:
        'Too little of the time limit was left to send this change safely, so it was not sent. Try again, or raise the time limit in Settings.',
      unsent: true,
    });
    expect(calls.map((r) => r.method)).toEqual(['GET']);
    expect(ms).toBeLessThan(400 + SLACK);
  });

  it('with the time to spare, the same toggle sends its PUT', async () => {
    const { c, calls } = client(
      routes({
        'GET /affiliates/pixels/12': () => json(200, raw),
        'PUT /affiliates/pixels/12': (req) => json(200, req.body as object),
      }),
      WRITE_DEADLINE,
    );
    expect((await c.affiliate.setPixelStatus(12, 'inactive')).ok).toBe(true);
    expect(calls.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});

describe('the wait for a rate-limit slot counts against the deadline', () => {
  it("a toggle behind a 429's 30 s pause fails at once, unsent, saying when to try again", async () => {
    const limiter = createLimiter({ ratePerSecond: 5 });
    limiter.pauseFor(30_000);
    const { c, calls } = client(() => json(200, {}), 10_000, limiter);
    const { value, ms } = await timed(() => c.affiliate.setPixelStatus(5, 'inactive'));
    expect(value.ok ? undefined : value.error).toEqual({
      kind: 'timeout',
      message: "Everflow's rate limit for this key is busy; try again in 30 s. Nothing was sent.",
      unsent: true,
    });
    expect(ms).toBeLessThan(SLACK);
    expect(calls).toHaveLength(0);
  });

  it('a read behind background requests that fill the window fails at once instead of waiting it out', async () => {
    // One request per second: a background request in flight holds the only slot for a window after its answer.
    const limiter = createLimiter({ ratePerSecond: 1, windowMs: 1000 });
    expect(await limiter.acquire()).toBe(true);
    const { c, calls } = client(() => json(503, {}), DEADLINE, limiter);
    const { value, ms } = await timed(() => c.affiliate.listPixels());
    expect(!value.ok && value.error.message).toBe(
      "Everflow's rate limit for this key is busy; try again in 2 s. Nothing was sent.",
    );
    expect(ms).toBeLessThan(SLACK);
    expect(calls).toHaveLength(0);
    limiter.release();
  });

  it('a slot that comes before the deadline is waited for, and the request goes', async () => {
    const limiter = createLimiter({ ratePerSecond: 5 });
    limiter.pauseFor(100);
    const { c, calls } = client(() => json(503, {}), DEADLINE, limiter);
    const { value } = await timed(() => c.affiliate.listPixels());
    expect(!value.ok && value.error.kind).toBe('server');
    expect(calls.length).toBeGreaterThanOrEqual(1);
  });
});
