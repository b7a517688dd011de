// Where the data cache lives in `storage.local`, in one pure module: the background writes it, the popup listens
// to it, and the bench seeds it. Each cached answer is stored apart from the others, and a list is cut into
// pages of PAGE_ROWS rows, each under its own key: a switch rewrites (and sends to every open page) one page
// of one list, not the whole cache. The index (`cacheIndex`) knows every entry, its page count, its size and
// when it was last used, so the cache is bounded by evicting what was used longest ago.

/** Rows per stored page of a cached list: ~135 KB of postbacks, rewritten when one of them changes. */
export const PAGE_ROWS = 500;

/** The storage key (without the `local:` area) of page `page` of the cache entry `key`. */
export function pageKey(key: string, page: number): string {
  return `cache:${key}#${page}`;
}

/** The cache entry a storage key belongs to (`pixels:p` for `cache:pixels:p#3`), or undefined. */
export function entryOfStorageKey(storageKey: string): string | undefined {
  const m = /^cache:(.+)#\d+$/.exec(storageKey);
  return m?.[1];
}

/** A value cut into stored pages: a list in pages of PAGE_ROWS rows (at least one), anything else whole. */
export function toPages(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  if (value.length === 0) return [[]];
  const pages: unknown[] = [];
  for (let i = 0; i < value.length; i += PAGE_ROWS) pages.push(value.slice(i, i + PAGE_ROWS));
  return pages;
}

/** One entry of the cache index. */
export interface CacheIndexEntry {
  /** When the value was fetched from Everflow. */
  fetchedAt: number;
  /** When a page last read it (eviction goes by this). */
  usedAt: number;
  /** How many stored pages it has. */
  pages: number;
  /** Its stored size in characters (keys and JSON), as the quota counts it. */
  chars: number;
  /** True when the value is a list cut into pages (concatenated on read). */
  list: boolean;
  /** Bumped on every write of the entry, so the worker can tell a copy it keeps in memory is still the stored one. */
  rev?: number;
}

/** The cache index: every entry, and the entries evicted for room (by when), which a page may say. */
export interface CacheIndex {
  entries: Record<string, CacheIndexEntry>;
  evicted: Record<string, number>;
}

/** The storage size of one page under its key, as the quota counts it. */
export function storedChars(storageKey: string, value: unknown): number {
  return storageKey.length + JSON.stringify(value).length;
}

/**
 * The `storage.local` records of one cached value and an index holding just it: what a test or the bench writes
 * to start with a warm cache (`chrome.storage.local.set(records)`).
 */
export function seedRecords(key: string, value: unknown, fetchedAt: number): Record<string, unknown> {
  const pages = toPages(value);
  const records: Record<string, unknown> = {};
  let chars = 0;
  pages.forEach((page, i) => {
    records[pageKey(key, i)] = page;
    chars += storedChars(pageKey(key, i), page);
  });
  const index: CacheIndex = {
    entries: {
      [key]: {
        fetchedAt,
        usedAt: fetchedAt,
        pages: pages.length,
        chars,
        list: Array.isArray(value),
        rev: fetchedAt,
      },
    },
    evicted: {},
  };
  return { ...records, cacheIndex: index };
}
