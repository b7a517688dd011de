// zod/mini: pages read profile views from storage and the popup's start-up bundle must stay small.
import * as z from 'zod/mini';
import { REGIONS, type Region, ROLES, type Role } from './vocabulary';

/** Who a profile's key belongs to, as the key check learned it. */
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

/** A profile as pages see it: the key only masked. */
export const ProfileView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  region: z.enum(REGIONS),
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

/** Add (no id) or edit a profile. A new profile needs `apiKey`; an edit may leave it out to keep the stored key. */
export interface ProfileInput {
  id?: string;
  name: string;
  role: Role;
  region: Region;
  customBaseUrl?: string;
  portalDomains: string[];
  apiKey?: string;
}
