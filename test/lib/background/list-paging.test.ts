// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClientFor } from '../../../lib/background/client-for';
import { listOffers } from '../../../lib/background/services/offers';
import { createPixel, listPixels } from '../../../lib/background/services/pixels';
import { createEverflowClient } from '../../../lib/everflow/client';
import { ok } from '../../../lib/result';
import { BASE, json, type Recorded, stubFetch } from '../everflow/stub-fetch';

// Lists the background reads in full from a server that serves fewer rows per page than asked (Everflow may
// cap page_size lower than the product asks for).

const CAP = 3;

function page<T>(req: Recorded, all: T[]) {
  const p = Number(req.url.searchParams.get('page') ?? 1);
  const size = Math.min(CAP, Number(req.url.searchParams.get('page_size') ?? 50));
  return {
    items: all.slice((p - 1) * size, p * size),
    paging: { page: p, page_size: size, total_count: all.length },
  };
}

const networkPixels = Array.from({ length: 8 }, (_, i) => ({
  network_pixel_id: 100 + i,
  network_affiliate_id: 7,
  network_offer_id: 5,
  network_offer_payout_revenue_id: 0,
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'conversion',
  postback_url: `https://t.example/${i}?tx={transaction_id}`,
  html_code: '',
  delay_ms: 0,
}));
const offers = Array.from({ length: 7 }, (_, i) => ({
  network_offer_id: i + 1,
  name: `Offer ${i + 1}`,
  offer_status: 'active',
}));

function deps(side: 'affiliate' | 'network') {
  const stub = stubFetch((req) => {
    if (req.url.pathname === '/v1/networks/pixelstable') {
      const { items, paging } = page(req, networkPixels);
      return json(200, { pixels: items, paging });
    }
    if (req.url.pathname === '/v1/affiliates/offersrunnable') {
      const { items, paging } = page(req, offers);
      return json(200, { offers: items, paging });
    }
    if (req.method === 'POST' && req.url.pathname === '/v1/networks/pixels') {
      return json(200, { ...(req.body as object), network_pixel_id: 999 });
    }
    return json(404, { error: 'no route' });
  });
  const client = createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: stub.fetch, limiter: 'none' });
  const clientFor: ClientFor = async () =>
    ok({
      profile: { id: 'p', name: 'P', role: side, region: 'us', portalDomains: [], keyHint: '', createdAt: 0 },
      client,
      side,
    });
  return { stub, deps: { clientFor, now: () => 1 } };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('lists read past a capped page size', () => {
  it('"All postbacks" of a network holds every page', async () => {
    const { deps: d } = deps('network');
    const r = await listPixels({ profileId: 'p', refresh: true }, d);
    expect(r.ok && r.value.value.length).toBe(networkPixels.length);
  });

  it('the duplicate check sees a twin on a later page', async () => {
    const { deps: d, stub } = deps('network');
    const twin = networkPixels.at(-1)!;
    const r = await createPixel(
      {
        profileId: 'p',
        draft: {
          deliveryMethod: 'postback',
          type: 'conversion',
          level: 'specific',
          status: 'active',
          offerId: 5,
          affiliateId: 7,
          postbackUrl: twin.postback_url,
        },
      },
      d,
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'duplicate' } });
    expect(stub.calls.some((c) => c.method === 'POST' && c.url.pathname === '/v1/networks/pixels')).toBe(
      false,
    );
  });

  it('runnable offers of an affiliate are all there', async () => {
    const { deps: d } = deps('affiliate');
    const r = await listOffers({ profileId: 'p', pageSize: 50 }, d);
    expect(r.ok && r.value.items.map((o) => o.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.ok && r.value.total).toBe(7);
  });
});
