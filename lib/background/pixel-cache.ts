import * as z from 'zod/mini';
import { PixelView } from '../messaging/views';
import type { CacheEntry } from '../storage/schemas';
import { cacheKeys, updateCache } from './cache';
import { firesForOffer } from './pixel-mapping';

// The cached postback lists of a profile (`pixels:<profileId>` and `pixels:<profileId>:<query>`), kept right
// when writes and list fetches overlap: a write patches every list at once, and a fetch that started before a
// write keeps the written row instead of the stale one it read.

const PixelList = z.array(PixelView);
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

function recentPatches(entry: CacheEntry | undefined, now: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(entry?.patchedAt ?? {}).filter(([, at]) => now - at < PATCH_MEMORY_MS),
  );
}

/**
 * Put one changed pixel (or remove a deleted one, given its id) into every cached list of its profile, in one
 * serialised update: replaced where it is, added where it now belongs (newest first), removed where it no
 * longer does. Every list records when, so a fetch already in flight does not bring the old row back.
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
      next[key] = {
        value: rows,
        fetchedAt: entry.fetchedAt,
        patchedAt: { ...recentPatches(entry, now), [id]: now },
      };
    }
    return next;
  });
}

/**
 * Store a freshly fetched list. Rows patched after `startedAt` (the moment the fetch began) are taken from
 * the cache instead, because the fetch may have read them before the change: kept as patched, added if the
 * fetch missed them, dropped if the patch removed them.
 */
export function storeFetchedPixels(
  key: string,
  fetched: PixelView[],
  startedAt: number,
  now: number,
): Promise<PixelView[]> {
  let stored = fetched;
  return updateCache((all) => {
    const entry = all[key];
    const patches = recentPatches(entry, now);
    const newer = new Set(
      Object.entries(patches)
        .filter(([, at]) => at >= startedAt)
        .map(([id]) => Number(id)),
    );
    const cached = new Map((cachedPixels(entry) ?? []).map((p) => [p.id, p]));
    if (newer.size) {
      const kept: PixelView[] = [];
      for (const p of fetched) {
        const patched = newer.has(p.id) ? cached.get(p.id) : p;
        if (patched) kept.push(patched);
      }
      const seen = new Set(kept.map((p) => p.id));
      const missed: PixelView[] = [];
      for (const id of newer) {
        const row = cached.get(id);
        if (row && !seen.has(id)) missed.push(row);
      }
      stored = missed.length ? [...missed, ...kept].sort((a, b) => b.id - a.id) : kept;
    }
    return {
      ...all,
      [key]: {
        value: stored,
        fetchedAt: now,
        ...(Object.keys(patches).length ? { patchedAt: patches } : {}),
      },
    };
  }).then(() => stored);
}
