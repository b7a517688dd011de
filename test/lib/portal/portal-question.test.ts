import { describe, expect, it } from 'vitest';
import { portalQuestion, portalRole } from '../../../lib/portal/portal-question';

const aff = { id: 'aff', role: 'affiliate' as const, portalDomains: [], isDefault: true };
const aff2 = {
  id: 'aff2',
  role: 'affiliate' as const,
  portalDomains: ['partners.zen.test'],
  isDefault: false,
};
const net = { id: 'net', role: 'network' as const, portalDomains: [], isDefault: false };
const ids = (q: ReturnType<typeof portalQuestion>) => q?.candidates.map((p) => p.id);

describe('portalQuestion', () => {
  it('asks on an offer page of a host no profile names, offering profiles of the kind the route names', () => {
    const q = portalQuestion('https://partners.acme.test/affiliate/offers/view/14', [aff, aff2, net]);
    expect(q).toMatchObject({ host: 'partners.acme.test', offerId: 14, guessed: false });
    expect(ids(q)).toEqual(['aff', 'aff2']);
  });

  it('recognises hash routes and offers every profile when the route names no kind', () => {
    const q = portalQuestion('https://portal.brand.test/#/offers/77', [aff, net]);
    expect(q?.offerId).toBe(77);
    expect(ids(q)).toEqual(['aff', 'net']);
  });

  it('does not ask on a claimed host, on pages that are no offer page, or with no profile', () => {
    expect(portalQuestion('https://partners.zen.test/offers/14', [aff, aff2])).toBeNull();
    expect(portalQuestion('https://news.test/blog/offers/2024/summer', [aff])).toBeNull();
    expect(portalQuestion('https://shop.test/?oid=5', [aff])).toBeNull();
    expect(portalQuestion('https://partners.acme.test/offers/14', [])).toBeNull();
    expect(portalQuestion(undefined, [aff])).toBeNull();
  });

  it('asks on an unclaimed everflowclient.io portal only when more than one profile could own it', () => {
    expect(portalQuestion('https://acme.everflowclient.io/offers/14', [aff])).toBeNull();
    const q = portalQuestion('https://acme.everflowclient.io/offers/14', [aff, aff2, net]);
    expect(q).toMatchObject({ guessed: true, offerId: 14 });
    expect(
      portalQuestion('https://acme.everflowclient.io/offers/14', [
        aff,
        { ...aff2, portalDomains: ['acme.everflowclient.io'] },
      ]),
    ).toBeNull();
  });
});

describe('portalRole', () => {
  it.each([
    ['https://p.test/affiliate/offers/14', 'affiliate'],
    ['https://p.test/#/partners/offers/14', 'affiliate'],
    ['https://p.test/network/offers/14', 'network'],
    ['https://p.test/offers/14', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, role) => expect(portalRole(url)).toBe(role));
});
