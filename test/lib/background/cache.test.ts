// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CACHE_LIMITS,
  cacheTransaction,
  dropProfileCache,
  readCache,
  wasEvicted,
  writeCache,
} from '../../../lib/background/cache';
import { PAGE_ROWS, pageKey } from '../../../lib/storage/cache-layout';
import { cacheIndexItem } from '../../../lib/storage/items';

beforeEach(() => {
  fakeBrowser.reset();
});

const stored = async () => fakeBrowser.storage.local.get(null);

describe('the data cache in storage', () => {
  it('keeps each entry under its own key, and a list in pages of PAGE_ROWS rows', async () => {
    const rows = Array.from({ length: PAGE_ROWS * 2 + 1 }, (_, i) => ({ id: i }));
    await writeCache('pixels:p', rows, 5);
    await writeCache('offer:p:1', { id: 1 }, 6);
    const all = await stored();
    expect(all[pageKey('pixels:p', 0)]).toHaveLength(PAGE_ROWS);
    expect(all[pageKey('pixels:p', 2)]).toHaveLength(1);
    expect(all[pageKey('offer:p:1', 0)]).toEqual({ id: 1 });
    expect(await readCache('pixels:p')).toMatchObject({ value: rows, fetchedAt: 5 });
    // A shorter list later leaves no stale page behind.
    await writeCache('pixels:p', rows.slice(0, 3), 7);
    expect(Object.keys(await stored()).filter((k) => k.startsWith('cache:pixels:p#'))).toEqual([
      pageKey('pixels:p', 0),
    ]);
  });

  it('a patch rewrites only the page holding the row', async () => {
    const rows = Array.from({ length: PAGE_ROWS * 3 }, (_, i) => ({ id: i }));
    await writeCache('pixels:p', rows, 5);
    const set: string[][] = [];
    const real = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = (async (items: Record<string, unknown>) => {
      set.push(Object.keys(items));
      return real(items);
    }) as typeof fakeBrowser.storage.local.set;
    await cacheTransaction((tx) =>
      tx.patchLists(
        () => true,
        (_key, pages) => new Map([[1, pages[1]!.map((r) => ({ ...(r as object), seen: true }))]]),
      ),
    );
    expect(set.flat().sort()).toEqual([pageKey('pixels:p', 1), 'cacheIndex']);
  });

  it('never lets the cache grow past its limits: the entries used longest ago go, and are marked evicted', async () => {
    await cacheIndexItem.setValue({
      entries: Object.fromEntries(
        Array.from({ length: CACHE_LIMITS.entries }, (_, i) => [
          `offer:p:${i}`,
          { fetchedAt: i, usedAt: i, pages: 1, chars: 10, list: false },
        ]),
      ),
      evicted: {},
    });
    await writeCache('offer:p:new', { id: 1 }, 1e12);
    const index = await cacheIndexItem.getValue();
    expect(Object.keys(index.entries)).toHaveLength(CACHE_LIMITS.entries);
    expect(index.entries['offer:p:new']).toBeDefined();
    expect(index.entries['offer:p:0']).toBeUndefined();
    expect(await wasEvicted('offer:p:0')).toBe(true);
  });

  it('evicts by size, by last use: a list read recently stays, one read long ago goes', async () => {
    const big = 'x'.repeat(1000);
    const limits = { entries: 100, chars: 3500 };
    for (const key of ['a:p:1', 'a:p:2', 'a:p:3']) {
      await cacheTransaction(async (tx) => tx.write(key, big, 1), limits);
    }
    // Make a:p:1 the most recently used.
    const index = await cacheIndexItem.getValue();
    index.entries['a:p:1']!.usedAt = Date.now() + 1;
    index.entries['a:p:2']!.usedAt = 1;
    index.entries['a:p:3']!.usedAt = 2;
    await cacheIndexItem.setValue(index);
    await cacheTransaction(async (tx) => tx.write('a:p:4', big, 1), limits);
    const keys = Object.keys((await cacheIndexItem.getValue()).entries).sort();
    expect(keys).toEqual(['a:p:1', 'a:p:3', 'a:p:4']);
    expect((await stored())[pageKey('a:p:2', 0)]).toBeUndefined();
  });

  it('50 profiles with a large list each stay inside the storage.local quota', async () => {
    const url = `https://t.example/postback?${'x={sub1}&'.repeat(20)}`;
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: i, url }));
    for (let p = 0; p < 50; p++) await writeCache(`pixels:p${p}`, rows, p);
    const all = await stored();
    const bytes = Object.entries(all).reduce((sum, [k, v]) => sum + k.length + JSON.stringify(v).length, 0);
    expect(bytes).toBeLessThanOrEqual(CACHE_LIMITS.chars + 100_000);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    expect(await readCache('pixels:p49')).toBeDefined();
    expect(await wasEvicted('pixels:p0')).toBe(true);
  });

  it("dropping a profile removes its entries and pages, and no one else's", async () => {
    await writeCache('pixels:a', [{ id: 1 }], 1);
    await writeCache('offer:a:3', { id: 3 }, 1);
    await writeCache('pixels:b', [{ id: 2 }], 1);
    await dropProfileCache('a');
    expect(Object.keys(await stored()).filter((k) => k.startsWith('cache:'))).toEqual([
      pageKey('pixels:b', 0),
    ]);
    expect(await readCache('pixels:a')).toBeUndefined();
  });
});
