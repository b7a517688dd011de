import type { Realm } from '../model/vocabulary';
import { sleep as realSleep, type Sleep } from './sleep';

/**
 * Client-side pacing, so bulk work stays under Everflow's limits instead of bouncing off 429s.
 *
 * Everflow counts requests per 30-second window: `X-RateLimit-Limit` is the allowance per window (5 req/s ×
 * 30 s = 150 for an affiliate key), and only going over it gets 429s (reference, "Rate limits"). So this is a
 * true window, not a 5-per-second drip: a request goes at once while fewer than the allowance were sent in the
 * last window (plus a little slack for the clocks and the network), else it waits until the oldest of them
 * leaves the window. Any span of one window then holds at most the allowance, so the server's fixed window
 * (which opens at its own first request) never sees more. A click's GET and PUT go back to back instead of
 * 200 ms apart; 1 000 switches still average 5 a second. Callers are served in order: each reserves its slot
 * synchronously, then sleeps until it. The limiter also listens to `X-RateLimit-Remaining` (other pages,
 * devices or tools may use the same key): at 0 it holds every caller until the window should have reset.
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
  /** Waits for a slot. Resolves false (without using the slot) when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<boolean>;
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
  /**
   * How much longer than the window a sent request still counts, for the gap between our clock and the
   * server's (a request that left later may arrive sooner). Default 2 % of the window, at least 20 ms.
   */
  slackMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** Creates a sliding-window limiter. */
export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const windowMs = options.windowMs ?? 30_000;
  const allowance = Math.max(1, Math.round((options.ratePerSecond * windowMs) / 1000));
  const span = windowMs + (options.slackMs ?? Math.max(20, windowMs * 0.02));
  // The send times of the requests still inside the window (granted or reserved), oldest first. Only the
  // last `allowance` matter; older ones are dropped as they leave.
  const sent: number[] = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let windowEndsAt = Number.NEGATIVE_INFINITY;

  const pauseUntil = (time: number) => {
    pausedUntil = Math.max(pausedUntil, time);
  };
  const release = (slot: number) => {
    const i = sent.lastIndexOf(slot);
    if (i >= 0) sent.splice(i, 1);
  };

  return {
    ratePerSecond: options.ratePerSecond,
    async acquire(signal) {
      for (;;) {
        if (signal?.aborted) return false;
        const t = now();
        while (sent.length > allowance || (sent.length && (sent[0] ?? t) + span <= t)) sent.shift();
        const full = sent.length >= allowance ? (sent[sent.length - allowance] ?? t) + span : t;
        // Never before a slot already reserved: callers go in the order they asked.
        const sendAt = Math.max(t, full, pausedUntil, sent[sent.length - 1] ?? t);
        sent.push(sendAt);
        if (sendAt > t) await sleep(sendAt - t, signal);
        if (signal?.aborted) {
          release(sendAt); // the slot is free again for the next caller
          return false;
        }
        // A pause that began while we waited (a 429 elsewhere) wins: queue again behind it.
        if (pausedUntil <= now()) return true;
        release(sendAt);
      }
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
