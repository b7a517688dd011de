// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearSharedLimiters,
  createLimiter,
  hashKey,
  type Limiter,
  sharedLimiter,
} from '../../../lib/everflow/limiter';
import { RateLimiter } from '../../../sandbox/rate-limit';

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
  // Each request is answered at once (release), so it counts from its grant time.
  for (let i = 0; i < n; i++)
    void limiter.acquire().then(() => {
      times.push(Date.now());
      limiter.release();
    });
  await vi.advanceTimersByTimeAsync(runFor);
  return times;
}

describe('createLimiter', () => {
  it("sends up to the window's allowance at once, then waits for the oldest to leave the window", async () => {
    const limiter = createLimiter({ ratePerSecond: 5, windowMs: 1000, slackMs: 0 });
    expect(await grantTimes(limiter, 7, 3000)).toEqual([0, 0, 0, 0, 0, 1000, 1000]);
  });

  it("lets a click's GET and PUT go back to back at the documented affiliate limit (5/s, 30 s windows)", async () => {
    const limiter = createLimiter({ ratePerSecond: 5 });
    expect(await grantTimes(limiter, 2, 10)).toEqual([0, 0]);
  });

  it('counts a sent request a little past the window (slack for clocks and the network)', async () => {
    const limiter = createLimiter({ ratePerSecond: 2, windowMs: 1000 });
    expect(await grantTimes(limiter, 3, 3000)).toEqual([0, 0, 1020]);
  });

  it('never puts more than the allowance in any span of one window, whatever the arrival pattern', async () => {
    const limiter = createLimiter({ ratePerSecond: 5, windowMs: 1000, slackMs: 0 });
    const times: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 1 + (round % 4) * 3; i++)
        void limiter.acquire().then(() => {
          times.push(Date.now());
          limiter.release();
        });
      await vi.advanceTimersByTimeAsync(137 * (round + 1));
    }
    await vi.advanceTimersByTimeAsync(20_000);
    expect(times).toHaveLength(44); // 1, 4, 7, 10 callers per round, twice
    for (let i = 0; i + 5 < times.length; i++) expect(times[i + 5]! - times[i]!).toBeGreaterThanOrEqual(1000);
  });

  it("keeps a server with fixed windows (the sandbox's counter) from ever answering 429", async () => {
    const server = new RateLimiter(
      { affiliatePerSecond: 5, networkPerSecond: 30, windowSeconds: 1 },
      Date.now,
    );
    const limiter = createLimiter({ ratePerSecond: 5, windowMs: 1000 });
    const verdicts: boolean[] = [];
    // The first window's requests take 300 ms to reach the server, the ones after them none: a request counts
    // until its answer, so the window those late requests open on the server is never overrun.
    for (let i = 0; i < 60; i++) {
      void limiter.acquire().then(() =>
        setTimeout(
          () => {
            verdicts.push(server.take('key', 'affiliate').allowed);
            limiter.release();
          },
          i < 5 ? 300 : 0,
        ),
      );
    }
    await vi.advanceTimersByTimeAsync(20_000);
    expect(verdicts).toHaveLength(60);
    expect(verdicts.every(Boolean)).toBe(true);
  });

  it('holds everyone during a pause, then lets them go in order', async () => {
    const limiter = createLimiter({ ratePerSecond: 10 });
    limiter.pauseFor(1000);
    expect(await grantTimes(limiter, 3, 2000)).toEqual([1000, 1000, 1000]);
  });

  it('re-queues callers whose slot falls inside a pause that began while they waited', async () => {
    const limiter = createLimiter({ ratePerSecond: 1, windowMs: 1000, slackMs: 0 });
    const times: number[] = [];
    for (let i = 0; i < 3; i++)
      void limiter.acquire().then(() => {
        times.push(Date.now());
        limiter.release();
      });
    await vi.advanceTimersByTimeAsync(0);
    limiter.pauseFor(1500);
    await vi.advanceTimersByTimeAsync(5000);
    expect(times[0]).toBe(0);
    expect(times.slice(1).every((t) => t >= 1500)).toBe(true);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
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
    const limiter = createLimiter({ ratePerSecond: 1, windowMs: 1000, slackMs: 0 });
    await limiter.acquire();
    limiter.release();
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    // The aborted caller's slot (t=1000) is free again for the next caller.
    expect(await grantTimes(limiter, 1, 2000)).toEqual([1000]);
  });
});

describe('createLimiter with a time limit (maxWaitMs)', () => {
  /** Starts an acquire and records when it settled and how. */
  function track(limiter: Limiter, maxWaitMs?: number) {
    const seen: { granted?: boolean; at?: number } = {};
    void limiter.acquire(undefined, maxWaitMs).then((granted) => {
      seen.granted = granted;
      seen.at = Date.now();
    });
    return seen;
  }

  it('refuses at once when the window has no room before the limit, and says how long until it has', async () => {
    const limiter = createLimiter({ ratePerSecond: 1, windowMs: 1000, slackMs: 0 });
    await limiter.acquire();
    limiter.release();
    expect(limiter.nextSlotInMs()).toBe(1000);
    const refused = track(limiter, 500);
    await vi.advanceTimersByTimeAsync(0);
    expect(refused).toEqual({ granted: false, at: 0 });
    // Within the limit it waits and is served.
    const served = track(limiter, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(served).toEqual({ granted: true, at: 1000 });
  });

  it("refuses at once during a 429's pause that outlasts the limit", async () => {
    const limiter = createLimiter({ ratePerSecond: 5 });
    limiter.pauseFor(30_000);
    const refused = track(limiter, 10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(refused).toEqual({ granted: false, at: 0 });
    expect(limiter.nextSlotInMs()).toBe(30_000);
  });

  it('counts the callers queued ahead (a background job with the same key)', async () => {
    const limiter = createLimiter({ ratePerSecond: 2, windowMs: 1000, slackMs: 0 });
    for (let i = 0; i < 2; i++) {
      await limiter.acquire();
      limiter.release();
    }
    // Two background requests wait for the slots freed at 1000; the user's would come at 2000 at the earliest.
    const background = [track(limiter), track(limiter)];
    expect(limiter.nextSlotInMs()).toBe(2000);
    const refused = track(limiter, 1500);
    await vi.advanceTimersByTimeAsync(0);
    expect(refused).toEqual({ granted: false, at: 0 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(background.map((b) => b.at)).toEqual([1000, 1000]);
  });

  it('gives up when the limit runs out, and lets the callers behind it go', async () => {
    const limiter = createLimiter({ ratePerSecond: 1, windowMs: 1000, slackMs: 0 });
    await limiter.acquire(); // in flight, answered late
    const user = track(limiter, 1500);
    const behind = track(limiter);
    await vi.advanceTimersByTimeAsync(1500);
    expect(user).toEqual({ granted: false, at: 1500 });
    limiter.release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(behind).toEqual({ granted: true, at: 2500 });
  });

  it('takes back a slot released as unsent: it does not count in the window', async () => {
    const limiter = createLimiter({ ratePerSecond: 1, windowMs: 1000, slackMs: 0 });
    expect(await limiter.acquire()).toBe(true);
    limiter.release(true);
    expect(limiter.nextSlotInMs()).toBe(0);
    expect(await grantTimes(limiter, 1, 10)).toEqual([0]);
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
