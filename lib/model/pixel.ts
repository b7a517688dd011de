// zod/mini: pages read postbacks from the cache in storage (stale-while-revalidate) and must check them.
import * as z from 'zod/mini';
import {
  DELIVERY_METHODS,
  type DeliveryMethod,
  PIXEL_LEVELS,
  PIXEL_STATUSES,
  PIXEL_TYPES,
  type PixelLevel,
  type PixelStatus,
  type PixelType,
  ROLES,
} from './vocabulary';

/** One postback, normalised across the affiliate and network APIs (event type is always "event"). */
export const PixelView = z.object({
  id: z.number(),
  side: z.enum(ROLES),
  status: z.enum(PIXEL_STATUSES),
  type: z.enum(PIXEL_TYPES),
  level: z.enum(PIXEL_LEVELS),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  postbackUrl: z.string(),
  htmlCode: z.string(),
  delayMs: z.number(),
  /** 0 for global postbacks. */
  offerId: z.number(),
  offerName: z.optional(z.string()),
  /** network_offer_payout_revenue_id; 0 = all events / not an event postback. */
  eventId: z.number(),
  eventName: z.optional(z.string()),
  /** Network side: the partner (0 for global_offer). */
  affiliateId: z.optional(z.number()),
  affiliateName: z.optional(z.string()),
  description: z.optional(z.string()),
  /** The integration object for facebook/tiktok/snapchat/rumble delivery, as the API documents it. */
  integration: z.optional(z.record(z.string(), z.unknown())),
  timeSaved: z.optional(z.number()),
});
export type PixelView = z.infer<typeof PixelView>;

/**
 * The fields of a postback to create or edit, in the product's own words. The one declaration: the message
 * input schema (lib/messaging/inputs.ts) is checked against it by a type-level test.
 */
export interface PixelDraft {
  deliveryMethod: DeliveryMethod;
  type: PixelType;
  level: PixelLevel;
  status: PixelStatus;
  offerId?: number;
  affiliateId?: number;
  eventId?: number;
  postbackUrl?: string;
  htmlCode?: string;
  delayMs?: number;
  description?: string;
  integration?: Record<string, unknown>;
}

/** What a postback list or search may be narrowed by. */
export interface PixelFilters {
  offerId?: number;
  status?: PixelStatus;
  type?: PixelType;
  deliveryMethod?: DeliveryMethod;
  affiliateId?: number;
  /** Free text over id, description and URL/HTML (network search). */
  text?: string;
}

/** The reply of a create. */
export interface CreatedPixel {
  pixel: PixelView;
  /** True when a timed-out create was found on the server instead of being sent twice. */
  recovered: boolean;
}
