// @vitest-environment node
// The health watch end to end in node: the real handlers and services against the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HealthReply } from '../../../../lib/model/health';
import type { PixelView } from '../../../../lib/model/pixel';
import { createSandboxControl } from '../../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../../sandbox/server';
import { send, startBackground } from '../harness';

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
let sandbox: Sandbox;
const control = () => createSandboxControl(sandbox.origin);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());

async function addProfile(apiKey: string, role: 'affiliate' | 'network'): Promise<string> {
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

async function call<T>(type: string, data?: unknown): Promise<T> {
  const r = await send<R<T>>(type, data);
  if (!r.ok) throw new Error(`${type}: ${r.error.message}`);
  return r.value;
}

async function firstActive(profileId: string): Promise<PixelView> {
  const list = await call<{ value: PixelView[] }>('pixels.list', { profileId, refresh: true });
  const p = list.value.find((x) => x.status === 'active');
  if (!p) throw new Error('no active postback in the seed');
  return p;
}

describe('health watch', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await control().reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('flags a postback switched off outside the extension, and "Switch back on" clears it', async () => {
    const profileId = await addProfile('demo-affiliate-key', 'affiliate');
    const first = await call<HealthReply>('health.checkNow');
    expect(first.flagged).toBe(0);
    expect(first.lastCheckAt).toBeTypeOf('number');
    const p = await firstActive(profileId);
    await control().setPixelStatus(p.id, 'inactive');

    const second = await call<HealthReply>('health.checkNow');
    expect(second.flagged).toBe(1);
    const flag = second.notices.find((n) => n.kind === 'switched_off');
    expect(flag).toMatchObject({
      pixelId: p.id,
      profileId,
      profileName: 'affiliate profile',
      offerId: p.offerId,
    });
    // Checking again does not flag it twice, and it keeps the first "noticed" time.
    const third = await call<HealthReply>('health.checkNow');
    expect(third.notices.filter((n) => n.kind === 'switched_off')).toEqual([flag]);
    // The list the pages read says the same, without a sweep.
    expect(await call<HealthReply>('health.list')).toEqual(third);

    const after = await call<HealthReply>('health.switchOn', { id: flag?.id });
    expect(after.flagged).toBe(0);
    expect((await control().pixel(p.id)).pixel_status).toBe('active');
    expect((await call<HealthReply>('health.checkNow')).flagged).toBe(0);
  });

  it('does not flag a toggle made through the extension', async () => {
    const profileId = await addProfile('demo-affiliate-key', 'affiliate');
    await call('health.checkNow');
    const p = await firstActive(profileId);
    await call('pixels.setStatus', { profileId, pixelId: p.id, status: 'inactive' });
    const r = await call<HealthReply>('health.checkNow');
    expect(r.flagged).toBe(0);
    expect(r.notices).toEqual([]);
  });

  it('notes postbacks deleted and created elsewhere (informational, not flagged), by partner on a network', async () => {
    const profileId = await addProfile('demo-network-key', 'network');
    await call('health.checkNow');
    const p = await firstActive(profileId);
    await control().deletePixel(p.id);
    const r = await call<HealthReply>('health.checkNow');
    expect(r.flagged).toBe(0);
    expect(r.notices).toEqual([
      expect.objectContaining({
        kind: 'deleted',
        pixelId: p.id,
        side: 'network',
        affiliateId: p.affiliateId,
      }),
    ]);
    const dismissed = await call<HealthReply>('health.dismiss', { id: r.notices[0]?.id });
    expect(dismissed.notices).toEqual([]);
  });

  it('a profile it cannot check is reported, and the others are still checked', async () => {
    await addProfile('demo-affiliate-key', 'affiliate');
    const network = await addProfile('demo-network-key', 'network');
    await control().inject({ kind: 'malformed_json', count: 5, match: { path: '/v1/affiliates/pixels' } });
    const r = await call<HealthReply>('health.checkNow');
    expect(r.errors).toEqual([expect.objectContaining({ profileName: 'affiliate profile' })]);
    // The network profile got its baseline: a change on it is flagged at the next check.
    await control().clearFaults();
    const p = await firstActive(network);
    await control().setPixelStatus(p.id, 'inactive');
    expect((await call<HealthReply>('health.checkNow')).flagged).toBe(1);
  });
  it('a check is a background job: a list slower than the deadline of the requests a page waits for still completes', async () => {
    await addProfile('demo-affiliate-key', 'affiliate');
    await call('settings.update', { requestDeadlineMs: 3000 });
    await control().inject({
      kind: 'latency',
      ms: 3500,
      count: 1,
      match: { method: 'GET', path: '/v1/affiliates/pixels' },
    });
    const r = await call<HealthReply>('health.checkNow');
    expect(r.errors).toEqual([]);
    expect(r.lastCheckAt).toBeTypeOf('number');
  }, 20_000);
});
