import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cacheIndexItem,
  draftsItem,
  profilesItem,
  settingsItem,
  templatesItem,
} from '../../../lib/storage/items';
import { chromeLikeStorage } from './chrome-like-storage';

const goodProfile = {
  id: 'p1',
  name: 'Acme network',
  role: 'affiliate',
  region: 'us',
  portalDomains: ['acme.everflowclient.io'],
  keyHint: '1234',
  createdAt: 1,
};

describe('validated storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the fallback on a fresh install', async () => {
    expect(await profilesItem.getValue()).toEqual([]);
    expect(await settingsItem.getValue()).toEqual({ defaultTemplateIds: {}, forgetKeysOnClose: false });
    expect(await templatesItem.getValue()).toEqual([]);
    expect(await draftsItem.getValue()).toEqual({});
    expect(await cacheIndexItem.getValue()).toEqual({ entries: {}, evicted: {} });
  });

  it('keeps valid data untouched and does not log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ profiles: [goodProfile] });
    expect(await profilesItem.getValue()).toEqual([goodProfile]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('repairs a corrupt field to its default, keeps the rest, writes the repair back and logs field names only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      profiles: [{ ...goodProfile, region: 'mars', portalDomains: 'not-a-list' }],
    });
    const [p] = await profilesItem.getValue();
    expect(p).toEqual({ ...goodProfile, region: 'us', portalDomains: [] });
    expect((await fakeBrowser.storage.local.get('profiles')).profiles).toEqual([p]);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    expect(line).toContain('portalDomains');
    expect(line).toContain('region');
    expect(line).not.toContain('mars');
  });

  it('drops a record without identity but keeps its neighbours', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ profiles: [{ name: 'no id' }, goodProfile, 42] });
    expect(await profilesItem.getValue()).toEqual([goodProfile]);
  });

  it('survives a value of the wrong type altogether', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ profiles: { oops: true }, settings: 'garbage', drafts: [1, 2] });
    expect(await profilesItem.getValue()).toEqual([]);
    expect(await settingsItem.getValue()).toEqual({ defaultTemplateIds: {}, forgetKeysOnClose: false });
    expect(await draftsItem.getValue()).toEqual({});
  });

  it('repairs one bad settings field without resetting the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { defaultProfileId: 'p1', forgetKeysOnClose: 'yes' } });
    expect(await settingsItem.getValue()).toEqual({
      defaultProfileId: 'p1',
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
    });
  });

  it('repairs a bad deadline, portal pick or default template alone, keeping the good ones', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      settings: {
        defaultProfileId: 'p1',
        defaultTemplateIds: {},
        defaultTemplateId: 't1',
        profileByHost: { 'a.test': 'p1' },
        requestDeadlineMs: 500,
        forgetKeysOnClose: false,
      },
    });
    expect(await settingsItem.getValue()).toEqual({
      defaultProfileId: 'p1',
      defaultTemplateIds: {},
      defaultTemplateId: 't1',
      profileByHost: { 'a.test': 'p1' },
      forgetKeysOnClose: false,
    });
    await fakeBrowser.storage.local.set({
      settings: {
        defaultTemplateIds: {},
        profileByHost: ['p1'],
        defaultTemplateId: 7,
        requestDeadlineMs: 20_000,
      },
    });
    expect(await settingsItem.getValue()).toEqual({
      defaultTemplateIds: {},
      requestDeadlineMs: 20_000,
      forgetKeysOnClose: false,
    });
  });

  it('watch delivers validated values', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: unknown[] = [];
    const stop = profilesItem.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ profiles: [goodProfile, { bad: 1 }] });
    await vi.waitFor(() => expect(seen).toEqual([[goodProfile]]));
    stop();
  });

  it('neither repairs, logs nor writes back a valid value that storage hands back with sorted keys', async () => {
    const restore = chromeLikeStorage();
    try {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const withAccount = {
        ...goodProfile,
        account: { name: 'Acme', id: 7, networkId: 3, realm: 'network', checkedAt: 5 },
      };
      await profilesItem.setValue([withAccount] as never);
      const set = vi.spyOn(fakeBrowser.storage.local, 'set');
      expect(await profilesItem.getValue()).toEqual([withAccount]);
      expect(set).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      restore();
    }
  });

  it('writes nothing when an update changes nothing', async () => {
    await settingsItem.setValue({ defaultProfileId: 'p1', defaultTemplateIds: {}, forgetKeysOnClose: false });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await settingsItem.update((s) => ({ ...s }));
    expect(set).not.toHaveBeenCalled();
  });

  it('lands every one of overlapping updates, and a repair write-back never undoes one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let turn = 0;
    const restore = chromeLikeStorage(() => new Promise((r) => setTimeout(r, turn++ % 3)));
    try {
      // A corrupt field makes every read want to write its repair back, in the middle of the updates.
      await fakeBrowser.storage.local.set({ profiles: [{ ...goodProfile, region: 'mars' }] });
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => [
          profilesItem.update((all) => [...all, { ...goodProfile, id: `n${i}` } as (typeof all)[number]]),
          profilesItem.getValue(),
        ]).flat(),
      );
      const ids = (await profilesItem.getValue()).map((p) => p.id);
      expect(ids.sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'p1']);
    } finally {
      restore();
    }
  });
});
