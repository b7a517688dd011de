import type { Realm } from '../model/vocabulary';
import { type AffiliateApi, createAffiliateApi } from './affiliate-api';
import { eventFormFor, rememberEventForm } from './event-form';
import type { HttpConfig } from './http';
import { type Limiter, sharedLimiter } from './limiter';
import { createNetworkApi, type NetworkApi } from './network-api';
import { type Region, resolveBaseUrl } from './regions';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import type { Sleep } from './sleep';
import { createTransport } from './transport';

/** Options of `createEverflowClient`. Only `baseUrl` and `apiKey` are required. */
export interface EverflowClientOptions {
  /** `'us'`, `'eu'`, or a custom http(s) base URL such as the local sandbox's `…/v1`. */
  baseUrl: Region | string;
  apiKey: string;
  /** Injected fetch (the background worker's, or a stub). Default: the global fetch. */
  fetch?: typeof fetch;
  /**
   * Pacing. Default: the limiter shared by every client with this key (5 req/s affiliate, 30 req/s
   * network, or `rates`). Pass one limiter, one per realm, or `'none'` for no pacing.
   */
  limiter?: Limiter | Partial<Record<Realm, Limiter>> | 'none';
  /** Requests per second of the default shared limiter, per realm. */
  rates?: Partial<Record<Realm, number>>;
  /** Clock (ms) for Retry-After dates and the default limiter. */
  now?: () => number;
  /** Sleep used by retries, recovery and the default limiter (tests inject fakes). */
  sleep?: Sleep;
  /** Jitter source for backoff. */
  random?: () => number;
  /** Per-request timeout; default 15 s. */
  timeoutMs?: number;
  retry?: Partial<Pick<RetryOptions, 'retries' | 'baseMs' | 'capMs' | 'maxRetryAfterMs'>>;
  /** Pause before looking for a postback after an ambiguous create; default 1 s. */
  recoverySettleMs?: number;
  /**
   * How long to keep looking for a create that got no answer before saying the outcome is unknown; default 30 s,
   * so a server that saves up to half a minute after the timeout is still caught.
   */
  recoveryWindowMs?: number;
  /** Pause between those looks; default 3 s. */
  recoveryPollMs?: number;
  /**
   * End-to-end budget of everything this client does, from its creation: retries, backoff and a create's
   * recovery included (each request's timeout is cut to what is left). For calls a user waits for; a client per
   * call. Absent: no overall budget (background jobs).
   */
  deadlineMs?: number;
}

/** A typed Everflow client: one namespace per realm. Methods resolve to Results and never throw. */
export interface EverflowClient {
  readonly baseUrl: string;
  readonly affiliate: AffiliateApi;
  readonly network: NetworkApi;
}

/** The default request timeout. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** How long a create without an answer is looked for, after the timeout and the settle pause. */
export const DEFAULT_RECOVERY_WINDOW_MS = 30_000;

function isLimiter(value: unknown): value is Limiter {
  return typeof value === 'object' && value !== null && 'acquire' in value;
}

/**
 * Creates a client. Throws only for programming errors (a base URL that is not http(s));
 * use `resolveBaseUrl` first to check user input.
 */
export function createEverflowClient(options: EverflowClientOptions): EverflowClient {
  const base = resolveBaseUrl(options.baseUrl);
  if (!base.ok) throw new TypeError(base.error);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? DEFAULT_RETRY.sleep;
  const config: HttpConfig = {
    baseUrl: base.value,
    apiKey: options.apiKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now,
  };
  const deadline = options.deadlineMs === undefined ? {} : { deadlineAt: now() + options.deadlineMs, now };
  config.deadlineAt = deadline.deadlineAt;
  const retry: RetryOptions = {
    ...DEFAULT_RETRY,
    ...options.retry,
    sleep,
    random: options.random ?? DEFAULT_RETRY.random,
    ...deadline,
  };
  const { limiter } = options;
  const limiterFor = (realm: Realm): Limiter | undefined => {
    if (limiter === 'none') return undefined;
    if (isLimiter(limiter)) return limiter;
    if (limiter?.[realm]) return limiter[realm];
    const rate = options.rates?.[realm];
    return sharedLimiter(options.apiKey, realm, {
      now,
      sleep,
      ...(rate === undefined ? {} : { ratePerSecond: rate }),
    });
  };
  const transport = createTransport(config, retry, limiterFor);
  const recovery = {
    recoverySettleMs: options.recoverySettleMs ?? 1000,
    recoveryWindowMs: options.recoveryWindowMs ?? DEFAULT_RECOVERY_WINDOW_MS,
    recoveryPollMs: options.recoveryPollMs ?? 3000,
    ...deadline,
  };
  return {
    baseUrl: base.value,
    affiliate: createAffiliateApi(transport, recovery),
    network: createNetworkApi(transport, {
      ...recovery,
      eventForm: {
        get: () => eventFormFor(base.value, options.apiKey),
        set: (form) => rememberEventForm(base.value, options.apiKey, form),
      },
    }),
  };
}
