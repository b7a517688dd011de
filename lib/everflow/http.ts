import type { z } from 'zod';
import type { Realm } from '../model/vocabulary';
import { err, ok, type Result } from '../result';
import {
  type EverflowError,
  errorFromResponse,
  everflowError,
  rateLimitBusy,
  tooLittleTimeToWrite,
} from './errors';
import type { Limiter, RateLimitInfo } from './limiter';

/**
 * The one place that calls `fetch`: auth header, JSON in and out, timeout, caller abort, rate-limit
 * headers and error mapping. One attempt only; retry.ts decides about more.
 */

/** A query value; arrays repeat the parameter. */
export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

/** What every request needs from its client. */
export interface HttpConfig {
  /** e.g. `https://api.eflow.team/v1` (no trailing slash). */
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => number;
  /**
   * When (on `now`'s clock) the whole call the user is waiting for must be over: every attempt's timeout is cut
   * to what is left, and none starts after it. Absent: only the per-request timeout (background jobs).
   */
  deadlineAt?: number | undefined;
}

/** One request. `schema` checks (and may normalise) the 2xx body. */
export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  limiter?: Limiter | undefined;
}

/** A 2xx answer: `data` is the schema's output, `raw` the JSON exactly as received. */
export interface HttpOk<T> {
  data: T;
  raw: unknown;
  status: number;
}

/** The realm an endpoint belongs to, from its path. */
export function realmOfPath(path: string): Realm | undefined {
  if (path.startsWith('/affiliates')) return 'affiliate';
  if (path.startsWith('/networks')) return 'network';
  return undefined;
}

/** Builds the request URL. */
export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const secondsValue = Number(value);
  if (Number.isFinite(secondsValue)) return Math.max(0, secondsValue * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The `X-RateLimit-*` headers of a response. Reset may be seconds-to-go or epoch seconds. */
export function rateLimitInfo(headers: Headers, now: number): RateLimitInfo {
  const info: RateLimitInfo = {};
  const limit = headerNumber(headers, 'x-ratelimit-limit');
  const remaining = headerNumber(headers, 'x-ratelimit-remaining');
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (reset !== undefined) info.resetMs = reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  return info;
}

/** A zod failure as a short "which field, what is wrong" text. */
export function describeShapeError(error: z.ZodError): { field: string; detail: string } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
  const what = (issue?.message ?? 'unexpected shape').replace(/^Invalid input: /, '');
  return { field, detail: `${field}: ${what}` };
}

// Socket errors that happen before a connection exists, so no byte of the request left this machine.
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * True when a fetch failure proves the request was never sent: the connection was refused or the host not
 * found. Node's fetch names the socket error (`cause.code`); a browser's "Failed to fetch" says nothing, so
 * there it is false and a create stays "may have been saved".
 */
export function neverConnected(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_CONNECTED.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The least time a write (POST, PUT, DELETE) must have left before its deadline to be started. With less, it is
 * not sent at all (an unsent timeout, safe to retry) instead of being cut off mid-flight with an unknown outcome.
 */
export const MIN_WRITE_BUDGET_MS = 2000;

/**
 * Sends one request and maps every outcome to a Result. Never throws. With a deadline (see HttpConfig), the wait
 * for a rate-limit slot counts against it, and a write is not started with less than MIN_WRITE_BUDGET_MS left.
 */
export async function sendOnce<T>(
  config: HttpConfig,
  req: HttpRequest<T>,
): Promise<Result<HttpOk<T>, EverflowError>> {
  const { signal } = req;
  if (signal?.aborted) return err(everflowError('aborted'));
  const timeLeft = () =>
    config.deadlineAt === undefined ? Number.POSITIVE_INFINITY : config.deadlineAt - config.now();
  // A write needs time to be answered once started: cut off mid-flight, its outcome would be unknown.
  const write = req.method !== 'GET';
  const needed = write ? MIN_WRITE_BUDGET_MS : 0;
  // Out of time before sending: nothing left this machine, so even a create may be said to be unsent.
  const outOfTime = () => err(write ? tooLittleTimeToWrite() : { ...everflowError('timeout'), unsent: true });

  let left = timeLeft();
  if (left <= needed) return outOfTime();
  if (req.limiter) {
    // The wait for a slot counts against the deadline: behind a queue or a 429's pause, give up at once.
    const maxWaitMs = Number.isFinite(left) ? left - needed : undefined;
    if (!(await req.limiter.acquire(signal, maxWaitMs))) {
      return err(signal?.aborted ? everflowError('aborted') : rateLimitBusy(req.limiter.nextSlotInMs()));
    }
    left = timeLeft();
    if (left <= needed) {
      req.limiter.release(true);
      return outOfTime();
    }
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.min(req.timeoutMs ?? config.timeoutMs, left),
  );
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });

  const headers: Record<string, string> = { 'X-Eflow-API-Key': config.apiKey, Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await config.fetch(buildUrl(config.baseUrl, req.path, req.query), {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
    });
    // Read the body under the same timeout: a server may send headers and then stall.
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) return err(everflowError('aborted'));
    if (timedOut) return err(everflowError('timeout'));
    return err(
      neverConnected(error) ? { ...everflowError('offline'), unsent: true } : everflowError('offline'),
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // The request is over: from now on it counts in the limiter's window as answered.
    req.limiter?.release();
  }

  const now = config.now();
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  const info = rateLimitInfo(response.headers, now);
  // On a 429, Retry-After is the server's own word on when the window resets: it beats our estimate.
  if (response.status === 429 && retryAfterMs !== undefined && info.resetMs === undefined)
    info.resetMs = retryAfterMs;
  req.limiter?.observe(info);
  let body: unknown;
  let isJson = true;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    isJson = false;
  }

  if (!response.ok) {
    if (response.status === 429 && retryAfterMs !== undefined) req.limiter?.pauseFor(retryAfterMs);
    const pathRealm = realmOfPath(req.path);
    return err(
      errorFromResponse({
        status: response.status,
        body: isJson ? body : undefined,
        apiKey: config.apiKey,
        ...(pathRealm ? { pathRealm } : {}),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      }),
    );
  }
  if (!isJson || text === '') {
    return err(everflowError('bad_response', { status: response.status, detail: 'the answer was not JSON' }));
  }
  const parsed = req.schema.safeParse(body);
  if (!parsed.success) {
    const { field, detail } = describeShapeError(parsed.error);
    return err(everflowError('bad_response', { status: response.status, field, detail }));
  }
  return ok({ data: parsed.data, raw: body, status: response.status });
}
