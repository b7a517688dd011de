/**
 * Portal domains: what the user types into a profile ("partners.example.com", "*.example.com") and how a tab's host
 * is matched against it. Pure: no browser API.
 */

/** Everflow's own partner portals (`<tenant>.everflowclient.io`), matched for every profile. */
export const EVERFLOW_PORTAL = '*.everflowclient.io';

/**
 * A portal domain as the user may paste it ("https://Partners.Example.com/offers/12", "acme.everflowclient.io",
 * "*.example.com") reduced to a lowercase host name, or null when it is not one.
 */
export function normalizePortalDomain(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  // "example.com." (a fully qualified name, as some copy buttons give it) is the same host as "example.com".
  if (host.endsWith('.')) host = host.slice(0, -1);
  // A host name: labels of letters, digits and hyphens; a leading "*." allows every subdomain.
  return /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$|^localhost$|^\d{1,3}(\.\d{1,3}){3}$/.test(
    host,
  )
    ? host
    : null;
}

/** The lowercase host of a URL without a trailing dot, or null when the text is not a URL with a host. */
export function hostOfUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host || null;
  } catch {
    return null;
  }
}

/**
 * How specifically `domain` names `host`: 0 when it does not, otherwise higher for a closer claim (an exact host beats
 * any wildcard; "*.eu.example.com" beats "*.example.com").
 */
export function portalMatchScore(host: string, domain: string): number {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase();
  if (d.startsWith('*.')) {
    const suffix = d.slice(1); // ".example.com"
    return h.endsWith(suffix) && h.length > suffix.length ? suffix.length : 0;
  }
  return h === d ? 1000 + d.length : 0;
}

/** Whether a tab's host belongs to a portal domain (exact, or any subdomain for "*.example.com"). */
export function hostMatchesPortal(host: string, domain: string): boolean {
  return portalMatchScore(host, domain) > 0;
}
