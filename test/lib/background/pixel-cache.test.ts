// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropLegacyCache, readCache } from '../../../lib/background/cache';
import type { ClientFor } from '../../../lib/background/client-for';
import {
  createPixel,
  deletePixel,
  listPixels,
  setPixelStatus,
} from '../../../lib/background/services/pixels';
import { createEverflowClient } from '../../../lib/everflow/client';
import type { PixelView } from '../../../lib/model/pixel';
import { ok } from '../../../lib/result';
import { cacheIndexItem, profilesItem } from '../../../lib/storage/items';
import { BASE, json } from '../everflow/stub-fetch';

// The cached postback lists while writes and list fetches overlap, against a small in-memory Everflow whose
// list answers can be held back (a slow fetch) while a switch goes through.

type Side = 'affiliate' | 'network';

function pixel(id: number, extra: Record<string, unknown> = {}) {
  return {
    network_pixel_id: id,
    network_affiliate_id: 7,
    network_offer_id: 5,
    network_offer_payout_revenue_id: 0,
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    postback_url: `https://t.example/${id}?tx={transaction_id}`,
    html_code: '',
    delay_ms: 0,
    ...extra,
  };
}

function everflow(side: Side, stored: Record<string, unknown>[]) {
  const pixels = new Map(stored.map((p) => [Number(p.network_pixel_id), { ...p }]));
  const held: (() => void)[] = [];
  let holdLists = false;
  let lists = 0;
  const prefix = side === 'affiliate' ? '/v1/affiliates/pixels' : '/v1/networks/pixels';
  const listNow = () => json(200, { pixels: [...pixels.values()], paging: { total_count: pixels.size } });
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const isList = url.pathname === '/v1/affiliates/pixels' || url.pathname === '/v1/networks/pixelstable';
    if (method === 'POST' && url.pathname === prefix) {
      const id = Math.max(0, ...pixels.keys()) + 1;
      pixels.set(id, { ...pixel(id), ...body, network_pixel_id: id });
      return json(200, pixels.get(id));
    }
    if (isList) {
      // The answer is read now (before any write that lands while it travels), and delivered later.
      lists++;
      const answer = listNow();
      if (holdLists) await new Promise<void>((resolve) => held.push(resolve));
      return answer;
    }
    const id = Number(url.pathname.slice(prefix.length + 1));
    const found = pixels.get(id);
    if (!found) return json(404, { error: 'not found' });
    if (method === 'DELETE') {
      pixels.delete(id);
      return json(200, { result: true });
    }
    if (method === 'PUT') pixels.set(id, { ...found, ...body });
    return json(200, pixels.get(id));
  };
  return {
    lists: () => lists,
    hold: () => {
      holdLists = true;
    },
    release: () => {
      holdLists = false;
      for (const go of held.splice(0)) go();
    },
    heldCount: () => held.length,
    /** A change made elsewhere (the portal), straight on the server. */
    edit: (id: number, fields: Record<string, unknown>) => {
      pixels.set(id, { ...pixels.get(id), ...fields });
    },
    fetch: fetchImpl as typeof fetch,
  };
}

function depsFor(side: Side, server: ReturnType<typeof everflow>) {
  let clock = 1_000;
  const client = createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: server.fetch, limiter: 'none' });
  const clientFor: ClientFor = async () =>
    ok({
      profile: {
        id: 'p',
        name: 'P',
        role: side,
        region: 'custom',
        customBaseUrl: BASE,
        portalDomains: [],
        keyHint: '',
        createdAt: 0,
      },
      client,
      side,
    });
  return { clientFor, now: () => ++clock };
}

