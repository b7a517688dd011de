import { describe, expect, it } from 'vitest';
import { offerIdFromUrl, profileForHost } from '../../../lib/popup/offer-from-url';

describe('offerIdFromUrl', () => {
  it.each([
    ['https://acme.everflowclient.io/offers/123', 123],
    ['https://acme.everflowclient.io/offer/45', 45],
    ['https://partners.example.com/affiliate/offers/77/details?tab=links', 77],
    ['https://acme.everflowclient.io/offers/9#creatives', 9],
    ['https://acme.everflowclient.io/reporting?offer_id=31', 31],
    ['https://lander.example.com/?oid=12&affid=7', 12],
    ['HTTPS://ACME.EVERFLOWCLIENT.IO/OFFERS/5', 5],
  ])('%s → %s', (url, id) => expect(offerIdFromUrl(url)).toBe(id));

  it.each([
    ['https://acme.everflowclient.io/offers/', null],
    ['https://acme.everflowclient.io/offers/12a', null],
    ['https://acme.everflowclient.io/offersx/12', null],
    ['https://acme.everflowclient.io/dashboard', null],
    ['https://acme.everflowclient.io/offers/0', null],
    ['https://acme.everflowclient.io/?offer_id=abc', null],
    ['chrome://extensions/', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → none', (url, id) => expect(offerIdFromUrl(url)).toBe(id));

  it('prefers the path over the query', () => {
    expect(offerIdFromUrl('https://a.everflowclient.io/offers/3?offer_id=4')).toBe(3);
  });
});

describe('profileForHost', () => {
  const profiles = [
    { id: 'a', portalDomains: ['partners.acme.test'], isDefault: false },
    { id: 'b', portalDomains: ['*.white-label.test'], isDefault: false },
    { id: 'c', portalDomains: [], isDefault: true },
  ];

  it('matches the profile that lists the portal domain', () => {
    expect(profileForHost('partners.acme.test', profiles)?.id).toBe('a');
    expect(profileForHost('eu.white-label.test', profiles)?.id).toBe('b');
  });

  it('gives Everflow portals no profile names to the default profile', () => {
    expect(profileForHost('acme.everflowclient.io', profiles)?.id).toBe('c');
  });

  it('ignores other sites', () => {
    expect(profileForHost('news.example.com', profiles)).toBeNull();
    expect(profileForHost('white-label.test', profiles)).toBeNull();
  });
});
