import type { Realm } from '../model/vocabulary';
import { sleep as realSleep, type Sleep } from './sleep';

/**
 * Client-side pacing, so bulk work stays under Everflow's limits instead of bouncing off 429s.
 *
 * Everflow counts requests per 30-second window: `X-RateLimit-Limit` is the allowance per window (5 req/s ×
 * 30 s = 150 for an affiliate key), and only going over it gets 429s (reference, "Rate limits"). So this is a
 * true window, not a 5-per-second drip: a request goes at once while fewer than the allowance are in flight or
 * were answered within the last window (plus a little slack), else it waits until the oldest answer leaves the
 * window. A request counts from the moment it is sent until one window after its answer came back, so
 * however long it took to reach the server, any span the server's fixed window covers holds at most the
 * allowance. A click's GET and PUT then go back to back instead of 200 ms apart; 1 000 switches still average
 * 5 a second. Callers are served in the order they asked. The limiter also listens to
 * `X-RateLimit-Remaining` (other pages, devices or tools may use the same key): at 0 it holds every caller
 * until the window should have reset.
 */

/** Documented limits in requests per second: affiliate 5, network 30 (20 in older docs). */
export const DEFAULT_RATES: Record<Realm, number> = { affiliate: 5, network: 30 };

/** The rate-limit headers of one response. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Time until the window resets, when the server says. */
  resetMs?: number;
}

/** A shared pacer for every request made with one key. */
export interface Limiter {
  readonly ratePerSecond: number;
  /**
   * Waits for a slot. Resolves false (without using the slot) when `signal` aborts first, or, with `maxWaitMs`,
   * when the slot cannot come within that long: at once when the limiter can already tell (a full window, a
   * queue, a pause), else when the time is up. A caller that got true calls `release()` once the request was
   * answered or failed.
   */
  acquire(signal?: AbortSignal, maxWaitMs?: number): Promise<boolean>;
  /**
   * A request sent on an acquired slot is over (answered, failed or timed out). `unsent`: nothing was sent after
   * all, so the slot is given back instead of counting in the window.
   */
  release(unsent?: boolean): void;
  /** How long a caller asking now would wait at least (0 when a slot is free): for "try again in N s". */
  nextSlotInMs(): number;
  /** Holds every caller for `ms` (a 429's Retry-After). */
  pauseFor(ms: number): void;
  /** Feeds the rate-limit headers of a response. */
  observe(info: RateLimitInfo): void;
}

/** Options of one limiter. */
export interface LimiterOptions {
  ratePerSecond: number;
  /** The server's counting window; default 30 s. The allowance per window is `ratePerSecond` × its seconds. */
  windowMs?: number;
  /** How much longer than the window an answered request still counts (clocks differ). Default 2 %, ≥ 20 ms. */
  slackMs?: number;
  /** A slot never released counts as answered this long after it was granted (a lost `release`). */
  maxInFlightMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

interface Waiter {
  grant: (ok: boolean) => void;
  signal: AbortSignal | undefined;
}

/** Creates a sliding-window limiter. */
export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const windowMs = options.windowMs ?? 30_000;
  const allowance = Math.max(1, Math.round((options.ratePerSecond * windowMs) / 1000));
  const span = windowMs + (options.slackMs ?? Math.max(20, windowMs * 0.02));
  const maxInFlightMs = options.maxInFlightMs ?? 120_000;
  // When each request in flight was sent (oldest first), and when each answered one came back (ascending).
  const inFlight: number[] = [];
  const answered: number[] = [];
  const queue: Waiter[] = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let windowEndsAt = Number.NEGATIVE_INFINITY;
  let wakeAt = Number.POSITIVE_INFINITY;

  const pauseUntil = (time: number) => {
    pausedUntil = Math.max(pausedUntil, time);
  };
  const settleOldest = (at: number) => {
    inFlight.shift();
    answered.push(at);
  };
  const wakeUpAt = (time: number, t: number) => {
    if (time >= wakeAt) return;
    wakeAt = time;
    void sleep(time - t).then(() => {
      if (wakeAt === time) wakeAt = Number.POSITIVE_INFINITY;
      pump();
    });
  };

  /** Forgets what has left the window by `t` (and settles slots never released). */
  const prune = (t: number) => {
    while (inFlight.length && (inFlight[0] ?? t) + maxInFlightMs <= t)
      settleOldest((inFlight[0] ?? t) + maxInFlightMs);
    while (answered.length && (answered[0] ?? t) + span <= t) answered.shift();
  };

