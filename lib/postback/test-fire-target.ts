/**
 * Where a test-fire may go (issue 18.2). Pure. https by default; http, a private-range address and an Everflow API
 * host each need the user's explicit confirmation (the API host would only ever receive a request without a key,
 * but it is no tracker; a private address could reach the user's own network devices).
 */

/** What the user confirmed for this send. */
export interface TestFireConfirmations {
  http?: boolean;
  privateHost?: boolean;
  everflowHost?: boolean;
}

export type ConfirmationNeeded = keyof TestFireConfirmations;

export type TargetCheck =
  | { ok: true; url: URL }
  | { ok: false; kind: 'bad_request'; message: string }
  | { ok: false; kind: 'needs_confirmation'; confirm: ConfirmationNeeded; message: string };

/** Everflow's own API hosts: never a tracker. */
export const EVERFLOW_API_HOSTS = ['api.eflow.team', 'api-eu.eflow.team'] as const;

function ipv4(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : undefined;
}

/** Whether a host name (as `URL.hostname` gives it) is a loopback, private, link-local or local-only address. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  )
    return true;
  const v4 = ipv4(host);
  if (v4) {
    const [a = 0, b = 0] = v4;
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1' || v6 === '::') return true;
    if (/^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
    if (mapped?.[1]) return isPrivateHost(mapped[1]);
    // URL writes an IPv4-mapped address in hex: ::ffff:7f00:1 is 127.0.0.1.
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
    if (hex?.[1] && hex[2]) {
      const n = (Number.parseInt(hex[1], 16) << 16) | Number.parseInt(hex[2], 16);
      return isPrivateHost([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
    }
  }
  return false;
}

/**
 * Check one URL to test-fire. `apiOrigins` are the origins of the user's Everflow API hosts (the regions' and
 * every profile's custom host): a test never goes there without confirmation.
 */
export function checkTestFireTarget(
  raw: string,
  apiOrigins: readonly string[],
  confirmed: TestFireConfirmations = {},
): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      kind: 'bad_request',
      message: 'This is not a complete URL: it must start with https://.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      kind: 'bad_request',
      message: `Only https:// (or http://) URLs can be test-fired, not ${url.protocol}.`,
    };
  if (url.username || url.password)
    return {
      ok: false,
      kind: 'bad_request',
      message: 'Remove the user name and password (user:pass@) from the URL.',
    };
  if (/\{[a-z_0-9]+\}|%7B[a-z_0-9]+%7D/i.test(raw))
    return {
      ok: false,
      kind: 'bad_request',
      message: 'The URL still has a {macro} in it: fill in a sample value for it first.',
    };
  if (url.protocol === 'http:' && !confirmed.http)
    return {
      ok: false,
      kind: 'needs_confirmation',
      confirm: 'http',
      message: `This sends the test over plain http:// to ${url.host}: anyone on the way can read it. Send it anyway?`,
    };
  const isApi =
    EVERFLOW_API_HOSTS.includes(url.hostname as (typeof EVERFLOW_API_HOSTS)[number]) ||
    apiOrigins.includes(url.origin);
  if (isApi && !confirmed.everflowHost)
    return {
      ok: false,
      kind: 'needs_confirmation',
      confirm: 'everflowHost',
      message: `${url.host} is an Everflow API address, not a tracker. Send the test there anyway (without any key)?`,
    };
  if (isPrivateHost(url.hostname) && !confirmed.privateHost)
    return {
      ok: false,
      kind: 'needs_confirmation',
      confirm: 'privateHost',
      message: `${url.hostname} is a local or private-network address. Send the test there anyway?`,
    };
  return { ok: true, url };
}

/** The host permission pattern a test to `url` needs (`https://host/*`). */
export function hostPermissionFor(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}
