import { err, type Result } from '../result';
import { type EverflowError, everflowError } from './errors';
import { sleep as realSleep, type Sleep } from './sleep';

/**
 * Retries for idempotent calls (GET, PUT, DELETE, searches): on 429, 5xx, timeouts and network
 * errors, with exponential backoff and full jitter. Retry-After wins over the computed delay.
 * 400/401/403/404 are never retried: the same request would fail the same way.
 */

/** How retries behave. */
export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  capMs: number;
  /** A Retry-After longer than this is not waited for: the error goes back to the caller. */
  maxRetryAfterMs: number;
  sleep: Sleep;
  /** 0 ≤ random() < 1; injectable so tests are deterministic. */
  random: () => number;
  /** The call's deadline on `now`'s clock (see HttpConfig): no retry waits past it. */
  deadlineAt?: number | undefined;
  now?: (() => number) | undefined;
}

/** Defaults: 4 retries, 500 ms base doubling to a 16 s cap, Retry-After honoured up to 60 s. */
export const DEFAULT_RETRY: RetryOptions = {
  retries: 4,
  baseMs: 500,
  capMs: 16_000,
  maxRetryAfterMs: 60_000,
  sleep: realSleep,
  random: Math.random,
};

const RETRYABLE = new Set<EverflowError['kind']>(['rate_limited', 'server', 'timeout', 'offline']);

/**
 * True for the failures that may go away on their own. Not an unsent timeout: that is the call's deadline (or the
 * key's rate limit before it) speaking, and another try within the same call could only fail the same way.
 */
export function isRetryable(error: EverflowError): boolean {
  return RETRYABLE.has(error.kind) && !(error.kind === 'timeout' && error.unsent === true);
}

/** The wait before retry number `attempt` (0-based): Retry-After, else full jitter on base·2^attempt. */
export function backoffMs(attempt: number, error: EverflowError, options: RetryOptions): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.floor(options.random() * ceiling);
}

/** Runs `attempt` until it succeeds, fails for good, runs out of retries or `signal` aborts. */
export async function withRetry<T>(
  attempt: () => Promise<Result<T, EverflowError>>,
  options: RetryOptions,
  signal?: AbortSignal,
  retryable: (error: EverflowError) => boolean = isRetryable,
): Promise<Result<T, EverflowError>> {
  let result = await attempt();
  for (let n = 0; n < options.retries && !result.ok && retryable(result.error); n++) {
    const wait = backoffMs(n, result.error, options);
    if (wait > options.maxRetryAfterMs) return result;
    // A retry that could only start after the deadline is not worth the wait: the caller hears now.
    if (options.deadlineAt !== undefined && (options.now ?? Date.now)() + wait >= options.deadlineAt)
      return result;
    await options.sleep(wait, signal);
    if (signal?.aborted) return err(everflowError('aborted'));
    result = await attempt();
  }
  return result;
}
