// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { affiliateBody, clients, field, list, networkBody } from './helpers';

let sandbox: Sandbox;
let api: ReturnType<typeof clients>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  api = clients(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => createSandboxControl(sandbox.origin).reset());

describe('GET /v1/affiliates/pixels', () => {
  it('lists only the partner’s own postbacks, never global_offer ones, event type as post_conversion', async () => {
    const reply = await api.affiliate('GET', '/pixels');
    expect(reply.status).toBe(200);
    const pixels = list(reply.body, 'pixels');
    expect(pixels.length).toBe(32);
    expect(pixels.every((p) => p.network_affiliate_id === 7)).toBe(true);
    expect(pixels.some((p) => p.pixel_level === 'global_offer')).toBe(false);
    const types = new Set(pixels.map((p) => p.pixel_type));
    expect(types).toEqual(new Set(['conversion', 'post_conversion', 'cpc']));
  });

  it('filters with plain query parameters', async () => {
    const reply = await api.affiliate('GET', '/pixels?network_offer_id=11&pixel_status=active');
    const pixels = list(reply.body, 'pixels');
    expect(pixels.map((p) => p.network_pixel_id)).toEqual([1005, 1006]);
    const events = list((await api.affiliate('GET', '/pixels?pixel_type=post_conversion')).body, 'pixels');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((p) => p.pixel_type === 'post_conversion')).toBe(true);
    const html = list((await api.affiliate('GET', '/pixels?delivery_method=html')).body, 'pixels');
    expect(html.length).toBeGreaterThan(0);
    expect(html.every((p) => p.delivery_method === 'html' && p.postback_url === '')).toBe(true);
  });

  it('filters with the old repeatable ?filter= style, including > and <', async () => {
    const both = await api.affiliate(
      'GET',
      `/pixels?filter=${encodeURIComponent('network_offer_id=11')}&filter=pixel_status%3Dinactive`,
    );
    expect(list(both.body, 'pixels').map((p) => p.network_pixel_id)).toEqual([1007]);
    const range = await api.affiliate(
      'GET',
      '/pixels?filter=network_offer_id%3E40&filter=network_offer_id%3C47',
    );
    const offers = list(range.body, 'pixels').map((p) => p.network_offer_id);
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((id) => Number(id) > 40 && Number(id) < 47)).toBe(true);
  });

  it('rejects unknown filter fields and bad values', async () => {
    const unknown = await api.affiliate('GET', '/pixels?filter=colour%3Dred');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: 'Unknown filter field: colour' });
    const bad = await api.affiliate('GET', '/pixels?pixel_status=paused');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'pixel_status must be one of: active, inactive' });
  });
});

