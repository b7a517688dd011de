// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HISTORY_MAX_AGE_MS, HISTORY_MAX_ENTRIES, prune, recordWrite } from '../../../lib/background/history';
import type { HistoryEntry } from '../../../lib/model/history';
import { historyItem } from '../../../lib/storage/history-items';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { send, startBackground } from './harness';

type R<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: string; message: string; field?: string } };
let sandbox: Sandbox;
const url = 'https://trk.example.com/pb?cid={sub1}&tx={transaction_id}';
const draft = {
  deliveryMethod: 'postback',
  type: 'conversion',
  level: 'specific',
  status: 'active',
  offerId: 11,
  postbackUrl: url,
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());
const control = () => createSandboxControl(sandbox.origin);

async function addProfile(apiKey = 'demo-affiliate-key', role = 'affiliate'): Promise<string> {
  const r = await send<R<{ id: string }>>('profiles.save', {
    name: `${role} profile`,
    role,
    region: 'custom',
    customBaseUrl: sandbox.baseUrl,
    portalDomains: [],
    apiKey,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

async function history(filter: Record<string, string> = {}): Promise<HistoryEntry[]> {
  const r = await send<R<HistoryEntry[]>>('history.list', filter);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function create(profileId: string, d: Record<string, unknown> = draft): Promise<number> {
  const r = await send<R<{ pixel: { id: number } }>>('pixels.create', { profileId, draft: d });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.pixel.id;
}

const stored = async (id: number) => (await control().state()).pixels.find((p) => p.network_pixel_id === id);

describe('history and undo', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await control().reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('records every write with the object before and after, newest first', async () => {
    const profileId = await addProfile();
    const pixelId = await create(profileId);
    await send('pixels.setStatus', { profileId, pixelId, status: 'inactive' });
    await send('pixels.update', { profileId, pixelId, draft: { ...draft, postbackUrl: `${url}&x=1` } });
    const entries = await history({ profileId });
    expect(entries.map((e) => e.action)).toEqual(['update', 'status', 'create']);
    const [update, status, created] = entries as [HistoryEntry, HistoryEntry, HistoryEntry];
    expect(created).toMatchObject({ pixelId, offerId: 11, before: null, source: 'user' });
    expect(created.after).toMatchObject({ postback_url: url, pixel_status: 'active' });
    expect(status.before).toMatchObject({ pixel_status: 'active' });
    expect(status.after).toMatchObject({ pixel_status: 'inactive' });
    expect(update.before).toMatchObject({ postback_url: url });
    expect(update.after).toMatchObject({ postback_url: `${url}&x=1` });
    expect(created.profileName).toBe('affiliate profile');
    // What the server owns (ids, timestamps, offer and partner summaries) is never written back: not kept.
    for (const e of [update, status, created]) {
      for (const key of ['relationship', 'time_saved', 'network_pixel_id']) {
        expect(e.after, key).not.toHaveProperty(key);
      }
    }
  });

  it('undoes a toggle and an edit by putting the previous object back', async () => {
    const profileId = await addProfile();
    const pixelId = await create(profileId);
    await send('pixels.update', { profileId, pixelId, draft: { ...draft, postbackUrl: `${url}&x=1` } });
    await send('pixels.setStatus', { profileId, pixelId, status: 'inactive' });
    const [toggle, edit] = await history();
    const undone = await send<R<{ message: string }>>('history.undo', { entryId: toggle?.id });
    expect(undone).toMatchObject({ ok: true, value: { message: expect.stringContaining('active again') } });
    expect((await stored(pixelId))?.pixel_status).toBe('active');
    expect(await send('history.undo', { entryId: edit?.id })).toMatchObject({ ok: true });
    expect(await stored(pixelId)).toMatchObject({ postback_url: url, pixel_status: 'active' });
    const after = await history();
    expect(after.find((e) => e.id === toggle?.id)?.undoneBy).toBeDefined();
    expect(after[0]).toMatchObject({ source: 'undo', undoOf: edit?.id });
    expect(await send('history.undo', { entryId: toggle?.id })).toMatchObject({
      ok: false,
      error: { kind: 'already_undone' },
    });
  });

  it('refuses to undo over a later change unless confirmed', async () => {
    const profileId = await addProfile();
    const pixelId = await create(profileId);
    await send('pixels.update', { profileId, pixelId, draft: { ...draft, postbackUrl: `${url}&x=1` } });
    const [edit] = await history();
    // Changed in the portal since.
    await control().setPixelStatus(pixelId, 'inactive');
    expect(await send('history.undo', { entryId: edit?.id })).toMatchObject({
      ok: false,
      error: { kind: 'changed', message: expect.stringContaining(`${pixelId}`) },
    });
    expect((await stored(pixelId))?.postback_url).toBe(`${url}&x=1`);
    expect(await send('history.undo', { entryId: edit?.id, confirm: true })).toMatchObject({ ok: true });
    expect((await stored(pixelId))?.postback_url).toBe(url);
  });

  it('undoes a network create by deleting it, and a delete by re-creating it with a new id', async () => {
    const profileId = await addProfile('demo-network-key', 'network');
    const pixelId = await create(profileId, { ...draft, affiliateId: 5, description: 'undo me' });
    const [created] = await history();
    expect(await send('history.undo', { entryId: created?.id })).toMatchObject({ ok: true });
    expect(await stored(pixelId)).toBeUndefined();
    const [deletion] = await history();
    expect(deletion).toMatchObject({ action: 'delete', before: { description: 'undo me' } });
    const back = await send<R<{ pixelId: number; message: string }>>('history.undo', {
      entryId: deletion?.id,
    });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.pixelId).not.toBe(pixelId);
    expect(back.value.message).toMatch(/new id/);
    expect(await stored(back.value.pixelId)).toMatchObject({ description: 'undo me', network_offer_id: 11 });
  });

  it('undoes the user’s newest write to one postback (the popup toast)', async () => {
    const profileId = await addProfile();
    const pixelId = await create(profileId);
    await send('pixels.setStatus', { profileId, pixelId, status: 'inactive' });
    expect(await send('history.undoLatest', { profileId, pixelId })).toMatchObject({ ok: true });
    expect((await stored(pixelId))?.pixel_status).toBe('active');
    expect(await send('history.undoLatest', { profileId, pixelId: 999_999 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('the health watch takes an undo as the extension’s own write (nothing flagged)', async () => {
    const profileId = await addProfile();
    const pixelId = await create(profileId);
    expect(await send('health.checkNow')).toMatchObject({ ok: true, value: { flagged: 0 } });
    const [created] = await history();
    // Affiliate keys cannot delete: the undo switches the postback off, which is not "switched off elsewhere".
    expect(await send('history.undo', { entryId: created?.id })).toMatchObject({ ok: true });
    expect((await stored(pixelId))?.pixel_status).toBe('inactive');
    expect(await send('health.checkNow')).toMatchObject({ ok: true, value: { flagged: 0, notices: [] } });
  });

  it('undoes an affiliate create by switching it off, and says why', async () => {
    const profileId = await addProfile();
    const pixelId = await create(profileId);
    const [created] = await history();
    const r = await send<R<{ message: string }>>('history.undo', { entryId: created?.id });
    expect(r).toMatchObject({ ok: true, value: { message: expect.stringMatching(/off.*cannot delete/) } });
    expect((await stored(pixelId))?.pixel_status).toBe('inactive');
  });

  it('never stores integration tokens', async () => {
    await recordWrite(
      {
        profile: { id: 'p', name: 'P' },
        pixelId: 1,
        offerId: 2,
        action: 'update',
        before: { facebook_pixel: { pixel_id: '1', access_token: 'EAAB-secret' } },
        after: { facebook_pixel: { pixel_id: '2', access_token: 'EAAB-secret' } },
      },
      { now: () => 1, newId: () => 'e1' },
    );
    const raw = JSON.stringify(await historyItem.getValue());
    expect(raw).not.toContain('EAAB-secret');
    expect(raw).toContain('"pixel_id":"2"');
  });

  it('masks a token in a key/value row too (Meta user_data), by the one secret rule', async () => {
    await recordWrite(
      {
        profile: { id: 'p', name: 'P' },
        pixelId: 1,
        offerId: 2,
        action: 'update',
        before: null,
        after: { integration: { user_data: [{ field: 'access_token', value: 'EAAGrowToken123456' }] } },
      },
      { now: () => 1, newId: () => 'e1' },
    );
    const raw = JSON.stringify(await historyItem.getValue());
    expect(raw).not.toContain('EAAGrowToken123456');
    expect(raw).toContain('"value":"••••3456"');
  });

  it('a Meta postback: its token is never stored, and undoing an edit and a toggle keeps it on Everflow', async () => {
    const profileId = await addProfile();
    const list = await send<
      R<{
        value: {
          id: number;
          deliveryMethod: string;
          offerId: number;
          integration?: Record<string, unknown>;
        }[];
      }>
    >('pixels.list', { profileId, filters: { offerId: 13 }, refresh: true });
    if (!list.ok) throw new Error(list.error.message);
    const meta = list.value.value.find((p) => p.deliveryMethod === 'facebook' && p.offerId === 13);
    if (!meta) throw new Error('the demo seed has a Meta postback on offer 13');
    const metaDraft = {
      deliveryMethod: 'facebook',
      type: 'conversion',
      level: 'specific',
      status: 'active',
      offerId: 13,
      integration: { ...meta.integration, event_name: 'Lead' },
    };
    expect(await send('pixels.update', { profileId, pixelId: meta.id, draft: metaDraft })).toMatchObject({
      ok: true,
    });
    expect(await send('pixels.setStatus', { profileId, pixelId: meta.id, status: 'inactive' })).toMatchObject(
      {
        ok: true,
      },
    );
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain('EAAGdemoTokenGlow02');
    const [toggle, edit] = await history({ profileId });
    expect(JSON.stringify(edit?.before)).toContain('••••ow02');
    expect(await send('history.undo', { entryId: toggle?.id })).toMatchObject({ ok: true });
    expect(await send('history.undo', { entryId: edit?.id })).toMatchObject({ ok: true });
    const onServer = (await stored(meta.id)) as unknown as Record<string, unknown>;
    expect(onServer).toMatchObject({
      pixel_status: 'active',
      facebook_pixel: { event_name: 'Purchase', access_token: 'EAAGdemoTokenGlow02' },
    });
    expect(JSON.stringify(await control().state())).not.toContain('••••');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('EAAGdemoTokenGlow02');
  });

  it('keeps at most 1 000 entries and nothing older than 30 days', () => {
    const now = 100 * HISTORY_MAX_AGE_MS;
    const entry = (i: number, at: number): HistoryEntry => ({
      id: `e${i}`,
      at,
      profileId: 'p',
      profileName: '',
      pixelId: i,
      offerId: 0,
      action: 'status',
      before: null,
      after: null,
      source: 'user',
    });
    const many = Array.from({ length: 1200 }, (_, i) => entry(i, now - i));
    expect(prune(many, now)).toHaveLength(HISTORY_MAX_ENTRIES);
    const old = [entry(1, now), entry(2, now - HISTORY_MAX_AGE_MS - 1)];
    expect(prune(old, now).map((e) => e.id)).toEqual(['e1']);
  });
});
