/**
 * Where a test-fire may go (issue 18.2). Pure. https by default; http, a private-range address and an Everflow API
 * host each need the user's explicit confirmation (the API host would only ever receive a request without a key,
 * but it is no tracker; a private address could reach the user's own network devices).
 */

import { EVERFLOW_API_HOSTS } from '../model/everflow-hosts';

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

/** Everflow's own API hosts (from the regions' base URLs): never a tracker. */
export { EVERFLOW_API_HOSTS };

/** A host name without the trailing dot of a fully qualified name (`api.eflow.team.` is `api.eflow.team`). */
function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** An origin with its host bare (see `bareHost`), to compare origins however the host was written. */
function bareOrigin(url: URL): string {
  return `${url.protocol}//${bareHost(url.hostname)}${url.port ? `:${url.port}` : ''}`;
}

function ipv4(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : undefined;
}

/** Private, loopback, link-local, shared, benchmark, multicast or reserved IPv4 (RFC 6890 and neighbours). */
function isPrivateV4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224 // multicast 224/4, reserved 240/4 and the broadcast address
  );
}

/** The IPv4 address in the last 32 bits of an IPv6 address as `URL` writes it (`…:7f00:1`), if any. */
function embeddedV4(hi: string, lo: string): number[] {
  const n = ((Number.parseInt(hi, 16) << 16) | Number.parseInt(lo, 16)) >>> 0;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** Whether a host name (as `URL.hostname` gives it) is a loopback, private, link-local or local-only address. */
export function isPrivateHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (/(^|\.)(localhost|local|lan|home\.arpa|internal)$/.test(host)) return true;
  const v4 = ipv4(host);
  if (v4) return isPrivateV4(v4);
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1' || v6 === '::') return true;
    // Unique local fc00::/7, link-local fe80::/10, the old site-local fec0::/10, and multicast ff00::/8.
    if (/^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89a-f][0-9a-f]?:/.test(v6) || /^ff[0-9a-f]{0,2}:/.test(v6))
      return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
    if (mapped?.[1]) return isPrivateHost(mapped[1]);
    // IPv4-mapped (::ffff:7f00:1), IPv4-compatible (::7f00:1) and NAT64 (64:ff9b::7f00:1) carry an IPv4 address.
    const hex = /^(?:::ffff:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
    if (hex?.[1] && hex[2]) return isPrivateV4(embeddedV4(hex[1], hex[2]));
    return false;
  }
  // A single-label name ("router", "intranet") only resolves on a local network.
  return !host.includes('.');
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
  const origin = bareOrigin(url);
  const isApi =
    EVERFLOW_API_HOSTS.includes(bareHost(url.hostname)) ||
    apiOrigins.some((o) => {
      try {
        return bareOrigin(new URL(o)) === origin;
      } catch {
        return false;
      }
    });
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

/** What a URL still needs the user to confirm, every point at once, or why it cannot be sent at all. */
export type TargetConfirmations =
  | { ok: true; url: URL }
  | { ok: false; kind: 'bad_request'; message: string }
  | { ok: false; kind: 'needs_confirmation'; needed: { confirm: ConfirmationNeeded; message: string }[] };

/**
 * Like `checkTestFireTarget`, but gathers every confirmation the URL needs (plain http, a private address, an
 * Everflow host), so the user answers one question listing them all instead of one question after another.
 */
export function confirmationsNeeded(
  raw: string,
  apiOrigins: readonly string[],
  confirmed: TestFireConfirmations = {},
): TargetConfirmations {
  const needed: { confirm: ConfirmationNeeded; message: string }[] = [];
  let assumed = { ...confirmed };
  // At most one round per kind of confirmation, then the URL is either fine or refused.
  for (;;) {
    const check = checkTestFireTarget(raw, apiOrigins, assumed);
    if (check.ok) return needed.length ? { ok: false, kind: 'needs_confirmation', needed } : check;
    if (check.kind === 'bad_request') return check;
    needed.push({ confirm: check.confirm, message: check.message });
    assumed = { ...assumed, [check.confirm]: true };
  }
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
