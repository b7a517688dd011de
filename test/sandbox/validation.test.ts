// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { affiliateBody, call, networkBody } from './helpers';

// Every validation rule with one breaking example: status 400 and the exact message.
// Offer 11 "Keto Burn - US - CPA" has payout events 201 (base), 202 (Upsell), 203 (Rebill); 204 belongs to offer 12.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const fb = {
  network_affiliate_integration_facebook_business_id: 5501,
  pixel_id: '1234',
  event_name: 'Purchase',
};
const networkCases: [string, Record<string, unknown>, string][] = [
  ['missing delivery_method', networkBody({ delivery_method: undefined }), 'delivery_method is required'],
  [
    'unknown delivery_method',
    networkBody({ delivery_method: 'sms' }),
    'delivery_method must be one of: postback, html, facebook, tiktok, snapchat, rumble',
  ],
  ['missing pixel_level', networkBody({ pixel_level: undefined }), 'pixel_level is required'],
  [
    'unknown pixel_level',
    networkBody({ pixel_level: 'everything' }),
    'pixel_level must be one of: global, specific, global_offer',
  ],
  ['missing pixel_status', networkBody({ pixel_status: undefined }), 'pixel_status is required'],
  [
    'unknown pixel_status',
    networkBody({ pixel_status: 'deleted' }),
    'pixel_status must be one of: active, inactive',
  ],
  ['missing pixel_type', networkBody({ pixel_type: undefined }), 'pixel_type is required'],
  [
    'unknown pixel_type',
    networkBody({ pixel_type: 'lead' }),
    'pixel_type must be one of: conversion, event, post_conversion, cpc',
  ],
  [
    'cpc at global_offer',
    networkBody({ pixel_type: 'cpc', pixel_level: 'global_offer', network_affiliate_id: 0 }),
    'pixel_level global_offer is not allowed when pixel_type is cpc',
  ],
  [
    'specific without offer',
    networkBody({ network_offer_id: 0 }),
    'network_offer_id is required when pixel_level is specific',
  ],
  [
    'specific without affiliate',
    networkBody({ network_affiliate_id: undefined }),
    'network_affiliate_id is required when pixel_level is specific',
  ],
  [
    'global with an offer',
    networkBody({ pixel_level: 'global' }),
    'network_offer_id must be 0 when pixel_level is global',
  ],
  [
    'global without affiliate',
    networkBody({ pixel_level: 'global', network_offer_id: 0, network_affiliate_id: 0 }),
    'network_affiliate_id is required when pixel_level is global',
  ],
  [
    'global_offer with an affiliate',
    networkBody({ pixel_level: 'global_offer' }),
    'network_affiliate_id must be 0 when pixel_level is global_offer',
  ],
  [
    'global_offer without offer',
    networkBody({ pixel_level: 'global_offer', network_offer_id: 0, network_affiliate_id: 0 }),
    'network_offer_id is required when pixel_level is global_offer',
  ],
  ['unknown offer', networkBody({ network_offer_id: 999 }), 'network_offer_id 999 does not exist'],
  [
    'unknown affiliate',
    networkBody({ network_affiliate_id: 999 }),
    'network_affiliate_id 999 does not exist',
  ],
  ['offer id as a string', networkBody({ network_offer_id: '11' }), 'network_offer_id must be an integer'],
  [
    'postback without URL',
    networkBody({ postback_url: undefined }),
    'postback_url is required when delivery_method is postback',
  ],
  [
    'ftp URL',
    networkBody({ postback_url: 'ftp://example.com/pb' }),
    'postback_url must start with http:// or https://',
  ],
  [
    'URL without scheme',
    networkBody({ postback_url: 'example.com/pb?tid={transaction_id}' }),
    'postback_url must start with http:// or https://',
  ],
  [
    'html without code',
    networkBody({ delivery_method: 'html' }),
    'html_code is required when delivery_method is html',
  ],
  [
    'facebook without object',
    networkBody({ delivery_method: 'facebook' }),
    'facebook_pixel is required when delivery_method is facebook',
  ],
  [
    'facebook without pixel_id',
    networkBody({
      delivery_method: 'facebook',
      facebook_pixel: { network_affiliate_integration_facebook_business_id: 5501, event_name: 'Purchase' },
    }),
    'facebook_pixel.pixel_id is required',
  ],
  [
    'facebook created without the integration id',
    networkBody({
      delivery_method: 'facebook',
      facebook_pixel: { pixel_id: '1234', event_name: 'Purchase' },
    }),
    'facebook_pixel.network_affiliate_integration_facebook_business_id is required when creating a partner postback',
  ],
  [
    'facebook with a bad user_data row',
    networkBody({ delivery_method: 'facebook', facebook_pixel: { ...fb, user_data: [{ field: 'email' }] } }),
    'facebook_pixel.user_data[0] must be {field: string, value: string}',
  ],
  [
    'tiktok without object',
    networkBody({ delivery_method: 'tiktok' }),
    'tiktok_pixel is required when delivery_method is tiktok',
  ],
  [
    'tiktok without pixel_code',
    networkBody({
      delivery_method: 'tiktok',
      tiktok_pixel: { network_affiliate_integration_tiktok_id: 77, event_name: 'CompletePayment' },
    }),
    'tiktok_pixel.pixel_code is required',
  ],
  [
    'tiktok created without the integration id',
    networkBody({
      delivery_method: 'tiktok',
      tiktok_pixel: { pixel_code: 'C1', event_name: 'CompletePayment' },
    }),
    'tiktok_pixel.network_affiliate_integration_tiktok_id is required when creating a partner postback',
  ],
  [
    'snapchat without asset_id',
    networkBody({
      delivery_method: 'snapchat',
      snapchat_pixel: { network_affiliate_integration_snapchat_id: 88, event_name: 'SIGN_UP' },
    }),
    'snapchat_pixel.asset_id is required',
  ],
  [
    'snapchat created with integration id 0',
    networkBody({
      delivery_method: 'snapchat',
      snapchat_pixel: { network_affiliate_integration_snapchat_id: 0, asset_id: 'a1', event_name: 'SIGN_UP' },
    }),
    'snapchat_pixel.network_affiliate_integration_snapchat_id is required when creating a partner postback',
  ],
  [
    'rumble without conversion_action_id',
    networkBody({
      delivery_method: 'rumble',
      rumble_pixel: { network_affiliate_integration_rumble_id: 99, conversion_action_name: 'Lead' },
    }),
    'rumble_pixel.conversion_action_id is required',
  ],
  [
    'rumble created without the integration id',
    networkBody({ delivery_method: 'rumble', rumble_pixel: { conversion_action_id: 4412 } }),
    'rumble_pixel.network_affiliate_integration_rumble_id is required when creating a partner postback',
  ],
  [
    'delay over 5 minutes',
    networkBody({ delay_ms: 300_001 }),
    'delay_ms must be an integer between 0 and 300000',
  ],
  ['negative delay', networkBody({ delay_ms: -1 }), 'delay_ms must be an integer between 0 and 300000'],
  ['fractional delay', networkBody({ delay_ms: 1.5 }), 'delay_ms must be an integer'],
  [
    'delay on an html pixel',
    networkBody({ delivery_method: 'html', html_code: '<img src="x">', delay_ms: 1000 }),
    'delay_ms is only allowed when delivery_method is postback',
  ],
  [
    'event id on a conversion pixel',
    networkBody({ network_offer_payout_revenue_id: 202 }),
    'network_offer_payout_revenue_id is only allowed when pixel_type is event',
  ],
  [
    'event id on a global pixel',
    networkBody({
      pixel_type: 'event',
      pixel_level: 'global',
      network_offer_id: 0,
      network_offer_payout_revenue_id: 202,
    }),
    'network_offer_payout_revenue_id is not allowed when pixel_level is global',
  ],
  [
    'event id of another offer',
    networkBody({ pixel_type: 'event', network_offer_payout_revenue_id: 204 }),
    'network_offer_payout_revenue_id 204 does not belong to offer 11',
  ],
  ['description not a string', networkBody({ description: 5 }), 'description must be a string'],
];

