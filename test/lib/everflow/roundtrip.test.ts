// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { clearEventForms } from '../../../lib/everflow/event-form';
import { mergeForPut } from '../../../lib/everflow/roundtrip';
import networkResponse from '../../fixtures/everflow/seed-network-create-response.json';
import { BASE, json, routes, type StubHandler, stubFetch } from './stub-fetch';

const affiliateRaw = {
  network_pixel_id: 12,
  network_id: 1,
  network_affiliate_id: 7,
  network_offer_id: 3,
  network_offer_payout_revenue_id: 0,
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'post_conversion',
  postback_url: 'https://t.example/pb?tid={transaction_id}',
  html_code: '',
  delay_ms: 0,
  time_created: 1,
  time_saved: 2,
  facebook_pixel: null,
  tiktok_pixel: {},
  snapchat_pixel: null,
  rumble_pixel: null,
  relationship: { offer: { name: 'Offer' } },
  future_field: { keep: ['me', 1] },
};

const networkRaw = {
  ...networkResponse,
  pixel_level: 'specific',
  pixel_type: 'event',
  postback_url: 'https://t.example/n',
  delivery_method: 'postback',
  delay_ms: 0,
};

function client(handler: StubHandler, apiKey = 'k') {
  const stub = stubFetch(handler);
  return {
    stub,
    c: createEverflowClient({ baseUrl: BASE, apiKey, fetch: stub.fetch, limiter: 'none' }),
  };
}

beforeEach(() => clearEventForms());

describe('mergeForPut', () => {
  it('drops read-only keys, keeps unknown ones and applies only the change', () => {
    const body = mergeForPut(affiliateRaw, 'affiliate', { pixel_status: 'inactive' });
    expect(Object.keys(body)).toEqual([
      'network_offer_id',
      'network_offer_payout_revenue_id',
      'delivery_method',
      'pixel_level',
      'pixel_status',
      'pixel_type',
      'postback_url',
      'html_code',
      'delay_ms',
      'facebook_pixel',
      'tiktok_pixel',
      'snapchat_pixel',
      'rumble_pixel',
      'future_field',
    ]);
    expect(body.pixel_status).toBe('inactive');
    expect(body.future_field).toBe(affiliateRaw.future_field);
  });

  it('keeps network_affiliate_id for the network API (it is writable there)', () => {
    const body = mergeForPut(networkRaw, 'network', {});
    expect(body.network_affiliate_id).toBe(123);
    expect(body).not.toHaveProperty('network_pixel_id');
    expect(body).not.toHaveProperty('relationship');
  });

  it('writes the event type in each endpoint’s spelling', () => {
    expect(mergeForPut(affiliateRaw, 'affiliate', { pixel_type: 'event' }).pixel_type).toBe(
      'post_conversion',
    );
    expect(mergeForPut({ ...networkRaw, pixel_type: 'post_conversion' }, 'network', {}).pixel_type).toBe(
      'event',
    );
    expect(mergeForPut(networkRaw, 'network', {}, 'post_conversion').pixel_type).toBe('post_conversion');
  });

  it('adds new fields at the end, ignores read-only changes and drops undefined', () => {
    const body = mergeForPut(affiliateRaw, 'affiliate', {
      network_offer_payout_revenue_id: 5,
      network_pixel_id: 99,
      delay_ms: undefined,
    } as never);
    expect(body.network_offer_payout_revenue_id).toBe(5);
    expect(body).not.toHaveProperty('network_pixel_id');
    expect(body).not.toHaveProperty('delay_ms');
  });

  it('keeps a __proto__ key as plain data', () => {
    const raw = JSON.parse('{"network_pixel_id":1,"pixel_status":"active","__proto__":{"x":1}}');
    const body = mergeForPut(raw, 'affiliate', {});
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(JSON.stringify(body)).toBe('{"pixel_status":"active","__proto__":{"x":1}}');
  });
});

