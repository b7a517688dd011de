// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { RateLimiter } from '../../sandbox/rate-limit';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { affiliateBody, call, list } from './helpers';

// The clock is injected, so windows are stepped through without sleeping.

describe('RateLimiter', () => {
  it('allows perSecond × window requests per key, then refuses until the window ends', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(
      { affiliatePerSecond: 2, networkPerSecond: 10, windowSeconds: 3 },
      () => now,
    );
    const remaining = [1, 2, 3, 4, 5, 6].map(() => limiter.take('a', 'affiliate').remaining);
    expect(remaining).toEqual([5, 4, 3, 2, 1, 0]);
    now += 1_200;
    const refused = limiter.take('a', 'affiliate');
    expect(refused).toEqual({ allowed: false, limit: 6, remaining: 0, retryAfterSeconds: 2 });
    expect(limiter.take('b', 'affiliate').allowed).toBe(true);
    now += 1_800;
    expect(limiter.take('a', 'affiliate')).toMatchObject({ allowed: true, remaining: 5 });
  });

  it('gives each realm its own allowance and supports fractional windows', () => {
    let now = 0;
    const limiter = new RateLimiter(
      { affiliatePerSecond: 5, networkPerSecond: 30, windowSeconds: 0.2 },
      () => now,
    );
    expect(limiter.limitFor('affiliate')).toBe(1);
    expect(limiter.limitFor('network')).toBe(6);
    expect(limiter.take('k', 'affiliate').allowed).toBe(true);
    expect(limiter.take('k', 'affiliate')).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    now += 200;
    expect(limiter.take('k', 'affiliate').allowed).toBe(true);
  });
});

describe('rate limits over HTTP', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('uses Everflow’s defaults: 150 per 30 s for affiliates, 900 for the network', async () => {
    sandbox = await startSandbox();
    const affiliate = await call(sandbox.origin, 'GET', '/v1/affiliates/pixels', {
      key: DEMO_KEYS.affiliate,
    });
    const network = await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.network });
    expect(affiliate.headers.get('x-ratelimit-limit')).toBe('150');
    expect(affiliate.headers.get('x-ratelimit-remaining')).toBe('149');
    expect(network.headers.get('x-ratelimit-limit')).toBe('900');
  });

  it('sends the headers on every answer to a known key, 429 with Retry-After when used up, and resets', async () => {
    let now = 1_700_000_000_000;
    sandbox = await startSandbox({
      rateLimit: { affiliatePerSecond: 1, windowSeconds: 3 },
      now: () => now,
    });
    const get = () => call(sandbox!.origin, 'GET', '/v1/affiliates/pixels', { key: DEMO_KEYS.affiliate });
    const first = await get();
    const outOfRealm = await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.affiliate });
    expect(outOfRealm.status).toBe(403);
    expect(outOfRealm.headers.get('x-ratelimit-remaining')).toBe('1');
    const third = await get();
    expect([first.status, third.status]).toEqual([200, 200]);
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
    now += 1_000;
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body).toEqual({ error: 'Rate limit exceeded: 3 requests per window. Retry later.' });
    const network = await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.network });
    expect(network.status).toBe(200);
    now += 2_000;
    const after = await get();
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('does not rate-limit the control API or count 401s', async () => {
    sandbox = await startSandbox({ rateLimit: { affiliatePerSecond: 1, windowSeconds: 1 } });
    for (let i = 0; i < 3; i += 1) {
      const control = await fetch(`${sandbox.origin}/__sandbox/faults`);
      expect(control.status).toBe(200);
      expect(control.headers.get('x-ratelimit-limit')).toBeNull();
      const anonymous = await call(sandbox.origin, 'GET', '/v1/affiliates/pixels');
      expect(anonymous.status).toBe(401);
    }
    const keyed = await call(sandbox.origin, 'GET', '/v1/affiliates/pixels', { key: DEMO_KEYS.affiliate });
    expect(keyed.status).toBe(200);
  });
});

