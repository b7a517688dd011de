// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClientFor } from '../../../lib/background/client-for';
import { searchPixels } from '../../../lib/background/services/pixel-search';
import { listPixels } from '../../../lib/background/services/pixels';
import { createEverflowClient } from '../../../lib/everflow/client';
import { ok } from '../../../lib/result';
import { BASE, json, stubFetch } from '../everflow/stub-fetch';

// What a list reply says about the rows it does not show: unreadable rows (with id and field) and rows beyond
// the page cap ("5 000 of 6 000"), for the popup and the console.

function pixel(id: number, extra: Record<string, unknown> = {}) {
  return {
    network_pixel_id: id,
    network_affiliate_id: 7,
    network_offer_id: id % 2 ? 5 : 6,
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    postback_url: `https://t.example/${id}?tx={transaction_id}`,
    delay_ms: 0,
    ...extra,
  };
}

function deps(side: 'affiliate' | 'network', rows: unknown[]) {
  const stub = stubFetch((req) => {
    const page = Number(req.url.searchParams.get('page') ?? 1);
    const size = Number(req.url.searchParams.get('page_size') ?? 50);
    return req.url.pathname.endsWith('/pixelstable')
      ? json(200, {
          pixels: rows.slice((page - 1) * size, page * size),
          paging: { page, page_size: size, total_count: rows.length },
        })
      : json(200, { pixels: rows });
  });
  const client = createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: stub.fetch, limiter: 'none' });
  const clientFor: ClientFor = async () => ok({ profile: { id: 'p' } as never, client, side });
  return { clientFor, now: () => 1 };
}

beforeEach(() => fakeBrowser.reset());

describe('list replies say what they do not show', () => {
  it('affiliate: one unreadable row is listed apart, the rest shown; another offer’s bad row is not this list’s', async () => {
    const rows = [
      ...Array.from({ length: 31 }, (_, i) => pixel(1001 + i)),
      pixel(1012, { delay_ms: 'soon', network_offer_id: 5 }),
      pixel(1040, { pixel_status: null, network_offer_id: 6 }),
    ];
    const d = deps('affiliate', rows);
    const all = await listPixels({ profileId: 'p', refresh: true }, d);
    expect(all.ok && all.value.value).toHaveLength(31);
    expect(all.ok && all.value.unreadable).toEqual([
      { id: 1012, field: 'delay_ms' },
      { id: 1040, field: 'pixel_status' },
    ]);
    const offer5 = await listPixels({ profileId: 'p', refresh: true, filters: { offerId: 5 } }, d);
    expect(offer5.ok && offer5.value.unreadable).toEqual([{ id: 1012, field: 'delay_ms' }]);
    expect(all.ok && 'total' in all.value).toBe(false);
  });

  it('network "All postbacks": 5 000 of 6 000 is said, with the number', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => pixel(i + 1));
    const r = await listPixels({ profileId: 'p', refresh: true }, deps('network', rows));
    expect(r.ok && [r.value.value.length, r.value.total, r.value.truncated]).toEqual([5000, 6000, true]);
  });

  it('the console search carries the unreadable rows of its page', async () => {
    const rows = [pixel(1), pixel(2, { pixel_type: 3 }), pixel(3)];
    const r = await searchPixels({ profileId: 'p', page: 1, pageSize: 25 }, deps('network', rows));
    expect(r.ok && r.value.items.map((p) => p.id)).toEqual([1, 3]);
    expect(r.ok && r.value.unreadable).toEqual([{ id: 2, field: 'pixel_type' }]);
    const text = await searchPixels({ profileId: 'p', filters: { text: 'x' } }, deps('network', rows));
    expect(text.ok && text.value.unreadable).toEqual([{ id: 2, field: 'pixel_type' }]);
  });
});
