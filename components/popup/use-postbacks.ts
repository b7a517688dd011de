import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../lib/model/errors';
import type { ListGaps } from '../../lib/model/lists';
import type { PixelView } from '../../lib/model/pixel';
import { mergeFresh } from './merge-rows';
import type { PopupApi } from './popup-api';

export interface PostbacksState {
  rows: PixelView[] | null;
  /** True while the background fetches fresh rows. */
  refreshing: boolean;
  error?: AppError;
  /** What the last fresh list said it does not show (unreadable rows, rows beyond the page cap). */
  gaps?: ListGaps;
  /** When the rows shown were read from Everflow (epoch ms), when known: said next to a failed refresh. */
  asOf?: number;
  /** Ask Everflow again after a failed refresh (a read: always safe to repeat). */
  retry: () => void;
  setRows: (update: (rows: PixelView[]) => PixelView[]) => void;
  /** Record that the user changed this row now, so a list fetched before the change cannot undo it on screen. */
  noteChange: (pixelId: number) => void;
}

/**
 * Stale-while-revalidate: the cached rows paint at once, the background fetches fresh ones, and a change made
 * by any page (or this one) arrives through the storage watch.
 */
export function usePostbacks(
  api: PopupApi,
  profileId: string | undefined,
  offerId: number | undefined,
  /** Rows the popup already has for this profile and offer (from its start message). */
  initial?: {
    profileId: string;
    offerId: number | undefined;
    rows: PixelView[] | null;
    fetchedAt?: number | undefined;
  },
): PostbacksState {
  const [rows, setRowsState] = useState<PixelView[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<AppError>();
  const [gaps, setGaps] = useState<ListGaps>();
  const [asOf, setAsOf] = useState<number>();
  const [attempt, setAttempt] = useState(0);
  const changedAt = useRef(new Map<number, number>());

  // The start message's rows paint in the same render that shows the popup, not one effect later.
  const fromStart =
    initial && initial.profileId === profileId && initial.offerId === offerId ? initial.rows : null;

  // A new profile or offer starts afresh; a retry (`attempt`) keeps the rows on screen and asks again.
  const shownFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!profileId) return;
    let live = true;
    setError(undefined);
    const key = `${profileId}:${offerId}`;
    const switched = shownFor.current !== key;
    shownFor.current = key;
    if (switched) {
      setGaps(undefined);
      setRowsState(null);
      setAsOf(fromStart ? initial?.fetchedAt : undefined);
    }
    if (
      switched &&
      !(initial && initial.profileId === profileId && initial.offerId === offerId && initial.rows)
    ) {
      void api.cachedPixels(profileId, offerId).then((cached) => {
        if (live && cached) setRowsState((current) => current ?? cached);
      });
    }
    setRefreshing(true);
    const requestedAt = performance.now();
    void api.listPixels(profileId, offerId === undefined ? {} : { offerId }).then((r) => {
      if (!live) return;
      setRefreshing(false);
      if (r.ok) {
        const fresh = r.value.value;
        const { unreadable, total, truncated } = r.value;
        setGaps(
          unreadable || truncated ? { ...(unreadable ? { unreadable } : {}), total, truncated } : undefined,
        );
        setAsOf(r.value.fetchedAt);
        setRowsState((current) => mergeFresh(fresh, current ?? fromStart, changedAt.current, requestedAt));
      } else {
        setError(r.error);
        // Keep showing what we had (cache or start rows): an error must not empty the list.
        setRowsState((current) => current ?? fromStart ?? []);
      }
    });
    const stop = api.watchPixels(profileId, offerId, (fresh, readAt) => {
      if (live) setRowsState((current) => mergeFresh(fresh, current ?? fromStart, changedAt.current, readAt));
    });
    return () => {
      live = false;
      stop();
    };
    // `initial` is only read when the profile or offer changes.
  }, [api, profileId, offerId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // Stable callbacks, so the list the popup memoizes is not rebuilt on every render.
  const startRows = useRef(fromStart);
  startRows.current = fromStart;
  const setRows = useCallback(
    (update: (rows: PixelView[]) => PixelView[]) =>
      setRowsState((current) => update(current ?? startRows.current ?? [])),
    [],
  );
  const noteChange = useCallback((pixelId: number) => {
    changedAt.current.set(pixelId, performance.now());
  }, []);
  return {
    rows: rows ?? fromStart,
    refreshing,
    ...(error ? { error } : {}),
    ...(gaps ? { gaps } : {}),
    ...(asOf === undefined ? {} : { asOf }),
    retry,
    setRows,
    noteChange,
  };
}
