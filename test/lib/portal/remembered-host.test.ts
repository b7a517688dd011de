// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isPortalTab, MAX_REMEMBERED_HOSTS, withRememberedHost } from '../../../lib/portal/remembered-host';

const profiles = [{ id: 'a', portalDomains: ['partners.brand.test'], isDefault: true }];

describe('isPortalTab', () => {
  it.each([
    ['https://partners.brand.test/dashboard', true], // claimed by a profile
    ['https://acme.everflowclient.io/', true], // an Everflow portal
    ['https://other.test/affiliate/offers/view/14', true], // an offer page on a host nobody names
    ['https://other.test/#/offers/14', true],
    ['https://news.example.com/', false],
    ['https://news.example.com/blog/offers/2024', false], // an "offer id" in a path that is no offer page
    ['https://shop.example.com/landing?oid=14', false], // a landing page, not a portal
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isPortalTab(url, profiles)).toBe(expected);
  });
});

describe('withRememberedHost', () => {
  it('puts the pick last (most recent), replacing an older pick for the same host', () => {
    const next = withRememberedHost({ 'a.test': 'p', 'b.test': 'q' }, 'a.test', 'q');
    expect(Object.entries(next)).toEqual([
      ['b.test', 'q'],
      ['a.test', 'q'],
    ]);
  });

  it(`keeps at most ${MAX_REMEMBERED_HOSTS} hosts, dropping the oldest`, () => {
    let picks: Record<string, string> = {};
    for (let i = 0; i < MAX_REMEMBERED_HOSTS + 5; i++) picks = withRememberedHost(picks, `h${i}.test`, 'p');
    const hosts = Object.keys(picks);
    expect(hosts).toHaveLength(MAX_REMEMBERED_HOSTS);
    expect(hosts[0]).toBe('h5.test');
    expect(hosts.at(-1)).toBe(`h${MAX_REMEMBERED_HOSTS + 4}.test`);
  });
});
