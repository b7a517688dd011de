// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeQueryValue, encodeQueryValue } from '../../../lib/postback/encode';
import { isLocalHost, parseHost, parseIPv6 } from '../../../lib/postback/host';
import { hostToAscii } from '../../../lib/postback/punycode';

describe('parseHost', () => {
  it.each([
    ['127.0.0.1', 0x7f000001],
    ['2130706433', 0x7f000001],
    ['0x7f.1', 0x7f000001],
    ['0177.0.0.1', 0x7f000001],
    ['10.1', 0x0a000001],
    ['8.8.8.8.', 0x08080808],
  ])('reads %s as an IPv4 address like a browser does', (host, value) => {
    expect(parseHost(host)).toEqual({ kind: 'ipv4', value });
  });

  it.each(['1.2.3.256', '1.2.3.4.5', '09.1.1.1', 'example.123'])(
    'rejects %s, which ends in a number',
    (host) => {
      expect(parseHost(host).kind).toBe('invalid');
    },
  );

  it('parses IPv6, including compressed and IPv4-mapped forms', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('2001:db8::8:1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 8, 1]);
    expect(parseIPv6('::ffff:10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 1]);
    expect(parseIPv6('1::2::3')).toBeUndefined();
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIPv6('12345::')).toBeUndefined();
  });

  it('tells private from public addresses', () => {
    const local = (h: string) => isLocalHost(parseHost(h));
    expect(
      ['localhost', 'a.localhost', '100.64.0.1', '[fc00::1]', '[::ffff:192.168.0.1]', 'box.local'].map(local),
    ).toEqual([true, true, true, true, true, true]);
    expect(['example.com', '8.8.8.8', '172.15.0.1', '[2001:db8::1]', '[::ffff:8.8.8.8]'].map(local)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('punycode', () => {
  it.each([
    ['münchen.example', 'xn--mnchen-3ya.example'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['MÜNCHEN.de', 'xn--mnchen-3ya.de'],
  ])('%s → %s', (host, ascii) => {
    expect(hostToAscii(host)).toBe(ascii);
  });
});

describe('query value encoding', () => {
  it('encodes everything but unreserved characters, and never throws', () => {
    expect(encodeQueryValue('a b&c=d/é~')).toBe('a%20b%26c%3Dd%2F%C3%A9~');
    expect(encodeQueryValue('\ud800x')).toBe('%EF%BF%BDx');
    expect(encodeQueryValue('50%25 off', true)).toBe('50%25%20off');
    expect(encodeQueryValue('50% off', true)).toBe('50%25%20off');
  });

  it('decodes like a form parser, keeping broken escapes', () => {
    expect(decodeQueryValue('a+b%20c%C3%A9')).toBe('a b cé');
    expect(decodeQueryValue('100%')).toBe('100%');
    expect(decodeQueryValue('%zz%41')).toBe('%zzA');
  });
});
