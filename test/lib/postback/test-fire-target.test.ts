import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../lib/everflow/regions';
import {
  checkTestFireTarget,
  confirmationsNeeded,
  EVERFLOW_API_HOSTS,
  hostPermissionFor,
  isPrivateHost,
} from '../../../lib/postback/test-fire-target';

describe('test-fire target', () => {
  it('sends https to a public host without asking', () => {
    const r = checkTestFireTarget('https://trk.example.com/pb?cid=abc', []);
    expect(r.ok).toBe(true);
  });

  it('asks before http, before a private address, and before an Everflow API host', () => {
    expect(checkTestFireTarget('http://trk.example.com/pb', [])).toMatchObject({
      ok: false,
      confirm: 'http',
    });
    expect(checkTestFireTarget('http://trk.example.com/pb', [], { http: true }).ok).toBe(true);
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      'localhost',
      '[::1]',
    ])
      expect(checkTestFireTarget(`https://${host}/pb`, [])).toMatchObject({
        ok: false,
        confirm: 'privateHost',
      });
    expect(checkTestFireTarget('https://192.168.1.1/pb', [], { privateHost: true }).ok).toBe(true);
    expect(checkTestFireTarget('https://api.eflow.team/v1/x', [])).toMatchObject({ confirm: 'everflowHost' });
    expect(checkTestFireTarget('https://api.acme.com/v1', ['https://api.acme.com'])).toMatchObject({
      confirm: 'everflowHost',
    });
    // Another port of the same host is another origin (the sandbox's plain tracker listener).
    expect(checkTestFireTarget('https://api.acme.com:8443/pb', ['https://api.acme.com']).ok).toBe(true);
  });

  it('refuses what cannot be sent, with the reason', () => {
    expect(checkTestFireTarget('trk.example.com/pb', [])).toMatchObject({ kind: 'bad_request' });
    expect(checkTestFireTarget('ftp://trk.example.com/pb', [])).toMatchObject({ kind: 'bad_request' });
    expect(checkTestFireTarget('https://u:p@trk.example.com/pb', [])).toMatchObject({ kind: 'bad_request' });
    expect(checkTestFireTarget('https://trk.example.com/pb?cid={sub1}', [])).toMatchObject({
      kind: 'bad_request',
      message: expect.stringMatching(/macro/),
    });
  });

  it('knows private ranges, and public neighbours of them', () => {
    expect(isPrivateHost('172.32.0.1')).toBe(false);
    expect(isPrivateHost('100.64.0.1')).toBe(true);
    expect(isPrivateHost('[fd00::1]')).toBe(true);
    expect(isPrivateHost('[::ffff:7f00:1]')).toBe(true);
    expect(isPrivateHost('printer.local')).toBe(true);
    expect(isPrivateHost('8.8.8.8')).toBe(false);
  });

  it('asks for exactly the host (any port) as a host permission', () => {
    expect(hostPermissionFor('https://trk.example.com:8443/pb?x=1')).toBe('https://trk.example.com/*');
    expect(hostPermissionFor('not a url')).toBeUndefined();
  });

  it('counts local names, more reserved ranges and IPv4 inside IPv6 as private (through URL, as the check sees them)', () => {
    const host = (u: string) => new URL(u).hostname;
    for (const u of [
      'https://router/pb',
      'https://intranet./pb',
      'https://nas.lan/pb',
      'https://printer.home.arpa/pb',
      'https://svc.internal/pb',
      'https://box.local./pb',
      'https://[fec0::1]/pb',
      'https://[ff02::1]/pb',
      'https://[::ffff:127.0.0.1]/pb',
      'https://[::ffff:10.0.0.1]/pb',
      'https://[::127.0.0.1]/pb',
      'https://[64:ff9b::192.168.0.1]/pb',
      'https://198.18.0.1/pb',
      'https://198.19.255.1/pb',
      'https://224.0.0.251/pb',
      'https://239.1.1.1/pb',
      'https://255.255.255.255/pb',
      'https://2130706433/pb',
    ])
      expect([u, isPrivateHost(host(u))]).toEqual([u, true]);
    for (const u of [
      'https://trk.example.com/pb',
      'https://198.20.0.1/pb',
      'https://223.255.255.1/pb',
      'https://[2001:db8::1]/pb',
      'https://[::ffff:8.8.8.8]/pb',
    ])
      expect([u, isPrivateHost(host(u))]).toEqual([u, false]);
  });

  it("knows an Everflow host written with a trailing dot or in capitals, and the regions' hosts", () => {
    expect(EVERFLOW_API_HOSTS).toEqual(Object.values(REGIONS).map((b) => new URL(b).hostname));
    expect(checkTestFireTarget('https://api.eflow.team./v1/x', [])).toMatchObject({
      confirm: 'everflowHost',
    });
    expect(checkTestFireTarget('https://API-EU.eflow.team/v1/x', [])).toMatchObject({
      confirm: 'everflowHost',
    });
    expect(checkTestFireTarget('https://api.acme.com./v1', ['https://api.acme.com'])).toMatchObject({
      confirm: 'everflowHost',
    });
  });
});

describe('confirmationsNeeded', () => {
  it('gathers every confirmation a URL needs into one question', () => {
    const r = confirmationsNeeded('http://api.eflow.team/x', []);
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== 'needs_confirmation') throw new Error('expected a question');
    expect(r.needed.map((n) => n.confirm)).toEqual(['http', 'everflowHost']);
  });

  it('asks nothing already confirmed, and passes a URL that needs nothing', () => {
    const r = confirmationsNeeded('http://10.0.0.1/x', [], { http: true });
    expect(r.ok === false && r.kind === 'needs_confirmation' && r.needed.map((n) => n.confirm)).toEqual([
      'privateHost',
    ]);
    expect(confirmationsNeeded('https://trk.example.com/pb', []).ok).toBe(true);
  });

  it('refuses what no confirmation can fix', () => {
    const r = confirmationsNeeded('http://trk.example.com/{sub1}', []);
    expect(r.ok === false && r.kind).toBe('bad_request');
  });
});
