// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupStart } from '../../../../lib/background/services/popup-start';
import {
  listProfiles,
  type ProfileDeps,
  recheckProfile,
  removeProfile,
  saveProfile,
} from '../../../../lib/background/services/profiles';
import type { ProfileInput } from '../../../../lib/model/profile';
import { err, ok } from '../../../../lib/result';
import { profilesItem, settingsItem } from '../../../../lib/storage/items';
import { getKey } from '../../../../lib/storage/keys';
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

describe('profiles service: a lost key says why', () => {
  it('marks the key unreadable when the key store is corrupt, and forgotten only in forget-on-close mode', async () => {
    const saved = await saveProfile(input('a', 'key-a'), deps());
    if (!saved.ok) throw new Error(saved.error.message);
    await fakeBrowser.storage.local.set({ apiKeys: 'garbage' });
    const corrupt = await listProfiles();
    expect(corrupt.ok && corrupt.value[0]).toMatchObject({ hasKey: false, keyLost: 'unreadable' });
    await fakeBrowser.storage.local.set({ apiKeys: { [saved.value.id]: 42, orphan: 'key-orphan' } });
    const entry = await listProfiles();
    expect(entry.ok && entry.value[0]).toMatchObject({ hasKey: false, keyLost: 'unreadable' });
    expect(await storedKeys()).toEqual([saved.value.id]);
    await fakeBrowser.storage.local.set({ apiKeys: {} });
    const absent = await listProfiles();
    expect(absent.ok && absent.value[0]?.keyLost).toBeUndefined();
    await settingsItem.update((s) => ({ ...s, forgetKeysOnClose: true }));
    const forgotten = await listProfiles();
    expect(forgotten.ok && forgotten.value[0]?.keyLost).toBe('forgotten');
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

describe('profiles service: a stored key stays with its host', () => {
  it('asks for the key again when the region or API address changes, and keeps it when it does not', async () => {
    const detect = vi.fn(deps().detect);
    const d = { ...deps(), detect };
    const saved = await saveProfile(input('a', 'key-a'), d);
    if (!saved.ok) throw new Error(saved.error.message);
    detect.mockClear();
    const id = saved.value.id;
    for (const moved of [
      { region: 'eu' as const },
      { region: 'custom' as const, customBaseUrl: 'https://other.example/v1' },
    ]) {
      const r = await saveProfile({ ...input('a'), ...moved, id }, d);
      expect(r).toMatchObject({
        ok: false,
        error: { kind: 'no_key', field: 'apiKey', message: expect.stringContaining('API host changed') },
      });
    }
    expect(detect).not.toHaveBeenCalled();
    expect(await getKey(id)).toBe('key-a');
    // Same host, other fields: the stored key is used.
    expect(await saveProfile({ ...input('renamed'), id }, d)).toMatchObject({ ok: true });
    // A new host with the key typed again: checked there.
    expect(await saveProfile({ ...input('a', 'key-eu'), region: 'eu', id }, d)).toMatchObject({ ok: true });
    expect(detect).toHaveBeenLastCalledWith({
      baseUrl: 'https://api-eu.eflow.team/v1',
      apiKey: 'key-eu',
      deadlineMs: expect.any(Number),
    });
  });
  it('a re-check of a stored key refused by its host does not try the key on the other region', async () => {
    const saved = await saveProfile(input('a', 'key-a'), deps());
    if (!saved.ok) throw new Error(saved.error.message);
    const detect = vi.fn<ProfileDeps['detect']>(async () => err({ kind: 'auth', message: 'Key refused.' }));
    const r = await recheckProfile(saved.value.id, { ...deps(), detect });
    expect(r).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(detect.mock.calls.map(([o]) => o.baseUrl)).toEqual(['https://api.eflow.team/v1']);
  });
});

describe('profiles service: another host never receives the stored key', () => {
  it('an edit pointing the profile at another server sends that server nothing', async () => {
    const { startSandbox } = await import('../../../../sandbox/server');
    const { detectRealm } = await import('../../../../lib/everflow/detect-realm');
    const { startLocalServer } = await import('../../../e2e/local-server');
    const sandbox = await startSandbox({ port: 0, seed: 'demo' });
    const heard: string[] = [];
    const other = await startLocalServer((req, res) => {
      heard.push(String(req.headers['x-eflow-api-key'] ?? '(no key)'));
      res.writeHead(401).end();
    });
    try {
      const real: ProfileDeps = { ...deps(), detect: (o) => detectRealm({ ...o, fetch }) };
      const base = { ...input('sandbox', 'demo-affiliate-key'), region: 'custom' as const };
      const saved = await saveProfile({ ...base, customBaseUrl: sandbox.baseUrl }, real);
      if (!saved.ok) throw new Error(saved.error.message);
      const moved = await saveProfile(
        { ...input('sandbox'), region: 'custom', customBaseUrl: `${other.origin}/v1`, id: saved.value.id },
        real,
      );
      expect(moved).toMatchObject({ ok: false, error: { field: 'apiKey' } });
      expect(heard).toEqual([]);
      expect((await profilesItem.getValue())[0]?.customBaseUrl).toBe(sandbox.baseUrl);
    } finally {
      await other.close();
      await sandbox.close();
    }
  });
});
