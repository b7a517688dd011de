/**
 * Enum values of the Everflow pixel (postback) API, per realm.
 *
 * The two realms disagree (see the API reference, §3.9): the event type is `post_conversion` on the
 * affiliate API and `event` in the current network create docs; the network adds `global_offer` and
 * three more delivery methods. Reading accepts both spellings; the internal model always says `event`.
 */

/** Which Everflow API a key (and a profile) belongs to. */
export type Realm = 'affiliate' | 'network';

/** Every delivery method the network API documents (the affiliate API uses the first three). */
export const DELIVERY_METHODS = ['postback', 'html', 'facebook', 'tiktok', 'snapchat', 'rumble'] as const;
/** How a postback fires. */
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
/** Delivery methods the affiliate API accepts on write. */
export const AFFILIATE_DELIVERY_METHODS = ['postback', 'html', 'facebook'] as const;

/** Every pixel level the network API documents (the affiliate API has no `global_offer`). */
export const PIXEL_LEVELS = ['global', 'specific', 'global_offer'] as const;
/** The scope of a postback. */
export type PixelLevel = (typeof PIXEL_LEVELS)[number];
/** Pixel levels the affiliate API accepts on write. */
export const AFFILIATE_PIXEL_LEVELS = ['global', 'specific'] as const;

/** Postback statuses. */
export const PIXEL_STATUSES = ['active', 'inactive'] as const;
/** Whether a postback fires. */
export type PixelStatus = (typeof PIXEL_STATUSES)[number];

/** The internal pixel types: `event` stands for both wire spellings of the event type. */
export const PIXEL_TYPES = ['conversion', 'event', 'cpc'] as const;
/** The internal pixel type. */
export type PixelType = (typeof PIXEL_TYPES)[number];
/** Pixel types as the affiliate API writes them. */
export const AFFILIATE_PIXEL_TYPES = ['conversion', 'post_conversion', 'cpc'] as const;
/** Pixel types the network API may receive: `event` per its create page, `post_conversion` as the fallback. */
export const NETWORK_PIXEL_TYPES = ['conversion', 'event', 'post_conversion', 'cpc'] as const;

/** A value that is one of `T` or, when read from the server, any other string (reading is lenient). */
export type Lenient<T extends string> = T | (string & {});

/** Maps either wire spelling of the event type to the internal `event`; other values pass through. */
export function internalPixelType(wire: string): Lenient<PixelType> {
  return wire === 'post_conversion' ? 'event' : wire;
}

/**
 * The wire spelling of a pixel type for one endpoint: `post_conversion` for the affiliate API,
 * `event` for the network API unless `networkEventForm` says the server wants `post_conversion`.
 */
export function wirePixelType(
  type: string,
  realm: Realm,
  networkEventForm: 'event' | 'post_conversion' = 'event',
): string {
  if (type !== 'event' && type !== 'post_conversion') return type;
  return realm === 'affiliate' ? 'post_conversion' : networkEventForm;
}

/** The integration object that each integration delivery method requires. */
export const INTEGRATION_FIELDS = {
  facebook: 'facebook_pixel',
  tiktok: 'tiktok_pixel',
  snapchat: 'snapchat_pixel',
  rumble: 'rumble_pixel',
} as const;
