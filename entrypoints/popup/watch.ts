import { browser } from 'wxt/browser';
import type { PopupApi } from '../../components/popup/popup-api';
import { entryOfStorageKey } from '../../lib/storage/cache-layout';

type Change = { oldValue?: unknown; newValue?: unknown };
const idOf = (row: unknown) => (row as { id?: unknown } | null)?.id;

/** The ids whose row differs between two stored pages (added, changed or removed), with the new row. */
export function changedRows(oldPage: unknown, newPage: unknown): Map<number, unknown> {
  const before = new Map<unknown, string>();
  if (Array.isArray(oldPage)) for (const row of oldPage) before.set(idOf(row), JSON.stringify(row));
  const changed = new Map<number, unknown>();
  if (Array.isArray(newPage)) {
    for (const row of newPage) {
      const id = idOf(row);
      if (typeof id === 'number' && before.get(id) !== JSON.stringify(row)) changed.set(id, row);
      before.delete(id);
    }
  }
  for (const id of before.keys()) if (typeof id === 'number') changed.set(id, undefined);
  return changed;
}

/** The cache entries that hold the popup's list: an affiliate's one list, or a network's list of the offer. */
function listEntries(profileId: string, offerId: number | undefined): Set<string> {
  return new Set([
    `pixels:${profileId}`,
    `pixels:${profileId}:${offerId === undefined ? 'all' : `offer:${offerId}`}`,
  ]);
}

/**
 * Listen to the stored pages of this list only. A change the popup already shows (its own switch or edit, whose
 * reply carried the row) is not read again; any other one (another page, the worker's own refresh) makes the
 * popup read the list through the background, where it is checked. The comparison runs on the changed pages
 * only (500 rows each at most), so its cost does not grow with the list.
 */
export function makeWatchPixels(read: PopupApi['cachedPixels']): PopupApi['watchPixels'] {
  return (profileId, offerId, cb, known) => {
    const entries = listEntries(profileId, offerId);
    const listener = (changes: Record<string, Change>, area: string) => {
      if (area !== 'local') return;
      let foreign = false;
      for (const [key, change] of Object.entries(changes)) {
        const entry = entryOfStorageKey(key);
        if (entry === undefined || !entries.has(entry)) continue;
        for (const [id, row] of changedRows(change.oldValue, change.newValue)) {
          if (!known?.(id, row)) foreign = true;
        }
      }
      if (!foreign) return;
      const readAt = performance.now();
      void read(profileId, offerId).then((rows) => rows && cb(rows, readAt));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  };
}
