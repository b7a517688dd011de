/**
 * The health watch's comparison (issue 18.1): one profile's postbacks now against the last snapshot. Pure.
 */

import type { PixelView } from '../../model/pixel';
import type { Snapshot, SnapshotEntry } from '../../storage/health';

/** What changed since the last snapshot. */
export interface SnapshotDiff {
  /** The snapshot to store next. */
  next: Snapshot;
  /** Active before, inactive now, and not written by the extension since the sweep began: flagged. */
  switchedOff: PixelView[];
  /** Inactive before, active now (a flag on them can go). */
  switchedOn: PixelView[];
  /** In the snapshot, gone from the list: informational. */
  deleted: Array<{ id: number; entry: SnapshotEntry }>;
  /** In the list, not in the snapshot, not created by the extension: informational. */
  created: PixelView[];
}

/** The snapshot entry of one postback. */
export function entryOf(p: PixelView, ownWriteAt?: number): SnapshotEntry {
  return {
    status: p.status,
    offerId: p.offerId,
    ...(p.offerName ? { offerName: p.offerName } : {}),
    ...(p.affiliateId === undefined ? {} : { affiliateId: p.affiliateId }),
    ...(p.affiliateName ? { affiliateName: p.affiliateName } : {}),
    ...(ownWriteAt === undefined ? {} : { ownWriteAt }),
  };
}

/** What the list could not show: rows Everflow sent that could not be read, and rows beyond the page cap. */
export interface ListGap {
  /** Ids of the unreadable rows that had a readable id. */
  unreadableIds?: readonly number[];
  /**
   * More rows exist than were read (or an unreadable row had no id): a missing postback may still be there, and
   * a row new to the snapshot is not "created" (it may only have moved into the part that was read).
   */
  incomplete?: boolean;
}

/**
 * Compare `current` (the whole list, all pages) with `previous`. Without a previous snapshot the list becomes the
 * baseline and nothing is reported. An entry the extension wrote at or after `startedAt` (when the sweep began to
 * fetch) wins over what the fetch read: the fetch may have seen the postback before that write. A postback the
 * list could not show (`gap`) is not "deleted": its last entry is kept until a list shows it again.
 */
export function diffSnapshot(
  previous: Snapshot | undefined,
  current: readonly PixelView[],
  startedAt: number,
  now: number,
  gap: ListGap = {},
): SnapshotDiff {
  const pixels: Record<string, SnapshotEntry> = {};
  const out: SnapshotDiff = {
    next: { takenAt: now, pixels },
    switchedOff: [],
    switchedOn: [],
    deleted: [],
    created: [],
  };
  const before = previous?.pixels ?? {};
  const seen = new Set<string>();
  const unreadable = new Set(gap.unreadableIds ?? []);
  for (const p of current) {
    const key = String(p.id);
    seen.add(key);
    const old = before[key];
    if (old?.ownWriteAt !== undefined && old.ownWriteAt >= startedAt) {
      pixels[key] = old;
      continue;
    }
    pixels[key] = entryOf(p, old?.ownWriteAt);
    if (!previous || old?.gone) continue;
    // From a list cut short, a row new to the snapshot may only have moved into the part that was read.
    if (!old) {
      if (!gap.incomplete) out.created.push(p);
    } else if (old.status === 'active' && p.status === 'inactive') out.switchedOff.push(p);
    else if (old.status === 'inactive' && p.status === 'active') out.switchedOn.push(p);
  }
  for (const [key, entry] of Object.entries(before)) {
    if (seen.has(key)) continue;
    // Written by the extension after the fetch began (created, or deleted): the list could not show it yet.
    if (entry.ownWriteAt !== undefined && entry.ownWriteAt >= startedAt) pixels[key] = entry;
    else if (entry.gone) continue;
    else if (gap.incomplete || unreadable.has(Number(key))) pixels[key] = entry;
    else out.deleted.push({ id: Number(key), entry });
  }
  return out;
}
