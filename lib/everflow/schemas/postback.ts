import type { DeliveryMethod, PixelLevel, PixelType, Realm } from '../../model/vocabulary';
import type { AffiliatePixelRead } from './affiliate-pixel';
import { internalPixelType, type Lenient } from './enums';
import type { NetworkPixelRead } from './network-pixel';
import { PIXEL_ID_KEYS } from './pixel-shared';

/** An integration object as the server sent it, or `null` when the postback does not use it. */
export type IntegrationView = Readonly<Record<string, unknown>> | null;

/**
 * One postback in the internal model, the same for both realms: one `id` whichever id key the
 * server used, the event type always `event`, absent numbers 0 and absent text ''. `raw` is the
 * object exactly as received, which the GET → merge → PUT round trip starts from.
 */
export interface Postback {
  id: number;
  realm: Realm;
  /** 0 when the postback covers every offer. */
  offerId: number;
  /** 0 when absent (affiliate pixels may omit it; network `global_offer` uses 0). */
  affiliateId: number;
  /** `network_offer_payout_revenue_id`: 0 means every event or none. */
  eventId: number;
  deliveryMethod: Lenient<DeliveryMethod>;
  level: Lenient<PixelLevel>;
  status: Lenient<'active' | 'inactive'>;
  type: Lenient<PixelType>;
  postbackUrl: string;
  htmlCode: string;
  delayMs: number;
  /** Network only; '' on affiliate pixels. */
  description: string;
  integrations: {
    facebook: IntegrationView;
    tiktok: IntegrationView;
    snapchat: IntegrationView;
    rumble: IntegrationView;
  };
  offerName?: string;
  affiliateName?: string;
  /** The event's name, when `relationship.payout_revenue` carries it (`entry_name`, or `name`). */
  eventName?: string;
  timeCreated?: number;
  timeSaved?: number;
  raw: Readonly<Record<string, unknown>>;
}

function integration(value: unknown): IntegrationView {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The event name in `relationship.payout_revenue`, whose fields are unconfirmed: read leniently. */
function eventNameOf(event: Readonly<Record<string, unknown>> | null | undefined): string | undefined {
  const name = event?.entry_name ?? event?.name;
  return typeof name === 'string' && name.trim() ? name : undefined;
}

/** Builds the internal view from a validated pixel and the raw JSON object it came from. */
export function toPostback(
  pixel: AffiliatePixelRead | NetworkPixelRead,
  raw: Record<string, unknown>,
  realm: Realm,
): Postback {
  const idKey = PIXEL_ID_KEYS.find((key) => typeof pixel[key] === 'number');
  const description =
    'description' in pixel && typeof pixel.description === 'string' ? pixel.description : '';
  const view: Postback = {
    id: idKey ? (pixel[idKey] as number) : 0,
    realm,
    offerId: pixel.network_offer_id ?? 0,
    affiliateId: pixel.network_affiliate_id ?? 0,
    eventId: pixel.network_offer_payout_revenue_id ?? 0,
    deliveryMethod: pixel.delivery_method,
    level: pixel.pixel_level,
    status: pixel.pixel_status,
    type: internalPixelType(pixel.pixel_type),
    postbackUrl: pixel.postback_url ?? '',
    htmlCode: pixel.html_code ?? '',
    delayMs: pixel.delay_ms ?? 0,
    description,
    integrations: {
      facebook: integration(pixel.facebook_pixel),
      tiktok: integration(pixel.tiktok_pixel),
      snapchat: integration(pixel.snapchat_pixel),
      rumble: integration(pixel.rumble_pixel),
    },
    raw,
  };
  const offerName = pixel.relationship?.offer?.name;
  const affiliateName = pixel.relationship?.affiliate?.name;
  if (offerName !== undefined) view.offerName = offerName;
  if (affiliateName !== undefined) view.affiliateName = affiliateName;
  const eventName = eventNameOf(pixel.relationship?.payout_revenue);
  if (eventName) view.eventName = eventName;
  if (pixel.time_created !== undefined) view.timeCreated = pixel.time_created;
  if (pixel.time_saved !== undefined) view.timeSaved = pixel.time_saved;
  return view;
}
