// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimPortal, rememberPortalProfile } from '../../../../lib/background/services/portal-profiles';
import { type ProfileDeps, saveProfile } from '../../../../lib/background/services/profiles';
import { ok } from '../../../../lib/result';
import { profilesItem, settingsItem } from '../../../../lib/storage/items';

const detect = vi.fn<ProfileDeps['detect']>(async () =>
  ok({ realm: 'affiliate', accountId: 7, accountName: 'Partner', networkId: 3 }),
);
const deps: ProfileDeps = { detect, hasOrigin: async () => true, now: () => 5, newId: () => 'p1' };

beforeEach(async () => {
  fakeBrowser.reset();
  detect.mockClear();
  const saved = await saveProfile(
    { name: 'Zen', role: 'affiliate', region: 'us', portalDomains: ['old.zen.test'], apiKey: 'key-1234' },
    deps,
  );
  if (!saved.ok) throw new Error(saved.error.message);
  detect.mockClear();
});

describe('claimPortal', () => {
  it('adds the host to the profile through the profile save, with the stored key, and remembers the pick', async () => {
    const r = await claimPortal({ host: 'partners.brand.test', profileId: 'p1' }, deps);
    expect(r.ok && r.value.portalDomains).toEqual(['old.zen.test', 'partners.brand.test']);
    // The key check ran again with the key already stored: nothing had to be typed.
    expect(detect).toHaveBeenCalledWith(expect.objectContaining({ apiKey: 'key-1234' }));
    expect((await settingsItem.getValue()).profileByHost).toEqual({ 'partners.brand.test': 'p1' });
    expect((await profilesItem.getValue())[0]?.portalDomains).toContain('partners.brand.test');
  });

  it('refuses a wildcard or a URL instead of a host, and a gone profile', async () => {
    expect((await claimPortal({ host: '*.brand.test', profileId: 'p1' }, deps)).ok).toBe(false);
    expect((await claimPortal({ host: 'https://brand.test/x', profileId: 'p1' }, deps)).ok).toBe(false);
    const gone = await claimPortal({ host: 'brand.test', profileId: 'nope' }, deps);
    expect(!gone.ok && gone.error.kind).toBe('not_found');
    expect((await profilesItem.getValue())[0]?.portalDomains).toEqual(['old.zen.test']);
  });
});

describe('rememberPortalProfile', () => {
  it('remembers the profile per host and leaves the default profile alone', async () => {
    const before = (await settingsItem.getValue()).defaultProfileId;
    expect((await rememberPortalProfile({ host: 'a.everflowclient.io', profileId: 'p1' })).ok).toBe(true);
    const s = await settingsItem.getValue();
    expect(s.profileByHost).toEqual({ 'a.everflowclient.io': 'p1' });
    expect(s.defaultProfileId).toBe(before);
  });
});
