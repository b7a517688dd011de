// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupStart } from '../../../../lib/background/services/popup-start';
import {
  listProfiles,
  type ProfileDeps,
  removeProfile,
  saveProfile,
} from '../../../../lib/background/services/profiles';
import type { ProfileInput } from '../../../../lib/messaging/protocol';
import { ok } from '../../../../lib/result';
import { profilesItem, settingsItem } from '../../../../lib/storage/items';
import { chromeLikeStorage } from '../../storage/chrome-like-storage';

let n = 0;
/** A key check that answers after a few milliseconds, like the network, so concurrent saves overlap. */
function deps(): ProfileDeps {
  return {
    detect: async ({ apiKey }) => {
      await new Promise((r) => setTimeout(r, (apiKey.length * 7) % 13));
      return ok({ realm: 'affiliate', accountId: 7, accountName: `Account ${apiKey}`, networkId: 3 });
    },
    hasOrigin: async () => true,
    now: () => 1_000,
    newId: () => `p${++n}`,
  };
}

const input = (name: string, apiKey?: string): ProfileInput => ({
  name,
  role: 'affiliate',
  region: 'us',
  portalDomains: [],
  ...(apiKey ? { apiKey } : {}),
});

async function storedKeys(): Promise<string[]> {
  const local = (await fakeBrowser.storage.local.get('apiKeys')).apiKeys ?? {};
  const session = (await fakeBrowser.storage.session.get('apiKeys')).apiKeys ?? {};
  return [...Object.keys(local), ...Object.keys(session)].sort();
}

let restore: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  n = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  // Storage calls take a little while and finish out of order, as they do across Chrome's IPC.
  let turn = 0;
  restore = chromeLikeStorage(() => new Promise((r) => setTimeout(r, turn++ % 3)));
});
afterEach(() => restore());

describe('profiles service: nothing acknowledged is lost', () => {
  it('keeps all 8 profiles saved at once, each with its key and no other key', async () => {
    const first = await saveProfile(input('first', 'key-first'), deps());
    expect(first.ok).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => saveProfile(input(`p-${i}`, `key-${'x'.repeat(i)}`), deps())),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await profilesItem.getValue();
    expect(stored.map((p) => p.name).sort()).toEqual(['first', ...results.map((_, i) => `p-${i}`)].sort());
    expect(await storedKeys()).toEqual(stored.map((p) => p.id).sort());
  });

  it('a save overlapping a removal of the same profile leaves no key behind', async () => {
    const saved = await saveProfile(input('a', 'key-a'), deps());
    if (!saved.ok) throw new Error(saved.error.message);
    const [edit, removed] = await Promise.all([
      saveProfile({ ...input('a renamed', 'key-new'), id: saved.value.id }, deps()),
      removeProfile(saved.value.id),
    ]);
    expect(removed.ok).toBe(true);
    expect(edit).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await profilesItem.getValue()).toEqual([]);
    expect(await storedKeys()).toEqual([]);
  });

  it('removes a key whose profile is gone, as a repair', async () => {
    const saved = await saveProfile(input('a', 'key-a'), deps());
    if (!saved.ok) throw new Error(saved.error.message);
    await fakeBrowser.storage.local.set({ apiKeys: { [saved.value.id]: 'key-a', orphan: 'key-orphan' } });
    await listProfiles();
    expect(await storedKeys()).toEqual([saved.value.id]);
  });
});

describe('profiles service: the default profile', () => {
  it('falls back to an existing profile when the stored default is gone, and repairs the settings', async () => {
    const saved = await saveProfile(input('a', 'key-a'), deps());
    if (!saved.ok) throw new Error(saved.error.message);
    await settingsItem.setValue({
      defaultProfileId: 'deleted',
      defaultTemplateIds: { deleted: 't' },
      forgetKeysOnClose: false,
    });
    const start = await popupStart({});
    expect(start.ok && start.value.profileId).toBe(saved.value.id);
    expect(start.ok && start.value.profiles.map((p) => p.isDefault)).toEqual([true]);
    expect(await settingsItem.getValue()).toEqual({
      defaultProfileId: saved.value.id,
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
    });
    const list = await listProfiles();
    expect(list.ok && list.value.map((p) => p.isDefault)).toEqual([true]);
  });

  it('adding a profile repairs a default that names a gone profile', async () => {
    await settingsItem.setValue({
      defaultProfileId: 'deleted',
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
    });
    const saved = await saveProfile(input('a', 'key-a'), deps());
    expect(saved.ok && saved.value.isDefault).toBe(true);
    expect((await settingsItem.getValue()).defaultProfileId).toBe(saved.ok && saved.value.id);
  });

  it('removing the default profile makes another one the default', async () => {
    const a = await saveProfile(input('a', 'key-a'), deps());
    const b = await saveProfile(input('b', 'key-b'), deps());
    if (!a.ok || !b.ok) throw new Error('save failed');
    expect(a.value.isDefault).toBe(true);
    await removeProfile(a.value.id);
    expect((await settingsItem.getValue()).defaultProfileId).toBe(b.value.id);
  });
});
