// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clients, field, list, networkBody } from './helpers';

let sandbox: Sandbox;
let api: ReturnType<typeof clients>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  api = clients(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => createSandboxControl(sandbox.origin).reset());

const tiktok = {
  network_affiliate_integration_tiktok_id: 77,
  pixel_code: 'CQ1TEST',
  event_name: 'CompletePayment',
  properties: [{ field: 'price', value: '{payout_amount}' }],
};

describe('network pixel CRUD', () => {
  it('creates from the seed’s own example and answers the full network shape', async () => {
    const reply = await api.network('POST', '/pixels', networkBody());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      network_id: 1,
      network_affiliate_id: 7,
      network_offer_id: 11,
      network_offer_payout_revenue_id: 0,
      delivery_method: 'postback',
      pixel_level: 'specific',
      description: 'Conversion postback for affiliate 7',
      delay_ms: 0,
      html_code: '',
      facebook_pixel: null,
      tiktok_pixel: null,
      snapchat_pixel: null,
      rumble_pixel: null,
      relationship: {
        offer: { network_offer_id: 11, name: 'Keto Burn - US - CPA', offer_status: 'active' },
        affiliate: { network_affiliate_id: 7, name: 'Demo Partner' },
      },
    });
    expect(typeof field(reply.body, 'network_pixel_id')).toBe('number');
  });

  it('accepts both event-type spellings and always answers event', async () => {
    for (const pixel_type of ['event', 'post_conversion']) {
      const reply = await api.network(
        'POST',
        '/pixels',
        networkBody({ pixel_type, network_offer_payout_revenue_id: 203 }),
      );
      expect(reply.status).toBe(200);
      expect(field(reply.body, 'pixel_type')).toBe('event');
    }
  });

  it('carries relationship.offer only for specific/global_offer and .affiliate only for specific/global', async () => {
    const global = await api.network('GET', '/pixels/1034');
    expect(field(global.body, 'relationship', 'affiliate', 'network_affiliate_id')).toBe(4);
    expect(field(global.body, 'relationship', 'offer')).toBeUndefined();
    const globalOffer = await api.network('GET', '/pixels/1035');
    expect(field(globalOffer.body, 'network_affiliate_id')).toBe(0);
    expect(field(globalOffer.body, 'relationship', 'offer', 'network_offer_id')).toBe(19);
    expect(field(globalOffer.body, 'relationship', 'affiliate')).toBeUndefined();
  });

  it('stores and returns the full integration objects; unused ones are null', async () => {
    const reply = await api.network(
      'POST',
      '/pixels',
      networkBody({ delivery_method: 'tiktok', tiktok_pixel: tiktok, postback_url: undefined }),
    );
    expect(reply.status).toBe(200);
    expect(field(reply.body, 'tiktok_pixel')).toEqual({ ...tiktok, url: '', email: '', phone: '' });
    expect(field(reply.body, 'postback_url')).toBe('');
    expect(field(reply.body, 'facebook_pixel')).toBeNull();
    const seeded = await api.network('GET', '/pixels/1039');
    expect(field(seeded.body, 'facebook_pixel', 'user_data')).toEqual([
      { field: 'email', value: '{adv1}' },
      { field: 'external_id', value: '{sub2}' },
    ]);
  });

  it('never shows the affiliate’s Meta access token to the network', async () => {
    const reply = await api.network('GET', '/pixels/1009');
    expect(field(reply.body, 'facebook_pixel', 'pixel_id')).toBe('871234560012345');
    expect(field(reply.body, 'facebook_pixel')).not.toHaveProperty('access_token');
  });

  it('PUT is a full replacement: omitted optional fields go back to their defaults', async () => {
    const created = await api.network(
      'POST',
      '/pixels',
      networkBody({ pixel_type: 'event', network_offer_payout_revenue_id: 202, delay_ms: 60_000 }),
    );
    const id = field(created.body, 'network_pixel_id');
    const createdAt = field(created.body, 'time_created');
    const put = await api.network('PUT', `/pixels/${id}`, {
      network_offer_id: 11,
      network_affiliate_id: 7,
      delivery_method: 'postback',
      pixel_level: 'specific',
      pixel_status: 'inactive',
      pixel_type: 'event',
      postback_url: 'https://example.com/new?tid={transaction_id}',
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      network_pixel_id: id,
      pixel_status: 'inactive',
      delay_ms: 0,
      description: '',
      network_offer_payout_revenue_id: 0,
      postback_url: 'https://example.com/new?tid={transaction_id}',
      time_created: createdAt,
    });
  });

  it('PUT switching delivery method resets the old method’s fields', async () => {
    const put = await api.network(
      'PUT',
      '/pixels/1040',
      networkBody({ pixel_level: 'specific', network_affiliate_id: 14 }),
    );
    expect(put.status).toBe(200);
    expect(field(put.body, 'tiktok_pixel')).toBeNull();
    expect(field(put.body, 'delivery_method')).toBe('postback');
  });

  it('answers 404 for GET, PUT and DELETE of an unknown id', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await api.network(method, '/pixels/424242', method === 'PUT' ? networkBody() : undefined);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: 'Postback 424242 not found' });
    }
  });

  it('deletes a postback with {"result": true}; it is then gone for both realms', async () => {
    const reply = await api.network('DELETE', '/pixels/1005');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ result: true });
    expect((await api.network('GET', '/pixels/1005')).status).toBe(404);
    expect((await api.affiliate('GET', '/pixels/1005')).status).toBe(404);
  });
});

describe('GET /v1/networks/pixels', () => {
  it('pages every postback with paging {page, page_size, total_count}', async () => {
    const first = await api.network('GET', '/pixels?page=1&page_size=20');
    const third = await api.network('GET', '/pixels?page=3&page_size=20');
    expect(field(first.body, 'paging')).toEqual({ page: 1, page_size: 20, total_count: 47 });
    expect(list(first.body, 'pixels').length).toBe(20);
    expect(list(third.body, 'pixels').map((p) => p.network_pixel_id)).toEqual([
      1041, 1042, 1043, 1044, 1045, 1046, 1047,
    ]);
  });

  it('defaults to page 1 of 50 and filters by affiliate and type', async () => {
    const all = await api.network('GET', '/pixels');
    expect(field(all.body, 'paging')).toEqual({ page: 1, page_size: 50, total_count: 47 });
    const mine = await api.network('GET', '/pixels?network_affiliate_id=14&pixel_type=conversion');
    expect(list(mine.body, 'pixels').map((p) => p.network_pixel_id)).toEqual([1039, 1040]);
  });

  it('rejects bad paging', async () => {
    for (const [query, message] of [
      ['page=0', 'page must be a positive integer'],
      ['page_size=abc', 'page_size must be a positive integer'],
      ['page_size=2001', 'page_size must be at most 2000'],
    ]) {
      const reply = await api.network('GET', `/pixels?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: message });
    }
  });
});
