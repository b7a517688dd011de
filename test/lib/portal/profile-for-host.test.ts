import { describe, expect, it } from 'vitest';
import { portalClaim, profileForHost } from '../../../lib/portal/profile-for-host';

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

describe('portalClaim', () => {
  const wideDefault = { id: 'wide', portalDomains: ['*.everflowclient.io'], isDefault: true };
  const exact = { id: 'lead', portalDomains: ['leadnet.everflowclient.io'], isDefault: false };
  const eu = { id: 'eu', portalDomains: ['*.eu.zen.test'], isDefault: false };
  const zen = { id: 'zen', portalDomains: ['*.zen.test'], isDefault: true };

  it('gives an everflowclient.io subdomain a profile claims to that profile, even over a default wildcard', () => {
    expect(portalClaim('leadnet.everflowclient.io', [wideDefault, exact])).toEqual({
      profile: exact,
      via: 'claimed',
    });
    expect(portalClaim('other.everflowclient.io', [wideDefault, exact])?.profile.id).toBe('wide');
  });

  it('prefers the longer wildcard, then the default on a tie', () => {
    expect(portalClaim('portal.eu.zen.test', [zen, eu])?.profile.id).toBe('eu');
    expect(portalClaim('portal.zen.test', [zen, eu])?.profile.id).toBe('zen');
    const twin = { ...zen, id: 'twin', isDefault: false };
    expect(portalClaim('portal.zen.test', [twin, zen])?.profile.id).toBe('zen');
  });

  it('says when an Everflow portal went to the default profile only because nobody claims it', () => {
    const plain = { id: 'plain', portalDomains: [], isDefault: true };
    expect(portalClaim('acme.everflowclient.io', [exact, plain])).toEqual({
      profile: plain,
      via: 'everflow-default',
    });
    expect(portalClaim('acme.everflowclient.io', [])).toBeNull();
  });

  it('matches hosts in any case and with a trailing dot', () => {
    expect(portalClaim('LeadNet.EverflowClient.io.', [exact])?.via).toBe('claimed');
  });
});
