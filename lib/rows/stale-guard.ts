// The one guard against stale rows, shared by the background's cache (a list fetched while a write went through)
// and the popup (a list that arrives after the user switched a row). Pure: no storage, no messages.

/** A row this side wrote (or saw written): when, and what it became (null: deleted). */
export interface RowWrite<R> {
  at: number;
  row: R | null;
}

/**
 * A list read at `readAt`, made right by the writes made at or after that moment: a written row replaces the
 * one the read saw (or is dropped when `belongs(row)` is false: it no longer fits this list), a deleted one stays
 * gone, and a written row the read missed is added when `belongs(row)` is true (then the list is ordered newest
 * id first). Writes from before `readAt` are ignored: the read already saw them. Returns `fetched` itself when
 * no write is newer, so a caller can tell nothing changed.
 */
export function guardStale<R extends { id: number }>(
  fetched: readonly R[],
  writes: ReadonlyMap<number, RowWrite<R>>,
  readAt: number,
  belongs: (row: R) => boolean | undefined = () => true,
): readonly R[] {
  const newer = new Map<number, R | null>();
  for (const [id, w] of writes) if (w.at >= readAt) newer.set(id, w.row);
  if (!newer.size) return fetched;
  const kept: R[] = [];
  for (const p of fetched) {
    if (!newer.has(p.id)) kept.push(p);
    else {
      const row = newer.get(p.id) ?? null;
      if (row && belongs(row) !== false) kept.push(row);
    }
  }
  const seen = new Set(kept.map((p) => p.id));
  const missed = [...newer.values()].filter(
    (p): p is R => p !== null && !seen.has(p.id) && belongs(p) === true,
  );
  return missed.length ? [...missed, ...kept].sort((a, b) => b.id - a.id) : kept;
}
