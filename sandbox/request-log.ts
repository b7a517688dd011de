import type { Realm } from './model';

/**
 * One logged API request. The API key itself is never stored: only whether one was sent and,
 * when it was a known key, its realm.
 */
export interface RequestLogEntry {
  /** Sequence number, from 1. */
  id: number;
  /** When the request arrived, epoch milliseconds (sandbox clock). */
  time: number;
  method: string;
  /** Path without the query string, e.g. `/v1/affiliates/pixels/12`. */
  path: string;
  /** Query parameters; repeated ones (such as `filter`) become arrays. */
  query: Record<string, string | string[]>;
  /** Status sent, or null when no answer was sent (hang, connection reset). */
  status: number | null;
  /** The request body as parsed JSON, the raw text when it was not JSON, or null when empty. */
  body: unknown;
  keySent: boolean;
  /** The realm of the key when it was a known key, else null. */
  keyRealm: Realm | null;
  /** Faults that fired on this request, e.g. `["latency", "status:503"]`. */
  faults: string[];
}

/** Keep memory bounded when a benchmark sends many requests. */
const MAX_ENTRIES = 10_000;

/** Turn URL search params into a plain object, repeated keys as arrays. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** The body as it should appear in the log: parsed JSON when possible, else the raw text. */
export function loggedBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The request log behind `/__sandbox/requests`. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  /** Append an entry (its id is assigned here). */
  add(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
    const full = { id: this.nextId, ...entry };
    this.nextId += 1;
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  /** All entries, oldest first. */
  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** Forget every entry. */
  clear(): void {
    this.entries = [];
  }
}
