// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import seedBody from '../../fixtures/everflow/seed-network-create-request.json';
import { send, startBackground } from './harness';

// The background services of the partner-postback console, against the sandbox with the network key.

type R<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: string; message: string; field?: string } };
interface Row {
  id: number;
  description?: string;
  postbackUrl: string;
  status: string;
  deliveryMethod: string;
  affiliateId?: number;
  affiliateName?: string;
  offerName?: string;
}
interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());

const control = () => createSandboxControl(sandbox.origin);

async function addNetwork(): Promise<string> {
  const r = await send<R<{ id: string }>>('profiles.save', {
    name: 'Network',
    role: 'network',
    region: 'custom',
    customBaseUrl: sandbox.baseUrl,
    portalDomains: [],
    apiKey: 'demo-network-key',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

/** The bodies of the POSTs to /networks/pixels the sandbox received. */
async function createBodies(): Promise<unknown[]> {
  return (await control().requests())
    .filter((q) => q.method === 'POST' && q.path === '/v1/networks/pixels')
    .map((q) => q.body);
}

describe('network services', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await control().reset();
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('searches offers for a network profile (offerstable)', async () => {
    const id = await addNetwork();
    const r = await send<R<Paged<{ id: number; name: string; events: unknown[] }>>>('offers.list', {
      profileId: id,
      search: 'keto',
      pageSize: 5,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.items.length).toBeGreaterThan(0);
    expect(r.value.items.every((o) => /keto/i.test(o.name) && Array.isArray(o.events))).toBe(true);
    expect(r.value.pageSize).toBe(5);
  });

  it('free text covers id, description and payload; filters combine; pages are exact', async () => {
    const id = await addNetwork();
    const search = (filters: Record<string, unknown>, page = 1, pageSize = 50) =>
      send<R<Paged<Row>>>('pixels.search', { profileId: id, filters, page, pageSize });

    const byDescription = await search({ text: 'harbor social' });
    expect(byDescription.ok && byDescription.value.items.length).toBeGreaterThan(1);
    expect(
      byDescription.ok && byDescription.value.items.every((p) => /harbor social/i.test(p.description ?? '')),
    ).toBe(true);
    const byPayload = await search({ text: 'rdtk.io' });
    expect(byPayload.ok && byPayload.value.items.every((p) => p.postbackUrl.includes('rdtk.io'))).toBe(true);
    expect(byPayload.ok && byPayload.value.total).toBeGreaterThanOrEqual(2);
    const byId = await search({ text: '1039' });
    expect(byId.ok && byId.value.items.map((p) => p.id)).toContain(1039);

    // Two filters at once: status and delivery method.
    const both = await search({ status: 'inactive', deliveryMethod: 'postback' });
    expect(both.ok && both.value.items.length).toBeGreaterThan(0);
    expect(
      both.ok && both.value.items.every((p) => p.status === 'inactive' && p.deliveryMethod === 'postback'),
    ).toBe(true);

    // Paging of a merged text search: no row twice, none lost.
    const all = await search({ text: 'northwind' });
    if (!all.ok) throw new Error(all.error.message);
    const first = await search({ text: 'northwind' }, 1, 2);
    const second = await search({ text: 'northwind' }, 2, 2);
    if (!first.ok || !second.ok) throw new Error('paging failed');
    expect(first.value.total).toBe(all.value.total);
    expect([...first.value.items, ...second.value.items].map((p) => p.id)).toEqual(
      all.value.items.slice(0, 4).map((p) => p.id),
    );
  });

  it('rows carry the partner and offer names from relationship', async () => {
    const id = await addNetwork();
    const r = await send<R<Paged<Row>>>('pixels.search', { profileId: id, filters: { text: '1039' } });
    const row = r.ok ? r.value.items.find((p) => p.id === 1039) : undefined;
    expect(row).toMatchObject({
      affiliateId: 14,
      affiliateName: expect.any(String),
      offerName: expect.any(String),
    });
  });

  it('creates with exactly the seed body, and leaves defaults out', async () => {
    const id = await addNetwork();
    const r = await send<R<{ pixel: Row }>>('pixels.create', {
      profileId: id,
      draft: {
        deliveryMethod: 'postback',
        type: 'conversion',
        level: 'specific',
        status: 'active',
        offerId: 11,
        affiliateId: 7,
        postbackUrl: 'https://example.com/postback?tid={transaction_id}',
        description: 'Conversion postback for affiliate 7',
        delayMs: 0,
      },
    });
    expect(r.ok).toBe(true);
    const [body] = await createBodies();
    expect(body).toEqual(seedBody);
    expect(Object.keys(body as object)).toEqual(Object.keys(seedBody));
  });

  it('sets the unused ids to 0 for global and global_offer', async () => {
    const id = await addNetwork();
    const base = {
      deliveryMethod: 'html',
      type: 'conversion',
      status: 'active',
      htmlCode: '<img src="https://t.example/p.gif?tid={transaction_id}">',
      offerId: 13,
      affiliateId: 5,
    };
    const global = await send<R>('pixels.create', { profileId: id, draft: { ...base, level: 'global' } });
    const globalOffer = await send<R>('pixels.create', {
      profileId: id,
      draft: { ...base, level: 'global_offer' },
    });
    expect(global.ok && globalOffer.ok).toBe(true);
    expect(await createBodies()).toEqual([
      expect.objectContaining({ network_offer_id: 0, network_affiliate_id: 5, pixel_level: 'global' }),
      expect.objectContaining({ network_offer_id: 13, network_affiliate_id: 0, pixel_level: 'global_offer' }),
    ]);
  });

  it('tells two integration postbacks apart by their settings, and finds a true duplicate', async () => {
    const id = await addNetwork();
    const draft = (pixel_code: string) => ({
      deliveryMethod: 'tiktok',
      type: 'conversion',
      level: 'specific',
      status: 'active',
      offerId: 12,
      affiliateId: 5,
      integration: { network_affiliate_integration_tiktok_id: 70, pixel_code, event_name: 'CompletePayment' },
    });
    expect((await send<R>('pixels.create', { profileId: id, draft: draft('AAA') })).ok).toBe(true);
    expect((await send<R>('pixels.create', { profileId: id, draft: draft('BBB') })).ok).toBe(true);
    expect(await send<R>('pixels.create', { profileId: id, draft: draft('AAA') })).toMatchObject({
      ok: false,
      error: { kind: 'duplicate' },
    });
  });

  it('"Check again" (pixels.findCreated) finds only a postback not seen before, and never POSTs', async () => {
    const id = await addNetwork();
    const draft = {
      deliveryMethod: 'postback',
      type: 'conversion',
      level: 'specific',
      status: 'active',
      offerId: 11,
      affiliateId: 7,
      postbackUrl: 'https://example.com/pb?tid={transaction_id}&check=again',
    };
    const made = await send<R<{ pixel: Row }>>('pixels.create', { profileId: id, draft });
    if (!made.ok) throw new Error(made.error.message);
    const posts = (await createBodies()).length;
    const found = await send<R<{ pixel: Row; recovered: boolean }>>('pixels.findCreated', {
      profileId: id,
      draft,
      knownIds: [],
    });
    expect(found.ok && found.value).toMatchObject({ recovered: true, pixel: { id: made.value.pixel.id } });
    const seen = await send<R>('pixels.findCreated', {
      profileId: id,
      draft,
      knownIds: [made.value.pixel.id],
    });
    expect(seen).toMatchObject({ ok: false, error: { kind: 'unknown_outcome' } });
    expect(await createBodies()).toHaveLength(posts);
    const bad = await send<R>('pixels.findCreated', { profileId: id, draft, knownIds: ['x'] });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'bad_request' } });
  });

  it('refuses a create without the integration id before any request', async () => {
    const id = await addNetwork();
    await control().clearRequests();
    const r = await send<R>('pixels.create', {
      profileId: id,
      allowDuplicate: true,
      draft: {
        deliveryMethod: 'rumble',
        type: 'conversion',
        level: 'specific',
        status: 'active',
        offerId: 41,
        affiliateId: 18,
        integration: { conversion_action_id: 4412 },
      },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'rumble_pixel.network_affiliate_integration_rumble_id' },
    });
    expect(await createBodies()).toEqual([]);
  });
});
