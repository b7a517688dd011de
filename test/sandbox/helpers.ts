import { DEMO_KEYS } from '../../sandbox/server';

/** A parsed sandbox answer. */
export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
  text: string;
}

/** Options for {@link call}. */
export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Send this exact text as the body instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Call the sandbox API at `origin` + `path` (path includes `/v1`). */
export async function call(
  origin: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers['X-Eflow-API-Key'] = options.key;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the raw text
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Shorthands bound to one sandbox origin and the two demo keys. */
export function clients(origin: string) {
  return {
    affiliate: (method: string, path: string, body?: unknown) =>
      call(origin, method, `/v1/affiliates${path}`, { key: DEMO_KEYS.affiliate, body }),
    network: (method: string, path: string, body?: unknown) =>
      call(origin, method, `/v1/networks${path}`, { key: DEMO_KEYS.network, body }),
  };
}

/** A valid network create body (the seed's own example), with overrides. */
export function networkBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    network_offer_id: 11,
    network_affiliate_id: 7,
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    postback_url: 'https://example.com/postback?tid={transaction_id}',
    description: 'Conversion postback for affiliate 7',
    ...overrides,
  };
}

/** A valid affiliate create body, with overrides. */
export function affiliateBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    network_offer_id: 11,
    postback_url: 'https://trk.example.com/postback?cid={sub1}&txid={transaction_id}',
    ...overrides,
  };
}

/** Read a property path from an unknown JSON value (tests only). */
export function field(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The list under `key` of a JSON object, as records. */
export function list(value: unknown, key: string): Record<string, unknown>[] {
  const items = field(value, key);
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
}
