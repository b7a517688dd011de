// @vitest-environment node
// The health watch end to end in node: the real handlers and services against the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CHECK_NOW_NO_ANSWER_MS,
  healthCheckNow,
  sweepDeps,
} from '../../../../lib/background/services/health';
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

  it('does not flag a toggle whose answer was lost: the PUT may have landed', async () => {
    // The PUT reaches the sandbox (which switches the postback off), then the connection drops before the answer.
    let dropAnswer = false;
    await startBackground({
      fetch: async (i, init) => {
        const res = await fetch(i, init);
        if (dropAnswer && init?.method === 'PUT') throw new TypeError('fetch failed');
        return res;
      },
    });
    const profileId = await addProfile('demo-affiliate-key', 'affiliate');
    await call('health.checkNow');
    const p = await firstActive(profileId);
    dropAnswer = true;
    const r = await send<R>('pixels.setStatus', { profileId, pixelId: p.id, status: 'inactive' });
    dropAnswer = false;
    expect(r.ok).toBe(false);
    expect((await control().pixel(p.id)).pixel_status).toBe('inactive');
    const after = await call<HealthReply>('health.checkNow');
    expect(after.flagged).toBe(0);
    expect(after.notices).toEqual([]);
  }, 30_000); // the client retries the PUT (with backoff) before it gives up

  it('two checks at once (the alarm\'s and "Check now") make one sweep and one notification', async () => {
    const notified: number[] = [];
    await startBackground({
      fetch: (i, init) => fetch(i, init),
      notifyFlagged: async (n) => void notified.push(n),
    });
    const profileId = await addProfile('demo-affiliate-key', 'affiliate');
    await call('health.checkNow');
    const p = await firstActive(profileId);
    await control().setPixelStatus(p.id, 'inactive');
    const [a, b] = await Promise.all([
      call<HealthReply>('health.checkNow'),
      call<HealthReply>('health.checkNow'),
    ]);
    expect([a.flagged, b.flagged]).toEqual([1, 1]);
    expect(notified).toEqual([1]);
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
  it('"Check now" reports a hung profile within about 10 s, and still checks the others', async () => {
    await addProfile('demo-affiliate-key', 'affiliate');
    const network = await addProfile('demo-network-key', 'network');
    await call('health.checkNow');
    const p = await firstActive(network);
    await control().setPixelStatus(p.id, 'inactive');
    await control().inject({ kind: 'hang', match: { path: '/v1/affiliates/pixels' } });
    const started = Date.now();
    const r = await call<HealthReply>('health.checkNow');
    const took = Date.now() - started;
    expect(took).toBeLessThan(13_000);
    expect(r.errors).toEqual([
      expect.objectContaining({
        profileName: 'affiliate profile',
        message: expect.stringMatching(/^no answer within 10 s/),
      }),
    ]);
    // The network profile was checked meanwhile: its switched-off postback is flagged.
    expect(r.flagged).toBe(1);
    expect(r.notices).toEqual([expect.objectContaining({ profileId: network, pixelId: p.id })]);
  }, 30_000);

  it('the alarm\'s sweep keeps no end-to-end deadline; "Check now" bounds each request and does not retry it', async () => {
    const budgets: unknown[] = [];
    const clientFor = async (_id: string, budget?: unknown) => {
      budgets.push(budget);
      return { ok: false as const, error: { kind: 'not_found', message: 'gone' } };
    };
    await sweepDeps({ clientFor, now: Date.now }).list('a');
    await sweepDeps({ clientFor, now: Date.now }, 'interactive').list('a');
    expect(budgets).toEqual([
      { deadlineMs: null },
      { deadlineMs: null, requestTimeoutMs: CHECK_NOW_NO_ANSWER_MS, retries: 0 },
    ]);
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
  it('"Check now" that joins a longer check answers within its wait, says the check goes on, and the check still ends', async () => {
    await addProfile('demo-affiliate-key', 'affiliate');
    const slow = async () => {
      await new Promise((r) => setTimeout(r, 800));
      return { ok: false as const, error: { kind: 'not_found', message: 'gone' } };
    };
    const deps = { clientFor: slow as never, now: Date.now };
    const alarm = healthCheckNow(deps, undefined, 'background');
    const started = Date.now();
    const r = await healthCheckNow(deps, undefined, 'interactive', 100);
    expect(Date.now() - started).toBeLessThan(700);
    expect(r.ok === false && r.error.message).toMatch(/still running in the background/);
    expect((await alarm).ok).toBe(true);
    const after = await healthCheckNow(deps, undefined, 'interactive', 5_000);
    expect(after.ok).toBe(true);
  });
});
