// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toPixelView } from '../../../lib/background/pixel-mapping';
import { networkPixelReadSchema } from '../../../lib/everflow/schemas/network-pixel';
import { toPostback } from '../../../lib/everflow/schemas/postback';

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
