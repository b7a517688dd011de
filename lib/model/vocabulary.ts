// The product's words: roles, regions and the enums of a postback. Plain constants, no zod, so any page may
// import them without weight. Both Everflow realms are covered; the affiliate subsets are listed here once.

/** Which side of Everflow a profile (and its key) belongs to. */
export const ROLES = ['affiliate', 'network'] as const;
/** Which side of Everflow a profile (and its key) belongs to. */
export type Role = (typeof ROLES)[number];
/** Which Everflow API a key belongs to (the same two sides, in the API's words). */
export type Realm = Role;

/** Where a profile's API lives: an Everflow region or a custom base URL. */
export const REGIONS = ['us', 'eu', 'custom'] as const;
/** Where a profile's API lives. */
export type Region = (typeof REGIONS)[number];

/** Every delivery method the network API documents. */
export const DELIVERY_METHODS = ['postback', 'html', 'facebook', 'tiktok', 'snapchat', 'rumble'] as const;
/** How a postback fires. */
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
/** Delivery methods the affiliate API accepts on write (the first three). */
export const AFFILIATE_DELIVERY_METHODS = ['postback', 'html', 'facebook'] as const;

/** The internal pixel types: `event` stands for both wire spellings of the event type. */
export const PIXEL_TYPES = ['conversion', 'event', 'cpc'] as const;
/** The internal pixel type. */
export type PixelType = (typeof PIXEL_TYPES)[number];

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