async function cachedRows(key: string): Promise<PixelView[]> {
  return ((await readCache(key))?.value ?? []) as PixelView[];
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBe(true);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('cached postback lists', () => {
  it('a refresh that started before a switch does not bring the old status back', async () => {
    const server = everflow('affiliate', [pixel(1), pixel(2)]);
    const deps = depsFor('affiliate', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    server.hold();
    const refresh = listPixels({ profileId: 'p', refresh: true }, deps);
    await until(() => server.heldCount() === 1);
    const switched = await setPixelStatus({ profileId: 'p', pixelId: 1, status: 'inactive' }, deps);
    expect(switched.ok).toBe(true);
    server.release();
    const listed = await refresh;
    const rows = await cachedRows('pixels:p');
    expect(rows.find((p) => p.id === 1)?.status).toBe('inactive');
    expect(listed.ok && listed.value.value.find((p) => p.id === 1)?.status).toBe('inactive');
    // A later refresh (started after the switch) is taken as the server says.
    await listPixels({ profileId: 'p', refresh: true }, deps);
    expect((await cachedRows('pixels:p')).map((p) => [p.id, p.status])).toEqual([
      [1, 'inactive'],
      [2, 'active'],
    ]);
  });

  it('a refresh that started before a delete does not bring the postback back', async () => {
    const server = everflow('network', [pixel(1), pixel(2)]);
    const deps = depsFor('network', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    server.hold();
    const refresh = listPixels({ profileId: 'p', refresh: true }, deps);
    await until(() => server.heldCount() === 1);
    expect((await deletePixel({ profileId: 'p', pixelId: 2 }, deps)).ok).toBe(true);
    server.release();
    await refresh;
    expect((await cachedRows('pixels:p:all')).map((p) => p.id)).toEqual([1]);
  });

  it("a list's very first refresh (nothing cached yet) that started before a switch keeps the switch", async () => {
    const server = everflow('affiliate', [pixel(1), pixel(2)]);
    const deps = depsFor('affiliate', server);
    server.hold();
    const first = listPixels({ profileId: 'p', refresh: true }, deps);
    await until(() => server.heldCount() === 1);
    expect((await setPixelStatus({ profileId: 'p', pixelId: 1, status: 'inactive' }, deps)).ok).toBe(true);
    server.release();
    const listed = await first;
    expect(listed.ok && listed.value.value.find((p) => p.id === 1)?.status).toBe('inactive');
    expect((await cachedRows('pixels:p')).map((p) => [p.id, p.status])).toEqual([
      [1, 'inactive'],
      [2, 'active'],
    ]);
  });

  it("a network offer list's first refresh keeps a delete made while it ran", async () => {
    const server = everflow('network', [pixel(1), pixel(2), pixel(3)]);
    const deps = depsFor('network', server);
    server.hold();
    const first = listPixels({ profileId: 'p', refresh: true, filters: { offerId: 5 } }, deps);
    await until(() => server.heldCount() === 1);
    expect((await deletePixel({ profileId: 'p', pixelId: 2 }, deps)).ok).toBe(true);
    server.release();
    await first;
    expect((await cachedRows('pixels:p:offer:5')).map((p) => p.id)).toEqual([1, 3]);
  });

  it('a refresh that started after the switch takes the server as it is', async () => {
    const server = everflow('affiliate', [pixel(1)]);
    const deps = depsFor('affiliate', server);
    await setPixelStatus({ profileId: 'p', pixelId: 1, status: 'inactive' }, deps);
    // Someone switches it back in the portal; a refresh started after our write shows that, not the logged write.
    server.edit(1, { pixel_status: 'active' });
    await listPixels({ profileId: 'p', refresh: true }, deps);
    expect((await cachedRows('pixels:p'))[0]?.status).toBe('active');
  });

  it('a global postback is switched and deleted in every offer list of the network', async () => {
    const global = pixel(9, { pixel_level: 'global', network_offer_id: 0 });
    const server = everflow('network', [pixel(1), global]);
    const deps = depsFor('network', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    await listPixels({ profileId: 'p', refresh: true, filters: { offerId: 5 } }, deps);
    await listPixels({ profileId: 'p', refresh: true, filters: { offerId: 6 } }, deps);
    await setPixelStatus({ profileId: 'p', pixelId: 9, status: 'inactive' }, deps);
    for (const key of ['pixels:p:all', 'pixels:p:offer:5', 'pixels:p:offer:6']) {
      expect((await cachedRows(key)).find((p) => p.id === 9)?.status, key).toBe('inactive');
    }
    await deletePixel({ profileId: 'p', pixelId: 9 }, deps);
    for (const key of ['pixels:p:all', 'pixels:p:offer:5', 'pixels:p:offer:6']) {
      expect(
        (await cachedRows(key)).some((p) => p.id === 9),
        key,
      ).toBe(false);
    }
  });

  it('two switches at once both reach the cache', async () => {
    const server = everflow('affiliate', [pixel(1), pixel(2), pixel(3)]);
    const deps = depsFor('affiliate', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    await Promise.all(
      [1, 2, 3].map((pixelId) => setPixelStatus({ profileId: 'p', pixelId, status: 'inactive' }, deps)),
    );
    expect((await cachedRows('pixels:p')).map((p) => p.status)).toEqual(['inactive', 'inactive', 'inactive']);
  });

  it('drops the single-item cache of 0.1 builds, and a corrupt index entry instead of failing', async () => {
    await fakeBrowser.storage.local.set({
      cache: { 'pixels:p': { value: [], fetchedAt: 5, patchedAt: 'garbage' } },
      cacheIndex: { entries: { 'pixels:p': { fetchedAt: 'garbage' } }, evicted: {} },
    });
    await dropLegacyCache();
    const server = everflow('affiliate', [pixel(1)]);
    const listed = await listPixels({ profileId: 'p' }, depsFor('affiliate', server));
    expect(listed.ok && listed.value.value.map((p) => p.id)).toEqual([1]);
    expect((await fakeBrowser.storage.local.get('cache')).cache).toBeUndefined();
  });

  it('a switch Everflow saved but answered with unreadable JSON shows the truth in the reply and the cache', async () => {
    const server = everflow('affiliate', [pixel(1), pixel(2)]);
    const real = server.fetch;
    // The PUT lands on the server; its answer is cut off.
    server.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const answer = await real(input, init);
      return init.method === 'PUT'
        ? new Response('{"network_pixel_id": 1, "pixel_st', { status: 200 })
        : answer;
    }) as typeof fetch;
    const deps = depsFor('affiliate', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    const r = await setPixelStatus({ profileId: 'p', pixelId: 1, status: 'inactive' }, deps);
    expect(r.ok ? r.value.status : r.error.kind).toBe('inactive');
    expect((await cachedRows('pixels:p')).find((p) => p.id === 1)?.status).toBe('inactive');
  });

  it('a cached list is read before any client is built (no key read, no permission check)', async () => {
    const server = everflow('affiliate', [pixel(1)]);
    const deps = depsFor('affiliate', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    let built = 0;
    const counted = {
      ...deps,
      clientFor: (id: string) => {
        built++;
        return deps.clientFor(id);
      },
      sideOf: async () => 'affiliate' as const,
    };
    const r = await listPixels({ profileId: 'p' }, counted);
    expect(r.ok && r.value.fromCache).toBe(true);
    expect(built).toBe(0);
    // Without a stored profile there is no side to look up: the client path answers (and reports it).
    await profilesItem.setValue([]);
    await listPixels({ profileId: 'p' }, { ...counted, sideOf: undefined });
    expect(built).toBe(1);
  });

  it('the duplicate check before a create reads Everflow but does not rewrite the cached list', async () => {
    const server = everflow('affiliate', [pixel(1), pixel(2)]);
    const deps = depsFor('affiliate', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    const before = await readCache('pixels:p');
    const r = await createPixel(
      {
        profileId: 'p',
        draft: {
          deliveryMethod: 'postback',
          type: 'conversion',
          level: 'specific',
          status: 'active',
          offerId: 5,
          postbackUrl: 'https://t.example/new?tx={transaction_id}',
        },
      },
      deps,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(server.lists()).toBe(2);
    const after = await readCache('pixels:p');
    // Not stored again (it would carry the check's time); the new row is patched in.
    expect(after?.fetchedAt).toBe(before?.fetchedAt);
    expect(((after?.value ?? []) as PixelView[]).map((p) => p.id)).toEqual([r.value.pixel.id, 2, 1]);
  });

  it('the worker keeps its checked copy of a list: a cached read after a switch reads no page, and is right', async () => {
    const server = everflow('affiliate', [pixel(1), pixel(2)]);
    const deps = depsFor('affiliate', server);
    await listPixels({ profileId: 'p', refresh: true }, deps);
    await setPixelStatus({ profileId: 'p', pixelId: 2, status: 'inactive' }, deps);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const r = await listPixels({ profileId: 'p' }, { ...deps, sideOf: async () => 'affiliate' as const });
    expect(r.ok && r.value.value.map((p) => [p.id, p.status])).toEqual([
      [1, 'active'],
      [2, 'inactive'],
    ]);
    const pageReads = get.mock.calls.filter(([keys]) =>
      JSON.stringify(keys ?? null).includes('cache:pixels'),
    );
    expect(pageReads).toEqual([]);
    // Changed behind its back (another build, a repair): the revision differs, so it is read and checked again.
    const index = await cacheIndexItem.getValue();
    index.entries['pixels:p']!.rev = 1;
    await cacheIndexItem.setValue(index);
    const again = await listPixels({ profileId: 'p' }, { ...deps, sideOf: async () => 'affiliate' as const });
    expect(again.ok && again.value.value).toHaveLength(2);
    expect(get.mock.calls.some(([keys]) => JSON.stringify(keys ?? null).includes('cache:pixels'))).toBe(true);
  });
});
