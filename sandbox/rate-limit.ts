import type { Realm } from './model';

/** Rate-limit settings: requests per second per realm, and the window they are counted over. */
export interface RateLimitConfig {
  affiliatePerSecond: number;
  networkPerSecond: number;
  /** Window length in seconds (Everflow: 30); fractions are allowed for tests. */
  windowSeconds: number;
}

/** Everflow's documented defaults: 5 req/s affiliate, 30 req/s network, 30-second windows. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  affiliatePerSecond: 5,
  networkPerSecond: 30,
  windowSeconds: 30,
};

/** The verdict for one request, with what the X-RateLimit-* headers should say. */
export interface RateDecision {
  allowed: boolean;
  /** Requests allowed per window (X-RateLimit-Limit). */
  limit: number;
  /** Requests left in this window after this one (X-RateLimit-Remaining). */
  remaining: number;
  /** Whole seconds until the window resets (Retry-After on a 429). */
  retryAfterSeconds: number;
}

interface Window {
  startedAt: number;
  used: number;
}

/** One key's window and totals, as `GET /__sandbox/rate-limit` shows them. */
export interface RateUsage {
  limit: number;
  /** Requests counted in the current window. */
  used: number;
  remaining: number;
  /** Epoch milliseconds. */
  windowStartedAt: number;
  windowEndsAt: number;
  /** Totals since start or reset: requests let through and requests answered 429. */
  allowed: number;
  refused: number;
}

/**
 * Fixed-window counter per API key. A key's window opens at its first request and lasts `windowSeconds`;
 * the allowance is perSecond × windowSeconds. Once it is used up every call gets 429 until the window
 * ends, as Everflow documents. The clock is injected so tests can step time instead of sleeping.
 */
export class RateLimiter {
  private windows = new Map<string, Window>();
  private totals = new Map<string, { allowed: number; refused: number }>();

  constructor(
    readonly config: RateLimitConfig,
    private readonly now: () => number,
  ) {}

  /** Requests allowed per window for a realm. */
  limitFor(realm: Realm): number {
    const perSecond = realm === 'affiliate' ? this.config.affiliatePerSecond : this.config.networkPerSecond;
    return Math.max(1, Math.round(perSecond * this.config.windowSeconds));
  }

  /** Count one request for `key` and say whether it may proceed. */
  take(key: string, realm: Realm): RateDecision {
    const now = this.now();
    const windowMs = this.config.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now >= window.startedAt + windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    const limit = this.limitFor(realm);
    const retryAfterSeconds = Math.max(0, Math.ceil((window.startedAt + windowMs - now) / 1000));
    const totals = this.totals.get(key) ?? { allowed: 0, refused: 0 };
    this.totals.set(key, totals);
    if (window.used >= limit) {
      totals.refused += 1;
      return { allowed: false, limit, remaining: 0, retryAfterSeconds };
    }
    window.used += 1;
    totals.allowed += 1;
    return { allowed: true, limit, remaining: limit - window.used, retryAfterSeconds };
  }

  /** A key's current window and totals, or undefined when it has made no request. */
  usage(key: string, realm: Realm): RateUsage | undefined {
    const window = this.windows.get(key);
    const totals = this.totals.get(key);
    if (!window || !totals) return undefined;
    const limit = this.limitFor(realm);
    const windowEndsAt = window.startedAt + this.config.windowSeconds * 1000;
    const current = this.now() < windowEndsAt;
    const used = current ? window.used : 0;
    return {
      limit,
      used,
      remaining: limit - used,
      windowStartedAt: window.startedAt,
      windowEndsAt,
      allowed: totals.allowed,
      refused: totals.refused,
    };
  }

  /** Forget every window and total. */
  reset(): void {
    this.windows.clear();
    this.totals.clear();
  }
}
