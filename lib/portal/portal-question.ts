import { hostOfUrl } from './domain';
import { looksLikeOfferPage, offerIdFromUrl } from './offer-id';
import { type ProfileLike, portalClaim } from './profile-for-host';

/** A profile as the question needs it: its kind, to offer only the profiles a portal can belong to. */
export interface ProfileWithRole extends ProfileLike {
  role: 'affiliate' | 'network';
}

/** "Which profile is this portal for?": the host to remember, the offer the tab shows, the profiles to offer. */
export interface PortalQuestion<P extends ProfileWithRole> {
  host: string;
  offerId: number;
  candidates: P[];
  /** True when the popup already shows the offer with a guessed profile (an Everflow portal nobody claims). */
  guessed: boolean;
}

// Portals put the role first in their routes: "/affiliate/offers/14" is a partner portal, "/network/…" a network's.
const AFFILIATE_ROUTE = /^\/(?:affiliates?|partners?|publishers?)(?:\/|$)/i;
const NETWORK_ROUTE = /^\/(?:network|admin)(?:\/|$)/i;

/** The kind of profile a portal URL is for, from its route (path or hash route), when it says. */
export function portalRole(url: string): 'affiliate' | 'network' | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const hashPath = u.hash.replace(/^#!?/, '').split('?')[0] ?? '';
  for (const path of [u.pathname, hashPath]) {
    if (AFFILIATE_ROUTE.test(path)) return 'affiliate';
    if (NETWORK_ROUTE.test(path)) return 'network';
  }
  return undefined;
}

/**
 * Whether the popup should ask which profile a tab's portal belongs to, and whom to offer:
 * - an offer page (see looksLikeOfferPage) on a host no profile names;
 * - an Everflow portal (`*.everflowclient.io`) no profile names, when more than one profile could own it (the
 *   default profile is a guess then; the popup shows the offer with it and lets the user correct it).
 * The candidates are the profiles of the kind the route names ("/affiliate/…"), else every profile. Null when
 * nothing needs asking (a claimed host, a page that is no offer, no profile to offer).
 */
export function portalQuestion<P extends ProfileWithRole>(
  url: string | undefined,
  profiles: readonly P[],
): PortalQuestion<P> | null {
  const host = hostOfUrl(url);
  if (!url || !host) return null;
  const claim = portalClaim(host, profiles);
  if (claim?.via === 'claimed') return null;
  const offerId = offerIdFromUrl(url);
  if (!offerId) return null;
  if (!claim && !looksLikeOfferPage(url)) return null;
  const role = portalRole(url);
  const ofRole = role ? profiles.filter((p) => p.role === role) : [];
  const candidates = ofRole.length ? ofRole : [...profiles];
  if (!candidates.length || (claim && candidates.length < 2)) return null;
  return { host, offerId, candidates, guessed: Boolean(claim) };
}
