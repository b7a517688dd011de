import { EVERFLOW_PORTAL, hostMatchesPortal } from '../profiles/portal-domain';

/**
 * The offer id in a portal URL: a path like `/offers/123` or `/offer/123` (anywhere in the path, e.g.
 * `/affiliate/offers/123/details`), else a query parameter `offer_id=` or `oid=`. Null when there is none.
 */
export function offerIdFromUrl(url: string | undefined | null): number | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const path = u.pathname.match(/\/offers?\/(\d{1,10})(?:[/?#]|$)/i);
  const raw = path?.[1] ?? u.searchParams.get('offer_id') ?? u.searchParams.get('oid');
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

export interface ProfileLike {
  id: string;
  portalDomains: string[];
  isDefault: boolean;
}

/**
 * The profile a portal tab belongs to: the one listing the tab's host among its portal domains; for an Everflow
 * portal (`*.everflowclient.io`) that no profile names, the default profile. Null for any other site.
 */
export function profileForHost<P extends ProfileLike>(host: string, profiles: readonly P[]): P | null {
  const named = profiles.filter((p) => p.portalDomains.some((d) => hostMatchesPortal(host, d)));
  if (named.length) return named.find((p) => p.isDefault) ?? named[0]!;
  if (hostMatchesPortal(host, EVERFLOW_PORTAL))
    return profiles.find((p) => p.isDefault) ?? profiles[0] ?? null;
  return null;
}
