import type {
  DeliveryMethod,
  PixelLevel,
  PixelRecord,
  PixelStatus,
  PixelType,
  RumblePixel,
  SnapchatPixel,
  StoredFacebookPixel,
  TiktokPixel,
  World,
} from '../model';
import { findOffer } from '../world';

/** A compact description of one seed postback; exactly one delivery field should be set. */
export interface PixelSpec {
  /** Partner id (0 for global_offer). */
  partner: number;
  /** Offer id (0 for global). */
  offer: number;
  level: PixelLevel;
  type: PixelType;
  status?: PixelStatus;
  /** Name of the offer's payout event this event postback targets (omit for "all events"). */
  event?: string;
  postback?: string;
  html?: string;
  facebook?: Pick<StoredFacebookPixel, 'pixel_id' | 'event_name'> & Partial<StoredFacebookPixel>;
  tiktok?: TiktokPixel;
  snapchat?: SnapchatPixel;
  rumble?: RumblePixel;
  delay?: number;
  description?: string;
}

function deliveryOf(spec: PixelSpec): DeliveryMethod {
  if (spec.html !== undefined) return 'html';
  if (spec.facebook) return 'facebook';
  if (spec.tiktok) return 'tiktok';
  if (spec.snapchat) return 'snapchat';
  if (spec.rumble) return 'rumble';
  return 'postback';
}

function eventIdOf(world: World, spec: PixelSpec): number {
  if (!spec.event) return 0;
  const entry = findOffer(world, spec.offer)?.payouts.find((payout) => payout.entry_name === spec.event);
  if (!entry) throw new Error(`seed: offer ${spec.offer} has no payout event "${spec.event}"`);
  return entry.network_offer_payout_revenue_id;
}

function facebookOf(spec: PixelSpec): StoredFacebookPixel | null {
  if (!spec.facebook) return null;
  return {
    network_affiliate_integration_facebook_business_id: 0,
    event_id: '',
    action_source: '',
    event_source_url: '',
    user_data: [],
    custom_data: [],
    access_token: '',
    ...spec.facebook,
  };
}

/**
 * Expand specs into stored postbacks with ids from `firstId` and timestamps spread deterministically
 * from `firstTime` (about two and a half days apart, some edited hours after creation).
 */
export function buildPixels(
  world: World,
  specs: PixelSpec[],
  firstId: number,
  firstTime: number,
): PixelRecord[] {
  return specs.map((spec, index) => {
    const created = firstTime + index * 216_000;
    return {
      network_pixel_id: firstId + index,
      network_affiliate_id: spec.partner,
      network_offer_id: spec.offer,
      network_offer_payout_revenue_id: eventIdOf(world, spec),
      delivery_method: deliveryOf(spec),
      pixel_level: spec.level,
      pixel_status: spec.status ?? 'active',
      pixel_type: spec.type,
      postback_url: deliveryOf(spec) === 'postback' ? (spec.postback ?? '') : '',
      html_code: spec.html ?? '',
      description: spec.description ?? '',
      delay_ms: spec.delay ?? 0,
      facebook_pixel: facebookOf(spec),
      tiktok_pixel: spec.tiktok ?? null,
      snapchat_pixel: spec.snapchat ?? null,
      rumble_pixel: spec.rumble ?? null,
      time_created: created,
      time_saved: created + (index % 4) * 18_000,
    };
  });
}
