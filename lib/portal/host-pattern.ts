/**
 * The host permission match pattern for an API base URL: scheme and host, no port, any path —
 * `http://127.0.0.1:8787/v1` → `http://127.0.0.1/*`.
 *
 * Why no port: Firefox match patterns cannot carry one ("This version of the extension cannot ask for access to
 * 127.0.0.1:8787", and `permissions.contains` answers false for a pattern with a port), while in Chromium a
 * pattern without a port matches every port of that host. So the port-less pattern is the one both browsers grant.
 * Undefined for a URL that does not parse or is not http(s).
 */
export function hostMatchPattern(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // `hostname` has no port (and keeps the brackets of an IPv6 address), unlike `host` and `origin`.
  return `${url.protocol}//${url.hostname}/*`;
}
