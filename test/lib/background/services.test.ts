// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem } from '../../../lib/storage/items';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { ORIGIN, RUNTIME_ID, send, startBackground } from './harness';

type R<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: string; message: string; field?: string } };
let sandbox: Sandbox;
const draft = {
  deliveryMethod: 'postback',
  type: 'conversion',
  level: 'specific',
  status: 'active',
  offerId: 11,
  postbackUrl: 'https://trk.example.com/pb?cid={sub1}&tx={transaction_id}',
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());
const control = () => createSandboxControl(sandbox.origin);

async function addProfile(apiKey = 'demo-affiliate-key', role = 'affiliate'): Promise<string> {
  const r = await send<R<{ id: string }>>('profiles.save', {
    name: role,
    role,
    region: 'custom',
    customBaseUrl: sandbox.baseUrl,
    portalDomains: [],
    apiKey,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

describe('background services', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await createSandboxControl(sandbox.origin).reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('refuses senders that are not our pages', async () => {
    const r = await send<R>('status', undefined, {
      id: 'other-extension',
      url: 'chrome-extension://other/x.html',
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    const web = await send<R>('status', undefined, { id: RUNTIME_ID, url: 'https://evil.example/' });
    expect(web.ok).toBe(false);
    expect((await send<R>('status', undefined, { id: RUNTIME_ID, url: `${ORIGIN}/popup.html` })).ok).toBe(
      true,
    );
  });

  it('parses every input and names the bad field', async () => {
    const r = await send<R>('pixels.setStatus', { profileId: 'p', pixelId: -4, status: 'active' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'bad_request', field: 'pixelId' } });
    const p = await send<R>('profiles.save', {
      name: '',
      role: 'affiliate',
      region: 'us',
      portalDomains: [],
    });
    expect(p).toMatchObject({
      ok: false,
      error: { kind: 'bad_request', field: 'name', message: expect.stringContaining('name') },
    });
  });

  it('reports a missing profile and a forgotten key specifically', async () => {
    expect(await send('pixels.list', { profileId: 'gone' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    const id = await addProfile();
    await fakeBrowser.storage.local.remove('apiKeys');
    const r = await send<R>('pixels.list', { profileId: id });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'no_key', message: expect.stringContaining('Enter it again') },
    });
  });

  it('refuses a bad portal domain and a custom URL that is not http(s)', async () => {
    const base = { name: 'x', role: 'affiliate', apiKey: 'demo-affiliate-key' };
    expect(
      await send('profiles.save', {
        ...base,
        region: 'custom',
        customBaseUrl: sandbox.baseUrl,
        portalDomains: ['not a host!'],
      }),
    ).toMatchObject({ ok: false, error: { field: 'portalDomains' } });
    expect(
      await send('profiles.save', { ...base, region: 'custom', customBaseUrl: 'ftp://x', portalDomains: [] }),
    ).toMatchObject({ ok: false, error: { field: 'customBaseUrl' } });
  });

  it('asks for the host permission before checking an EU key', async () => {
    await startBackground({ fetch: (i, init) => fetch(i, init), hasOrigin: async () => false });
    const r = await send<R>('profiles.save', {
      name: 'EU',
      role: 'affiliate',
      region: 'eu',
      portalDomains: [],
      apiKey: 'k',
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'permission', field: 'region' } });
  });

  it("a hung API fails Save and Check key with a timeout within the user's deadline (walk defect 1)", async () => {
    const id = await addProfile();
    await settingsItem.setValue({
      defaultTemplateIds: {},
      forgetKeysOnClose: false,
      requestDeadlineMs: 3000,
    });
    await control().inject({ kind: 'hang' });
    const timed = async (run: () => Promise<R>) => {
      const start = Date.now();
      const r = await run();
      return { r, ms: Date.now() - start };
    };
    const check = await timed(() => send<R>('profiles.check', { id }));
    expect(check.r).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(check.ms).toBeLessThan(3600);
    const save = await timed(() =>
      send<R>('profiles.save', {
        name: 'Second',
        role: 'affiliate',
        region: 'custom',
        customBaseUrl: sandbox.baseUrl,
        portalDomains: [],
        apiKey: 'demo-affiliate-key',
      }),
    );
    expect(save.r).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(save.ms).toBeLessThan(3600);
  }, 12_000);

  it('warns before creating an identical postback, and creates it when confirmed', async () => {
    const id = await addProfile();
    const first = await send<R<{ pixel: { id: number } }>>('pixels.create', {
      profileId: id,
      draft: { ...draft, offerId: 11 },
    });
    if (!first.ok) throw new Error(first.error.message);
    const again = await send<R>('pixels.create', { profileId: id, draft: { ...draft, offerId: 11 } });
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'duplicate', message: expect.stringContaining(`Postback ${first.value.pixel.id}`) },
    });
    const forced = await send<R>('pixels.create', {
      profileId: id,
      draft: { ...draft, offerId: 11 },
      allowDuplicate: true,
    });
    expect(forced.ok).toBe(true);
  });

  it('passes Everflow validation errors through with their message', async () => {
    // The affiliate facebook_pixel sub-fields are checked by the server only: this 400 is Everflow's.
    const id = await addProfile();
    await control().clearRequests();
    const r = await send<R>('pixels.create', {
      profileId: id,
      allowDuplicate: true,
      draft: {
        ...draft,
        deliveryMethod: 'facebook',
        postbackUrl: undefined,
        integration: { pixel_id: '1234567890', access_token: 'token' },
      },
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'facebook_pixel.event_name',
        message: expect.stringMatching(/event_name/),
      },
    });
    const posts = (await control().requests()).filter(
      (q) => q.method === 'POST' && q.path === '/v1/affiliates/pixels',
    );
    expect(posts).toHaveLength(1);
  });

  it('an edit keeps the status Everflow has, whatever the form says', async () => {
    const id = await addProfile();
    const created = await send<R<{ pixel: { id: number } }>>('pixels.create', { profileId: id, draft });
    if (!created.ok) throw new Error(created.error.message);
    const pixelId = created.value.pixel.id;
    // Switched off elsewhere (the portal, another page) after the edit form opened with "active".
    expect((await send<R>('pixels.setStatus', { profileId: id, pixelId, status: 'inactive' })).ok).toBe(true);
    const url = 'https://trk.example.com/pb?cid={sub1}&tx={transaction_id}&e=1';
    const edited = await send<R<{ status: string; postbackUrl: string }>>('pixels.update', {
      profileId: id,
      pixelId,
      draft: { ...draft, status: 'active', postbackUrl: url },
    });
    expect(edited).toMatchObject({ ok: true, value: { status: 'inactive', postbackUrl: url } });
    const stored = (await control().state()).pixels.find((p) => p.network_pixel_id === pixelId);
    expect(stored?.pixel_status).toBe('inactive');
  });

  it('says which host to allow, and where, when the host permission was withheld', async () => {
    const id = await addProfile();
    await startBackground({ fetch: (i, init) => fetch(i, init), hasOrigin: async () => false });
    const r = await send<R>('pixels.list', { profileId: id, refresh: true });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'permission',
        message: expect.stringMatching(new RegExp(`${new URL(sandbox.baseUrl).host}.*Options.*Save`)),
      },
    });
  });

  it('keeps affiliates from deleting, and offers/partners to their realm', async () => {
    const aff = await addProfile();
    expect(await send('pixels.delete', { profileId: aff, pixelId: 1001 })).toMatchObject({
      ok: false,
      error: { kind: 'bad_request' },
    });
    expect(await send('partners.list', { profileId: aff })).toMatchObject({
      ok: false,
      error: { kind: 'bad_request' },
    });
    const offers = await send<R<{ items: { name: string }[]; total: number }>>('offers.list', {
      profileId: aff,
      search: 'keto',
    });
    if (!offers.ok) throw new Error(offers.error.message);
    expect(offers.value.items.length).toBeGreaterThan(0);
    expect(offers.value.items.every((o) => /keto/i.test(o.name))).toBe(true);
  });

  it('removing a profile removes its key, cache and default', async () => {
    const a = await addProfile();
    const b = await addProfile('demo-network-key', 'network');
    await send('pixels.list', { profileId: a, refresh: true });
    expect(await send('settings.get')).toMatchObject({ ok: true, value: { defaultProfileId: a } });
    await send('profiles.remove', { id: a });
    expect(await send('settings.get')).toMatchObject({ ok: true, value: { defaultProfileId: b } });
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).some((k) => k.startsWith(`cache:pixels:${a}`))).toBe(false);
    expect(Object.keys((local.cacheIndex as { entries: object }).entries).some((k) => k.includes(a))).toBe(
      false,
    );
    expect(Object.keys(local.apiKeys ?? {})).toEqual([b]);
  });

  it('templates: create, edit, duplicate with a free name, remove', async () => {
    const t = {
      name: 'Voluum S2S',
      side: 'affiliate',
      tracker: 'voluum',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: 'https://x.test/?cid={sub1}',
      htmlCode: '',
      delayMs: 0,
      notes: '',
      description: '',
    };
    const created = await send<R<{ id: string }>>('templates.save', t);
    if (!created.ok) throw new Error('save failed');
    await send('templates.duplicate', { id: created.value.id });
    const dup2 = await send<R<{ name: string }>>('templates.duplicate', { id: created.value.id });
    expect(dup2.ok && dup2.value.name).toBe('Voluum S2S (copy 2)');
    expect(await send('templates.save', { ...t, id: 'missing' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    await send('templates.remove', { id: created.value.id });
    const list = await send<R<{ name: string }[]>>('templates.list');
    expect(list.ok && list.value.map((x) => x.name).sort()).toEqual([
      'Voluum S2S (copy 2)',
      'Voluum S2S (copy)',
    ]);
  });

  it('drafts: save, restore, clear', async () => {
    await send('drafts.save', { formId: 'popup:create', value: { url: 'https://x.test/?a={sub1}' } });
    expect(await send('drafts.get', { formId: 'popup:create' })).toMatchObject({
      ok: true,
      value: { value: { url: 'https://x.test/?a={sub1}' } },
    });
    await send('drafts.clear', { formId: 'popup:create' });
    expect(await send('drafts.get', { formId: 'popup:create' })).toEqual({ ok: true, value: null });
  });

  it('forget-keys-on-close moves keys into session storage', async () => {
    const id = await addProfile();
    await send('settings.update', { forgetKeysOnClose: true });
    expect((await fakeBrowser.storage.local.get('apiKeys')).apiKeys).toEqual({});
    expect((await fakeBrowser.storage.session.get('apiKeys')).apiKeys).toEqual({
      [id]: 'demo-affiliate-key',
    });
    const list = await send<R<{ hasKey: boolean }[]>>('profiles.list');
    expect(list.ok && list.value[0]!.hasKey).toBe(true);
  });
});