  /**
   * The earliest a caller joining the queue at `t` could be granted: after any pause, and once enough requests
   * have left the window for it and for everyone queued ahead. A request leaves the window `span` after its answer:
   * an answered one at a known time, one in flight no sooner than `span` from now, one queued ahead no sooner than
   * `span` after its own grant. A lower bound: answers may come later, but waiters ahead may also give up.
   */
  const earliestGrant = (t: number): number => {
    prune(t);
    const leaves = [...answered.map((a) => a + span), ...inFlight.map(() => t + span)].sort((a, b) => a - b);
    let first = 0; // leaves[first..] are still in the window at `at`
    let at = Math.max(t, pausedUntil);
    for (let ahead = 0; ; ahead++) {
      while (first < leaves.length && (leaves[first] ?? at) <= at) first++;
      if (leaves.length - first >= allowance) {
        at = leaves[leaves.length - allowance] ?? at;
        while (first < leaves.length && (leaves[first] ?? at) <= at) first++;
      }
      if (ahead === queue.length) return at;
      leaves.push(at + span); // ≥ every earlier leave, so the list stays sorted
    }
  };

  /** Grants slots to the waiters at the front of the queue while the window has room. */
  function pump() {
    for (;;) {
      while (queue[0]?.signal?.aborted) queue.shift()?.grant(false);
      if (!queue.length) return;
      const t = now();
      prune(t);
      if (pausedUntil > t) return wakeUpAt(pausedUntil, t);
      const used = inFlight.length + answered.length;
      if (used >= allowance) {
        // The answer that must leave the window first; with none, a `release()` wakes the queue.
        const freeing = answered[used - allowance];
        if (freeing !== undefined) wakeUpAt(freeing + span, t);
        else if (inFlight[0] !== undefined) wakeUpAt(inFlight[0] + maxInFlightMs, t);
        return;
      }
      inFlight.push(t);
      queue.shift()?.grant(true);
    }
  }

  return {
    ratePerSecond: options.ratePerSecond,
    acquire(signal, maxWaitMs) {
      if (signal?.aborted) return Promise.resolve(false);
      // A slot that cannot come in time is refused now, rather than after a wait that ends in failure anyway.
      if (maxWaitMs !== undefined && earliestGrant(now()) - now() > maxWaitMs) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const timer = new AbortController();
        const waiter: Waiter = {
          grant: (granted) => {
            timer.abort(); // ends the maxWaitMs sleep
            resolve(granted);
          },
          signal,
        };
        const giveUp = () => {
          const i = queue.indexOf(waiter);
          if (i < 0) return; // already granted or refused
          queue.splice(i, 1);
          waiter.grant(false);
          pump(); // the queue behind it may go now
        };
        queue.push(waiter);
        signal?.addEventListener('abort', giveUp, { once: true });
        pump();
        // After pump(): a slot due exactly at the limit is still granted (its wake-up timer runs first).
        if (maxWaitMs !== undefined) void sleep(maxWaitMs, timer.signal).then(giveUp);
      });
    },
    release(unsent) {
      if (!inFlight.length) return;
      // An unsent request gives its slot back: the newest grant is the one just made for it.
      if (unsent) inFlight.pop();
      else settleOldest(now());
      pump();
    },
    nextSlotInMs() {
      const t = now();
      return Math.max(0, earliestGrant(t) - t);
    },
    pauseFor(ms) {
      if (ms > 0) pauseUntil(now() + ms);
    },
    observe(info) {
      if (info.remaining === undefined) return;
      const t = now();
      // The first request of a window leaves limit - 1: the window started about now.
      if (info.limit !== undefined && info.remaining >= info.limit - 1) windowEndsAt = t + windowMs;
      if (info.remaining > 0) return;
      if (info.resetMs !== undefined) pauseUntil(t + info.resetMs);
      else pauseUntil(windowEndsAt > t ? windowEndsAt : t + windowMs);
    },
  };
}

/**
 * A 53-bit string hash (cyrb53). Used so the limiter registry is keyed by a digest rather than by
 * the raw API key; it is not a security measure, and collisions only make two keys share a bucket.
 */
export function hashKey(key: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const registry = new Map<string, Limiter>();

/**
 * The limiter every caller with this key shares (one per key and realm, created on first use with
 * the realm's default rate unless `options` says otherwise; later options are ignored).
 */
export function sharedLimiter(apiKey: string, realm: Realm, options: Partial<LimiterOptions> = {}): Limiter {
  const id = `${realm}:${hashKey(apiKey)}`;
  let limiter = registry.get(id);
  if (!limiter) {
    limiter = createLimiter({ ratePerSecond: DEFAULT_RATES[realm], ...options });
    registry.set(id, limiter);
  }
  return limiter;
}

/** Forgets every shared limiter (tests, or after the user removes a key). */
export function clearSharedLimiters(): void {
  registry.clear();
}
