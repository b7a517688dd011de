// Storage shapes, written with zod/mini: pages read storage directly (stale-while-revalidate) and the popup's
// start-up bundle must stay small. Every field that has a sensible default repairs itself with `catch`, so a
// corrupt field never costs the whole record; records missing their identity (id, name) are dropped.
import * as z from 'zod/mini';
import { AccountInfo } from '../model/profile';
import { REGIONS, ROLES } from '../model/vocabulary';

// Settings, templates and the account info are vocabulary every layer shares: see lib/model/.

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

/** One entry of the cache index (lib/storage/cache-layout.ts). */
export const CacheIndexEntry = z.object({
  fetchedAt: z.number(),
  usedAt: z.number(),
  pages: z.number().check(z.int(), z.positive()),
  chars: z.catch(z.number(), 0),
  list: z.catch(z.boolean(), false),
  rev: z.catch(z.optional(z.number()), undefined),
});

/** The cache index: entries are checked one by one (a bad one is dropped, its pages become unreachable). */
export const CacheIndex = z.object({
  entries: z.catch(z.record(z.string(), z.unknown()), {}),
  evicted: z.catch(z.record(z.string(), z.number()), {}),
});
