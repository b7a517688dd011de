import type { IncomingHttpHeaders } from 'node:http';

// A stand-in tracker for test-fire: paths name the answer, so a postback URL can say what its tracker
// will reply (`/__tracker/error-text/postback?cid=...`). Anything after the first segment (or the hop count
// / delay) is free, like a tracker's own path. The request log keeps what each call sent.

/** Default wait of `/slow` when the path names none: longer than a 10 s user deadline. */
export const DEFAULT_TRACKER_SLOW_MS = 12_000;
/** Longest wait `/slow/:ms` accepts. */
export const MAX_TRACKER_SLOW_MS = 120_000;
const MAX_REDIRECT_HOPS = 5;

/** The answers the stand-in tracker knows, by the first path segment. */
export const TRACKER_BEHAVIOURS = {
  ok: '200 with an empty body (Voluum, RedTrack: accepted)',
  'error-text': '200 with the text "error: invalid click id" (a tracker that reports errors with 200)',
  'error-json': '200 with {"status":"error","message":"invalid click id"}',
  html: '200 with an HTML page holding a script (must never be rendered)',
  redirect: '/redirect/N: a 302 chain of N hops (1-5, default 2), then 200 empty; the query string is kept',
  'not-found': '404 (also any unknown first segment)',
  'server-error': '500',
  status: '/status/NNN: answer with that status (200-599)',
  slow: '/slow/MS: 200 empty after MS milliseconds (default 12 000, at most 120 000)',
} as const;

/** One of {@link TRACKER_BEHAVIOURS}, or `unknown` for a path that names none. */
export type TrackerBehaviour = keyof typeof TRACKER_BEHAVIOURS | 'unknown';

/** What to answer. */
export interface TrackerAnswer {
  behaviour: TrackerBehaviour;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Wait this long before answering. */
  delayMs: number;
}

function answer(
  behaviour: TrackerBehaviour,
  status: number,
  body = '',
  headers: Record<string, string> = {},
  delayMs = 0,
): TrackerAnswer {
  const type: Record<string, string> = body === '' ? {} : { 'Content-Type': 'text/plain; charset=utf-8' };
  return { behaviour, status, body, headers: { ...type, ...headers }, delayMs };
}

const ERROR_PAGE =
  '<!doctype html><html><head><title>Tracker</title></head><body><h1>Conversion recorded</h1>' +
  '<script>document.title = "rendered";</script><img src="x" onerror="document.title = \'rendered\'"></body></html>';

/**
 * Decide the answer for a tracker path. `path` is relative to the tracker's root (without `/__tracker`),
 * `prefix` is where the tracker lives (for redirect locations), `search` the query string with its `?`.
 */
export function planTrackerAnswer(
  path: string,
  search: string,
  prefix: string,
  slowMs: number,
): TrackerAnswer {
  const [first = '', second = '', ...rest] = path.split('/').filter(Boolean);
  switch (first) {
    case 'ok':
      return answer('ok', 200);
    case 'error-text':
      return answer('error-text', 200, 'error: invalid click id');
    case 'error-json':
      return answer('error-json', 200, JSON.stringify({ status: 'error', message: 'invalid click id' }), {
        'Content-Type': 'application/json',
      });
    case 'html':
      return answer('html', 200, ERROR_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
    case 'redirect': {
      const numbered = /^\d+$/.test(second);
      const hops = Math.min(MAX_REDIRECT_HOPS, Math.max(1, numbered ? Number(second) : 2));
      const tail = [...(numbered ? [] : [second]), ...rest].filter(Boolean).join('/');
      const next = hops > 1 ? `redirect/${hops - 1}` : 'ok';
      const location = `${prefix}/${next}${tail ? `/${tail}` : ''}${search}`;
      return answer('redirect', 302, '', { Location: location });
    }
    case 'not-found':
      return answer('not-found', 404, 'Not Found');
    case 'server-error':
      return answer('server-error', 500, 'Internal Server Error');
    case 'status': {
      const status = Number(second);
      if (!/^\d{3}$/.test(second) || status < 200 || status > 599) {
        return answer('status', 400, 'status must be 200-599, e.g. /status/503');
      }
      return answer('status', status, status === 204 || status === 304 ? '' : `status ${status}`);
    }
    case 'slow': {
      const ms = /^\d+$/.test(second) ? Math.min(Number(second), MAX_TRACKER_SLOW_MS) : slowMs;
      return answer('slow', 200, '', {}, ms);
    }
    default:
      return answer('unknown', 404, 'Not Found');
  }
}

/** One request the tracker received. */
export interface TrackerLogEntry {
  /** Sequence number, from 1. */
  id: number;
  /** Epoch milliseconds (sandbox clock). */
  time: number;
  /** `sandbox` for `/__tracker/*` on the API listener, `plain` for the separate plain-HTTP listener. */
  listener: 'sandbox' | 'plain';
  method: string;
  /** The path as received, without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Request headers, lower-case names; an `x-eflow-api-key` value is replaced by `(redacted)`. */
  headers: Record<string, string>;
  /** The body as text (first 16 KB), or null when empty. */
  body: string | null;
  behaviour: TrackerBehaviour;
  /** Status answered, or null when the caller went away before the answer (e.g. during `/slow`). */
  status: number | null;
}

const MAX_ENTRIES = 1_000;
const MAX_BODY_CHARS = 16_384;

/** Headers as a plain object; a leaked API key shows up as present but its value is never stored. */
export function loggedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = name === 'x-eflow-api-key' ? '(redacted)' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The request log behind `/__sandbox/tracker/requests`. */
export class TrackerLog {
  private entries: TrackerLogEntry[] = [];
  private nextId = 1;

  /** Append an entry and return it (the caller fills `status` in once it has answered). */
  add(entry: Omit<TrackerLogEntry, 'id' | 'body'> & { body: string }): TrackerLogEntry {
    const full: TrackerLogEntry = {
      ...entry,
      id: this.nextId,
      body: entry.body === '' ? null : entry.body.slice(0, MAX_BODY_CHARS),
    };
    this.nextId += 1;
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  /** All entries, oldest first. */
  list(): TrackerLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** Forget every entry. */
  clear(): void {
    this.entries = [];
  }
}
