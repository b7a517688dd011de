/**
 * The wire spellings of the Everflow pixel (postback) API, per realm. The product's own vocabulary (delivery
 * methods, levels, statuses, types, and their affiliate subsets) is in lib/model/vocabulary.ts.
 *
 * The two realms disagree (see the API reference, §3.9): the event type is `post_conversion` on the
 * affiliate API and `event` in the current network create docs; the network adds `global_offer` and
 * three more delivery methods. Reading accepts both spellings; the internal model always says `event`.
 */
import type { PixelType, Realm } from '../../model/vocabulary';

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
