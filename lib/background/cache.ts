import { type StorageItemKey, storage } from '@wxt-dev/storage';
import { log } from '../log';
import {
  type CacheIndex,
  type CacheIndexEntry,
  entryOfStorageKey,
  pageKey,
  storedChars,
  toPages,
} from '../storage/cache-layout';
import { cacheIndexItem } from '../storage/items';
import { withLock } from '../storage/lock';
import { isQuotaError } from '../storage/quota';
import type { CacheEntry } from '../storage/schemas';

export { entryOfStorageKey };

/** Cache keys, in one place so removing a profile can drop everything of it. */
export const cacheKeys = {
  pixels: (profileId: string) => `pixels:${profileId}`,
  networkPixels: (profileId: string, query: string) => `pixels:${profileId}:${query}`,
  offers: (profileId: string) => `offers:${profileId}`,
  offer: (profileId: string, offerId: number) => `offer:${profileId}:${offerId}`,
  /** Recent writes to a profile's postbacks (see pixel-cache.ts). */
  pixelPatches: (profileId: string) => `pixelPatches:${profileId}`,
};

/**
 * How much the cache may hold, all profiles together. `storage.local` has a 10 MB quota (the extension does not
 * ask for `unlimitedStorage`: the cache is a copy of what Everflow has, and profiles, templates and drafts need
 * the rest); 6 M characters leave 4 MB for those. Beyond it, the entries used longest ago are evicted.
 */
export const CACHE_LIMITS = { entries: 300, chars: 6_000_000 };
/** A read marks its entry as used at most this often, so opening the popup does not always write the index. */
const TOUCH_EVERY_MS = 60_000;
const LOCK = 'data-cache';

const local = (key: string) => `local:${key}` as StorageItemKey;
const pageKeys = (key: string, from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => local(pageKey(key, from + i)));

/** A cached list's stored pages, as `patchLists` hands them to the patch (raw: checked by the list's reader). */
export type StoredPages = readonly unknown[][];

/** The cache inside one serialised step: reads, and writes that are committed together at its end. */
/** A cached value as read, with the revision of the stored entry. */
export type RevEntry = CacheEntry & { rev: number };

export interface CacheTx {
  read(key: string): Promise<RevEntry | undefined>;
  /** The revision the entry has now (0 when absent), without reading its pages. */
  rev(key: string): number;
  /** Stage a write; returns the revision the entry will have. */
  write(key: string, value: unknown, fetchedAt: number): number;
  /**
   * Change the cached lists whose key passes `select`, page by page: `patch` gets every stored page of a list and
   * returns only the pages it changed (by page number). Only those pages are written. Returns the revisions of
   * the lists that changed (before and after).
   */
  patchLists(
    select: (key: string) => boolean,
    patch: (key: string, pages: StoredPages) => ReadonlyMap<number, unknown[]>,
  ): Promise<Map<string, { from: number; to: number }>>;
}

/**
 * The next revision of an entry: above the last one and never below the clock, so an entry dropped and written
 * again does not come back with a revision a copy in memory already had.
 */
function nextRev(last: number | undefined, now: number): number {
  return Math.max((last ?? 0) + 1, now);
}

