import type { Realm } from '../model/vocabulary';
import { sleep as realSleep, type Sleep } from './sleep';

/**
 * Client-side pacing, so bulk work stays under Everflow's limits instead of bouncing off 429s.
 *
 * A token bucket written as GCRA (one "theoretical arrival time" instead of a token count): each
 * caller reserves the next slot synchronously, then sleeps until it, so concurrent callers queue in
 * order. Everflow counts requests per 30-second window (reference §5), so the limiter also listens to
 * `X-RateLimit-Remaining`: at 0 it holds every caller until the window should have reset.
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
  /** Requests that may go at once after idling. Default 1: a fresh window never overshoots. */
  burst?: number;
  /** The server's counting window; default 30 s. */
  windowMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** Creates a token-bucket limiter. */
export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const windowMs = options.windowMs ?? 30_000;
  const interval = 1000 / options.ratePerSecond;
  const tolerance = (Math.max(1, options.burst ?? 1) - 1) * interval;
  let tat = Number.NEGATIVE_INFINITY;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let windowEndsAt = Number.NEGATIVE_INFINITY;

  const pauseUntil = (time: number) => {
    pausedUntil = Math.max(pausedUntil, time);
  };

  return {
    ratePerSecond: options.ratePerSecond,
    async acquire(signal) {
      for (;;) {
        if (signal?.aborted) return false;
        const t = now();
        const sendAt = Math.max(t, tat - tolerance, pausedUntil);
        tat = Math.max(tat, sendAt) + interval;
        const reserved = tat;
        if (sendAt > t) await sleep(sendAt - t, signal);
        if (signal?.aborted) {
          // Give the slot back if nobody queued behind it.
          if (tat === reserved) tat -= interval;
          return false;
        }
        // A pause that began while we waited (a 429 elsewhere) wins: queue again behind it, so
        // the callers it held do not all fire at once when it ends.
        if (pausedUntil <= now()) return true;
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
