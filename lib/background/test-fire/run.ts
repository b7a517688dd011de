/**
 * Send one test postback and record what came back (issue 18.2): status, time, the redirect chain, the response
 * headers and the first 2 KB of the body as text. Runs in the background worker only. The request carries no
 * key, no cookie and no referrer; the body is only ever returned as text, never parsed as HTML.
 */
import type { FireErrorKind, FireOutcome, RedirectHop } from '../../postback/test-fire-verdict';

/** How to send a test-fire: the fetch and clock to use, and the limits of the exchange. */
export interface FireOptions {
  fetch: typeof fetch;
  now: () => number;
  /** Redirects followed at most (default 5); one more is reported as a redirect not followed. */
  maxHops?: number;
  /** The whole exchange, redirects included, gives up after this long (default and ceiling 10 s). */
  deadlineMs?: number;
  /** Bytes of body kept (default 2048). */
  bodyBytes?: number;
  /** A reason to stop before following a redirect to `url` (e.g. a private address the user did not confirm). */
  refuseHop?: (url: URL) => string | undefined;
}

/** What the worker recorded, with the URL that was sent. */
export interface FireRecord extends FireOutcome {
  url: string;
  /** True when the body was longer than what is kept. */
  bodyCut?: boolean;
  /** Why a redirect was not followed, when the runner stopped on purpose. */
  stoppedAt?: string;
}

/** The longest a test-fire may take, redirects included: a user-initiated action answers within 10 s. */
export const MAX_DEADLINE_MS = 10_000;
/** Bytes of the answer's body kept by default (the first 2 KB). */
export const BODY_BYTES = 2048;
/** Why the runner stopped at a redirect whose target the browser hides (`opaqueredirect`). */
export const HIDDEN_REDIRECT = 'redirected; the browser does not show where to';

/** The kind of a fetch failure, from what the runtime tells (Node names the cause; browsers only say "failed"). */
export function failureKind(e: unknown, timedOut: boolean): FireErrorKind {
  if (timedOut) return 'timeout';
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const text = `${cause?.code ?? ''} ${cause?.message ?? ''} ${e instanceof Error ? e.message : ''}`;
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/i.test(text)) return 'dns';
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/i.test(text)) return 'refused';
  if (/CERT|SSL|TLS|EPROTO|wrong version number|self[- ]signed/i.test(text)) return 'tls';
  return 'network';
}

async function readHead(res: Response, limit: number): Promise<{ text: string; cut: boolean }> {
  if (!res.body) return { text: '', cut: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= limit) {
    // Stop downloading: only the head is kept (a body of exactly `limit` bytes also counts as cut).
    cut = true;
    await reader.cancel().catch(() => undefined);
  }
  const all = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.byteLength, all.length - at));
    all.set(part, at);
    at += part.byteLength;
    if (at >= all.length) break;
  }
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(all), cut };
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/** Send `url` once (GET, as Everflow does) and record the answer. Never throws. */
export async function fireTestPostback(url: string, o: FireOptions): Promise<FireRecord> {
  const maxHops = o.maxHops ?? 5;
  const deadline = Math.min(o.deadlineMs ?? MAX_DEADLINE_MS, MAX_DEADLINE_MS);
  const limit = o.bodyBytes ?? BODY_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadline);
  const started = o.now();
  const redirects: RedirectHop[] = [];
  const init: RequestInit = {
    method: 'GET',
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal: controller.signal,
  };
  let current = url;
  try {
    for (;;) {
      const res = await o.fetch(current, { ...init, redirect: 'manual' });
      if (res.type === 'opaqueredirect') {
        // Browsers hide a redirect's target from fetch. Asking again with redirect:'follow' would send the test a
        // second time and let the browser follow hops no check has seen (a private address, an Everflow host,
        // http): stop here and say so honestly.
        await res.body?.cancel().catch(() => undefined);
        return {
          url,
          timeMs: o.now() - started,
          redirects,
          hiddenRedirect: true,
          stoppedAt: HIDDEN_REDIRECT,
        };
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location && redirects.length < maxHops) {
        const next = new URL(location, current);
        const refused = o.refuseHop?.(next);
        if (!refused && (next.protocol === 'https:' || next.protocol === 'http:')) {
          await res.body?.cancel().catch(() => undefined);
          redirects.push({ url: next.href, status: res.status });
          current = next.href;
          continue;
        }
        const body = await readHead(res, limit);
        return {
          url,
          status: res.status,
          timeMs: o.now() - started,
          redirects,
          headers: headersOf(res),
          body: body.text,
          ...(body.cut ? { bodyCut: true } : {}),
          stoppedAt: refused ?? `not an http(s) address: ${next.protocol}`,
        };
      }
      const body = await readHead(res, limit);
      return {
        url,
        status: res.status,
        timeMs: o.now() - started,
        redirects,
        headers: headersOf(res),
        body: body.text,
        ...(body.cut ? { bodyCut: true } : {}),
      };
    }
  } catch (e) {
    return { url, timeMs: o.now() - started, redirects, error: failureKind(e, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}
