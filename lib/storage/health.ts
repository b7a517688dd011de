// Storage of the health watch (issue 18.1): the last snapshot of each profile's postbacks, and what the watch
// noticed (the notice's schema is lib/model/health.ts). zod/mini like lib/model: the popup reads the notices
// through the background, but the shapes stay small and every field repairs itself.
import * as z from 'zod/mini';
import { Notice } from '../model/health';
import { parseList, parseMap, parseObject } from './repair';
import { defineValidatedItem, type ValidatedItem } from './validated-item';

/** What the watch remembers of one postback: enough to tell a change and to name it in the list. */
export const SnapshotEntry = z.object({
  status: z.enum(['active', 'inactive']),
  offerId: z.catch(z.number(), 0),
  offerName: z.catch(z.optional(z.string()), undefined),
  affiliateId: z.catch(z.optional(z.number()), undefined),
  affiliateName: z.catch(z.optional(z.string()), undefined),
  /** When the extension itself last wrote this postback (epoch ms): a sweep that began earlier keeps this entry. */
  ownWriteAt: z.catch(z.optional(z.number()), undefined),
  /** Deleted through the extension: kept as a tombstone so a sweep already under way does not call it new. */
  gone: z.catch(z.optional(z.boolean()), undefined),
});
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

/** One profile's postbacks as the last sweep (or the extension's own writes since) left them, by pixel id. */
export const Snapshot = z.object({
  takenAt: z.number(),
  pixels: z.catch(z.record(z.string(), SnapshotEntry), {}),
});
export type Snapshot = z.infer<typeof Snapshot>;
const SnapshotHead = z.object({ takenAt: z.number() });

/** The last sweep: when it ran and which profiles it could not check (with the reason, never a key). */
export const HealthRun = z.object({
  lastCheckAt: z.catch(z.optional(z.number()), undefined),
  /** The profiles that have a snapshot, so a removed profile's snapshot can be dropped. */
  profileIds: z.catch(z.array(z.string()), []),
  errors: z.catch(z.array(z.object({ profileId: z.string(), message: z.string() })), []),
});
export type HealthRun = z.infer<typeof HealthRun>;
const NO_RUN: HealthRun = { errors: [], profileIds: [] };

const snapshotItems = new Map<string, ValidatedItem<Snapshot | null>>();

/**
 * One profile's snapshot, under its own key: a sweep rewrites one profile at a time, and one item for all
 * profiles would make every write (and every storage change event) carry every profile's postbacks.
 */
export function snapshotItem(profileId: string): ValidatedItem<Snapshot | null> {
  let item = snapshotItems.get(profileId);
  if (!item) {
    item = defineValidatedItem<Snapshot | null>(`local:healthSnapshot:${profileId}`, {
      fallback: null,
      version: 1,
      parse: (raw) => {
        if (raw == null) return { value: null, repairs: [] };
        const head = SnapshotHead.safeParse(raw);
        if (!head.success) return { value: null, repairs: ['(snapshot): reset'] };
        // Entry by entry: one corrupt entry must not empty the whole snapshot (the next sweep would then call
        // every postback "created elsewhere").
        const pixels = parseMap(SnapshotEntry, (raw as { pixels?: unknown }).pixels);
        return {
          value: { takenAt: head.data.takenAt, pixels: pixels.value },
          repairs: pixels.repairs.map((r) => `pixels.${r}`),
        };
      },
    });
    snapshotItems.set(profileId, item);
  }
  return item;
}

export const noticesItem = defineValidatedItem<Notice[]>('local:healthNotices', {
  fallback: [],
  version: 1,
  parse: (raw) => parseList(Notice, raw),
});

export const healthRunItem = defineValidatedItem<HealthRun>('local:healthRun', {
  fallback: NO_RUN,
  version: 1,
  parse: (raw) => parseObject(HealthRun, raw, NO_RUN),
});
