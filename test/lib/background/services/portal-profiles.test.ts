// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimPortal, rememberPortalProfile } from '../../../../lib/background/services/portal-profiles';
import { type ProfileDeps, saveProfile } from '../../../../lib/background/services/profiles';
import { everflowError } from '../../../../lib/everflow/errors';
import { err, ok } from '../../../../lib/result';
import { profilesItem, settingsItem } from '../../../../lib/storage/items';

const detect = vi.fn<ProfileDeps['detect']>(async () =>
  ok({ realm: 'affiliate', accountId: 7, accountName: 'Partner', networkId: 3 }),
);
const deps: ProfileDeps = { detect, hasOrigin: async () => true, now: () => 5, newId: () => 'p1' };

beforeEach(async () => {
  fakeBrowser.reset();
  detect.mockReset();
  detect.mockImplementation(async () =>
    ok({ realm: 'affiliate', accountId: 7, accountName: 'Partner', networkId: 3 }),
  );
  const saved = await saveProfile(
    { name: 'Zen', role: 'affiliate', region: 'us', portalDomains: ['old.zen.test'], apiKey: 'key-1234' },
    deps,
  );
  if (!saved.ok) throw new Error(saved.error.message);
  detect.mockClear();
});

describe('claimPortal', () => {
  it('adds the host to the profile and remembers the pick, without any key check', async () => {
    const r = await claimPortal({ host: 'partners.brand.test', profileId: 'p1' });
    expect(r.ok && r.value.portalDomains).toEqual(['old.zen.test', 'partners.brand.test']);
    expect(r.ok && r.value.hasKey).toBe(true);
    expect(detect).not.toHaveBeenCalled();
    expect((await settingsItem.getValue()).profileByHost).toEqual({ 'partners.brand.test': 'p1' });
    expect((await profilesItem.getValue())[0]?.portalDomains).toContain('partners.brand.test');
  });

  it('works with the API down or hung: storing a portal domain needs no network', async () => {
    // A hung key check would hold the claim forever; an offline one would refuse it.
    detect.mockImplementation(() => new Promise(() => undefined));
    const hung = await claimPortal({ host: 'hung.brand.test', profileId: 'p1' });
    expect(hung.ok).toBe(true);
    detect.mockImplementation(async () => err(everflowError('offline')));
    const down = await claimPortal({ host: 'down.brand.test', profileId: 'p1' });
    expect(down.ok && down.value.portalDomains).toEqual([
      'old.zen.test',
      'hung.brand.test',
      'down.brand.test',
    ]);
    expect((await settingsItem.getValue()).profileByHost).toEqual({
      'hung.brand.test': 'p1',
      'down.brand.test': 'p1',
    });
  });

  it('claims a host already listed without doubling it', async () => {
    const r = await claimPortal({ host: 'old.zen.test', profileId: 'p1' });
    expect(r.ok && r.value.portalDomains).toEqual(['old.zen.test']);
  });

  it('refuses a wildcard or a URL instead of a host, and a gone profile', async () => {
    expect((await claimPortal({ host: '*.brand.test', profileId: 'p1' })).ok).toBe(false);
    expect((await claimPortal({ host: 'https://brand.test/x', profileId: 'p1' })).ok).toBe(false);
    const gone = await claimPortal({ host: 'brand.test', profileId: 'nope' });
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

  it('keeps the newest 200 host picks, so the map cannot grow without end', async () => {
    const old = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`h${i}.test`, 'p1']));
    await settingsItem.update((s) => ({ ...s, profileByHost: old }));
    expect((await rememberPortalProfile({ host: 'new.brand.test', profileId: 'p1' })).ok).toBe(true);
    const hosts = Object.keys((await settingsItem.getValue()).profileByHost ?? {});
    expect(hosts).toHaveLength(200);
    expect(hosts).not.toContain('h0.test');
    expect(hosts.at(-1)).toBe('new.brand.test');
  });
});
