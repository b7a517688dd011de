import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getKey,
  hasKey,
  keyHintOf,
  keyState,
  maskKey,
  moveAllKeys,
  removeKey,
  restrictStorageToTrustedContexts,
  setKey,
} from '../../../lib/storage/keys';
import { chromeLikeStorage } from './chrome-like-storage';

describe('API key vault', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps keys in local storage by default, never in sync', async () => {
    await setKey('p1', 'secret-key-0001', false);
    expect(await getKey('p1')).toBe('secret-key-0001');
    expect((await fakeBrowser.storage.local.get('apiKeys')).apiKeys).toEqual({ p1: 'secret-key-0001' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await fakeBrowser.storage.session.get('apiKeys')).apiKeys).toBeUndefined();
  });

  it('forget-on-close mode keeps keys in session storage only', async () => {
    await setKey('p1', 'old-local-key', false);
    await setKey('p1', 'secret-key-0002', true);
    expect(await getKey('p1')).toBe('secret-key-0002');
    expect((await fakeBrowser.storage.local.get('apiKeys')).apiKeys).toEqual({});
    expect((await fakeBrowser.storage.session.get('apiKeys')).apiKeys).toEqual({ p1: 'secret-key-0002' });
  });

  it('moves every key when the setting changes, and removes keys everywhere', async () => {
    await setKey('a', 'key-a', false);
    await setKey('b', 'key-b', false);
    await moveAllKeys(true);
    expect((await fakeBrowser.storage.local.get('apiKeys')).apiKeys).toEqual({});
    expect(await getKey('a')).toBe('key-a');
    await moveAllKeys(false);
    expect((await fakeBrowser.storage.session.get('apiKeys')).apiKeys).toEqual({});
    await removeKey('a');
    expect(await hasKey('a')).toBe(false);
    expect(await getKey('b')).toBe('key-b');
  });

  it('ignores a corrupt key map instead of crashing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 42, p2: 'good-key' } });
    expect(await getKey('p1')).toBeUndefined();
    expect(await getKey('p2')).toBe('good-key');
  });

  it('keeps every key of overlapping saves and removals', async () => {
    let turn = 0;
    const restore = chromeLikeStorage(() => new Promise((r) => setTimeout(r, turn++ % 3)));
    try {
      await setKey('gone', 'key-gone', false);
      await Promise.all([
        ...['a', 'b', 'c', 'd'].map((id) => setKey(id, `key-${id}`, false)),
        removeKey('gone'),
        setKey('e', 'key-e', true),
      ]);
      expect((await fakeBrowser.storage.local.get('apiKeys')).apiKeys).toEqual({
        a: 'key-a',
        b: 'key-b',
        c: 'key-c',
        d: 'key-d',
      });
      expect(await getKey('e')).toBe('key-e');
    } finally {
      restore();
    }
  });

  it('tells a corrupt key store from a key that is simply not there', async () => {
    expect(await keyState('p1')).toBe('missing');
    await setKey('p1', 'key-1', true);
    expect(await keyState('p1')).toBe('stored');
    await fakeBrowser.storage.session.set({ apiKeys: {} });
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 42 } });
    expect(await keyState('p1')).toBe('unreadable');
    expect(await keyState('p2')).toBe('missing');
    await fakeBrowser.storage.local.set({ apiKeys: 'garbage' });
    expect(await keyState('p2')).toBe('unreadable');
  });

  it('masks to bullets and the last four characters', () => {
    expect(maskKey(keyHintOf('abcdefgh1234'))).toBe('••••1234');
    expect(maskKey(keyHintOf('ab'))).toBe('••••ab');
  });

  it('restricts storage access where the browser supports it, and tolerates browsers that do not', async () => {
    const local = { setAccessLevel: vi.fn(async () => {}) };
    const session = { setAccessLevel: vi.fn(async () => Promise.reject(new Error('unsupported'))) };
    await restrictStorageToTrustedContexts({ local, session });
    expect(local.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(session.setAccessLevel).toHaveBeenCalled();
    await expect(
      restrictStorageToTrustedContexts({ local: {}, session: undefined }),
    ).resolves.toBeUndefined();
  });
});
