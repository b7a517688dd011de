// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  buildUrl,
  MIN_WRITE_BUDGET_MS,
  parseRetryAfter,
  rateLimitInfo,
  sendOnce,
} from '../../../lib/everflow/http';
import type { Limiter } from '../../../lib/everflow/limiter';
import { BASE, json, type StubHandler, stubFetch } from './stub-fetch';

const KEY = 'unit-test-key-9876';
const schema = z.looseObject({ name: z.string() });

function config(handler: StubHandler, timeoutMs = 1000) {
  const stub = stubFetch(handler);
  return { stub, config: { baseUrl: BASE, apiKey: KEY, fetch: stub.fetch, timeoutMs, now: () => 0 } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sendOnce', () => {
  it('sends the key header and JSON body, and returns data and raw', async () => {
    const { stub, config: cfg } = config(() => json(200, { name: 'x', extra: 1 }));
    const res = await sendOnce(cfg, { method: 'POST', path: '/networks/pixels', body: { a: 1 }, schema });
    expect(res).toEqual({
      ok: true,
      value: { data: { name: 'x', extra: 1 }, raw: { name: 'x', extra: 1 }, status: 200 },
    });
    const call = stub.calls[0]!;
    expect(call.headers.get('x-eflow-api-key')).toBe(KEY);
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(call.text).toBe('{"a":1}');
    expect(call.url.href).toBe(`${BASE}/networks/pixels`);
  });

  it('maps a non-JSON 200 and a wrong shape to bad_response naming the field', async () => {
    const notJson = config(() => new Response('{"name": "x', { status: 200 }));
    const a = await sendOnce(notJson.config, { method: 'GET', path: '/networks', schema });
    expect(a.ok ? undefined : a.error).toMatchObject({
      kind: 'bad_response',
      message: expect.stringMatching(/not JSON/),
    });
    const wrong = config(() => json(200, { name: 5 }));
    const b = await sendOnce(wrong.config, { method: 'GET', path: '/networks', schema });
    expect(b.ok ? undefined : b.error).toMatchObject({ kind: 'bad_response', field: 'name' });
    expect(b.ok ? '' : b.error.message).toContain('name: expected string');
  });

  it('maps an HTML error page to a server error and {"Error"} to validation', async () => {
    const html = config(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const a = await sendOnce(html.config, { method: 'GET', path: '/networks', schema });
    expect(a.ok ? undefined : a.error).toMatchObject({ kind: 'server', status: 502 });
    const capital = config(() => json(400, { Error: 'Invalid parameters.' }));
    const b = await sendOnce(capital.config, { method: 'GET', path: '/networks', schema });
    expect(b.ok ? undefined : b.error).toMatchObject({
      kind: 'validation',
      serverMessage: 'Invalid parameters.',
    });
  });

  it('maps a dropped connection to offline, not marked unsent (the body may have landed)', async () => {
    const { config: cfg } = config(() => 'reset');
    const res = await sendOnce(cfg, { method: 'GET', path: '/networks', schema });
    expect(res.ok ? undefined : res.error.kind).toBe('offline');
    expect(res.ok ? undefined : res.error.unsent).toBeUndefined();
  });

  it('marks a refused connection or an unknown host as unsent, and nothing else', async () => {
    const failing = (cause: unknown) =>
      config(() => {
        throw new TypeError('fetch failed', { cause });
      }).config;
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
      const res = await sendOnce(failing({ code }), { method: 'POST', path: '/networks/pixels', schema });
      expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'offline', unsent: true });
    }
    const reset = await sendOnce(failing({ code: 'ECONNRESET' }), { method: 'POST', path: '/x', schema });
    expect(reset.ok ? undefined : reset.error.unsent).toBeUndefined();
  });

  it('times out a request that never answers', async () => {
    vi.useFakeTimers();
    const { config: cfg } = config(() => 'hang', 5000);
    const pending = sendOnce(cfg, { method: 'GET', path: '/networks', schema });
    await vi.advanceTimersByTimeAsync(5000);
    const res = await pending;
    expect(res.ok ? undefined : res.error).toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/did not answer in time/),
    });
  });

  it('honours a per-request timeout', async () => {
    vi.useFakeTimers();
    const { config: cfg } = config(() => 'hang', 60_000);
    const pending = sendOnce(cfg, { method: 'GET', path: '/networks', schema, timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect((await pending).ok).toBe(false);
  });

  it('aborts at once when the caller aborts, and never sends for an aborted signal', async () => {
    const { stub, config: cfg } = config(() => 'hang');
    const controller = new AbortController();
    const pending = sendOnce(cfg, { method: 'GET', path: '/networks', schema, signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    const again = await sendOnce(cfg, {
      method: 'GET',
      path: '/networks',
      schema,
      signal: controller.signal,
    });
    expect(again).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(stub.calls).toHaveLength(1);
  });

  it('feeds rate-limit headers to the limiter and pauses it on a 429 with Retry-After', async () => {
    const limiter: Limiter = {
      ratePerSecond: 5,
      acquire: vi.fn(async () => true),
      release: vi.fn(),
      nextSlotInMs: vi.fn(() => 0),
      pauseFor: vi.fn(),
      observe: vi.fn(),
    };
    const { config: cfg } = config(() =>
      json(
        429,
        { error: 'slow down' },
        { 'Retry-After': '2', 'X-RateLimit-Limit': '150', 'X-RateLimit-Remaining': '0' },
      ),
    );
    const res = await sendOnce(cfg, { method: 'GET', path: '/affiliates/pixels', schema, limiter });
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    expect(limiter.acquire).toHaveBeenCalledTimes(1);
    expect(limiter.release).toHaveBeenCalledTimes(1);
    expect(limiter.observe).toHaveBeenCalledWith({ limit: 150, remaining: 0, resetMs: 2000 });
    expect(limiter.pauseFor).toHaveBeenCalledWith(2000);
  });
});

describe('sendOnce with a deadline and a limiter', () => {
  function fakeLimiter(acquire: Limiter['acquire']): Limiter {
    return {
      ratePerSecond: 5,
      acquire: vi.fn(acquire),
      release: vi.fn(),
      nextSlotInMs: vi.fn(() => 4200),
      pauseFor: vi.fn(),
      observe: vi.fn(),
    };
  }

  it('asks the limiter for a slot within the time left, and fails unsent, saying when, if it cannot have one', async () => {
    const limiter = fakeLimiter(async () => false);
    const { stub, config: cfg } = config(() => json(200, { name: 'x' }));
    const res = await sendOnce(
      { ...cfg, deadlineAt: 3000 },
      { method: 'GET', path: '/networks', schema, limiter },
    );
    expect(limiter.acquire).toHaveBeenCalledWith(undefined, 3000);
    expect(res.ok ? undefined : res.error).toEqual({
      kind: 'timeout',
      message: "Everflow's rate limit for this key is busy; try again in 5 s. Nothing was sent.",
      unsent: true,
    });
    expect(stub.calls).toHaveLength(0);
    expect(limiter.release).not.toHaveBeenCalled();
  });

  it('gives the slot back unsent when the deadline passed while it waited', async () => {
    let t = 0;
    const limiter = fakeLimiter(async () => {
      t = 3000;
      return true;
    });
    const { stub, config: cfg } = config(() => json(200, { name: 'x' }));
    const res = await sendOnce(
      { ...cfg, now: () => t, deadlineAt: 3000 },
      { method: 'GET', path: '/networks', schema, limiter },
    );
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'timeout', unsent: true });
    expect(limiter.release).toHaveBeenCalledWith(true);
    expect(stub.calls).toHaveLength(0);
  });

  it('without a deadline (background jobs) waits for the slot as long as it takes', async () => {
    const limiter = fakeLimiter(async () => true);
    const { config: cfg } = config(() => json(200, { name: 'x' }));
    const res = await sendOnce(cfg, { method: 'GET', path: '/networks', schema, limiter });
    expect(res.ok).toBe(true);
    expect(limiter.acquire).toHaveBeenCalledWith(undefined, undefined);
  });
});

