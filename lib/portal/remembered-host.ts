import { hostOfUrl } from './domain';
import { looksLikeOfferPage } from './offer-id';
import { type ProfileLike, portalClaim } from './profile-for-host';

/** How many per-host profile picks are kept; the oldest go first. */
export const MAX_REMEMBERED_HOSTS = 200;

/**
 * Whether a tab is on a portal, so that a profile picked there may be remembered for its host (and honoured later):
 * a host some profile claims (or an Everflow portal), or a page that looks like a portal's offer page. Any other
 * site is not a portal: remembering it would make the popup read "offers" out of unrelated URLs.
 */
export function isPortalTab(url: string | undefined, profiles: readonly ProfileLike[]): boolean {
  const host = hostOfUrl(url);
  if (!host) return false;
  return portalClaim(host, profiles) !== null || looksLikeOfferPage(url);
}

/**
 * The per-host picks with `host` set to `profileId` as the most recent one, the oldest dropped beyond `max`.
 * Key order is recency order (hosts are never integer-like keys, so insertion order holds).
 */
export function withRememberedHost(
  picks: Readonly<Record<string, string>> | undefined,
  host: string,
  profileId: string,
  max = MAX_REMEMBERED_HOSTS,
): Record<string, string> {
  const entries = Object.entries(picks ?? {}).filter(([h]) => h !== host);
  entries.push([host, profileId]);
  return Object.fromEntries(entries.slice(-max));
}
