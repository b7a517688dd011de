// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeClientFor } from '../../../lib/background/client-for';
import { profilesItem, settingsItem } from '../../../lib/storage/items';

const profile = {
  id: 'p1',
  name: 'Acme',
  role: 'affiliate' as const,
  region: 'us' as const,
  portalDomains: [],
  keyHint: '1234',
  createdAt: 1,
};

async function noKeyMessage(): Promise<string> {
  const r = await makeClientFor()('p1');
  if (r.ok || r.error.kind !== 'no_key') throw new Error('expected no_key');
  return r.error.message;
}

describe('makeClientFor: why there is no key', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await profilesItem.setValue([profile]);
  });

  it('says the stored keys could not be read when the key store is corrupt, whatever the setting', async () => {
    for (const corrupt of ['garbage', ['k'], { p1: 42 }, { p1: '' }]) {
      await fakeBrowser.storage.local.set({ apiKeys: corrupt });
      const message = await noKeyMessage();
      expect(message).toContain('The stored keys could not be read; re-enter them');
      expect(message).not.toContain('forgotten');
    }
  });

  it('blames the browser closing only when "forget keys when the browser closes" is on', async () => {
    await fakeBrowser.storage.local.set({ apiKeys: { other: 'key-other' } });
    const off = await noKeyMessage();
    expect(off).toBe('No API key is stored for "Acme". Enter it again in Settings.');
    await settingsItem.setValue({ defaultTemplateIds: {}, forgetKeysOnClose: true });
    expect(await noKeyMessage()).toContain('keys are forgotten when the browser closes');
  });

  it('builds a client when the key is there', async () => {
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 'key-1234' } });
    expect((await makeClientFor()('p1')).ok).toBe(true);
  });
});

describe('makeClientFor: the deadline of calls a page waits for', () => {
  // Never answers; rejects when the request is aborted, as fetch does.
  const hang: typeof fetch = (_input, init) =>
    new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));

  beforeEach(async () => {
    fakeBrowser.reset();
    await profilesItem.setValue([profile]);
    await fakeBrowser.storage.local.set({ apiKeys: { p1: 'key-1234' } });
  });

  it("uses the user's setting by default, so a hung API fails within it, retries included", async () => {
    await settingsItem.setValue({
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
      requestDeadlineMs: 3000,
    });
    const c = await makeClientFor(hang)('p1');
    if (!c.ok) throw new Error(c.error.message);
    const start = Date.now();
    const r = await c.value.client.affiliate.setPixelStatus(5, 'inactive');
    expect(!r.ok && r.error.kind).toBe('timeout');
    expect(Date.now() - start).toBeLessThan(3600);
  });

  it('takes a budget from the caller (a background job passes its own)', async () => {
    const c = await makeClientFor(hang)('p1', { deadlineMs: 100 });
    if (!c.ok) throw new Error(c.error.message);
    const start = Date.now();
    const r = await c.value.client.affiliate.listPixels();
    expect(!r.ok && r.error.kind).toBe('timeout');
    expect(Date.now() - start).toBeLessThan(600);
  });
});
