// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSharedLimiters, createLimiter, hashKey, sharedLimiter } from '../../../lib/everflow/limiter';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
  clearSharedLimiters();
});

/** Starts `n` acquires at once and records the fake time at which each was granted. */
async function grantTimes(limiter: ReturnType<typeof createLimiter>, n: number, runFor: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) void limiter.acquire().then(() => times.push(Date.now()));
  await vi.advanceTimersByTimeAsync(runFor);
  return times;
}

describe('createLimiter', () => {
  it('paces callers at the rate, in order', async () => {
    const limiter = createLimiter({ ratePerSecond: 5 });
    expect(await grantTimes(limiter, 6, 2000)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('lets a burst through after idling, then paces', async () => {
    const limiter = createLimiter({ ratePerSecond: 10, burst: 3 });
    expect(await grantTimes(limiter, 5, 1000)).toEqual([0, 0, 0, 100, 200]);
  });

  it('holds everyone during a pause, then spaces them again', async () => {
    const limiter = createLimiter({ ratePerSecond: 10 });
    limiter.pauseFor(1000);
    expect(await grantTimes(limiter, 3, 2000)).toEqual([1000, 1100, 1200]);
  });

  it('re-queues callers whose slot falls inside a pause that began while they waited', async () => {
    const limiter = createLimiter({ ratePerSecond: 10 });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) void limiter.acquire().then(() => times.push(Date.now()));
    await vi.advanceTimersByTimeAsync(0);
    limiter.pauseFor(500);
    await vi.advanceTimersByTimeAsync(2000);
    expect(times[0]).toBe(0);
    expect(times.slice(1).every((t) => t >= 500)).toBe(true);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(100);
  });

  it('stops at X-RateLimit-Remaining 0 until the window it saw start has ended', async () => {
    const limiter = createLimiter({ ratePerSecond: 100, windowMs: 3000 });
    limiter.observe({ limit: 10, remaining: 9 }); // first request of a window, at t=0
    await vi.advanceTimersByTimeAsync(1000);
    limiter.observe({ limit: 10, remaining: 0 });
    expect(await grantTimes(limiter, 1, 5000)).toEqual([3000]);
  });

  it('uses a reset header when the server gives one, and ignores a healthy remaining count', async () => {
    const limiter = createLimiter({ ratePerSecond: 100 });
    limiter.observe({ limit: 10, remaining: 5 });
    expect(await grantTimes(limiter, 1, 10)).toEqual([0]);
    limiter.observe({ remaining: 0, resetMs: 700 });
    const times = await grantTimes(limiter, 1, 2000);
    expect(times[0]).toBe(710);
  });

  it('resolves false without waiting when aborted, and gives the slot back', async () => {
    const limiter = createLimiter({ ratePerSecond: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    // The aborted caller's slot (t=1000) is free again for the next caller.
    expect(await grantTimes(limiter, 1, 2000)).toEqual([1000]);
  });
});

describe('sharedLimiter', () => {
  it('gives every caller with the same key and realm one bucket', () => {
    const a = sharedLimiter('key-one', 'affiliate');
    expect(sharedLimiter('key-one', 'affiliate')).toBe(a);
    expect(sharedLimiter('key-two', 'affiliate')).not.toBe(a);
    expect(sharedLimiter('key-one', 'network')).not.toBe(a);
    expect(a.ratePerSecond).toBe(5);
    expect(sharedLimiter('key-one', 'network').ratePerSecond).toBe(30);
  });

  it('keys the registry by a hash, not the key itself', () => {
    const key = 'my-real-api-key';
    expect(hashKey(key)).not.toContain(key);
    expect(hashKey(key)).toBe(hashKey(key));
    expect(hashKey(key)).not.toBe(hashKey(`${key}x`));
  });
});
