// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { REGIONS, resolveBaseUrl } from '../../../lib/everflow/regions';
import networkRequest from '../../fixtures/everflow/seed-network-create-request.json';
import networkResponse from '../../fixtures/everflow/seed-network-create-response.json';
import { BASE, json, routes, type StubHandler, stubFetch } from './stub-fetch';

function client(handler: StubHandler) {
  const stub = stubFetch(handler);
  return {
    stub,
    c: createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: stub.fetch, limiter: 'none' }),
  };
}

const affiliatePixel = (id: number, offer: number, status = 'active') => ({
  network_pixel_id: id,
  network_offer_id: offer,
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: status,
  pixel_type: 'post_conversion',
  postback_url: 'https://t.example/',
});

describe('regions', () => {
  it('resolves US, EU and custom base URLs', () => {
    expect(resolveBaseUrl('us')).toEqual({ ok: true, value: REGIONS.us });
    expect(resolveBaseUrl('eu')).toEqual({ ok: true, value: 'https://api-eu.eflow.team/v1' });
    expect(resolveBaseUrl('http://127.0.0.1:4010/v1/')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:4010/v1',
    });
    expect(resolveBaseUrl('ftp://x').ok).toBe(false);
    expect(resolveBaseUrl('not a url').ok).toBe(false);
    expect(() => createEverflowClient({ baseUrl: 'nope', apiKey: 'k' })).toThrow(TypeError);
  });
});

describe('affiliate methods', () => {
  it('lists pixels and filters them on the client', async () => {
    const { c } = client(
      routes({
        'GET /affiliates/pixels': () =>
          json(200, {
            pixels: [affiliatePixel(1, 3), affiliatePixel(2, 4), affiliatePixel(3, 3, 'inactive')],
          }),
      }),
    );
    const res = await c.affiliate.listPixels({ offerId: 3, status: 'active', type: 'event' });
    expect(res.ok && res.value.items.map((p) => p.id)).toEqual([1]);
  });

  it('pages runnable offers', async () => {
    const { stub, c } = client(
      routes({
        'GET /affiliates/offersrunnable': () =>
          json(200, {
            offers: [{ network_offer_id: 3, name: 'A', offer_status: 'active', currency_id: 'USD' }],
            paging: { page: 2, page_size: 1, total_count: 9 },
          }),
      }),
    );
    const res = await c.affiliate.runnableOffers({ page: 2, pageSize: 1 });
    expect(res.ok && res.value).toMatchObject({
      page: 2,
      pageSize: 1,
      totalCount: 9,
      items: [{ id: 3, name: 'A', currencyId: 'USD' }],
    });
    expect(stub.calls[0]!.url.search).toBe('?page=2&page_size=1');
  });

  it('reads one offer with its events', async () => {
    const { c } = client(
      routes({
        'GET /affiliates/offers/3': () =>
          json(200, {
            network_offer_id: 3,
            name: 'A',
            relationship: {
              payouts: {
                entries: [{ network_offer_payout_revenue_id: 1, entry_name: 'Base', is_default: true }],
              },
            },
          }),
      }),
    );
    const res = await c.affiliate.offer(3);
    expect(res.ok && res.value.events).toEqual([{ id: 1, name: 'Base', isDefault: true }]);
  });

  it('creates with post_conversion when given the internal event type', async () => {
    const { stub, c } = client(
      routes({
        'POST /affiliates/pixels': (req) => json(200, { ...(req.body as object), network_pixel_id: 9 }),
      }),
    );
    const res = await c.affiliate.createPixel({
      ...affiliatePixel(0, 3),
      pixel_type: 'event',
      network_pixel_id: undefined,
    } as never);
    expect(res.ok && res.value).toMatchObject({ recovered: false, pixel: { id: 9, type: 'event' } });
    expect((stub.calls[0]!.body as { pixel_type: string }).pixel_type).toBe('post_conversion');
  });
});

