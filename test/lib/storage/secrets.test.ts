// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSecret, keepOnlySecrets, moveAllSecrets, putSecrets } from '../../../lib/storage/secrets';

describe('the integration secret store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores in local or session as the key setting says, never in sync', async () => {
    await putSecrets({ a: 'tok-a' }, false);
    await putSecrets({ b: 'tok-b' }, true);
    expect(await getSecret('a')).toBe('tok-a');
    expect(await getSecret('b')).toBe('tok-b');
    expect(await fakeBrowser.storage.local.get('integrationSecrets')).toEqual({
      integrationSecrets: { a: 'tok-a' },
    });
    expect(await fakeBrowser.storage.session.get('integrationSecrets')).toEqual({
      integrationSecrets: { b: 'tok-b' },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('forgets what no template refers to, and moves with the forget-on-close setting', async () => {
    await putSecrets({ a: 'tok-a', b: 'tok-b', c: 'tok-c' }, false);
    await keepOnlySecrets(new Set(['a', 'c']));
    expect(await getSecret('b')).toBeUndefined();
    await moveAllSecrets(true);
    expect(await fakeBrowser.storage.local.get('integrationSecrets')).toEqual({ integrationSecrets: {} });
    expect(await getSecret('a')).toBe('tok-a');
    expect(await getSecret('c')).toBe('tok-c');
  });

  it('ignores a corrupt store instead of failing', async () => {
    await fakeBrowser.storage.local.set({ integrationSecrets: { a: 5, b: 'ok' } });
    expect(await getSecret('a')).toBeUndefined();
    expect(await getSecret('b')).toBe('ok');
  });
});
