/**
 * The offer a portal URL is about. Pure: no browser API.
 *
 * Everflow does not document its portal routes (shared api-reference §7), so this reads the shapes seen on portals:
 * `/offers/14`, `/offer/14`, `/offers/view/14`, `/affiliate/offers/view/14`, `/affiliate/offers/77/details`, the same
 * inside a hash route (`/#/offers/14`, `/#!/offer/14`) for single-page portals, and `?offer_id=14` / `?oid=14`.
 */

/** Where in the URL the offer id was found. */
export type OfferIdSource = 'path' | 'hash' | 'query';

/** An offer id read from a URL, and where it was. */
export interface OfferInUrl {
  id: number;
  source: OfferIdSource;
  /** The query parameter that carried it, for `query`. */
  param?: 'offer_id' | 'oid';
}

// "/offers/14", "/offer/14", "/offers/view/14", "/offers/details/14" anywhere in a path; the id is a whole segment.
const OFFER_IN_PATH = /\/offers?\/(?:(?:view|details)\/)?(\d{1,10})(?=[/?#]|$)/i;
// The same route as a whole page, optionally under a portal role ("/affiliate/offers/14", "/partners/offer/14/links").
// Stricter on purpose: it decides whether to ask about a host no profile names, where "/blog/offers/2024" is no offer.
const OFFER_PAGE_ROUTE =
  /^\/(?:(?:affiliates?|partners?|publishers?|advertisers?|network|portal|app)\/)?offers?\/(?:(?:view|details)\/)?\d{1,10}(?:\/[a-z][a-z-]{0,30})?\/?$/i;
const ID_TEXT = /^\d{1,10}$/;

function parseHttp(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** A hash route ("#/offers/14?tab=links", "#!/offer/14") split into its path and query; null for a plain anchor. */
function hashRoute(hash: string): { path: string; query: URLSearchParams } | null {
  const m = hash.match(/^#!?(\/[^?]*)(?:\?(.*))?$/);
  if (!m) return null;
  return { path: m[1]!, query: new URLSearchParams(m[2] ?? '') };
}

function positive(raw: string | null | undefined): number | null {
  if (!raw || !ID_TEXT.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

function fromQuery(q: URLSearchParams): OfferInUrl | null {
  const byName = positive(q.get('offer_id'));
  if (byName) return { id: byName, source: 'query', param: 'offer_id' };
  const short = positive(q.get('oid'));
  return short ? { id: short, source: 'query', param: 'oid' } : null;
}

/**
 * The offer id in a portal URL and where it was found: the path first, then a hash route's path, then the query
 * (`offer_id=`, else `oid=`), then a hash route's query. A route that names an offer with a bad id (`/offers/0`)
 * yields null rather than falling back to a query parameter. Only http(s) URLs.
 */
export function offerInUrl(url: string | undefined | null): OfferInUrl | null {
  const u = parseHttp(url);
  if (!u) return null;
  const path = u.pathname.match(OFFER_IN_PATH);
  if (path) {
    const id = positive(path[1]);
    return id ? { id, source: 'path' } : null;
  }
  const route = hashRoute(u.hash);
  const inHash = route?.path.match(OFFER_IN_PATH);
  if (inHash) {
    const id = positive(inHash[1]);
    return id ? { id, source: 'hash' } : null;
  }
  return fromQuery(u.searchParams) ?? (route ? fromQuery(route.query) : null);
}

/**
 * The offer id in a portal URL: a path like `/offers/123`, `/offer/123` or `/offers/view/123` (anywhere in the path,
 * e.g. `/affiliate/offers/123/details`), the same in a hash route (`/#/offers/123`), else a query parameter
 * `offer_id=` or `oid=`. Null when there is none.
 */
export function offerIdFromUrl(url: string | undefined | null): number | null {
  return offerInUrl(url)?.id ?? null;
}

/**
 * Whether a URL on a host no profile names looks like a portal's offer page, so the popup may ask which profile it
 * belongs to. Stricter than offerIdFromUrl: the offer route must be the whole page path (or hash route), or the query
 * must say `offer_id=` on a path about offers. `oid=` alone does not count: Everflow puts it on advertisers' landing
 * pages, which are not portals.
 */
export function looksLikeOfferPage(url: string | undefined | null): boolean {
  const u = parseHttp(url);
  if (!u) return false;
  const found = offerInUrl(url);
  if (!found) return false;
  const route = hashRoute(u.hash);
  if (found.source === 'path') return OFFER_PAGE_ROUTE.test(u.pathname);
  if (found.source === 'hash') return OFFER_PAGE_ROUTE.test(route?.path ?? '');
  if (found.param !== 'offer_id') return false;
  const where = u.searchParams.has('offer_id') ? u.pathname : (route?.path ?? '');
  return /offer/i.test(where) && !u.searchParams.has('_ef_transaction_id');
}