describe('network methods', () => {
  it('creates the seed example exactly as printed', async () => {
    const { stub, c } = client(routes({ 'POST /networks/pixels': () => json(200, networkResponse) }));
    const res = await c.network.createPixel(networkRequest as never);
    expect(res.ok).toBe(true);
    expect(stub.calls[0]!.text).toBe(JSON.stringify(networkRequest));
  });

  it('falls back to post_conversion once when a create 400 rejects event', async () => {
    const types: unknown[] = [];
    const { c } = client(
      routes({
        'POST /networks/pixels': (req) => {
          const body = req.body as Record<string, unknown>;
          types.push(body.pixel_type);
          return body.pixel_type === 'event'
            ? json(400, { error: 'pixel_type must be one of: conversion, post_conversion, cpc' })
            : json(200, { ...networkResponse, ...body });
        },
      }),
    );
    const body = { ...networkRequest, pixel_type: 'event' as const, network_offer_payout_revenue_id: 0 };
    expect((await c.network.createPixel(body as never)).ok).toBe(true);
    expect(types).toEqual(['event', 'post_conversion']);
  });

  it('searches pixelstable with paging in the query and filters in the body', async () => {
    const { stub, c } = client(
      routes({
        'POST /networks/pixelstable': () =>
          json(200, { pixels: [networkResponse], paging: { page: 1, page_size: 50, total_count: 1 } }),
      }),
    );
    const res = await c.network.searchPixels({
      page: 1,
      pageSize: 50,
      searchTerms: [{ searchType: 'payload', value: 'example.com' }],
      filters: {
        status: 'active',
        type: 'event',
        offerIds: [11],
        affiliateIds: [7],
        deliveryMethods: ['postback'],
      },
    });
    expect(res.ok && res.value).toMatchObject({ totalCount: 1, items: [{ id: 123 }] });
    expect(stub.calls[0]!.url.search).toBe('?page=1&page_size=50');
    expect(stub.calls[0]!.body).toEqual({
      query: {
        search_terms: [{ search_type: 'payload', value: 'example.com' }],
        filters: {
          status: 'active',
          pixel_type: 'post_conversion',
          network_offer_ids: [11],
          network_affiliate_ids: [7],
          delivery_methods: ['postback'],
        },
      },
    });
  });

  it('tries offer_status when the server rejects the status filter key', async () => {
    const { stub, c } = client(
      routes({
        'POST /networks/pixelstable': (req) =>
          'status' in (req.body as { query: { filters: object } }).query.filters
            ? json(400, { error: 'unknown filter status' })
            : json(200, { pixels: [] }),
      }),
    );
    const res = await c.network.searchPixels({ filters: { status: 'inactive' } });
    expect(res.ok).toBe(true);
    expect(stub.calls).toHaveLength(2);
  });

  it('deletes and reads { result: true }', async () => {
    const { c } = client(routes({ 'DELETE /networks/pixels/5': () => json(200, { result: true }) }));
    expect(await c.network.deletePixel(5)).toEqual({ ok: true, value: true });
    const { c: c2 } = client(routes({ 'DELETE /networks/pixels/5': () => json(200, { result: false }) }));
    expect((await c2.network.deletePixel(5)).ok).toBe(false);
  });

  it('asks for payout_revenue on the offer and reads its events', async () => {
    const { stub, c } = client(
      routes({
        'GET /networks/offers/11': () =>
          json(200, {
            network_offer_id: 11,
            name: 'N',
            relationship: {
              payout_revenue: [
                { network_offer_payout_revenue_id: 2, entry_name: 'Upsell', is_default: false },
              ],
            },
          }),
      }),
    );
    const res = await c.network.offer(11);
    expect(res.ok && res.value.events).toEqual([{ id: 2, name: 'Upsell', isDefault: false }]);
    expect(stub.calls[0]!.url.search).toBe('?relationship=payout_revenue');
  });

  it('lists partners (paged) and searches them by name', async () => {
    const partner = { network_affiliate_id: 7, name: 'Acme', account_status: 'active' };
    const { stub, c } = client(
      routes({
        'GET /networks/affiliates': () => json(200, [partner]),
        'POST /networks/affiliatestable': () =>
          json(200, { affiliates: [partner], paging: { total_count: 1 } }),
      }),
    );
    const listed = await c.network.affiliates({ page: 1, pageSize: 2000, status: 'active' });
    expect(listed.ok && listed.value.items).toEqual([{ id: 7, name: 'Acme', status: 'active' }]);
    expect(stub.calls[0]!.url.search).toBe('?page=1&page_size=2000&filter=account_status%3Dactive');
    const found = await c.network.affiliates({ search: 'Ac' });
    expect(found.ok && found.value.totalCount).toBe(1);
    expect(stub.calls[1]!.body).toEqual({
      search_terms: [{ search_type: 'name', value: 'Ac' }],
      filters: {},
    });
  });

  it('reads who-am-I', async () => {
    const { c } = client(routes({ 'GET /networks': () => json(200, { network_id: 1, name: 'Net' }) }));
    expect(await c.network.whoAmI()).toEqual({
      ok: true,
      value: { realm: 'network', accountId: 1, accountName: 'Net', networkId: 1 },
    });
  });
});
