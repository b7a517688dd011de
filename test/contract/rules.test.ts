// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AffiliatePixelInput } from '../../lib/everflow/affiliate-api';
import { sendOnce } from '../../lib/everflow/http';
import type { NetworkPixelInput } from '../../lib/everflow/network-api';
import { DEMO_KEYS } from '../../sandbox/server';
import networkExample from '../fixtures/everflow/seed-network-create-request.json';
import { useSandbox } from './harness';

/**
 * Every documented rule, broken once. The client refuses it locally (kind `validation`, the field,
 * a message that says the fix, no request sent); and the same body sent past the local check gets
 * the server's 400, mapped to `validation` with the server's message and the field.
 */
const h = useSandbox({ seed: 'empty' });

const EVENT_OF_OFFER_11 = 202; // "Upsell" on offer 11 in the sandbox catalogue

const affiliateBase = {
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'conversion',
  network_offer_id: 11,
  postback_url: 'https://tracker.example/pb?tid={transaction_id}',
};

interface Case {
  name: string;
  change: Record<string, unknown>;
  field: string;
  local: RegExp;
  server: RegExp;
}

// biome-ignore format: one rule per line reads as a table
const NETWORK_CASES: Case[] = [
  { name: 'specific needs an offer', change: { network_offer_id: 0 }, field: 'network_offer_id', local: /network_offer_id is required.*choose the offer/, server: /network_offer_id is required when pixel_level is specific/ },
  { name: 'specific needs a partner', change: { network_affiliate_id: 0 }, field: 'network_affiliate_id', local: /network_affiliate_id is required.*choose the partner/, server: /network_affiliate_id is required/ },
  { name: 'global needs offer 0', change: { pixel_level: 'global' }, field: 'network_offer_id', local: /must be 0.*set it to 0/, server: /network_offer_id must be 0 when pixel_level is global/ },
  { name: 'global needs a partner', change: { pixel_level: 'global', network_offer_id: 0, network_affiliate_id: 0 }, field: 'network_affiliate_id', local: /network_affiliate_id is required/, server: /network_affiliate_id is required when pixel_level is global/ },
  { name: 'global_offer needs partner 0', change: { pixel_level: 'global_offer' }, field: 'network_affiliate_id', local: /must be 0.*set it to 0/, server: /network_affiliate_id must be 0 when pixel_level is global_offer/ },
  { name: 'global_offer needs an offer', change: { pixel_level: 'global_offer', network_offer_id: 0, network_affiliate_id: 0 }, field: 'network_offer_id', local: /network_offer_id is required/, server: /network_offer_id is required when pixel_level is global_offer/ },
  { name: 'cpc cannot be global_offer', change: { pixel_type: 'cpc', pixel_level: 'global_offer', network_affiliate_id: 0 }, field: 'pixel_level', local: /cannot be "global_offer" when pixel_type is "cpc"/, server: /global_offer is not allowed when pixel_type is cpc/ },
  { name: 'postback needs postback_url', change: { postback_url: '' }, field: 'postback_url', local: /postback_url is required.*enter the URL/, server: /postback_url is required when delivery_method is postback/ },
  { name: 'postback_url needs http(s)://', change: { postback_url: 'tracker.example/pb' }, field: 'postback_url', local: /must start with http:\/\/ or https:\/\//, server: /postback_url must start with http:\/\/ or https:\/\// },
  { name: 'html needs html_code', change: { delivery_method: 'html', postback_url: '' }, field: 'html_code', local: /html_code is required.*paste the pixel code/, server: /html_code is required when delivery_method is html/ },
  { name: 'facebook needs facebook_pixel', change: { delivery_method: 'facebook' }, field: 'facebook_pixel', local: /facebook_pixel is required/, server: /facebook_pixel is required when delivery_method is facebook/ },
  { name: 'tiktok needs tiktok_pixel', change: { delivery_method: 'tiktok' }, field: 'tiktok_pixel', local: /tiktok_pixel is required/, server: /tiktok_pixel is required when delivery_method is tiktok/ },
  { name: 'snapchat needs snapchat_pixel', change: { delivery_method: 'snapchat' }, field: 'snapchat_pixel', local: /snapchat_pixel is required/, server: /snapchat_pixel is required when delivery_method is snapchat/ },
  { name: 'rumble needs rumble_pixel', change: { delivery_method: 'rumble' }, field: 'rumble_pixel', local: /rumble_pixel is required/, server: /rumble_pixel is required when delivery_method is rumble/ },
  { name: 'facebook create needs the integration id', change: { delivery_method: 'facebook', facebook_pixel: { pixel_id: '123', event_name: 'Purchase' } }, field: 'facebook_pixel.network_affiliate_integration_facebook_business_id', local: /required when creating a "facebook" postback.*partner's Meta integration/, server: /network_affiliate_integration_facebook_business_id is required when creating a partner postback/ },
  { name: 'facebook needs pixel_id', change: { delivery_method: 'facebook', facebook_pixel: { network_affiliate_integration_facebook_business_id: 5501, event_name: 'Purchase' } }, field: 'facebook_pixel.pixel_id', local: /facebook_pixel.pixel_id is required/, server: /facebook_pixel.pixel_id is required/ },
  { name: 'tiktok create needs the integration id', change: { delivery_method: 'tiktok', tiktok_pixel: { network_affiliate_integration_tiktok_id: 0, pixel_code: 'C1', event_name: 'CompletePayment' } }, field: 'tiktok_pixel.network_affiliate_integration_tiktok_id', local: /required when creating a "tiktok" postback/, server: /network_affiliate_integration_tiktok_id is required when creating/ },
  { name: 'tiktok needs pixel_code', change: { delivery_method: 'tiktok', tiktok_pixel: { network_affiliate_integration_tiktok_id: 77, event_name: 'CompletePayment' } }, field: 'tiktok_pixel.pixel_code', local: /tiktok_pixel.pixel_code is required/, server: /tiktok_pixel.pixel_code is required/ },
  { name: 'snapchat create needs the integration id', change: { delivery_method: 'snapchat', snapchat_pixel: { asset_id: 'a1', event_name: 'SIGN_UP' } }, field: 'snapchat_pixel.network_affiliate_integration_snapchat_id', local: /required when creating a "snapchat" postback/, server: /network_affiliate_integration_snapchat_id is required when creating/ },
  { name: 'snapchat needs event_name', change: { delivery_method: 'snapchat', snapchat_pixel: { network_affiliate_integration_snapchat_id: 88, asset_id: 'a1', event_name: ' ' } }, field: 'snapchat_pixel.event_name', local: /snapchat_pixel.event_name is required/, server: /snapchat_pixel.event_name must not be blank/ },
  { name: 'rumble create needs the integration id', change: { delivery_method: 'rumble', rumble_pixel: { conversion_action_id: 4412 } }, field: 'rumble_pixel.network_affiliate_integration_rumble_id', local: /required when creating a "rumble" postback/, server: /network_affiliate_integration_rumble_id is required when creating/ },
  { name: 'rumble needs conversion_action_id', change: { delivery_method: 'rumble', rumble_pixel: { network_affiliate_integration_rumble_id: 99 } }, field: 'rumble_pixel.conversion_action_id', local: /rumble_pixel.conversion_action_id is required/, server: /rumble_pixel.conversion_action_id is required/ },
  { name: 'delay_ms at most 300000', change: { delay_ms: 300_001 }, field: 'delay_ms', local: /from 0 to 300000/, server: /delay_ms must be an integer between 0 and 300000/ },
  { name: 'delay_ms only for postback', change: { delivery_method: 'html', html_code: '<img src="x">', delay_ms: 1000 }, field: 'delay_ms', local: /only applies when delivery_method is "postback": set it to 0/, server: /delay_ms is only allowed when delivery_method is postback/ },
  { name: 'event id needs the event type', change: { network_offer_payout_revenue_id: EVENT_OF_OFFER_11 }, field: 'network_offer_payout_revenue_id', local: /only applies to event postbacks/, server: /only allowed when pixel_type is event/ },
  { name: 'event id not at global level', change: { pixel_type: 'event', pixel_level: 'global', network_offer_id: 0, network_offer_payout_revenue_id: EVENT_OF_OFFER_11 }, field: 'network_offer_payout_revenue_id', local: /"specific" or "global_offer"/, server: /not allowed when pixel_level is global/ },
];

// biome-ignore format: one rule per line reads as a table
const AFFILIATE_CASES: Case[] = [
  { name: 'specific needs an offer', change: { network_offer_id: 0 }, field: 'network_offer_id', local: /network_offer_id is required.*choose the offer/, server: /network_offer_id is required when pixel_level is specific/ },
  { name: 'postback needs postback_url', change: { postback_url: '' }, field: 'postback_url', local: /postback_url is required/, server: /postback_url is required/ },
  { name: 'postback_url needs http(s)://', change: { postback_url: 'ftp://tracker.example' }, field: 'postback_url', local: /must start with http:\/\/ or https:\/\//, server: /must start with http:\/\/ or https:\/\// },
  { name: 'html needs html_code', change: { delivery_method: 'html' }, field: 'html_code', local: /html_code is required/, server: /html_code is required/ },
  { name: 'facebook needs facebook_pixel', change: { delivery_method: 'facebook' }, field: 'facebook_pixel', local: /facebook_pixel is required/, server: /facebook_pixel is required/ },
  { name: 'delay_ms at most 300000', change: { delay_ms: 400_000 }, field: 'delay_ms', local: /from 0 to 300000/, server: /delay_ms must be an integer between 0 and 300000/ },
  { name: 'event id needs post_conversion', change: { network_offer_payout_revenue_id: EVENT_OF_OFFER_11 }, field: 'network_offer_payout_revenue_id', local: /only applies to event postbacks/, server: /only allowed when pixel_type is post_conversion/ },
  { name: 'event id not at global level', change: { pixel_type: 'post_conversion', pixel_level: 'global', network_offer_payout_revenue_id: EVENT_OF_OFFER_11 }, field: 'network_offer_payout_revenue_id', local: /"specific"/, server: /not allowed when pixel_level is global/ },
  { name: 'no global_offer level', change: { pixel_level: 'global_offer' }, field: 'pixel_level', local: /"global" or "specific" for an affiliate postback/, server: /pixel_level must be one of: global, specific/ },
  { name: 'no tiktok delivery', change: { delivery_method: 'tiktok', tiktok_pixel: {} }, field: 'delivery_method', local: /"postback", "html" or "facebook"/, server: /delivery_method must be one of/ },
];

/** Sends a body through the client's HTTP layer without the local check, as a server-side probe. */
function postPastLocalCheck(path: string, apiKey: string, body: unknown) {
  return sendOnce(
    { baseUrl: h.sandbox.baseUrl, apiKey, fetch, timeoutMs: 5000, now: Date.now },
    { method: 'POST', path, body, schema: z.unknown() },
  );
}

describe.each([
  ['network', NETWORK_CASES, networkExample, '/networks/pixels', DEMO_KEYS.network],
  ['affiliate', AFFILIATE_CASES, affiliateBase, '/affiliates/pixels', DEMO_KEYS.affiliate],
] as const)('%s rules', (realm, cases, base, path, key) => {
  it.each(cases)('$name', async ({ change, field, local, server }) => {
    const body = { ...base, ...change };
    const refused =
      realm === 'network'
        ? await h.network().createPixel(body as NetworkPixelInput)
        : await h.affiliate().createPixel(body as AffiliatePixelInput);
    expect(refused.ok ? undefined : refused.error).toMatchObject({
      kind: 'validation',
      field,
      message: expect.stringMatching(local),
    });
    expect(await h.control.requests()).toEqual([]);

    const answered = await postPastLocalCheck(path, key, body);
    expect(answered.ok ? undefined : answered.error).toMatchObject({
      kind: 'validation',
      status: 400,
      field: expect.stringContaining(field),
      serverMessage: expect.stringMatching(server),
    });
    expect((await h.control.state()).pixels).toEqual([]);
  });
});

describe('event type spelling', () => {
  it('the affiliate server refuses "event"; the client sends post_conversion instead', async () => {
    const eventBody = {
      ...affiliateBase,
      pixel_type: 'event',
      network_offer_payout_revenue_id: EVENT_OF_OFFER_11,
    };
    const raw = await postPastLocalCheck('/affiliates/pixels', DEMO_KEYS.affiliate, eventBody);
    expect(raw.ok ? undefined : raw.error).toMatchObject({ status: 400, field: 'pixel_type' });
    const res = await h.affiliate().createPixel(eventBody as AffiliatePixelInput);
    expect(res.ok && res.value.pixel).toMatchObject({ type: 'event', eventId: EVENT_OF_OFFER_11 });
    const sent = (await h.control.requests()).at(-1)?.body as { pixel_type: string };
    expect(sent.pixel_type).toBe('post_conversion');
  });

  it('the network takes "event" as its create page documents', async () => {
    const res = await h.network().createPixel({
      ...(networkExample as NetworkPixelInput),
      pixel_type: 'event',
      network_offer_payout_revenue_id: EVENT_OF_OFFER_11,
    });
    expect(res.ok && res.value.pixel).toMatchObject({ type: 'event', eventId: EVENT_OF_OFFER_11 });
    const sent = (await h.control.requests()).at(-1)?.body as { pixel_type: string };
    expect(sent.pixel_type).toBe('event');
  });
});
