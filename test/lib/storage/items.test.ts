import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheItem, draftsItem, profilesItem, settingsItem, templatesItem } from '../../../lib/storage/items';

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
    expect(await cacheItem.getValue()).toEqual({});
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

  it('watch delivers validated values', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: unknown[] = [];
    const stop = profilesItem.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ profiles: [goodProfile, { bad: 1 }] });
    await vi.waitFor(() => expect(seen).toEqual([[goodProfile]]));
    stop();
  });
});
