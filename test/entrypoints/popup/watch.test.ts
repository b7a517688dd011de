import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changedRows, makeWatchPixels } from '../../../entrypoints/popup/watch';
import { pageKey } from '../../../lib/storage/cache-layout';

beforeEach(() => fakeBrowser.reset());

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the popup watches its own list only, and not its own writes', () => {
  it('finds the rows that differ between two stored pages', () => {
    const got = changedRows(
      [{ id: 1, s: 'a' }, { id: 2, s: 'a' }, { id: 3 }],
      [{ id: 1, s: 'a' }, { id: 2, s: 'b' }, { id: 4 }],
    );
    expect([...got.keys()].sort()).toEqual([2, 3, 4]);
    expect(got.get(3)).toBeUndefined();
  });

  it('reads the list again for a change it does not know, never for its own or for other lists', async () => {
    const read = vi.fn(async () => [{ id: 1 }] as never);
    const cb = vi.fn();
    const mine = new Set<number>([1]);
    const stop = makeWatchPixels(read)('p', undefined, cb, (id) => mine.has(id));
    await fakeBrowser.storage.local.set({ [pageKey('pixels:p', 0)]: [{ id: 1, status: 'active' }] });
    await flush();
    // Its own switch (row 1): the reply carries the row, nothing is read.
    await fakeBrowser.storage.local.set({ [pageKey('pixels:p', 0)]: [{ id: 1, status: 'inactive' }] });
    // Another profile's list, the index: not this list.
    await fakeBrowser.storage.local.set({ [pageKey('pixels:q', 0)]: [{ id: 9 }], cacheIndex: {} });
    await flush();
    expect(read).not.toHaveBeenCalled();
    // Another page switched row 2 of this list: read once, through the background.
    await fakeBrowser.storage.local.set({
      [pageKey('pixels:p', 0)]: [
        { id: 1, status: 'inactive' },
        { id: 2, status: 'active' },
      ],
    });
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenCalledTimes(1);
    stop();
  });
});