describe('sendOnce: a write needs time left to be answered', () => {
  const tooLittle = {
    kind: 'timeout',
    message:
      'Too little of the time limit was left to send this change safely, so it was not sent. Try again, or raise the time limit in Settings.',
    unsent: true,
  };

  it.each(['POST', 'PUT', 'DELETE'] as const)(
    'does not start a %s with less than the minimum left (no "unknown outcome" to clear up)',
    async (method) => {
      const { stub, config: cfg } = config(() => json(200, { name: 'x' }));
      const res = await sendOnce(
        { ...cfg, deadlineAt: MIN_WRITE_BUDGET_MS - 1 },
        { method, path: '/affiliates/pixels/1', body: {}, schema },
      );
      expect(res.ok ? undefined : res.error).toEqual(tooLittle);
      expect(stub.calls).toHaveLength(0);
    },
  );

  it('starts a write with the minimum to spare, and a read with any time left', async () => {
    const { stub, config: cfg } = config(() => json(200, { name: 'x' }));
    const put = await sendOnce(
      { ...cfg, deadlineAt: MIN_WRITE_BUDGET_MS + 1 },
      { method: 'PUT', path: '/affiliates/pixels/1', body: {}, schema },
    );
    expect(put.ok).toBe(true);
    const get = await sendOnce({ ...cfg, deadlineAt: 50 }, { method: 'GET', path: '/networks', schema });
    expect(get.ok).toBe(true);
    expect(stub.calls.map((c) => c.method)).toEqual(['PUT', 'GET']);
  });

  it('leaves the minimum out of the wait for a slot, and gives a slot back when the wait ate into it', async () => {
    let t = 0;
    const limiter: Limiter = {
      ratePerSecond: 5,
      acquire: vi.fn(async () => {
        t = 1500;
        return true;
      }),
      release: vi.fn(),
      nextSlotInMs: vi.fn(() => 0),
      pauseFor: vi.fn(),
      observe: vi.fn(),
    };
    const { stub, config: cfg } = config(() => json(200, { name: 'x' }));
    const res = await sendOnce(
      { ...cfg, now: () => t, deadlineAt: 3000 },
      { method: 'POST', path: '/affiliates/pixels', body: {}, schema, limiter },
    );
    expect(limiter.acquire).toHaveBeenCalledWith(undefined, 3000 - MIN_WRITE_BUDGET_MS);
    expect(res.ok ? undefined : res.error).toEqual(tooLittle);
    expect(limiter.release).toHaveBeenCalledWith(true);
    expect(stub.calls).toHaveLength(0);
  });
});

describe('helpers', () => {
  it('builds query strings, repeating arrays and skipping undefined', () => {
    expect(
      buildUrl(BASE, '/x', { page: 2, a: undefined, r: ['p', 'q'], filter: 'account_status=active' }),
    ).toBe(`${BASE}/x?page=2&r=p&r=q&filter=account_status%3Dactive`);
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('reads reset as seconds to go or epoch seconds', () => {
    expect(rateLimitInfo(new Headers({ 'X-RateLimit-Reset': '12' }), 0)).toEqual({ resetMs: 12_000 });
    expect(rateLimitInfo(new Headers({ 'X-RateLimit-Reset': '2000000000' }), 1_999_999_990_000)).toEqual({
      resetMs: 10_000,
    });
  });
});
