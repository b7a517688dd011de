// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { collectPages } from '../../../lib/everflow/paging';
import { ok } from '../../../lib/result';
import networkResponse from '../../fixtures/everflow/seed-network-create-response.json';
import { BASE, json, type Recorded, stubFetch } from './stub-fetch';

/** A pixelstable that holds `count` postbacks and serves at most `cap` per page, whatever is asked. */
function cappedServer(count: number, cap: number, withTotal = true) {
  const pixels = Array.from({ length: count }, (_, i) => ({
    ...networkResponse,
    network_pixel_id: i + 1,
    network_offer_id: 7,
  }));
  return (req: Recorded) => {
    const page = Number(req.url.searchParams.get('page') ?? 1);
    const size = Math.min(cap, Number(req.url.searchParams.get('page_size') ?? 50));
    return json(200, {
      pixels: pixels.slice((page - 1) * size, page * size),
      paging: { page, page_size: size, ...(withTotal ? { total_count: count } : {}) },
    });
  };
}

function networkClient(handler: (req: Recorded) => Response) {
  const stub = stubFetch(handler);
  return {
    stub,
    c: createEverflowClient({
      baseUrl: BASE,
      apiKey: 'k',
      fetch: stub.fetch,
      limiter: 'none',
      recoverySettleMs: 0,
    }),
  };
}

describe('collectPages', () => {
  it('reads on while the total is not reached, even when pages are shorter than asked', async () => {
    const fetchPage = vi.fn(async (page: number) =>
      ok({ items: page <= 2 ? [page * 10, page * 10 + 1] : [30], page, pageSize: 2, totalCount: 5 }),
    );
    expect(await collectPages(fetchPage, 10)).toEqual(ok([10, 11, 20, 21, 30]));
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops at an empty page, at a short page without a total, and at the page bound', async () => {
    const empty = vi.fn(async (page: number) =>
      ok({ items: page === 1 ? [1] : [], page, pageSize: 1, totalCount: 99 }),
    );
    expect(await collectPages(empty, 10)).toEqual(ok([1]));
    expect(empty).toHaveBeenCalledTimes(2);
    const short = vi.fn(async (page: number) => ok({ items: page === 1 ? [1, 2] : [3], page, pageSize: 2 }));
    expect(await collectPages(short, 10)).toEqual(ok([1, 2, 3]));
    const endless = vi.fn(async (page: number) => ok({ items: [page], page, pageSize: 1, totalCount: 1000 }));
    expect(await collectPages(endless, 4)).toEqual(ok([1, 2, 3, 4]));
  });
});

describe('network searchAllPixels against a server that caps the page size', () => {
  it('returns every postback, with and without a total count', async () => {
    const { c, stub } = networkClient(cappedServer(5, 2));
    const all = await c.network.searchAllPixels({ filters: { offerIds: [7] } });
    expect(all.ok && all.value.items.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
    expect(stub.calls).toHaveLength(3);
    const noTotal = networkClient(cappedServer(5, 2, false)).c;
    const again = await noTotal.network.searchAllPixels({ filters: { offerIds: [7] } });
    expect(again.ok && again.value.items.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('says when the page cap stopped the reading: 5 000 of 6 000', async () => {
    const { c, stub } = networkClient(cappedServer(6000, 500));
    const all = await c.network.searchAllPixels({});
    expect(
      all.ok && { n: all.value.items.length, total: all.value.total, truncated: all.value.truncated },
    ).toEqual({
      n: 5000,
      total: 6000,
      truncated: true,
    });
    expect(stub.calls).toHaveLength(10);
    // Without a server total: truncated, no number.
    const noTotal = await networkClient(cappedServer(6000, 500, false)).c.network.searchAllPixels({});
    expect(noTotal.ok && [noTotal.value.truncated, noTotal.value.total]).toEqual([true, undefined]);
    // Everything read: neither.
    const whole = await networkClient(cappedServer(5000, 500)).c.network.searchAllPixels({});
    expect(whole.ok && [whole.value.truncated, whole.value.total]).toEqual([false, undefined]);
    // Three 5 000-row reads, each parsed row by row: seconds on a loaded two-core machine, not a speed goal.
  }, 30_000);

  it('reads past the default cap when the caller names a higher one (the health sweep)', async () => {
    const { c, stub } = networkClient(cappedServer(60, 5));
    const capped = await c.network.searchAllPixels({ maxPages: 3 });
    expect(capped.ok && [capped.value.items.length, capped.value.truncated]).toEqual([15, true]);
    stub.calls.length = 0;
    const all = await c.network.searchAllPixels({ maxPages: 1000 });
    expect(all.ok && [all.value.items.length, all.value.truncated]).toEqual([60, false]);
    expect(stub.calls).toHaveLength(12);
  });
});
