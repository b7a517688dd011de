import { EVERFLOW_PORTAL, portalMatchScore } from './domain';

/** What a profile needs to say which portals are its own. */
export interface ProfileLike {
  id: string;
  portalDomains: string[];
  isDefault: boolean;
}

/**
 * Which profile a portal host belongs to, and how sure that is:
 * - `claimed`: a profile lists the host (or a wildcard covering it) among its portal domains;
 * - `everflow-default`: an Everflow portal (`*.everflowclient.io`) no profile names, given to the default profile.
 *   With more than one profile of the right kind this is a guess the popup should let the user correct.
 */
export interface PortalClaim<P extends ProfileLike> {
  profile: P;
  via: 'claimed' | 'everflow-default';
}

/**
 * The claim on a host. The most specific portal domain wins (an exact host over a wildcard, so
 * "acme.everflowclient.io" on one profile beats "*.everflowclient.io" on the default one); on a tie the default
 * profile, then the first listed. Null for a site no profile names that is not an Everflow portal.
 */
export function portalClaim<P extends ProfileLike>(
  host: string,
  profiles: readonly P[],
): PortalClaim<P> | null {
  let best: P | undefined;
  let bestScore = 0;
  for (const p of profiles) {
    const score = Math.max(0, ...p.portalDomains.map((d) => portalMatchScore(host, d)));
    if (score > bestScore || (score > 0 && score === bestScore && p.isDefault && !best?.isDefault)) {
      best = p;
      bestScore = score;
    }
  }
  if (best) return { profile: best, via: 'claimed' };
  if (portalMatchScore(host, EVERFLOW_PORTAL) > 0) {
    const fallback = profiles.find((p) => p.isDefault) ?? profiles[0];
    return fallback ? { profile: fallback, via: 'everflow-default' } : null;
  }
  return null;
}

/**
 * The profile a portal tab belongs to: the one claiming the tab's host among its portal domains (see portalClaim);
 * for an Everflow portal (`*.everflowclient.io`) that no profile names, the default profile. Null for any other site.
 */
export function profileForHost<P extends ProfileLike>(host: string, profiles: readonly P[]): P | null {
  return portalClaim(host, profiles)?.profile ?? null;
}
