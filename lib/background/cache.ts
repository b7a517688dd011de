import { cacheItem } from '../storage/items';
import type { CacheEntry } from '../storage/schemas';

/** Cache keys, in one place so removing a profile can drop everything of it. */
export const cacheKeys = {
  pixels: (profileId: string) => `pixels:${profileId}`,
  networkPixels: (profileId: string, query: string) => `pixels:${profileId}:${query}`,
  offers: (profileId: string) => `offers:${profileId}`,
  offer: (profileId: string, offerId: number) => `offer:${profileId}:${offerId}`,
  /** Recent writes to a profile's postbacks (see pixel-cache.ts). */
  pixelPatches: (profileId: string) => `pixelPatches:${profileId}`,
};

// Every read-modify-write of `local:cache` in this worker runs after the previous one: storage has no
// transactions, so two overlapping updates would each write back what the other had not seen yet.
let queue: Promise<unknown> = Promise.resolve();

/** Run `task` once every earlier cache update has finished (a one-slot mutex over one promise chain). */
export function withCacheLock<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** How much the cache may hold: it is one storage item, rewritten on every update, under a 10 MB quota. */
export const CACHE_LIMITS = { entries: 300, chars: 3_000_000 };

/**
 * Keep the cache within `limits`: when it holds more, the entries fetched longest ago go first. A network
 * affiliate who browses hundreds of offers would otherwise grow it without end, until storage refuses the write.
 */
export function boundCache(
  all: Record<string, CacheEntry>,
  limits: { entries: number; chars: number } = CACHE_LIMITS,
): Record<string, CacheEntry> {
  const entries = Object.entries(all);
  const sizes = new Map(entries.map(([k, e]) => [k, k.length + JSON.stringify(e).length]));
  let chars = [...sizes.values()].reduce((a, b) => a + b, 0);
  if (entries.length <= limits.entries && chars <= limits.chars) return all;
  // Newest first; keep while within both limits.
  const newest = entries.sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt);
  const kept: [string, CacheEntry][] = [];
  chars = 0;
  for (const [k, e] of newest) {
    const size = sizes.get(k) ?? 0;
    if (kept.length >= limits.entries || chars + size > limits.chars) continue;
    kept.push([k, e]);
    chars += size;
  }
  return Object.fromEntries(kept);
}

/** Rewrite the whole cache map in one serialised update (kept within CACHE_LIMITS). */
export function updateCache(
  change: (all: Record<string, CacheEntry>) => Record<string, CacheEntry>,
): Promise<void> {
  return withCacheLock(async () => {
    await cacheItem.update((all) => boundCache(change(all)));
  });
}

/** One cached value with when it was fetched, or undefined. The reader checks the value's shape. */
export async function readCache(key: string): Promise<CacheEntry | undefined> {
  return (await cacheItem.getValue())[key];
}

/** Store a fresh value; pages watching `local:cache` re-render from it. */
export async function writeCache(key: string, value: unknown, now: number): Promise<void> {
  await updateCache((all) => ({ ...all, [key]: { value, fetchedAt: now } }));
}

/** Drop every entry of a profile (it was removed, or its key changed). */
export async function dropProfileCache(profileId: string): Promise<void> {
  await updateCache((all) =>
    Object.fromEntries(Object.entries(all).filter(([k]) => k.split(':')[1] !== profileId)),
  );
}
