// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../sandbox/rate-limit';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { call } from './helpers';

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
