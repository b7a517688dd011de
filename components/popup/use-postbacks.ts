import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppError } from '../../lib/model/errors';
import type { ListGaps } from '../../lib/model/lists';
import type { PixelView } from '../../lib/model/pixel';
import { mergeFresh } from './merge-rows';
import type { PopupApi } from './popup-api';

/** How long after the popup changed a row a differing stored copy of it is taken for the popup's own write. */
const OWN_WRITE_MS = 30_000;
const NO_PATCHES: ReadonlyMap<number, PixelView> = new Map();

export interface PostbacksState {
  /** The list as last loaded (a switched or edited row is in `patched` until the next load folds it in). */
  rows: PixelView[] | null;
  /**
   * Rows changed since `rows` was loaded, by id: a switch or an edit costs one entry here, not a copy of a
   * 10 000-row list (and not a new filter and sort of it). Show `patched.get(id) ?? row`.
   */
  patched: ReadonlyMap<number, PixelView>;
  /** True while the background fetches fresh rows. */
  refreshing: boolean;
  error?: AppError;
  /** What the last fresh list said it does not show (unreadable rows, rows beyond the page cap). */
  gaps?: ListGaps;
  /** When the rows shown were read from Everflow (epoch ms), when known: said next to a failed refresh. */
  asOf?: number;
  /** Ask Everflow again after a failed refresh (a read: always safe to repeat). */
  retry: () => void;
  /** Change the list itself (a create, a delete): rare, so it may copy the list. */
  setRows: (update: (rows: PixelView[]) => PixelView[]) => void;
  /** Put one changed row on screen (a switch, optimistic or confirmed; an edit). */
  patchRow: (row: PixelView) => void;
  /** Record that the user changed this row now, so a list fetched before the change cannot undo it on screen. */
  noteChange: (pixelId: number) => void;
}

const withPatches = (rows: PixelView[], patched: ReadonlyMap<number, PixelView>) =>
  patched.size ? rows.map((p) => patched.get(p.id) ?? p) : rows;

/**
 * Stale-while-revalidate: the cached rows paint at once, the background fetches fresh ones, and a change made
 * by another page (or the worker) arrives through the storage watch of this list. The popup's own writes come
 * back in their replies and are not read again.
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
    /** `rows` is only the first screen of a long list: the whole cached list is read after the first paint. */
    partial?: boolean;
  },
): PostbacksState {
  const [rows, setRowsState] = useState<PixelView[] | null>(null);
  const [patched, setPatched] = useState<ReadonlyMap<number, PixelView>>(NO_PATCHES);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<AppError>();
  const [gaps, setGaps] = useState<ListGaps>();
  const [asOf, setAsOf] = useState<number>();
  const [attempt, setAttempt] = useState(0);
  const changedAt = useRef(new Map<number, number>());
  // The latest list and patches, for the storage watch (it compares a changed stored row with what is shown).
  const patchedNow = useRef(patched);
  const shownNow = useRef<{ rows: PixelView[] | null; byId?: Map<number, PixelView> }>({ rows: null });
  const refreshingNow = useRef(false);

  // The start message's rows paint in the same render that shows the popup, not one effect later.
  const fromStart =
    initial && initial.profileId === profileId && initial.offerId === offerId ? initial.rows : null;
  const startRows = useRef(fromStart);
  startRows.current = fromStart;
  shownNow.current =
    shownNow.current.rows === (rows ?? fromStart) ? shownNow.current : { rows: rows ?? fromStart };

  /** Take the patches out (they go into the list being replaced). */
  const takePatches = useCallback(() => {
    const taken = patchedNow.current;
    if (taken.size) {
      patchedNow.current = NO_PATCHES;
      setPatched(NO_PATCHES);
    }
    return taken;
  }, []);

  /** A stored row the popup already shows, or one it changed itself a moment ago (its reply brings the row). */
  const known = useCallback((id: number, row: unknown) => {
    if (refreshingNow.current) return true; // this popup's own refresh is storing the list
    const at = changedAt.current.get(id);
    if (at !== undefined && performance.now() - at < OWN_WRITE_MS) return true;
    const shown = shownNow.current;
    shown.byId ??= new Map((shown.rows ?? []).map((p) => [p.id, p]));
    const mine = patchedNow.current.get(id) ?? shown.byId.get(id);
    if (row === undefined) return mine === undefined;
    return mine !== undefined && JSON.stringify(mine) === JSON.stringify(row);
  }, []);

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
      takePatches();
      setAsOf(fromStart ? initial?.fetchedAt : undefined);
    }
    // No start rows, or only the first screen of a long list: the whole cached list follows.
    const started = initial && initial.profileId === profileId && initial.offerId === offerId && initial.rows;
    if (switched && (!started || initial.partial)) {
      void api.cachedPixels(profileId, offerId).then((cached) => {
        if (live && cached) setRowsState((current) => current ?? cached);
      });
    }
    setRefreshing(true);
    refreshingNow.current = true;
    const requestedAt = performance.now();
    void api.listPixels(profileId, offerId === undefined ? {} : { offerId }).then((r) => {
      if (!live) return;
      setRefreshing(false);
      refreshingNow.current = false;
      if (r.ok) {
        const fresh = r.value.value;
        const { unreadable, total, truncated } = r.value;
        setGaps(
          unreadable || truncated ? { ...(unreadable ? { unreadable } : {}), total, truncated } : undefined,
        );
        setAsOf(r.value.fetchedAt);
        const p = takePatches();
        setRowsState((current) =>
          mergeFresh(
            fresh,
            withPatches(current ?? startRows.current ?? [], p),
            changedAt.current,
            requestedAt,
          ),
        );
      } else {
        setError(r.error);
        // Keep showing what we had (cache or start rows): an error must not empty the list.
        setRowsState((current) => current ?? startRows.current ?? []);
      }
    });
    const stop = api.watchPixels(
      profileId,
      offerId,
      (fresh, readAt) => {
        if (!live) return;
        const p = takePatches();
        setRowsState((current) =>
          mergeFresh(fresh, withPatches(current ?? startRows.current ?? [], p), changedAt.current, readAt),
        );
      },
      known,
    );
    return () => {
      live = false;
      stop();
    };
    // `initial` is only read when the profile or offer changes.
  }, [api, profileId, offerId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // Stable callbacks, so the list the popup memoizes is not rebuilt on every render.
  const setRows = useCallback((update: (rows: PixelView[]) => PixelView[]) => {
    const p = takePatches();
    setRowsState((current) => update(withPatches(current ?? startRows.current ?? [], p)));
  }, []);
  const patchRow = useCallback((row: PixelView) => {
    patchedNow.current = new Map(patchedNow.current).set(row.id, row);
    setPatched(patchedNow.current);
  }, []);
  const noteChange = useCallback((pixelId: number) => {
    changedAt.current.set(pixelId, performance.now());
  }, []);
  return {
    rows: rows ?? fromStart,
    patched,
    refreshing,
    ...(error ? { error } : {}),
    ...(gaps ? { gaps } : {}),
    ...(asOf === undefined ? {} : { asOf }),
    retry,
    setRows,
    patchRow,
    noteChange,
  };
}
