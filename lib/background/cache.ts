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

/** Rewrite the whole cache map in one serialised update. */
export function updateCache(
  change: (all: Record<string, CacheEntry>) => Record<string, CacheEntry>,
): Promise<void> {
  return withCacheLock(async () => {
    await cacheItem.update(change);
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
