// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { affiliateAccountSchema, networkAccountSchema } from '../../../lib/everflow/schemas/accounts';
import {
  affiliatePixelListSchema,
  affiliatePixelReadSchema,
  affiliatePixelWriteSchema,
} from '../../../lib/everflow/schemas/affiliate-pixel';
import { serverMessageOf } from '../../../lib/everflow/schemas/errors';
import {
  networkPixelReadSchema,
  networkPixelSearchResultSchema,
  networkPixelWriteSchema,
} from '../../../lib/everflow/schemas/network-pixel';
import {
  affiliateOfferReadSchema,
  networkAffiliatesSchema,
  networkOfferReadSchema,
  toEvents,
} from '../../../lib/everflow/schemas/offers';
import { toPostback } from '../../../lib/everflow/schemas/postback';
import affiliateRequest from '../../fixtures/everflow/seed-affiliate-update-request.json';
import affiliateResponse from '../../fixtures/everflow/seed-affiliate-update-response.json';
import networkRequest from '../../fixtures/everflow/seed-network-create-request.json';
import networkResponse from '../../fixtures/everflow/seed-network-create-response.json';

function affiliateView(raw: Record<string, unknown>) {
  return toPostback(affiliatePixelReadSchema.parse(raw), raw, 'affiliate');
}
function networkView(raw: Record<string, unknown>) {
  return toPostback(networkPixelReadSchema.parse(raw), raw, 'network');
}

const slimAffiliate = {
  network_affiliate_pixel_id: 55,
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'post_conversion',
  postback_url: 'https://t.example/pb',
  html_code: '',
  network_offer_id: 9,
  delay_ms: 0,
  facebook_pixel: null,
};

describe('reading pixels', () => {
  it('parses the network seed response with every integration object and relationship', () => {
    const view = networkView(networkResponse);
    expect(view).toMatchObject({ id: 123, offerId: 123, affiliateId: 123, eventId: 123, type: 'conversion' });
    expect(view.description).toBe('<string>');
    expect(view.integrations.facebook).toMatchObject({ user_data: [{ field: 'email', value: '<string>' }] });
    expect(view.integrations.tiktok).toMatchObject({ properties: [{ field: 'price', value: '<string>' }] });
    expect(view.integrations.snapchat).toMatchObject({
      custom_data: [{ field: 'value', value: '<string>' }],
    });
    expect(view.integrations.rumble).toMatchObject({ conversion_action_id: 123 });
    expect(view.offerName).toBe('<string>');
    expect(view.affiliateName).toBe('<string>');
    expect(view.timeCreated).toBe(1734455015);
    expect(view.raw).toBe(networkResponse);
  });

  it('takes the id from network_pixel_id, network_affiliate_pixel_id or network_offer_pixel_id', () => {
    expect(affiliateView(affiliateResponse).id).toBe(123);
    expect(affiliateView(slimAffiliate).id).toBe(55);
    const { network_pixel_id: _omit, ...noId } = networkResponse;
    expect(networkView({ ...noId, network_offer_pixel_id: 77 }).id).toBe(77);
  });

  it('rejects a pixel without any id key and names the field', () => {
    const { network_affiliate_pixel_id: _omit, ...noId } = slimAffiliate;
    const parsed = affiliatePixelReadSchema.safeParse(noId);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['network_pixel_id']);
  });

  it('maps both event spellings to the internal event type', () => {
    expect(affiliateView(slimAffiliate).type).toBe('event');
    expect(networkView({ ...networkResponse, pixel_type: 'event' }).type).toBe('event');
    expect(networkView({ ...networkResponse, pixel_type: 'post_conversion' }).type).toBe('event');
  });

  it('accepts null and empty integration objects', () => {
    const affiliate = affiliateView({
      ...slimAffiliate,
      tiktok_pixel: {},
      snapchat_pixel: null,
      rumble_pixel: {},
    });
    expect(affiliate.integrations).toEqual({ facebook: null, tiktok: {}, snapchat: null, rumble: {} });
    const network = networkView({
      ...networkResponse,
      facebook_pixel: null,
      tiktok_pixel: null,
      snapchat_pixel: null,
      rumble_pixel: null,
    });
    expect(network.integrations.facebook).toBeNull();
  });

  it('fills absent optional fields (old examples lack delay_ms and time_*)', () => {
    const { delay_ms: _d, ...noDelay } = slimAffiliate;
    const view = affiliateView({ ...noDelay, postback_url: null });
    expect(view).toMatchObject({ delayMs: 0, postbackUrl: '', description: '', affiliateId: 0 });
    expect(view.timeCreated).toBeUndefined();
  });

  it('keeps unknown fields in raw and passes them through the schema', () => {
    const raw = { ...slimAffiliate, brand_new_field: { nested: [1, 2] } };
    const parsed = affiliatePixelReadSchema.parse(raw);
    expect(parsed.brand_new_field).toEqual({ nested: [1, 2] });
    expect(affiliateView(raw).raw).toBe(raw);
  });

  it('reads unknown enum values leniently', () => {
    expect(networkView({ ...networkResponse, pixel_status: 'deleted' }).status).toBe('deleted');
  });

  it('reads lists and search results in every documented wrapper', () => {
    expect(affiliatePixelListSchema.parse({ pixels: [slimAffiliate] }).pixels).toHaveLength(1);
    const wrapped = networkPixelSearchResultSchema.parse({ pixels: [networkResponse], paging: { page: 1 } });
    expect(wrapped.pixels).toHaveLength(1);
    expect(networkPixelSearchResultSchema.parse([networkResponse]).pixels).toHaveLength(1);
  });
});