const affiliateCases: [string, Record<string, unknown>, string][] = [
  [
    'a network-only delivery method',
    affiliateBody({ delivery_method: 'tiktok' }),
    'delivery_method must be one of: postback, html, facebook',
  ],
  [
    'global_offer level',
    affiliateBody({ pixel_level: 'global_offer' }),
    'pixel_level must be one of: global, specific',
  ],
  [
    'the network spelling "event"',
    affiliateBody({ pixel_type: 'event' }),
    'pixel_type must be one of: conversion, post_conversion, cpc',
  ],
  [
    'specific without offer',
    affiliateBody({ network_offer_id: undefined }),
    'network_offer_id is required when pixel_level is specific',
  ],
  [
    'an offer needing approval it lacks',
    affiliateBody({ network_offer_id: 20 }),
    'network_offer_id 20 is not an offer this affiliate can run',
  ],
  [
    'a paused offer',
    affiliateBody({ network_offer_id: 44 }),
    'network_offer_id 44 is not an offer this affiliate can run',
  ],
  [
    'an unknown offer',
    affiliateBody({ network_offer_id: 999 }),
    'network_offer_id 999 is not an offer this affiliate can run',
  ],
  [
    'missing postback_url',
    affiliateBody({ postback_url: '' }),
    'postback_url is required when delivery_method is postback',
  ],
  [
    'a javascript: URL',
    affiliateBody({ postback_url: 'javascript:alert(1)' }),
    'postback_url must start with http:// or https://',
  ],
  [
    'html without code',
    affiliateBody({ delivery_method: 'html' }),
    'html_code is required when delivery_method is html',
  ],
  [
    'facebook without event_name',
    affiliateBody({ delivery_method: 'facebook', facebook_pixel: { pixel_id: '1234' } }),
    'facebook_pixel.event_name is required',
  ],
  [
    'facebook with a non-object',
    affiliateBody({ delivery_method: 'facebook', facebook_pixel: 'pixel' }),
    'facebook_pixel must be an object',
  ],
  [
    'delay over 5 minutes',
    affiliateBody({ delay_ms: 300_001 }),
    'delay_ms must be an integer between 0 and 300000',
  ],
  [
    'event id on a conversion pixel',
    affiliateBody({ network_offer_payout_revenue_id: 202 }),
    'network_offer_payout_revenue_id is only allowed when pixel_type is post_conversion',
  ],
  [
    'event id of another offer',
    affiliateBody({ pixel_type: 'post_conversion', network_offer_payout_revenue_id: 204 }),
    'network_offer_payout_revenue_id 204 does not belong to offer 11',
  ],
];

