/**
 * Read-modify-write of the health watch's storage, one at a time: the sweep and the extension's own writes both
 * update the snapshots and the notices, and storage has no transactions.
 */
import type { Notice, NoticeKind } from '../../model/health';
import { noticesItem, type Snapshot, type SnapshotEntry, snapshotItem } from '../../storage/health';

let queue: Promise<unknown> = Promise.resolve();

/** Run `task` after every earlier health update has finished. */
export function withHealthLock<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** At most this many informational notices (deleted / created elsewhere) are kept, newest first. */
export const MAX_INFO_NOTICES = 200;

/** The badge's number: flagged notices of profiles that still exist (a removed profile's go at the next sweep). */
export function flaggedCount(notices: readonly Notice[], profiles: ReadonlyArray<{ id: string }>): number {
  const ids = new Set(profiles.map((p) => p.id));
  return notices.filter((n) => n.kind === 'switched_off' && ids.has(n.profileId)).length;
}

/** The id of a notice: one per postback and kind. */
export function noticeId(profileId: string, pixelId: number, kind: NoticeKind): string {
  return `${profileId}:${pixelId}:${kind}`;
}

/** A notice from a snapshot entry. */
export function noticeFor(
  profileId: string,
  pixelId: number,
  kind: NoticeKind,
  entry: Pick<SnapshotEntry, 'offerId' | 'offerName' | 'affiliateId' | 'affiliateName'>,
  noticedAt: number,
): Notice {
  return {
    id: noticeId(profileId, pixelId, kind),
    kind,
    profileId,
    pixelId,
    offerId: entry.offerId,
    ...(entry.offerName ? { offerName: entry.offerName } : {}),
    ...(entry.affiliateId === undefined ? {} : { affiliateId: entry.affiliateId }),
    ...(entry.affiliateName ? { affiliateName: entry.affiliateName } : {}),
    noticedAt,
  };
}

/**
 * Merge notices: `add` joins the list unless one with its id is there (the first time it was noticed stays),
 * `drop` removes by id. Informational notices beyond MAX_INFO_NOTICES go, oldest first.
 */
export function mergeNotices(
  current: readonly Notice[],
  add: readonly Notice[],
  drop: ReadonlySet<string>,
): Notice[] {
  const byId = new Map<string, Notice>();
  for (const n of current) if (!drop.has(n.id)) byId.set(n.id, n);
  for (const n of add) if (!drop.has(n.id) && !byId.has(n.id)) byId.set(n.id, n);
  const all = [...byId.values()].sort((a, b) => b.noticedAt - a.noticedAt);
  const flagged = all.filter((n) => n.kind === 'switched_off');
  const info = all.filter((n) => n.kind !== 'switched_off').slice(0, MAX_INFO_NOTICES);
  return [...flagged, ...info];
}

/**
 * Update one profile's snapshot and the notices together, under the lock. `fn` gets the snapshot (undefined when
 * the profile was never swept) and returns what to write; `snapshot: null` removes it.
 */
export function updateHealth(
  profileId: string | undefined,
  fn: (
    snapshot: Snapshot | undefined,
    notices: Notice[],
  ) => {
    snapshot?: Snapshot | null;
    notices?: Notice[];
  },
): Promise<void> {
  return withHealthLock(async () => {
    const item = profileId === undefined ? undefined : snapshotItem(profileId);
    const [snapshot, notices] = await Promise.all([item?.getValue() ?? null, noticesItem.getValue()]);
    const next = fn(snapshot ?? undefined, notices);
    if (item && next.snapshot === null) await item.removeValue();
    else if (item && next.snapshot) await item.setValue(next.snapshot);
    if (next.notices) await noticesItem.setValue(next.notices);
  });
}
