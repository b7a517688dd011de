// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { createPrng } from '../../sandbox/faults';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { call } from './helpers';

let sandbox: Sandbox;
let control: ReturnType<typeof createSandboxControl>;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: { affiliatePerSecond: 1000, networkPerSecond: 1000 } });
  control = createSandboxControl(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => control.reset());

const get = (path = '/v1/affiliates/pixels', signal?: AbortSignal) =>
  fetch(`${sandbox.origin}${path}`, { headers: { 'X-Eflow-API-Key': DEMO_KEYS.affiliate }, signal });

describe('status faults', () => {
  it('answers the next N requests with 429 and Retry-After, then recovers', async () => {
    await control.inject({ kind: 'status', status: 429, count: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await get()).status);
    expect(statuses).toEqual([429, 429, 200]);
    await control.inject({ kind: 'status', status: 429, count: 1 });
    const limited = await get();
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toEqual({ error: 'Rate limit exceeded. Retry later.' });
    expect(await control.faults()).toEqual([]);
  });

  it('answers 503 with the chosen Retry-After and 500 without one', async () => {
    await control.inject({ kind: 'status', status: 503, retryAfter: 7, count: 1 });
    await control.inject({ kind: 'status', status: 500, count: 1 });
    const unavailable = await get();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('7');
    const broken = await get();
    expect(broken.status).toBe(500);
    expect(broken.headers.get('retry-after')).toBeNull();
    expect(await broken.json()).toEqual({ error: 'Internal server error' });
  });

  it('fires before authentication', async () => {
    await control.inject({ kind: 'status', status: 503, count: 1 });
    const reply = await call(sandbox.origin, 'GET', '/v1/networks');
    expect(reply.status).toBe(503);
  });
});

describe('broken answers', () => {
  it('sends truncated JSON with a JSON content type', async () => {
    await control.inject({ kind: 'malformed_json', count: 1 });
    const reply = await get();
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/json');
    const text = await reply.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('sends an HTML error page', async () => {
    await control.inject({ kind: 'html_error', count: 1 });
    await control.inject({ kind: 'html_error', status: 504, count: 1 });
    const first = await get();
    expect(first.status).toBe(502);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect(await first.text()).toContain('<title>502 Bad Gateway</title>');
    expect((await get()).status).toBe(504);
  });

  it('sends an error under the capitalised Error key', async () => {
    await control.inject({ kind: 'capital_error', count: 1 });
    await control.inject({ kind: 'capital_error', status: 422, message: 'Bad postback', count: 1 });
    const first = await get();
    expect(first.status).toBe(400);
    expect(await first.json()).toEqual({ Error: 'Invalid parameters.' });
    const second = await get();
    expect([second.status, await second.json()]).toEqual([422, { Error: 'Bad postback' }]);
  });

  it('resets the connection without an answer', async () => {
    await control.inject({ kind: 'reset', count: 1 });
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(200);
    const [entry] = (await control.requests()).slice(-2);
    expect(entry).toMatchObject({ status: null, faults: ['reset'] });
  });
});

describe('hangs and latency', () => {
  it('never answers a hung request (the client gives up) and logs it without a status', async () => {
    await control.inject({ kind: 'hang', count: 1 });
    await expect(get('/v1/affiliates/pixels', AbortSignal.timeout(150))).rejects.toThrow();
    expect((await get()).status).toBe(200);
    const [hung] = await control.requests();
    expect(hung).toMatchObject({ status: null, faults: ['hang'] });
  });

  it('delays the answer but still handles the request', async () => {
    await control.inject({ kind: 'latency', ms: 10_000, count: 1 });
    await expect(get('/v1/affiliates/pixels', AbortSignal.timeout(150))).rejects.toThrow();
    await control.inject({ kind: 'latency', ms: 1, count: 1 });
    const reply = await get();
    expect(reply.status).toBe(200);
    expect((await control.requests()).at(-1)?.faults).toEqual(['latency']);
  });

  it('closes promptly with a hung request still open', async () => {
    const other = await startSandbox({ faults: [{ kind: 'hang' }] });
    const pending = fetch(`${other.baseUrl}/networks`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('matching, ratios and lifecycle', () => {
  it('applies a fault only to the matching method and path (prefix or ^regex)', async () => {
    await control.inject({
      kind: 'status',
      status: 500,
      match: { method: 'put', path: '/v1/affiliates/pixels' },
    });
    await control.inject({ kind: 'status', status: 503, match: { path: '^/v1/affiliates/offers/\\d+$' } });
    expect((await get()).status).toBe(200);
    const put = await call(sandbox.origin, 'PUT', '/v1/affiliates/pixels/5', {
      key: DEMO_KEYS.affiliate,
      body: {},
    });
    expect(put.status).toBe(500);
    expect((await get('/v1/affiliates/offers/11')).status).toBe(503);
    expect((await get('/v1/affiliates/offersrunnable')).status).toBe(200);
  });

  it('fires ratio faults reproducibly for a given seed', async () => {
    const pattern = async () => {
      await control.reset();
      await control.seedFaults(42);
      await control.inject({ kind: 'status', status: 503, ratio: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 24; i += 1) out.push((await get()).status);
      return out;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    const failures = first.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(24);
  });

  it('rejects an invalid fault spec', async () => {
    await expect(control.inject({ kind: 'status', status: 404 } as never)).rejects.toThrow(
      /status must be 429, 500 or 503/,
    );
    await expect(control.inject({ kind: 'latency', ms: 5, ratio: 2 })).rejects.toThrow(
      /ratio must be a number from 0 to 1/,
    );
  });

  it('clearFaults removes faults; reset restores the start-up faults', async () => {
    const other = await startSandbox({ faults: [{ kind: 'status', status: 503, count: 1 }] });
    const otherControl = createSandboxControl(other.origin);
    try {
      await otherControl.clearFaults();
      expect(await otherControl.faults()).toEqual([]);
      await otherControl.reset();
      expect(await otherControl.faults()).toMatchObject([{ kind: 'status', status: 503, remaining: 1 }]);
    } finally {
      await other.close();
    }
  });
});

describe('createPrng', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const values = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(createPrng(8)()).not.toBe(values[0]);
  });
});
