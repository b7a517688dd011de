/**
 * A portal domain as the user may paste it ("https://Partners.Example.com/offers/12", "acme.everflowclient.io")
 * reduced to a lowercase host name, or null when it is not one.
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
  // A host name: labels of letters, digits and hyphens; a leading "*." allows every subdomain.
  return /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$|^localhost$|^\d{1,3}(\.\d{1,3}){3}$/.test(
    host,
  )
    ? host
    : null;
}

/** Whether a tab's host belongs to a portal domain (exact, or any subdomain for "*.example.com"). */
export function hostMatchesPortal(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  if (domain.startsWith('*.')) return h.endsWith(domain.slice(1)) && h.length > domain.length - 1;
  return h === domain;
}

/** Everflow's own partner portals, matched for every profile. */
export const EVERFLOW_PORTAL = '*.everflowclient.io';
