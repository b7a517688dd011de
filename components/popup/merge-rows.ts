import type { PixelView } from '../../lib/model/pixel';
import { guardStale, type RowWrite } from '../../lib/rows/stale-guard';

/**
 * Merge a list that was requested at `requestedAt` into what the popup shows: a row the user changed after that
 * moment (a toggle, an edit) keeps the popup's version, because the list was read before the change happened on
 * the server. Rows created after the request stay too, and rows deleted after it stay gone. Everything else comes
 * from the fresh list. The rule itself is `guardStale`, the one the background's cache uses.
 */
export function mergeFresh(
  fresh: readonly PixelView[],
  current: readonly PixelView[] | null,
  changedAt: ReadonlyMap<number, number>,
  requestedAt: number,
): PixelView[] {
  const writes = new Map<number, RowWrite<PixelView>>();
  if (changedAt.size) {
    const byId = new Map((current ?? []).map((p) => [p.id, p]));
    for (const [id, at] of changedAt) writes.set(id, { at, row: byId.get(id) ?? null });
  }
  return guardStale(fresh, writes, requestedAt) as PixelView[];
}
