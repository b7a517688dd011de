// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClientFor } from '../../../lib/background/client-for';
import { createPixel, findCreatedPixel } from '../../../lib/background/services/pixels';
import { createEverflowClient, type EverflowClientOptions } from '../../../lib/everflow/client';
import type { PixelDraft } from '../../../lib/messaging/protocol';
import { ok } from '../../../lib/result';
import { createSandboxControl } from '../../../sandbox/control';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../../sandbox/server';

// A create whose outcome is unclear, through the background service and the sandbox: the reply never claims a
// postback that existed before the request, says "unknown" when Everflow never confirmed, and "Check again"
// finds the late one without sending anything twice.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());
const control = () => createSandboxControl(sandbox.origin);
const PIXELS = '/v1/affiliates/pixels';
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function deps(options: Partial<EverflowClientOptions> = {}) {
  const client = createEverflowClient({
    baseUrl: sandbox.baseUrl,
    apiKey: DEMO_KEYS.affiliate,
    limiter: 'none',
    sleep: wait,
    recoverySettleMs: 50,
    ...options,
  });
  const clientFor: ClientFor = async () =>
    ok({ profile: { id: 'p' } as never, client, side: 'affiliate' as const });
  return { clientFor, now: () => Date.now() };
}

const draft: PixelDraft = {
  deliveryMethod: 'postback',
  type: 'conversion',
  level: 'specific',
  status: 'active',
  offerId: 12,
  postbackUrl: 'https://tracker.example/pb?click={transaction_id}&n=outcome',
  delayMs: 0,
};
const copies = async () =>
  (await control().state()).pixels.filter((p) => p.postback_url === draft.postbackUrl).map((p) => p);
const posts = async () => (await control().requests()).filter((q) => q.method === 'POST').length;

describe('create outcome through the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await control().reset();
  });

  it('"Create anyway" + a 500 does not claim the identical older postback', async () => {
    const d = deps();
    const first = await createPixel({ profileId: 'p', draft }, d);
    if (!first.ok) throw new Error(first.error.message);
    const warned = await createPixel({ profileId: 'p', draft }, d);
    expect(warned.ok ? undefined : warned.error.kind).toBe('duplicate');
    await control().inject({ kind: 'status', status: 500, match: { method: 'POST', path: PIXELS } });
    const anyway = await createPixel({ profileId: 'p', draft, allowDuplicate: true }, d);
    // Before the fix: ok, "recovered", pixel = the older one.
    expect(anyway.ok ? `claimed #${anyway.value.pixel.id}` : anyway.error.kind).toBe('server');
    expect(await copies()).toHaveLength(1);
  });

  it('no confirmation → unknown_outcome with the ids seen before; "Check again" finds the late one', async () => {
    const d = deps();
    const first = await createPixel({ profileId: 'p', draft }, d);
    if (!first.ok) throw new Error(first.error.message);
    // The server saves the second create 1.2 s after the client gave up, after its looks are over.
    await control().inject({ kind: 'latency', ms: 1500, count: 1, match: { method: 'POST', path: PIXELS } });
    const slow = deps({ timeoutMs: 300, recoveryWindowMs: 200, recoveryPollMs: 100 });
    const r = await createPixel({ profileId: 'p', draft, allowDuplicate: true }, slow);
    expect(r.ok ? 'created' : r.error.kind).toBe('unknown_outcome');
    const knownIds = r.ok ? [] : (r.error.knownIds ?? []);
    expect(knownIds).toContain(first.value.pixel.id);
    // Checked too early: still unknown, and nothing is sent.
    const early = await findCreatedPixel({ profileId: 'p', draft, knownIds }, slow);
    expect(early.ok ? 'found' : early.error).toMatchObject({ kind: 'unknown_outcome', knownIds });
    await wait(1500);
    const again = await findCreatedPixel({ profileId: 'p', draft, knownIds }, slow);
    expect(again.ok && again.value.recovered).toBe(true);
    expect(again.ok && again.value.pixel.id).not.toBe(first.value.pixel.id);
    expect(await copies()).toHaveLength(2);
    expect(await posts()).toBe(2);
  });

  it('Everflow unreachable → "offline" at once, and no POST is sent into a dead connection', async () => {
    const sent: string[] = [];
    const client = createEverflowClient({
      baseUrl: 'http://127.0.0.1:9/v1', // never reached: the fetch below fails like a browser offline
      apiKey: DEMO_KEYS.affiliate,
      limiter: 'none',
      sleep: async () => {},
      fetch: (_input, init) => {
        sent.push(init?.method ?? 'GET');
        return Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    const clientFor: ClientFor = async () =>
      ok({ profile: { id: 'p' } as never, client, side: 'affiliate' as const });
    const r = await createPixel({ profileId: 'p', draft }, { clientFor, now: () => 1 });
    expect(r.ok ? 'created' : r.error.kind).toBe('offline');
    expect(sent).not.toContain('POST');
  });
});