/** Run `task` with the cache to itself (every cache step of this worker runs in turn) and commit its writes. */
export function cacheTransaction<T>(
  task: (tx: CacheTx) => Promise<T>,
  limits: { entries: number; chars: number } = CACHE_LIMITS,
): Promise<T> {
  return withLock(LOCK, async () => {
    const index = await cacheIndexItem.getValue();
    const records = new Map<string, unknown>();
    const removals = new Set<string>();
    const written = new Set<string>();
    let indexChanged = false;
    const now = Date.now();

    const readPages = async (key: string, meta: CacheIndexEntry) =>
      (await storage.getItems(pageKeys(key, 0, meta.pages))).map((r) => r.value as unknown);

    const tx: CacheTx = {
      async read(key) {
        const meta = index.entries[key];
        if (!meta) return undefined;
        const pages = await readPages(key, meta);
        if (pages.some((p) => p === null || p === undefined)) return undefined;
        if (now - meta.usedAt > TOUCH_EVERY_MS) {
          index.entries[key] = { ...meta, usedAt: now };
          indexChanged = true;
        }
        const value = meta.list ? pages.flatMap((p) => (Array.isArray(p) ? p : [])) : pages[0];
        return { value, fetchedAt: meta.fetchedAt, rev: meta.rev ?? 0 };
      },
      rev(key) {
        const meta = index.entries[key];
        if (meta && now - meta.usedAt > TOUCH_EVERY_MS) {
          index.entries[key] = { ...meta, usedAt: now };
          indexChanged = true;
        }
        return meta?.rev ?? 0;
      },
      write(key, value, fetchedAt) {
        const pages = toPages(value);
        const old = index.entries[key];
        let chars = 0;
        pages.forEach((page, i) => {
          records.set(local(pageKey(key, i)), page);
          removals.delete(local(pageKey(key, i)));
          chars += storedChars(pageKey(key, i), page);
        });
        for (const k of pageKeys(key, pages.length, old?.pages ?? 0)) removals.add(k);
        index.entries[key] = {
          fetchedAt,
          usedAt: now,
          pages: pages.length,
          chars,
          list: Array.isArray(value),
          rev: nextRev(old?.rev, now),
        };
        delete index.evicted[key];
        written.add(key);
        indexChanged = true;
        return nextRev(old?.rev, now);
      },
      async patchLists(select, patch) {
        const revs = new Map<string, { from: number; to: number }>();
        for (const [key, meta] of Object.entries(index.entries)) {
          if (!meta.list || !select(key)) continue;
          const pages = (await readPages(key, meta)).map((p) => (Array.isArray(p) ? p : []));
          let chars = meta.chars;
          const changed = patch(key, pages);
          for (const [i, page] of changed) {
            const k = pageKey(key, i);
            chars += storedChars(k, page) - storedChars(k, pages[i]);
            records.set(local(k), page);
          }
          if (changed.size) {
            const rev = nextRev(meta.rev, now);
            index.entries[key] = { ...meta, chars, rev };
            revs.set(key, { from: meta.rev ?? 0, to: rev });
            indexChanged = true;
          }
        }
        return revs;
      },
    };
    const result = await task(tx);
    if (!records.size && !indexChanged) return result;
    for (const key of evictions(index, limits, written)) {
      for (const k of pageKeys(key, 0, index.entries[key]?.pages ?? 0)) {
        records.delete(k);
        removals.add(k);
      }
      delete index.entries[key];
      index.evicted[key] = now;
    }
    try {
      await storage.setItems([
        ...[...records].map(([key, value]) => ({ key: key as StorageItemKey, value })),
        { key: cacheIndexItem.key, value: index },
      ]);
    } catch (e) {
      // The cache is a copy: a full storage loses the copy, never the answer the page is waiting for.
      if (!isQuotaError(e)) throw e;
      log.warn('cache: storage is full, this answer is not cached');
      return result;
    }
    if (removals.size) await storage.removeItems([...removals] as StorageItemKey[]);
    return result;
  });
}

/**
 * Which entries to evict so the cache fits `limits`: the ones used longest ago first (then fetched longest ago),
 * never one just written unless it alone is over the size limit.
 */
function evictions(
  index: CacheIndex,
  limits: { entries: number; chars: number },
  written: ReadonlySet<string>,
): string[] {
  const all = Object.entries(index.entries);
  let chars = all.reduce((sum, [, e]) => sum + e.chars, 0);
  let count = all.length;
  const fits = () => count <= limits.entries && chars <= limits.chars;
  if (fits()) return [];
  const oldestFirst = all.sort(([, a], [, b]) => a.usedAt - b.usedAt || a.fetchedAt - b.fetchedAt);
  const out: string[] = [];
  for (const [key, e] of oldestFirst) {
    if (fits()) break;
    if (written.has(key) && e.chars <= limits.chars) continue;
    out.push(key);
    count--;
    chars -= e.chars;
  }
  return out;
}

/**
 * Remove the single-item cache of 0.1 builds (`cache`, up to ~3 MB): the cache is only a copy of Everflow's
 * data, so it is refilled under the new layout as pages ask. Run once when the worker starts.
 */
export function dropLegacyCache(): Promise<void> {
  return withLock(LOCK, () => storage.removeItem('local:cache'));
}

/** One cached value with when it was fetched, or undefined. The reader checks the value's shape. */
export function readCache(key: string): Promise<RevEntry | undefined> {
  return cacheTransaction((tx) => tx.read(key));
}

/** Store a fresh value (pages watching its keys re-render from it). */
export function writeCache(key: string, value: unknown, now: number): Promise<void> {
  return cacheTransaction(async (tx) => void tx.write(key, value, now));
}

/** Whether the entry `key` was evicted to make room (and not fetched again since): a page may say so. */
export async function wasEvicted(key: string): Promise<boolean> {
  return (await cacheIndexItem.getValue()).evicted[key] !== undefined;
}

/** Drop every entry of a profile (it was removed, or its key changed). */
export function dropProfileCache(profileId: string): Promise<void> {
  return withLock(LOCK, async () => {
    const index = await cacheIndexItem.getValue();
    const mine = (key: string) => key.split(':')[1] === profileId;
    const removals: StorageItemKey[] = [];
    for (const [key, meta] of Object.entries(index.entries)) {
      if (!mine(key)) continue;
      removals.push(...pageKeys(key, 0, meta.pages));
      delete index.entries[key];
    }
    for (const key of Object.keys(index.evicted)) if (mine(key)) delete index.evicted[key];
    await cacheIndexItem.setValue(index);
    if (removals.length) await storage.removeItems(removals);
  });
}
