import { describe, expect, it } from 'vitest';
import {
  checkTestFireTarget,
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
});
