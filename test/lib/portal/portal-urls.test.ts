import { describe, expect, it } from 'vitest';
import { hostOfUrl } from '../../../lib/portal/domain';
import { looksLikeOfferPage, offerIdFromUrl } from '../../../lib/portal/offer-id';
import { portalClaim } from '../../../lib/portal/profile-for-host';

// Real-looking portal URLs: white-label domains, everflowclient.io tenants, hash routes, view routes, pages that
// are not offers, and look-alikes. Columns: offer id (offerIdFromUrl), whether it looks like an offer page on a host
// nobody names (looksLikeOfferPage), and the profile claim (`acme?` = the default, only because nobody claims it).
const profiles = [
  { id: 'acme', portalDomains: ['partners.acmeads.com', 'acme.everflowclient.io'], isDefault: true },
  { id: 'zen', portalDomains: ['*.zenmedia.net'], isDefault: false },
  { id: 'lead', portalDomains: ['leadnet.everflowclient.io'], isDefault: false },
];

type Row = [url: string, offer: number | null, offerPage: boolean, claim: string | null];

const TABLE: Row[] = [
  // Everflow tenants
  ['https://acme.everflowclient.io/offers/123', 123, true, 'acme'],
  ['https://acme.everflowclient.io/offers/123/tracking-links', 123, true, 'acme'],
  ['https://leadnet.everflowclient.io/offers/77', 77, true, 'lead'],
  ['https://LeadNet.EverflowClient.io/offers/77', 77, true, 'lead'],
  ['https://leadnet.everflowclient.io/#/offers/14', 14, true, 'lead'],
  ['https://leadnet.everflowclient.io/#!/offer/14', 14, true, 'lead'],
  ['https://other-net.everflowclient.io/offers/view/14', 14, true, 'acme?'],
  ['https://other-net.everflowclient.io/affiliate/offers/view/14', 14, true, 'acme?'],
  ['https://other-net.everflowclient.io/dashboard', null, false, 'acme?'],
  ['https://other-net.everflowclient.io/login', null, false, 'acme?'],
  ['https://other-net.everflowclient.io/affiliate/signup?q=ref42', null, false, 'acme?'],
  ['https://acme.everflowclient.io/reporting?offer_id=31', 31, false, 'acme'],
  ['https://acme.everflowclient.io/#/reporting/offer?offer_id=31', 31, true, 'acme'],
  ['https://acme.everflowclient.io/affiliates/postbacks/9/edit', null, false, 'acme'],
  // White-label portals
  ['https://partners.acmeads.com/affiliate/offers/77/details?tab=links', 77, true, 'acme'],
  ['https://partners.acmeads.com/offers/view/5020#creatives', 5020, true, 'acme'],
  ['https://portal.zenmedia.net/#/offers/908?tab=tracking', 908, true, 'zen'],
  ['https://eu.portal.zenmedia.net/partner/offers/908', 908, true, 'zen'],
  ['https://zenmedia.net/offers/908', 908, true, null],
  ['https://affiliates.newnetwork.io/offers/3310', 3310, true, null],
  ['https://app.newnetwork.io/#/affiliate/offers/view/3310', 3310, true, null],
  ['https://affiliates.newnetwork.io/offer?offer_id=3310', 3310, true, null],
  ['https://affiliates.newnetwork.io/offers', null, false, null],
  // Not offer pages
  ['https://shop.example.com/blog/offers/2024/black-friday', 2024, false, null],
  ['https://lander.example.com/?oid=12&affid=7&_ef_transaction_id=ab12', 12, false, null],
  ['https://lander.example.com/offer.html?offer_id=12&_ef_transaction_id=ab12', 12, false, null],
  ['https://trk.newnetwork.io/9W598/2CTPL/?sub1=abc', null, false, null],
  ['https://docs.example.com/page#offers-14', null, false, null],
  ['https://news.example.com/article/14', null, false, null],
  // Look-alikes
  ['https://acme.everflowclient.io.evil.test/offers/3', 3, true, null],
  ['https://acme-everflowclient.io/offers/3', 3, true, null],
  ['https://everflowclient.io/offers/3', 3, true, null],
  ['https://evil-zenmedia.net/offers/3', 3, true, null],
  ['https://acme.everflowclient.io/offersx/12', null, false, 'acme'],
  ['https://acme.everflowclient.io/offers/12a', null, false, 'acme'],
  ['https://acme.everflowclient.io/offers/0?offer_id=4', null, false, 'acme'],
  ['https://acme.everflowclient.io/offers/12345678901', null, false, 'acme'],
  ['ftp://acme.everflowclient.io/offers/3', null, false, 'acme'],
  ['chrome://extensions/?offer_id=3', null, false, null],
];

function claimOf(url: string): string | null {
  const host = hostOfUrl(url);
  const claim = host ? portalClaim(host, profiles) : null;
  if (!claim) return null;
  return claim.via === 'claimed' ? claim.profile.id : `${claim.profile.id}?`;
}

describe('portal URLs', () => {
  it('has a table of at least 30 URLs', () => expect(TABLE.length).toBeGreaterThanOrEqual(30));

  it.each(TABLE)('%s → offer %s, offer page %s, profile %s', (url, offer, offerPage, claim) => {
    expect(offerIdFromUrl(url)).toBe(offer);
    expect(looksLikeOfferPage(url)).toBe(offerPage);
    expect(claimOf(url)).toBe(claim);
  });
});