describe('set status and edit through the client', () => {
  it('affiliate set-status is GET then PUT with the whole object', async () => {
    const { stub, c } = client(
      routes({
        'GET /affiliates/pixels/12': () => json(200, affiliateRaw),
        'PUT /affiliates/pixels/12': (req) =>
          json(200, { ...(req.body as object), network_affiliate_pixel_id: 12 }),
      }),
    );
    const res = await c.affiliate.setPixelStatus(12, 'inactive');
    expect(res.ok && res.value).toMatchObject({ id: 12, status: 'inactive', type: 'event' });
    expect(stub.calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual([
      'GET /v1/affiliates/pixels/12',
      'PUT /v1/affiliates/pixels/12',
    ]);
    expect(stub.calls[1]!.body).toEqual(mergeForPut(affiliateRaw, 'affiliate', { pixel_status: 'inactive' }));
  });

  it('refuses an edit that breaks a rule without sending the PUT', async () => {
    const { stub, c } = client(routes({ 'GET /affiliates/pixels/12': () => json(200, affiliateRaw) }));
    const res = await c.affiliate.updatePixel(12, { postback_url: 'tracker.example/pb' });
    expect(res.ok ? undefined : res.error).toEqual({
      kind: 'validation',
      field: 'postback_url',
      message: 'postback_url must start with http:// or https://: add the protocol in front of the address.',
    });
    expect(stub.calls.map((call) => call.method)).toEqual(['GET']);
  });

  it('network: falls back to post_conversion once when a 400 rejects event, and remembers it', async () => {
    const seen: unknown[] = [];
    const server = routes({
      'GET /networks/pixels/123': () => json(200, networkRaw),
      'PUT /networks/pixels/123': (req) => {
        const body = req.body as Record<string, unknown>;
        seen.push(body.pixel_type);
        return body.pixel_type === 'event'
          ? json(400, { error: 'pixel_type must be one of: conversion, post_conversion, cpc' })
          : json(200, { ...networkRaw, ...body });
      },
    });
    // A new client per write, as the background builds one per message: the spelling is remembered per key.
    expect((await client(server).c.network.setPixelStatus(123, 'inactive')).ok).toBe(true);
    expect((await client(server).c.network.setPixelStatus(123, 'active')).ok).toBe(true);
    expect(seen).toEqual(['event', 'post_conversion', 'post_conversion']);
    // Another key has learned nothing.
    expect((await client(server, 'other-key').c.network.setPixelStatus(123, 'active')).ok).toBe(true);
    expect(seen.slice(3)).toEqual(['event', 'post_conversion']);
  });

  it('switches off a postback whose untouched fields break a local rule, but refuses other edits', async () => {
    // A network HTML postback with a delay (the local rules allow delay_ms only for S2S) and an affiliate
    // postback whose old URL has no scheme: Everflow holds them, so they must still switch off.
    const htmlWithDelay = {
      ...networkRaw,
      delivery_method: 'html',
      html_code: '<img src="x">',
      delay_ms: 5000,
    };
    const oldUrl = { ...affiliateRaw, postback_url: 'tracker.example/pb' };
    const { stub, c } = client(
      routes({
        'GET /networks/pixels/123': () => json(200, htmlWithDelay),
        'PUT /networks/pixels/123': (req) => json(200, { ...htmlWithDelay, ...(req.body as object) }),
        'GET /affiliates/pixels/12': () => json(200, oldUrl),
        'PUT /affiliates/pixels/12': (req) => json(200, { ...oldUrl, ...(req.body as object) }),
      }),
    );
    const network = await c.network.setPixelStatus(123, 'inactive');
    expect(network.ok && network.value.status).toBe('inactive');
    const affiliate = await c.affiliate.setPixelStatus(12, 'inactive');
    expect(affiliate.ok && affiliate.value.status).toBe('inactive');
    expect(stub.calls.filter((call) => call.method === 'PUT')).toHaveLength(2);
    const edit = await c.network.updatePixel(123, { description: 'x' });
    expect(edit.ok ? undefined : edit.error).toMatchObject({ kind: 'validation', field: 'delay_ms' });
    const badStatus = await c.network.setPixelStatus(123, 'paused' as never);
    expect(badStatus.ok ? undefined : badStatus.error).toMatchObject({ field: 'pixel_status' });
    expect(stub.calls.filter((call) => call.method === 'PUT')).toHaveLength(2);
  });

  it('a status-only change passes values the client does not know through untouched', async () => {
    // A delivery method, level and type this client has never heard of, and a fractional delay.
    const unknown = {
      ...networkRaw,
      delivery_method: 'whatsapp',
      pixel_level: 'global_network',
      pixel_type: 'lead_v2',
      delay_ms: 1.5,
      whatsapp_pixel: { phone_id: 'x' },
    };
    const { stub, c } = client(
      routes({
        'GET /networks/pixels/123': () => json(200, unknown),
        'PUT /networks/pixels/123': (req) => json(200, { ...unknown, ...(req.body as object) }),
        'GET /affiliates/pixels/12': () => json(200, { ...affiliateRaw, delivery_method: 'tiktok' }),
        'PUT /affiliates/pixels/12': (req) => json(200, { ...affiliateRaw, ...(req.body as object) }),
      }),
    );
    const res = await c.network.setPixelStatus(123, 'inactive');
    expect(res.ok ? res.value.status : res.error.message).toBe('inactive');
    const put = stub.calls.find((call) => call.method === 'PUT')!;
    expect(put.body).toEqual(mergeForPut(unknown, 'network', { pixel_status: 'inactive' }));
    expect(put.body).toMatchObject({ delivery_method: 'whatsapp', pixel_type: 'lead_v2', delay_ms: 1.5 });
    const affiliate = await c.affiliate.setPixelStatus(12, 'inactive');
    expect(affiliate.ok ? affiliate.value.status : affiliate.error.message).toBe('inactive');
    // A full edit still checks everything.
    const edit = await c.network.updatePixel(123, { description: 'x' });
    expect(edit.ok ? undefined : edit.error.field).toBe('delivery_method');
  });

  it('a PUT that worked but answered unreadable JSON → reads the postback again and returns the truth', async () => {
    let saved: Record<string, unknown> = affiliateRaw;
    const { stub, c } = client(
      routes({
        'GET /affiliates/pixels/12': () => json(200, saved),
        'PUT /affiliates/pixels/12': (req) => {
          saved = { ...affiliateRaw, ...(req.body as object) };
          return new Response('{"network_affiliate_pixel_id": 12, "pixel_sta', { status: 200 });
        },
      }),
    );
    const res = await c.affiliate.setPixelStatus(12, 'inactive');
    expect(res.ok ? res.value.status : res.error.kind).toBe('inactive');
    expect(stub.calls.map((call) => call.method)).toEqual(['GET', 'PUT', 'GET']);
  });

  it('an unreadable PUT answer whose re-read fails keeps the original error', async () => {
    let gets = 0;
    const { c } = client(
      routes({
        'GET /affiliates/pixels/12': () => (++gets === 1 ? json(200, affiliateRaw) : json(404, {})),
        'PUT /affiliates/pixels/12': () => new Response('<html>', { status: 200 }),
      }),
    );
    const res = await c.affiliate.setPixelStatus(12, 'inactive');
    expect(res.ok ? undefined : res.error.kind).toBe('bad_response');
  });

  it('does not fall back on a 400 about something else', async () => {
    let puts = 0;
    const { c } = client(
      routes({
        'GET /networks/pixels/123': () => json(200, networkRaw),
        'PUT /networks/pixels/123': () => {
          puts++;
          return json(400, { error: 'network_offer_id 123 does not exist' });
        },
      }),
    );
    const res = await c.network.updatePixel(123, { description: 'x' });
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'validation', field: 'network_offer_id' });
    expect(puts).toBe(1);
  });

  it('passes a failed GET through without a PUT', async () => {
    const { stub, c } = client(routes({}));
    const res = await c.affiliate.setPixelStatus(5, 'active');
    expect(res.ok ? undefined : res.error.kind).toBe('not_found');
    expect(stub.calls).toHaveLength(1);
  });
});