describe('GET /v1/affiliates/pixels/{id}', () => {
  it('returns an own postback with its relationships', async () => {
    const reply = await api.affiliate('GET', '/pixels/1005');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      network_pixel_id: 1005,
      network_offer_id: 11,
      pixel_level: 'specific',
      relationship: {
        offer: { network_offer_id: 11, name: 'Keto Burn - US - CPA' },
        affiliate: { network_affiliate_id: 7 },
      },
    });
    expect(reply.body).not.toHaveProperty('description');
  });

  it('answers 404 for another partner’s postback, a global_offer one and an unknown id', async () => {
    for (const id of [1033, 1035, 99999]) {
      const reply = await api.affiliate('GET', `/pixels/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: `Postback ${id} not found` });
    }
  });

  it('shows the affiliate facebook shape and hides network integration objects', async () => {
    const reply = await api.affiliate('GET', '/pixels/1009');
    expect(field(reply.body, 'facebook_pixel')).toEqual({
      pixel_id: '871234560012345',
      event_name: 'Purchase',
      access_token: 'EAAGdemoTokenGlow02',
    });
    expect(field(reply.body, 'tiktok_pixel')).toBeNull();
  });
});

describe('POST and PUT /v1/affiliates/pixels', () => {
  it('creates a postback for the caller’s partner with current timestamps', async () => {
    const reply = await api.affiliate('POST', '/pixels', affiliateBody({ network_affiliate_id: 3 }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      network_affiliate_id: 7,
      network_offer_id: 11,
      pixel_type: 'conversion',
    });
    const created = Number(field(reply.body, 'time_created'));
    expect(Math.abs(created - Date.now() / 1000)).toBeLessThan(60);
  });

  it('stores post_conversion as the event type and shows it as event to the network', async () => {
    const reply = await api.affiliate(
      'POST',
      '/pixels',
      affiliateBody({ pixel_type: 'post_conversion', network_offer_payout_revenue_id: 202 }),
    );
    const id = field(reply.body, 'network_pixel_id');
    expect(field(reply.body, 'pixel_type')).toBe('post_conversion');
    const seen = await api.network('GET', `/pixels/${id}`);
    expect(field(seen.body, 'pixel_type')).toBe('event');
    expect(field(seen.body, 'network_offer_payout_revenue_id')).toBe(202);
  });

  it('replaces the whole postback on PUT: omitted fields reset, answer keyed by network_affiliate_pixel_id', async () => {
    const first = await api.affiliate(
      'POST',
      '/pixels',
      affiliateBody({ pixel_type: 'post_conversion', network_offer_payout_revenue_id: 202, delay_ms: 5000 }),
    );
    const id = field(first.body, 'network_pixel_id');
    const put = await api.affiliate('PUT', `/pixels/${id}`, {
      delivery_method: 'postback',
      pixel_level: 'specific',
      pixel_status: 'inactive',
      pixel_type: 'post_conversion',
      network_offer_id: 11,
      postback_url: 'https://trk.example.com/pb?cid={sub1}',
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      network_affiliate_pixel_id: id,
      delivery_method: 'postback',
      pixel_level: 'specific',
      pixel_status: 'inactive',
      pixel_type: 'post_conversion',
      postback_url: 'https://trk.example.com/pb?cid={sub1}',
      html_code: '',
      network_offer_id: 11,
      delay_ms: 0,
      facebook_pixel: null,
    });
    const after = await api.affiliate('GET', `/pixels/${id}`);
    expect(field(after.body, 'network_offer_payout_revenue_id')).toBe(0);
  });

  it('accepts the seed’s own PUT example: html at global level, ignoring the offer id and other methods’ fields', async () => {
    const put = await api.affiliate('PUT', '/pixels/1001', {
      delivery_method: 'html',
      pixel_level: 'global',
      pixel_status: 'active',
      pixel_type: 'conversion',
      postback_url: '<string>',
      html_code: '<string>',
      network_offer_id: 123,
      delay_ms: 0,
      facebook_pixel: { pixel_id: '<string>', event_name: '<string>', access_token: '<string>' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      network_affiliate_pixel_id: 1001,
      delivery_method: 'html',
      html_code: '<string>',
      postback_url: '',
      network_offer_id: 0,
      facebook_pixel: null,
    });
  });

  it('keeps the network-only description when the affiliate replaces a postback', async () => {
    const put = await api.affiliate('PUT', '/pixels/1047', affiliateBody({ network_offer_id: 21 }));
    expect(put.status).toBe(200);
    const seen = await api.network('GET', '/pixels/1047');
    expect(field(seen.body, 'description')).toMatch(/account manager/);
  });

  it('answers 404 when replacing another partner’s postback', async () => {
    const reply = await api.affiliate('PUT', '/pixels/1033', affiliateBody());
    expect(reply.status).toBe(404);
  });

  it('answers 403 with a clear message when the network disabled partner postback editing', async () => {
    const control = createSandboxControl(sandbox.origin);
    await control.setPartnerPostbacksDisabled(true);
    const post = await api.affiliate('POST', '/pixels', affiliateBody());
    const put = await api.affiliate('PUT', '/pixels/1005', affiliateBody());
    expect([post.status, put.status]).toEqual([403, 403]);
    expect(String(field(post.body, 'error'))).toMatch(/does not allow partners to create or edit postbacks/);
    expect((await api.affiliate('GET', '/pixels/1005')).status).toBe(200);
    const network = await api.network('POST', '/pixels', networkBody());
    expect(network.status).toBe(200);
    await control.setPartnerPostbacksDisabled(false);
    expect((await api.affiliate('POST', '/pixels', affiliateBody())).status).toBe(200);
  });
});
