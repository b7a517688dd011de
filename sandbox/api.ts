import { type ApiResponse, errorResponse } from './http-types';
import type { ApiKeyRecord, Realm } from './model';
import type { RateLimiter } from './rate-limit';
import { matchRoute, type Route } from './router';
import { accountRoutes } from './routes/accounts';
import { affiliateOfferRoutes } from './routes/affiliate-offers';
import { affiliatePixelRoutes } from './routes/affiliate-pixels';
import { networkCatalogRoutes } from './routes/network-catalog';
import { networkPixelRoutes } from './routes/network-pixels';
import type { PixelStore } from './store';
import { findKey } from './world';

/** Every `/v1` route the sandbox serves. */
export const API_ROUTES: readonly Route[] = [
  ...accountRoutes,
  ...affiliatePixelRoutes,
  ...affiliateOfferRoutes,
  ...networkPixelRoutes,
  ...networkCatalogRoutes,
];

/** One `/v1` request as the dispatcher sees it. */
export interface ApiRequest {
  method: string;
  url: URL;
  /** The X-Eflow-API-Key header value, if any. */
  apiKey: string | undefined;
  rawBody: string;
}

/** Whether a key was sent and which known key it was. */
export interface Identity {
  keySent: boolean;
  key: ApiKeyRecord | undefined;
}

/** Look up the caller's key. */
export function identify(store: PixelStore, apiKey: string | undefined): Identity {
  const keySent = apiKey !== undefined && apiKey.trim() !== '';
  return { keySent, key: keySent ? findKey(store.world, apiKey.trim()) : undefined };
}

/** The realm a path belongs to, or undefined for paths outside both. */
export function realmOfPath(pathname: string): Realm | undefined {
  if (/^\/v1\/affiliates(\/|$)/.test(pathname)) return 'affiliate';
  if (/^\/v1\/networks(\/|$)/.test(pathname)) return 'network';
  return undefined;
}

function parseBody(raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (error) {
    return { ok: false, message: `Invalid JSON body: ${(error as Error).message}` };
  }
}

/**
 * The Everflow stand-in proper: authentication, per-key rate limit, realm check, routing, body parsing
 * and the handler, in that order (so every answer to a known key carries X-RateLimit-* headers).
 */
export class EverflowApi {
  constructor(
    private readonly store: PixelStore,
    private readonly limiter: RateLimiter,
  ) {}

  /** Answer one request. */
  dispatch(request: ApiRequest): ApiResponse {
    const { key } = identify(this.store, request.apiKey);
    if (!key) return errorResponse({ status: 401, message: 'No Authentication Method Found' });
    const rate = this.limiter.take(key.key, key.realm);
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(rate.limit),
      'X-RateLimit-Remaining': String(rate.remaining),
    };
    if (!rate.allowed) {
      headers['Retry-After'] = String(rate.retryAfterSeconds);
      return errorResponse(
        { status: 429, message: `Rate limit exceeded: ${rate.limit} requests per window. Retry later.` },
        headers,
      );
    }
    const response = this.route(request, key);
    return { ...response, headers: { ...headers, ...response.headers } };
  }

  private route(request: ApiRequest, key: ApiKeyRecord): ApiResponse {
    const pathname = request.url.pathname;
    const realm = realmOfPath(pathname);
    if (!realm) return errorResponse({ status: 404, message: `Not found: ${pathname}` });
    if (realm !== key.realm) return errorResponse({ status: 403, message: 'Out of realm' });
    const match = matchRoute(API_ROUTES, request.method, pathname);
    if (match.kind === 'not_found') return errorResponse({ status: 404, message: `Not found: ${pathname}` });
    if (match.kind === 'method_not_allowed') {
      return errorResponse(
        { status: 405, message: `Method ${request.method} not allowed on ${pathname}` },
        { Allow: match.allowed.join(', ') },
      );
    }
    // Only writes and table searches read a body; one sent with GET or DELETE is ignored.
    const body =
      request.method === 'POST' || request.method === 'PUT'
        ? parseBody(request.rawBody)
        : { ok: true as const, value: undefined };
    if (!body.ok) return errorResponse({ status: 400, message: body.message });
    return match.route.handler({
      method: request.method,
      url: request.url,
      params: match.params,
      body: body.value,
      realm,
      partnerId: key.network_affiliate_id,
      store: this.store,
    });
  }
}
