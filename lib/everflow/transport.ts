import type { Result } from '../result';
import type { EverflowError } from './errors';
import { type HttpConfig, type HttpOk, type HttpRequest, realmOfPath, sendOnce } from './http';
import type { Limiter } from './limiter';
import { type RetryOptions, withRetry } from './retry';
import type { Realm } from './schemas/enums';

/** Per-call options every client method takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's per-request timeout. */
  timeoutMs?: number;
}

/** A request as the API modules describe it; the transport adds limiter, timeout and retries. */
export type TransportRequest<T> = Omit<HttpRequest<T>, 'limiter'> & {
  /** Safe to repeat (default: every method but POST). */
  idempotent?: boolean;
};

/** What the API modules call: one attempt, or attempts with retries for idempotent requests. */
export interface Transport {
  readonly config: HttpConfig;
  readonly retry: RetryOptions;
  limiterFor(realm: Realm): Limiter | undefined;
  /** One attempt, paced by the realm's limiter. */
  once<T>(req: TransportRequest<T>): Promise<Result<HttpOk<T>, EverflowError>>;
  /** Retries idempotent requests per the retry policy; POST goes once. */
  send<T>(req: TransportRequest<T>): Promise<Result<HttpOk<T>, EverflowError>>;
}

/** Builds the transport from the client's configuration. */
export function createTransport(
  config: HttpConfig,
  retry: RetryOptions,
  limiterFor: (realm: Realm) => Limiter | undefined,
): Transport {
  const once = <T>(req: TransportRequest<T>) => {
    const realm = realmOfPath(req.path);
    return sendOnce(config, { ...req, limiter: realm ? limiterFor(realm) : undefined });
  };
  return {
    config,
    retry,
    limiterFor,
    once,
    send(req) {
      const idempotent = req.idempotent ?? req.method !== 'POST';
      return idempotent ? withRetry(() => once(req), retry, req.signal) : once(req);
    },
  };
}

/** Copies the per-call options into a request. */
export function callFields(
  options: CallOptions = {},
): Pick<TransportRequest<unknown>, 'signal' | 'timeoutMs'> {
  return { signal: options.signal, timeoutMs: options.timeoutMs };
}

/** True for failures that prove the server did nothing: a 429, or a connection that never opened. */
export function provesNothingSaved(error: EverflowError): boolean {
  return error.kind === 'rate_limited' || (error.kind === 'offline' && error.unsent === true);
}

/**
 * Repeats `attempt` (a POST) only after failures that prove the server saved nothing (`provesNothingSaved`),
 * with the transport's backoff. Anything else may have been saved, so it goes back to the caller.
 */
export function withRateLimitRetry<T>(
  t: Transport,
  attempt: () => Promise<Result<T, EverflowError>>,
  options: CallOptions = {},
): Promise<Result<T, EverflowError>> {
  return withRetry(attempt, t.retry, options.signal, provesNothingSaved);
}
