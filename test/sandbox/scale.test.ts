// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SandboxCore } from '../../sandbox/core';
import { DEMO_KEYS } from '../../sandbox/demo-keys';
import type { OfferRecord } from '../../sandbox/model';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clients, field, list } from './helpers';

// Listing and paging at 10 000 rows per side. Time bounds are loose (a busy CI box); the figures
// measured on an idle machine are in sandbox/README.md.

let sandbox: Sandbox;
let api: ReturnType<typeof clients>;
let startMs = 0;
beforeAll(async () => {
  const started = performance.now();
  sandbox = await startSandbox({ seed: 'scale' });
  startMs = performance.now() - started;
  api = clients(sandbox.origin);
});
afterAll(() => sandbox.close());

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe('the scale seed over HTTP', () => {
  it('starts in well under the time a test can wait', () => {
    expect(startMs).toBeLessThan(5000);
  });

  it('lists all 10 000 of the affiliate’s postbacks in one answer', async () => {
    const { value, ms } = await timed(() => api.affiliate('GET', '/pixels'));
    expect(value.status).toBe(200);
    expect(list(value.body, 'pixels')).toHaveLength(10_000);
    expect(ms).toBeLessThan(5000);
  });

  it('pages the affiliate pixelstable quickly, first page to last', async () => {
    for (const page of [1, 100, 200]) {
      const { value, ms } = await timed(() =>
        api.affiliate('POST', `/pixelstable?page=${page}&page_size=50`, {}),
      );
      expect(field(value.body, 'paging')).toEqual({ page, page_size: 50, total_count: 10_000 });
      expect(list(value.body, 'pixels')).toHaveLength(50);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('pages and searches the network pixelstable over 20 000 rows', async () => {
    const all = await api.network('POST', '/pixelstable?page=400&page_size=50', {});
    expect(field(all.body, 'paging', 'total_count')).toBe(20_000);
    expect(list(all.body, 'pixels')).toHaveLength(50);
    const partner = await timed(() =>
      api.network('POST', '/pixelstable?page=1&page_size=100', {
        query: { filters: { network_affiliate_ids: [3], status: 'active' } },
      }),
    );
    const rows = list(partner.value.body, 'pixels');
    expect(rows.length).toBe(100);
    expect(rows.every((row) => row.network_affiliate_id === 3 || row.pixel_level === 'global_offer')).toBe(
      true,
    );
    expect(partner.ms).toBeLessThan(1000);
  });

  it('finds exactly one postback by a piece of its URL', async () => {
    const pixels = list(
      (await api.affiliate('POST', '/pixelstable?page=150&page_size=1', {})).body,
      'pixels',
    );
    const url = String(pixels[0]?.postback_url || pixels[0]?.html_code);
    const token = /(?:[?&](?:c|ref|t|k|src|uid|id)=|\/)([0-9a-z]{5,7})(?:[&/"]|$)/.exec(url)?.[1];
    expect(token, url).toBeDefined();
    const found = await api.network('POST', '/pixelstable', {
      query: { search_terms: [{ search_type: 'payload', value: token }] },
    });
    expect(list(found.body, 'pixels').map((row) => row.network_pixel_id)).toEqual([
      pixels[0]?.network_pixel_id,
    ]);
  });

  it('offers 500+ runnable offers to the affiliate key', async () => {
    const runnable = await api.affiliate('GET', '/offersrunnable?page_size=1');
    expect(Number(field(runnable.body, 'paging', 'total_count'))).toBeGreaterThanOrEqual(500);
    const page = await api.affiliate('GET', '/offersrunnable?page=2&page_size=50');
    const id = Number(list(page.body, 'offers')[0]?.network_offer_id);
    expect(id).toBeGreaterThanOrEqual(101);
    const detail = await api.affiliate('GET', `/offers/${id}`);
    expect(Number(field(detail.body, 'relationship', 'payouts', 'total'))).toBeGreaterThanOrEqual(1);
  });
});

describe('rendering at scale', () => {
  it('looks offers up by id instead of scanning the catalogue for every row', () => {
    const core = new SandboxCore({ seed: 'empty', offers: 600, pixels: 2000 });
    const request = {
      method: 'GET',
      url: new URL('http://sandbox.local/v1/affiliates/pixels'),
      apiKey: DEMO_KEYS.affiliate,
      rawBody: '',
    };
    expect(core.api.dispatch(request).status).toBe(200);
    let reads = 0;
    const world = core.store.world;
    world.offers = new Proxy(world.offers, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver) as OfferRecord;
      },
    });
    const answer = core.api.dispatch(request);
    expect(list(answer.body, 'pixels')).toHaveLength(2000);
    // A linear find per row read about 2000 × 300 offers here.
    expect(reads).toBeLessThan(1000);
  });

  it('matches a search filter of 500 offer ids with a set lookup per row, not a scan of the ids', () => {
    const core = new SandboxCore({ seed: 'empty', offers: 600, partnerPixels: 2000 });
    const ids = core.store.world.offers.slice(0, 500).map((offer) => offer.network_offer_id);
    const includes = vi.spyOn(Array.prototype, 'includes');
    try {
      const answer = core.api.dispatch({
        method: 'POST',
        url: new URL('http://sandbox.local/v1/networks/pixelstable'),
        apiKey: DEMO_KEYS.network,
        rawBody: JSON.stringify({
          query: { filters: { network_offer_ids: ids, network_affiliate_ids: [3, 4] } },
        }),
      });
      expect(Number(field(answer.body, 'paging', 'total_count'))).toBeGreaterThan(100);
      // Two scans per row (offers, partners) made about 4000 calls here.
      expect(includes.mock.calls.length).toBeLessThan(200);
    } finally {
      includes.mockRestore();
    }
  });
});

describe('two sandboxes as two networks', () => {
  it('answer with their own network id and share offer names', async () => {
    const first = await startSandbox({ offers: 600 });
    const second = await startSandbox({ offers: 600, networkId: 2 });
    try {
      const [one, two] = [clients(first.origin), clients(second.origin)];
      expect(field((await one.network('GET', '')).body, 'network_id')).toBe(1);
      expect(field((await two.network('GET', '')).body, 'name')).toBe('Demo Network 2');
      const names = async (api: ReturnType<typeof clients>) =>
        list((await api.affiliate('GET', '/offersrunnable?page=2&page_size=20')).body, 'offers').map(
          (offer) => [offer.name, offer.network_id],
        );
      const [a, b] = [await names(one), await names(two)];
      expect(a.map(([name]) => name)).toEqual(b.map(([name]) => name));
      expect(new Set(b.map(([, id]) => id))).toEqual(new Set([2]));
    } finally {
      await first.close();
      await second.close();
    }
  });
});
