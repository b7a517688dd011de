// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { maskIntegrationSecrets, restoreMaskedSecrets } from '../../../lib/background/pixel-secrets';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { send, startBackground } from './harness';

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
interface Row {
  id: number;
  deliveryMethod: string;
  offerId: number;
  integration?: Record<string, unknown>;
}

describe('integration tokens in postbacks read from Everflow', () => {
  it('masks a token at any depth and in key/value rows, and leaves everything else', () => {
    const masked = maskIntegrationSecrets({
      pixel_id: '871234560012345',
      access_token: 'EAAGdemoTokenGlow02',
      extra: { password: 'hunter2' },
      user_data: [
        { field: 'access_token', value: 'EAAGrowToken123456' },
        { field: 'em', value: '{email}' },
      ],
    });
    expect(masked).toEqual({
      pixel_id: '871234560012345',
      access_token: '••••ow02',
      extra: { password: '••••' },
      user_data: [
        { field: 'access_token', value: '••••3456' },
        { field: 'em', value: '{email}' },
      ],
    });
  });

  it('puts back a token the page left masked, and keeps a newly typed one', () => {
    const server = { access_token: 'EAAGdemoTokenGlow02', extra: { password: 'hunter2' } };
    expect(restoreMaskedSecrets({ access_token: '••••ow02', extra: { password: '••••' } }, server)).toEqual(
      server,
    );
    expect(restoreMaskedSecrets({ access_token: 'EAAGnewToken99999' }, server)).toEqual({
      access_token: 'EAAGnewToken99999',
    });
    // A mask that is not the server's value at that place is not a way to read another token.
    expect(restoreMaskedSecrets({ pixel_id: '••••ow02' }, server)).toEqual({ pixel_id: '••••ow02' });
  });
});

describe('the affiliate Meta postback of the demo seed, through the background', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  afterAll(async () => sandbox.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await createSandboxControl(sandbox.origin).reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  async function profile(): Promise<string> {
    const r = await send<R<{ id: string }>>('profiles.save', {
      name: 'aff',
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains: [],
      apiKey: 'demo-affiliate-key',
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.id;
  }

  it('never hands the page (or the cache) the token, and an edit that leaves it masked keeps it on Everflow', async () => {
    const profileId = await profile();
    const list = await send<R<{ value: Row[] }>>('pixels.list', {
      profileId,
      filters: { offerId: 13 },
      refresh: true,
    });
    if (!list.ok) throw new Error(list.error.message);
    const meta = list.value.value.find((p) => p.deliveryMethod === 'facebook' && p.offerId === 13);
    expect(meta?.integration).toMatchObject({ access_token: '••••ow02', event_name: 'Purchase' });
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain('EAAGdemoTokenGlow02');

    const edit = await send<R<Row>>('pixels.update', {
      profileId,
      pixelId: meta!.id,
      draft: {
        deliveryMethod: 'facebook',
        type: 'conversion',
        level: 'specific',
        status: 'active',
        offerId: 13,
        integration: { ...meta!.integration, event_name: 'Lead' },
      },
    });
    expect(edit).toMatchObject({
      ok: true,
      value: { integration: { access_token: '••••ow02', event_name: 'Lead' } },
    });
    const state = await createSandboxControl(sandbox.origin).state();
    const onServer = JSON.stringify(state).match(/"access_token":"[^"]*"/g) ?? [];
    expect(onServer).toContain('"access_token":"EAAGdemoTokenGlow02"');
    expect(JSON.stringify(state)).not.toContain('••••');
  });
});
