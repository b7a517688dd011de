// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { everflowError, rateLimitBusy } from '../../../lib/everflow/errors';
import { backoffMs, DEFAULT_RETRY, isRetryable, withRetry } from '../../../lib/everflow/retry';
import { err, ok } from '../../../lib/result';
import { BASE, json, routes, type StubHandler, stubFetch } from './stub-fetch';

const pixel = {
  network_pixel_id: 1,
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'conversion',
  postback_url: 'https://t.example/pb',
  network_offer_id: 3,
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function client(handler: StubHandler, random = () => 0.5) {
  const stub = stubFetch(handler);
  const c = createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: stub.fetch, limiter: 'none', random });
  return { stub, c };
}

/** Answers in order; the last answer repeats. */
function sequence(...answers: (() => Response | 'reset' | 'hang')[]): StubHandler {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]!();
}

describe('isRetryable', () => {
  it('retries a timeout, but not one that was never sent (the deadline or the rate limit said no)', async () => {
    expect(isRetryable(everflowError('timeout'))).toBe(true);
    expect(isRetryable({ ...everflowError('timeout'), unsent: true })).toBe(false);
    const attempt = vi.fn(async () => err(rateLimitBusy(30_000)));
    const r = await withRetry(attempt, { ...DEFAULT_RETRY, sleep: async () => {} });
    expect(!r.ok && r.error.message).toMatch(/rate limit for this key is busy/);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe('backoff', () => {
  it('grows exponentially with full jitter up to the cap, and Retry-After wins', () => {
    const options = { ...DEFAULT_RETRY, random: () => 0.999 };
    const server = everflowError('server');
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, server, options))).toEqual([
      499, 999, 1998, 3996, 7992, 15984, 15984,
    ]);
    expect(backoffMs(0, server, { ...options, random: () => 0 })).toBe(0);
    expect(backoffMs(3, everflowError('rate_limited', { retryAfterMs: 1234 }), options)).toBe(1234);
  });

  it('gives up on a Retry-After longer than the maximum', async () => {
    const attempt = vi.fn(async () => err(everflowError('rate_limited', { retryAfterMs: 120_000 })));
    const res = await withRetry(attempt, DEFAULT_RETRY);
    expect(res.ok).toBe(false);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe('retries through the client (fake timers)', () => {
  it('retries a GET after 500, 503 and a dropped connection, waiting the backoff each time', async () => {
    const { stub, c } = client(
      sequence(
        () => json(500, { error: 'boom' }),
        () => new Response('<html>', { status: 503 }),
        () => 'reset',
        () => json(200, pixel),
      ),
    );
    const pending = c.affiliate.getPixel(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(249); // random 0.5 × 500 ms = 250 ms
    expect(stub.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stub.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500); // 0.5 × 1000 ms
    expect(stub.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000); // 0.5 × 2000 ms
    const res = await pending;
    expect(stub.calls).toHaveLength(4);
    expect(res.ok && res.value.id).toBe(1);
  });

  it('honours Retry-After on a 429', async () => {
    const { stub, c } = client(
      sequence(
        () => json(429, { error: 'slow' }, { 'Retry-After': '3' }),
        () => json(200, pixel),
      ),
    );
    const pending = c.affiliate.getPixel(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(stub.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).ok).toBe(true);
    expect(stub.calls).toHaveLength(2);
  });

  it('stops after 4 retries and returns the last error', async () => {
    const { stub, c } = client(() => json(503, { error: 'down' }));
    const pending = c.affiliate.getPixel(1);
    await vi.advanceTimersByTimeAsync(60_000);
    const res = await pending;
    expect(stub.calls).toHaveLength(5);
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'server', status: 503 });
  });

  it.each([400, 401, 403, 404])('never retries %i', async (status) => {
    const { stub, c } = client(() => json(status, { error: 'no' }));
    const pending = c.affiliate.getPixel(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await pending).ok).toBe(false);
    expect(stub.calls).toHaveLength(1);
  });

  it('never repeats a create POST after a 5xx: it looks for it once instead', async () => {
    let posts = 0;
    const { stub, c } = client(
      routes({
        'POST /affiliates/pixels': () => {
          posts++;
          return json(500, { error: 'boom' });
        },
        'GET /affiliates/pixels': () => json(200, { pixels: [] }),
      }),
    );
    const pending = c.affiliate.createPixel({
      ...pixel,
      pixel_type: 'conversion',
      delivery_method: 'postback',
      pixel_level: 'specific',
      pixel_status: 'active',
    });
    await vi.advanceTimersByTimeAsync(60_000);
    const res = await pending;
    expect(res.ok).toBe(false);
    // POST, look (nothing): the 5xx stands, and the user decides whether to try again.
    expect(posts).toBe(1);
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'GET']);
  });

  it('times out each attempt and retries, then reports timeout', async () => {
    const stub = stubFetch(() => 'hang');
    const c = createEverflowClient({
      baseUrl: BASE,
      apiKey: 'k',
      fetch: stub.fetch,
      limiter: 'none',
      timeoutMs: 1000,
      retry: { retries: 1 },
      random: () => 0,
    });
    const pending = c.network.whoAmI();
    await vi.advanceTimersByTimeAsync(2000);
    const res = await pending;
    expect(stub.calls).toHaveLength(2);
    expect(res.ok ? undefined : res.error.kind).toBe('timeout');
  });

  it('stops waiting when the caller aborts during a backoff', async () => {
    const { stub, c } = client(() => json(503, { error: 'down' }));
    const controller = new AbortController();
    const pending = c.affiliate.getPixel(1, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const res = await pending;
    expect(res.ok ? undefined : res.error.kind).toBe('aborted');
    expect(stub.calls).toHaveLength(1);
  });

  it('returns ok values untouched', async () => {
    expect(await withRetry(async () => ok(1), DEFAULT_RETRY)).toEqual(ok(1));
  });
});
