import * as z from 'zod/mini';
import { PixelView } from '../messaging/views';
import { guardStale } from '../rows/stale-guard';
import type { CacheEntry } from '../storage/schemas';
import { cacheKeys, updateCache } from './cache';
import { firesForOffer } from './pixel-mapping';

// The cached postback lists of a profile (`pixels:<profileId>` and `pixels:<profileId>:<query>`), kept right
// when writes and list fetches overlap: a write patches every list at once and is written to the profile's
// patch log (`pixelPatches:<profileId>`), and a fetch that started before a write stores the written row instead
// of the stale one it read. The log lives apart from the lists so it also covers a list's very first fetch,
// when there is no cached list yet to remember the write in.

const PixelList = z.array(PixelView);
/** The patch log: by pixel id, when it was written and what it became (null: deleted). */
const PatchLog = z.record(z.string(), z.object({ at: z.number(), pixel: z.nullable(PixelView) }));
type PatchLog = z.infer<typeof PatchLog>;
/** How long a patch is remembered: far longer than any list fetch can take. */
const PATCH_MEMORY_MS = 10 * 60_000;

/** The rows of a cached list, or undefined when the entry is missing or not a list of pixels. */
export function cachedPixels(entry: CacheEntry | undefined): PixelView[] | undefined {
  const parsed = entry && PixelList.safeParse(entry.value);
  return parsed?.success ? parsed.data : undefined;
}

function isListOf(key: string, profileId: string): boolean {
  const base = cacheKeys.pixels(profileId);
  return key === base || key.startsWith(`${base}:`);
}

/** Whether a row belongs in the list under `key`; undefined when the key's query is not one we know. */
function belongsIn(key: string, profileId: string, pixel: PixelView): boolean | undefined {
  if (key === cacheKeys.pixels(profileId) || key === cacheKeys.networkPixels(profileId, 'all')) return true;
  const offer = /^offer:(\d+)$/.exec(key.slice(cacheKeys.pixels(profileId).length + 1));
  return offer ? firesForOffer(pixel, Number(offer[1])) : undefined;
}

function recentLog(all: Record<string, CacheEntry>, profileId: string, now: number): PatchLog {
  const parsed = PatchLog.safeParse(all[cacheKeys.pixelPatches(profileId)]?.value);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, e]) => now - e.at < PATCH_MEMORY_MS));
}

/**
 * Put one changed pixel (or remove a deleted one, given its id) into every cached list of its profile, in one
 * serialised update: replaced where it is, added where it now belongs (newest first), removed where it no
 * longer does. The profile's patch log records it, so a fetch already in flight does not bring the old row back.
 */
export function patchPixelLists(profileId: string, pixel: PixelView | number, now: number): Promise<void> {
  const id = typeof pixel === 'number' ? pixel : pixel.id;
  return updateCache((all) => {
    const next = { ...all };
    for (const [key, entry] of Object.entries(all)) {
      if (!isListOf(key, profileId)) continue;
      const list = cachedPixels(entry);
      if (!list) continue;
      const rest = list.filter((p) => p.id !== id);
      const belongs = typeof pixel === 'number' ? false : belongsIn(key, profileId, pixel);
      const present = rest.length !== list.length;
      let rows = rest;
      if (typeof pixel !== 'number' && belongs === true && !present) {
        rows = [pixel, ...rest].sort((a, b) => b.id - a.id);
      } else if (typeof pixel !== 'number' && present && belongs !== false) {
        rows = list.map((p) => (p.id === id ? pixel : p));
      }
      next[key] = { value: rows, fetchedAt: entry.fetchedAt };
    }
    const log: PatchLog = {
      ...recentLog(all, profileId, now),
      [id]: { at: now, pixel: typeof pixel === 'number' ? null : pixel },
    };
    next[cacheKeys.pixelPatches(profileId)] = { value: log, fetchedAt: now };
    return next;
  });
}

/**
 * Store a freshly fetched list of `profileId` under `key`. Rows written after `startedAt` (the moment the fetch
 * began) are taken from the patch log instead, because the fetch may have read them before the change: kept as
 * written, added if the fetch missed them, dropped if they were deleted or no longer belong in this list.
 */
export function storeFetchedPixels(
  profileId: string,
  key: string,
  fetched: PixelView[],
  startedAt: number,
  now: number,
): Promise<PixelView[]> {
  let stored = fetched;
  return updateCache((all) => {
    const writes = new Map(
      Object.entries(recentLog(all, profileId, now)).map(([id, e]) => [
        Number(id),
        { at: e.at, row: e.pixel },
      ]),
    );
    stored = guardStale(fetched, writes, startedAt, (row) => belongsIn(key, profileId, row)) as PixelView[];
    return { ...all, [key]: { value: stored, fetchedAt: now } };
  }).then(() => stored);
}
