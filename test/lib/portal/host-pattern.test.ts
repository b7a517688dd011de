import { describe, expect, it } from 'vitest';
import { neededOrigin } from '../../../components/profiles/profile-value';
import { originPattern } from '../../../lib/background/services/profiles';
import { hostMatchPattern } from '../../../lib/portal/host-pattern';

/**
 * Firefox's grammar for a host permission (MDN "Match patterns"): scheme, then `*`, `*.host`, a host name or a
 * bracketed IPv6 address, then a path. A port is not allowed: Firefox refuses to ask for such a pattern.
 */
function firefoxAccepts(pattern: string): boolean {
  return /^(https?|\*):\/\/(\*|(\*\.)?[^/*:[\]]+|\[[0-9a-f:.]+\])\/.*$/i.test(pattern);
}

/**
 * Chromium's rule: the host may carry a port; a pattern without one matches every port of that host.
 * Enough of the matcher for `scheme://host[:port]/*` patterns.
 */
function chromiumMatches(pattern: string, url: string): boolean {
  const m = /^(https?):\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+))?\/\*$/.exec(pattern);
  if (!m) return false;
  const u = new URL(url);
  if (u.protocol !== `${m[1]}:` || u.hostname !== m[2]) return false;
  return m[3] === undefined || m[3] === (u.port || (u.protocol === 'https:' ? '443' : '80'));
}

const BASES = [
  ['http://127.0.0.1:8787/v1', 'http://127.0.0.1/*'],
  ['https://proxy.example.net:8443/everflow/v1', 'https://proxy.example.net/*'],
  ['https://api-eu.eflow.team/v1', 'https://api-eu.eflow.team/*'],
  ['http://[::1]:9000/v1', 'http://[::1]/*'],
  [' https://Staging.Example.com/v1 ', 'https://staging.example.com/*'],
] as const;

describe('hostMatchPattern', () => {
  it.each(BASES)('%s → %s', (base, pattern) => {
    expect(hostMatchPattern(base)).toBe(pattern);
  });

  it.each(BASES)("Firefox's grammar accepts the pattern for %s (no port)", (base) => {
    expect(firefoxAccepts(hostMatchPattern(base)!)).toBe(true);
  });

  it.each(BASES)("under Chromium's rule the pattern for %s covers the API calls on its port", (base) => {
    expect(chromiumMatches(hostMatchPattern(base)!, `${base.trim()}/affiliates/offers/12`)).toBe(true);
  });

  it('the reference rules see the old bug: an origin with a port is no Firefox pattern', () => {
    expect(firefoxAccepts(`${new URL('http://127.0.0.1:8787/v1').origin}/*`)).toBe(false);
    expect(chromiumMatches('http://127.0.0.1:8787/*', 'http://127.0.0.1:8787/v1/x')).toBe(true);
  });

  it('is undefined for what is not an http(s) URL', () => {
    expect(hostMatchPattern('not a url')).toBeUndefined();
    expect(hostMatchPattern('ftp://files.example.com/v1')).toBeUndefined();
  });
});

describe('every place that builds a host pattern drops the port', () => {
  it('the background key check (originPattern)', () => {
    expect(originPattern('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1/*');
  });

  it('the profile form permission request (neededOrigin)', () => {
    expect(neededOrigin({ region: 'custom', customBaseUrl: 'https://host.example:8443/v1' })).toBe(
      'https://host.example/*',
    );
  });
});
