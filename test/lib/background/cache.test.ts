// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { boundCache, CACHE_LIMITS, writeCache } from '../../../lib/background/cache';
import { cacheItem } from '../../../lib/storage/items';
import type { CacheEntry } from '../../../lib/storage/schemas';

function entries(n: number, value: unknown = 1): Record<string, CacheEntry> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`offer:p:${i}`, { value, fetchedAt: i }]));
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('boundCache', () => {
  it('leaves a cache within its limits as it is', () => {
    const all = entries(3);
    expect(boundCache(all, { entries: 3, chars: 10_000 })).toBe(all);
  });

  it('drops the entries fetched longest ago beyond the entry limit', () => {
    const kept = boundCache(entries(5), { entries: 2, chars: 10_000 });
    expect(Object.keys(kept).sort()).toEqual(['offer:p:3', 'offer:p:4']);
  });

  it('drops the oldest until the size fits, whatever the count', () => {
    const big = 'x'.repeat(1000);
    const kept = boundCache(entries(10, big), { entries: 100, chars: 3500 });
    expect(Object.keys(kept).sort()).toEqual(['offer:p:7', 'offer:p:8', 'offer:p:9']);
  });
});

describe('cache writes', () => {
  it('never let the stored cache grow past the limit', async () => {
    await cacheItem.setValue(entries(CACHE_LIMITS.entries));
    await writeCache('offer:p:new', { id: 1 }, 1e12);
    const stored = await cacheItem.getValue();
    expect(Object.keys(stored)).toHaveLength(CACHE_LIMITS.entries);
    expect(stored['offer:p:new']).toBeDefined();
    expect(stored['offer:p:0']).toBeUndefined();
  });
});