describe('the affiliate limit with the new routes and at bulk scale', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('shares one 5 req/s window across every affiliate route; the tracker and control routes do not count', async () => {
    const now = 1_700_000_000_000;
    sandbox = await startSandbox({ seed: 'scale', pixels: 200, partnerPixels: 100, now: () => now });
    const control = createSandboxControl(sandbox.origin);
    const paths: [string, string, unknown?][] = [
      ['GET', '/pixels'],
      ['POST', '/pixelstable?page=2&page_size=50', {}],
      ['GET', '/offersrunnable?page=3'],
      ['GET', '/offers/11'],
      ['POST', '/pixels', affiliateBody()],
    ];
    for (let i = 0; i < 150; i += 1) {
      const [method, path, body] = paths[i % paths.length] ?? ['GET', '/pixels'];
      const reply = await call(sandbox.origin, method, `/v1/affiliates${path}`, {
        key: DEMO_KEYS.affiliate,
        body,
      });
      expect(reply.status, `${method} ${path}`).toBe(200);
      expect(reply.headers.get('x-ratelimit-remaining')).toBe(String(149 - i));
      await fetch(`${sandbox.trackerUrl}/ok/postback?cid=${i}`);
      await control.pixel(1001);
    }
    const refused = await call(sandbox.origin, 'POST', '/v1/affiliates/pixelstable', {
      key: DEMO_KEYS.affiliate,
      body: {},
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    const report = await control.rateLimit();
    expect(report.config).toEqual({ affiliatePerSecond: 5, networkPerSecond: 30, windowSeconds: 30 });
    expect(report.keys).toEqual([
      {
        realm: 'affiliate',
        partnerId: 7,
        limit: 150,
        used: 150,
        remaining: 0,
        windowStartedAt: now,
        windowEndsAt: now + 30_000,
        allowed: 150,
        refused: 1,
      },
    ]);
  }, 30_000);

  it('measures a bulk of 500 creates: a client honouring Retry-After creates each once in 3 waits', async () => {
    let now = 1_700_000_000_000;
    sandbox = await startSandbox({ seed: 'empty', offers: 600, now: () => now });
    const runnable: number[] = [];
    let page = 0;
    while (runnable.length < 500) {
      page += 1;
      const reply = await call(
        sandbox.origin,
        'GET',
        `/v1/affiliates/offersrunnable?page=${page}&page_size=500`,
        {
          key: DEMO_KEYS.affiliate,
        },
      );
      runnable.push(...list(reply.body, 'offers').map((offer) => Number(offer.network_offer_id)));
    }
    now += 30_000; // a fresh window for the bulk itself
    const bulkStart = now;
    let waits = 0;
    for (const offer of runnable.slice(0, 500)) {
      for (;;) {
        const reply = await call(sandbox.origin, 'POST', '/v1/affiliates/pixels', {
          key: DEMO_KEYS.affiliate,
          body: affiliateBody({ network_offer_id: offer }),
        });
        if (reply.status === 200) break;
        expect(reply.status).toBe(429);
        waits += 1;
        now += Number(reply.headers.get('retry-after')) * 1000;
      }
    }
    const elapsedSeconds = (now - bulkStart) / 1000;
    // The floor by requests ÷ limit is 100 s; a fixed 30 s window lets each window's 150 through at once.
    expect({ waits, elapsedSeconds }).toEqual({ waits: 3, elapsedSeconds: 90 });
    const state = await createSandboxControl(sandbox.origin).state();
    const offers = state.pixels.map((pixel) => pixel.network_offer_id);
    expect(offers).toHaveLength(500);
    expect(new Set(offers).size).toBe(500);
    const [usage] = (await createSandboxControl(sandbox.origin).rateLimit()).keys;
    expect(usage).toMatchObject({ allowed: 500 + page, refused: 3, used: 50 });
  }, 60_000);
});
