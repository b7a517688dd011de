import type { PixelView } from '../../lib/model/pixel';

/**
 * Merge a list that was requested at `requestedAt` into what the popup shows: a row the user changed after that
 * moment (a toggle, an edit) keeps the popup's version, because the list was read before the change happened on
 * the server. Rows created after the request stay too, and rows deleted after it stay gone. Everything else comes
 * from the fresh list.
 */
export function mergeFresh(
  fresh: readonly PixelView[],
  current: readonly PixelView[] | null,
  changedAt: ReadonlyMap<number, number>,
  requestedAt: number,
): PixelView[] {
  const newer = (id: number) => (changedAt.get(id) ?? Number.NEGATIVE_INFINITY) > requestedAt;
  const mine = new Map((current ?? []).filter((p) => newer(p.id)).map((p) => [p.id, p]));
  const merged = fresh.filter((p) => !newer(p.id) || mine.has(p.id)).map((p) => mine.get(p.id) ?? p);
  for (const [id, p] of mine) if (!fresh.some((f) => f.id === id)) merged.unshift(p);
  return merged;
}