describe('writing pixels', () => {
  it('accepts both seed example request bodies as printed', () => {
    expect(networkPixelWriteSchema.safeParse(networkRequest).success).toBe(true);
    expect(affiliatePixelWriteSchema.safeParse(affiliateRequest).success).toBe(true);
  });

  it('is exact about enums: the affiliate API takes post_conversion, not event', () => {
    const body = { ...affiliateRequest, pixel_type: 'event' };
    const parsed = affiliatePixelWriteSchema.safeParse(body);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['pixel_type'] });
    expect(parsed.error?.issues[0]?.message).toMatch(/post_conversion/);
  });

  it('enforces the cross-field rules with field-named messages', () => {
    const parsed = networkPixelWriteSchema.safeParse({ ...networkRequest, postback_url: 'example.com' });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: ['postback_url'],
        message: expect.stringMatching(/http:\/\/ or https:\/\//),
      }),
    ]);
  });

  it('checks integration row shapes', () => {
    const body = {
      ...networkRequest,
      delivery_method: 'facebook',
      facebook_pixel: { pixel_id: '1', user_data: [{ field: 'email' }] },
    };
    const parsed = networkPixelWriteSchema.safeParse(body);
    expect(parsed.error?.issues[0]?.path).toEqual(['facebook_pixel', 'user_data', 0, 'value']);
  });
});

describe('offers, partners, accounts, errors', () => {
  const entry = {
    network_offer_payout_revenue_id: 4,
    entry_name: 'Sale',
    is_default: false,
    payout_amount: 2.5,
  };
  const base = { network_offer_id: 9, name: 'Offer' };

  it('reads payouts as an array or as { entries }', () => {
    const asArray = affiliateOfferReadSchema.parse({ ...base, relationship: { payouts: [entry] } });
    const asEntries = affiliateOfferReadSchema.parse({
      ...base,
      relationship: { payouts: { entries: [entry], total: 1 } },
    });
    expect(asArray.relationship?.payouts).toEqual(asEntries.relationship?.payouts);
    expect(toEvents(asArray.relationship?.payouts ?? [])).toEqual([
      { id: 4, name: 'Sale', isDefault: false, payoutAmount: 2.5 },
    ]);
  });

  it('reads network payout_revenue entries', () => {
    const offer = networkOfferReadSchema.parse({
      ...base,
      relationship: { payout_revenue: { entries: [{ ...entry, revenue_type: 'rpa', revenue_amount: 5 }] } },
    });
    expect(toEvents(offer.relationship?.payout_revenue ?? [])[0]).toMatchObject({
      revenueType: 'rpa',
      revenueAmount: 5,
    });
  });

  it('reads the partner list wrapped or bare', () => {
    const partner = { network_affiliate_id: 7, name: 'P', account_status: 'active' };
    expect(
      networkAffiliatesSchema.parse({ affiliates: [partner], paging: { page: 1 } }).affiliates,
    ).toHaveLength(1);
    expect(networkAffiliatesSchema.parse([partner]).affiliates).toHaveLength(1);
  });

  it('reads who-am-I answers', () => {
    expect(affiliateAccountSchema.parse({ network_affiliate_id: 7, name: 'Acme', extra: 1 }).name).toBe(
      'Acme',
    );
    expect(networkAccountSchema.safeParse({ name: 'No id' }).success).toBe(false);
  });

  it('reads error bodies with error or Error', () => {
    expect(serverMessageOf({ error: 'Invalid parameters.' })).toBe('Invalid parameters.');
    expect(serverMessageOf({ Error: 'Out of realm' })).toBe('Out of realm');
    expect(serverMessageOf({ error: { message: 'nested' } })).toBe('nested');
    expect(serverMessageOf('<html>')).toBeUndefined();
  });
});
