// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { draftToBody, networkCreateBody, toPixelView } from '../../../lib/background/pixel-mapping';
import { networkPixelReadSchema } from '../../../lib/everflow/schemas/network-pixel';
import { toPostback } from '../../../lib/everflow/schemas/postback';
import type { PixelDraft } from '../../../lib/model/pixel';

function view(relationship: unknown) {
  const raw = {
    network_pixel_id: 4,
    network_offer_id: 5,
    network_affiliate_id: 7,
    network_offer_payout_revenue_id: 31,
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'event',
    postback_url: 'https://t.example/pb',
    relationship,
  };
  return toPixelView(toPostback(networkPixelReadSchema.parse(raw), raw, 'network'));
}

describe('toPixelView', () => {
  it('names the event when the relationship carries it, leniently', () => {
    expect(
      view({ payout_revenue: { network_offer_payout_revenue_id: 31, entry_name: 'Deposit' } }),
    ).toMatchObject({ eventId: 31, eventName: 'Deposit' });
    expect(view({ payout_revenue: { name: 'Signup' } }).eventName).toBe('Signup');
    expect(view({ payout_revenue: { entry_name: 42 } })).not.toHaveProperty('eventName');
    expect(view({ payout_revenue: { entry_name: '  ' } })).not.toHaveProperty('eventName');
    expect(view({ payout_revenue: null })).not.toHaveProperty('eventName');
    expect(view(undefined)).not.toHaveProperty('eventName');
  });
});

describe('networkCreateBody', () => {
  const drafts: PixelDraft[] = [
    {
      deliveryMethod: 'postback',
      type: 'event',
      level: 'specific',
      status: 'active',
      offerId: 11,
      affiliateId: 7,
      eventId: 3,
      postbackUrl: 'https://t.example/pb',
      delayMs: 500,
      description: '  Spaced  ',
    },
    {
      deliveryMethod: 'html',
      type: 'conversion',
      level: 'global',
      status: 'inactive',
      htmlCode: '<img>',
      offerId: 9,
    },
    {
      deliveryMethod: 'tiktok',
      type: 'event',
      level: 'global_offer',
      status: 'active',
      offerId: 4,
      integration: { pixel_code: 'C1', event_name: 'Purchase' },
    },
  ];

  it('is the update body in the seed order, trimmed, without the fields left at their defaults', () => {
    for (const draft of drafts) {
      const full = draftToBody(draft, 'network');
      const create = networkCreateBody(draft);
      for (const [key, value] of Object.entries(full)) {
        if (key in create) {
          expect(create[key], key).toEqual(key === 'description' ? String(value).trim() : value);
        } else expect([0, '', undefined], key).toContain(value);
      }
      expect(Object.keys(create).every((key) => key in full)).toBe(true);
    }
    expect(Object.keys(networkCreateBody(drafts[0]!))).toEqual([
      'network_offer_id',
      'network_affiliate_id',
      'delivery_method',
      'pixel_level',
      'pixel_status',
      'pixel_type',
      'postback_url',
      'description',
      'delay_ms',
      'network_offer_payout_revenue_id',
    ]);
  });
});