describe('network pixel validation', () => {
  it.each(networkCases)('rejects %s', async (_name, body, message) => {
    const created = await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
      key: DEMO_KEYS.network,
      body,
    });
    expect(created.status).toBe(400);
    expect(created.body).toEqual({ error: message });
  });

  it('applies the same rules to a full-replacement PUT', async () => {
    const created = await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
      key: DEMO_KEYS.network,
      body: networkBody(),
    });
    const id = (created.body as { network_pixel_id: number }).network_pixel_id;
    const put = await call(sandbox.origin, 'PUT', `/v1/networks/pixels/${id}`, {
      key: DEMO_KEYS.network,
      body: networkBody({ postback_url: 'ftp://example.com' }),
    });
    expect(put.status).toBe(400);
    expect(put.body).toEqual({ error: 'postback_url must start with http:// or https://' });
  });

  it('does not require the integration id on a PUT (a partner’s own Meta pixel has none)', async () => {
    const control = createSandboxControl(sandbox.origin);
    await control.reset();
    const created = await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
      key: DEMO_KEYS.network,
      body: networkBody({
        delivery_method: 'rumble',
        rumble_pixel: { network_affiliate_integration_rumble_id: 99, conversion_action_id: 7 },
      }),
    });
    expect(created.status).toBe(200);
    const id = (created.body as { network_pixel_id: number }).network_pixel_id;
    const put = await call(sandbox.origin, 'PUT', `/v1/networks/pixels/${id}`, {
      key: DEMO_KEYS.network,
      body: networkBody({ delivery_method: 'rumble', rumble_pixel: { conversion_action_id: 7 } }),
    });
    expect(put.status).toBe(200);
    expect((put.body as { rumble_pixel: unknown }).rumble_pixel).toMatchObject({
      network_affiliate_integration_rumble_id: 0,
      conversion_action_id: 7,
    });
  });

  it('rejects a body that is not an object', async () => {
    const reply = await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
      key: DEMO_KEYS.network,
      rawBody: '[1]',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'Request body must be a JSON object' });
  });

  it('stores nothing when validation fails', async () => {
    const control = createSandboxControl(sandbox.origin);
    const before = (await control.state()).pixels.length;
    await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
      key: DEMO_KEYS.network,
      body: networkBody({ postback_url: 'nope' }),
    });
    expect((await control.state()).pixels.length).toBe(before);
  });
});

describe('affiliate pixel validation', () => {
  it.each(affiliateCases)('rejects %s', async (_name, body, message) => {
    const reply = await call(sandbox.origin, 'POST', '/v1/affiliates/pixels', {
      key: DEMO_KEYS.affiliate,
      body,
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: message });
  });

  it('accepts and ignores unknown fields', async () => {
    const reply = await call(sandbox.origin, 'POST', '/v1/affiliates/pixels', {
      key: DEMO_KEYS.affiliate,
      body: affiliateBody({ favourite_colour: 'teal', network_id: 99 }),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toHaveProperty('favourite_colour');
    expect(reply.body).toMatchObject({ network_id: 1, network_affiliate_id: 7 });
  });
});
