// Storage shapes, written with zod/mini: pages read storage directly (stale-while-revalidate) and the popup's
// start-up bundle must stay small. Every field that has a sensible default repairs itself with `catch`, so a
// corrupt field never costs the whole record; records missing their identity (id, name) are dropped.
import * as z from 'zod/mini';

export const ROLES = ['affiliate', 'network'] as const;
export const REGIONS = ['us', 'eu', 'custom'] as const;

export const AccountInfo = z.object({
  /** The account name the key check learned (affiliate or network name). */
  name: z.string(),
  /** network_affiliate_id for affiliate keys, network_id for network keys. */
  id: z.number(),
  networkId: z.optional(z.number()),
  realm: z.enum(ROLES),
  /** When the key was last checked, epoch milliseconds. */
  checkedAt: z.number(),
});
export type AccountInfo = z.infer<typeof AccountInfo>;

/** A profile as stored: one per Everflow account. The API key lives apart (see keys.ts), never here. */
export const Profile = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  role: z.catch(z.enum(ROLES), 'affiliate'),
  region: z.catch(z.enum(REGIONS), 'us'),
  /** Only for region "custom": the API base URL, e.g. https://api.example.com/v1 */
  customBaseUrl: z.catch(z.optional(z.string()), undefined),
  /** Portal host names (e.g. acme.everflowclient.io, partners.example.com) used to match the active tab. */
  portalDomains: z.catch(z.array(z.string()), []),
  /** Last four characters of the key, so pages can show "••••1234" without ever reading the key. */
  keyHint: z.catch(z.string(), ''),
  account: z.catch(z.optional(AccountInfo), undefined),
  createdAt: z.catch(z.number(), 0),
});
export type Profile = z.infer<typeof Profile>;

export const DELIVERY_METHODS = ['postback', 'html', 'facebook', 'tiktok', 'snapchat', 'rumble'] as const;
export const PIXEL_TYPES = ['conversion', 'event', 'cpc'] as const;
export const PIXEL_LEVELS = ['global', 'specific', 'global_offer'] as const;

/** A saved postback template. Network templates also carry integration settings (network-side objects). */
export const Template = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** Which side of the API the template is for. */
  side: z.catch(z.enum(ROLES), 'affiliate'),
  /** A tracker preset id, or "custom". */
  tracker: z.catch(z.string(), 'custom'),
  deliveryMethod: z.catch(z.enum(DELIVERY_METHODS), 'postback'),
  pixelType: z.catch(z.enum(PIXEL_TYPES), 'conversion'),
  level: z.catch(z.enum(PIXEL_LEVELS), 'specific'),
  postbackUrl: z.catch(z.string(), ''),
  htmlCode: z.catch(z.string(), ''),
  delayMs: z.catch(z.number(), 0),
  notes: z.catch(z.string(), ''),
  description: z.catch(z.string(), ''),
  /** Network templates: the integration object for facebook/tiktok/snapchat/rumble, as the API documents it. */
  integration: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
  createdAt: z.catch(z.number(), 0),
  updatedAt: z.catch(z.number(), 0),
});
export type Template = z.infer<typeof Template>;

export const Settings = z.object({
  defaultProfileId: z.catch(z.optional(z.string()), undefined),
  /** Per profile: the template preselected in the popup. */
  defaultTemplateIds: z.catch(z.record(z.string(), z.string()), {}),
  /** The template preselected for a profile that has none of its own (the fallback of `defaultTemplateIds`). */
  defaultTemplateId: z.catch(z.optional(z.string()), undefined),
  /** Per portal host: the profile picked in the popup there (a pick no longer changes the default profile). */
  profileByHost: z.catch(z.optional(z.record(z.string(), z.string())), undefined),
  /**
   * How long a request the user started may take end to end, retries included, in ms. Background jobs keep their
   * own budgets. Between 3 s and 60 s; unset means DEFAULT_REQUEST_DEADLINE_MS.
   */
  requestDeadlineMs: z.catch(z.optional(z.number().check(z.gte(3000), z.lte(60_000))), undefined),
  /** Opt-in: keep API keys in session storage only, so they are gone when the browser closes. */
  forgetKeysOnClose: z.catch(z.boolean(), false),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { defaultTemplateIds: {}, forgetKeysOnClose: false };
/** The end-to-end deadline of a request the user started, when the setting is unset. */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000;

/** A form's unsaved state, restored when the page or popup reopens. */
export const Draft = z.object({
  value: z.record(z.string(), z.unknown()),
  savedAt: z.number(),
});
export type Draft = z.infer<typeof Draft>;

/** One cached API answer. `value` is checked by whoever reads that entry. */
export const CacheEntry = z.object({
  value: z.unknown(),
  fetchedAt: z.number(),
  /**
   * Written by 0.1.0 builds before the per-profile patch log (lib/background/pixel-cache.ts); still accepted so
   * their stored lists read without a repair, and no longer written.
   */
  patchedAt: z.catch(z.optional(z.record(z.string(), z.number())), undefined),
});
export type CacheEntry = z.infer<typeof CacheEntry>;
