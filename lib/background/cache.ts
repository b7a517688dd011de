import { cacheItem } from '../storage/items';

/** Cache keys, in one place so removing a profile can drop everything of it. */
export const cacheKeys = {
  pixels: (profileId: string) => `pixels:${profileId}`,
  networkPixels: (profileId: string, query: string) => `pixels:${profileId}:${query}`,
  offers: (profileId: string) => `offers:${profileId}`,
  offer: (profileId: string, offerId: number) => `offer:${profileId}:${offerId}`,
};

/** One cached value with when it was fetched, or undefined. The reader checks the value's shape. */
export async function readCache(key: string): Promise<{ value: unknown; fetchedAt: number } | undefined> {
  return (await cacheItem.getValue())[key];
}

/** Store a fresh value; pages watching `local:cache` re-render from it. */
export async function writeCache(key: string, value: unknown, now: number): Promise<void> {
  await cacheItem.update((all) => ({ ...all, [key]: { value, fetchedAt: now } }));
}

/** Drop every entry of a profile (it was removed, or its key changed). */
export async function dropProfileCache(profileId: string): Promise<void> {
  await cacheItem.update((all) =>
    Object.fromEntries(Object.entries(all).filter(([k]) => k.split(':')[1] !== profileId)),
  );
}
