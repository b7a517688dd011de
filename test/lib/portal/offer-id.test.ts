import { describe, expect, it } from 'vitest';
import { offerIdFromUrl } from '../../../lib/portal/offer-id';

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
