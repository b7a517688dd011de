import { describe, expect, it } from 'vitest';
import { hostMatchesPortal, hostOfUrl, normalizePortalDomain } from '../../../lib/portal/domain';

describe('normalizePortalDomain', () => {
  it.each([
    ['partners.example.com', 'partners.example.com'],
    ['  https://Partners.Example.com/offers/12 ', 'partners.example.com'],
    ['acme.everflowclient.io', 'acme.everflowclient.io'],
    ['*.white-label.test', '*.white-label.test'],
    ['http://localhost:8080/x', 'localhost'],
    ['10.0.0.5', '10.0.0.5'],
    ['portal.example.com.', 'portal.example.com'],
  ])('%s → %s', (input, host) => expect(normalizePortalDomain(input)).toBe(host));

  it.each(['', '   ', 'not a host!', '*.com', 'example', 'https://', 'a..b.com'])('%j → null', (input) =>
    expect(normalizePortalDomain(input)).toBeNull(),
  );
});

describe('hostMatchesPortal', () => {
  it('matches an exact host or any subdomain of a wildcard, never the bare wildcard domain', () => {
    expect(hostMatchesPortal('partners.acme.test', 'partners.acme.test')).toBe(true);
    expect(hostMatchesPortal('eu.white-label.test', '*.white-label.test')).toBe(true);
    expect(hostMatchesPortal('white-label.test', '*.white-label.test')).toBe(false);
    expect(hostMatchesPortal('evil-white-label.test', '*.white-label.test')).toBe(false);
    expect(hostMatchesPortal('acme.test', 'partners.acme.test')).toBe(false);
  });
});

describe('hostOfUrl', () => {
  it('gives the lowercase host or null', () => {
    expect(hostOfUrl('https://Acme.EverflowClient.io./offers/1')).toBe('acme.everflowclient.io');
    expect(hostOfUrl('not a url')).toBeNull();
    expect(hostOfUrl(undefined)).toBeNull();
  });
});
