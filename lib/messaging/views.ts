// What pages see: plain, normalised views of Everflow data, with no keys and no raw API shapes. They are zod/mini
// schemas because pages also read them from the cache in storage (stale-while-revalidate) and must check them,
// and the popup's start-up bundle must stay small.
import * as z from 'zod/mini';
import { AccountInfo, DELIVERY_METHODS, PIXEL_LEVELS, PIXEL_TYPES, REGIONS, ROLES } from '../storage/schemas';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;
export const DeliveryMethod = z.enum(DELIVERY_METHODS);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const PixelType = z.enum(PIXEL_TYPES);
export type PixelType = z.infer<typeof PixelType>;
export const PixelLevel = z.enum(PIXEL_LEVELS);
export type PixelLevel = z.infer<typeof PixelLevel>;
export const PixelStatus = z.enum(['active', 'inactive']);
export type PixelStatus = z.infer<typeof PixelStatus>;

/** A profile as pages see it: the key only masked. */
export const ProfileView = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  region: Region,
  customBaseUrl: z.optional(z.string()),
  portalDomains: z.array(z.string()),
  /** "••••1234" */
  maskedKey: z.string(),
  /** False when the key is gone (e.g. "forget keys when the browser closes" after a restart). */
  hasKey: z.boolean(),
  /** Without a key, why: the key store could not be read, or the key was forgotten when the browser closed. */
  keyLost: z.optional(z.enum(['unreadable', 'forgotten'])),
  isDefault: z.boolean(),
  account: z.optional(AccountInfo),
  createdAt: z.number(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/** One postback, normalised across the affiliate and network APIs (event type is always "event"). */
export const PixelView = z.object({
  id: z.number(),
  side: Role,
  status: PixelStatus,
  type: PixelType,
  level: PixelLevel,
  deliveryMethod: DeliveryMethod,
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

export const EventView = z.object({ id: z.number(), name: z.string(), isDefault: z.boolean() });
export type EventView = z.infer<typeof EventView>;

export const OfferView = z.object({
  id: z.number(),
  name: z.string(),
  status: z.optional(z.string()),
  /** Payout (affiliate) or payout/revenue (network) events; empty when not loaded. */
  events: z.array(EventView),
});
export type OfferView = z.infer<typeof OfferView>;

export const PartnerView = z.object({ id: z.number(), name: z.string(), status: z.optional(z.string()) });
export type PartnerView = z.infer<typeof PartnerView>;

/** A postback Everflow sent that could not be read: its id when that much was readable, and the field at fault. */
export interface UnreadableRow {
  id?: number;
  /** e.g. `delay_ms`, `relationship.offer`, or `row` when the row was not an object. */
  field: string;
}

/** What a list says about rows it does not show: never a silent gap. */
export interface ListGaps {
  /** Rows Everflow sent that could not be read, listed apart (the readable ones are all shown). */
  unreadable?: UnreadableRow[];
  /** Everflow holds more rows than were read (the page cap): how many, when it said so. */
  total?: number;
  /** True when more rows exist than were read, whether or not Everflow said how many. */
  truncated?: boolean;
}

/** One page of a paged list. */
export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** Rows of this page (or search) that could not be read. */
  unreadable?: UnreadableRow[];
}

/** A list as the cache held it, or freshly fetched. */
export interface Cached<T> {
  value: T;
  fetchedAt: number;
  /** True when `value` came from the cache and a refresh is under way or failed. */
  fromCache: boolean;
}
