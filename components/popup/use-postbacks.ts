import { useEffect, useState } from 'preact/hooks';
import type { AppError } from '../../lib/messaging/protocol';
import type { PixelView } from '../../lib/messaging/views';
import type { PopupApi } from './popup-api';

export interface PostbacksState {
  rows: PixelView[] | null;
  /** True while the background fetches fresh rows. */
  refreshing: boolean;
  error?: AppError;
  setRows: (update: (rows: PixelView[]) => PixelView[]) => void;
}

/**
 * Stale-while-revalidate: the cached rows paint at once, the background fetches fresh ones, and a change made
 * by any page (or this one) arrives through the storage watch.
 */
export function usePostbacks(
  api: PopupApi,
  profileId: string | undefined,
  offerId: number | undefined,
): PostbacksState {
  const [rows, setRowsState] = useState<PixelView[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<AppError>();

  useEffect(() => {
    if (!profileId) return;
    let live = true;
    setRowsState(null);
    setError(undefined);
    void api.cachedPixels(profileId, offerId).then((cached) => {
      if (live && cached) setRowsState((current) => current ?? cached);
    });
    setRefreshing(true);
    void api.listPixels(profileId, offerId === undefined ? {} : { offerId }).then((r) => {
      if (!live) return;
      setRefreshing(false);
      if (r.ok) setRowsState(r.value.value);
      else {
        setError(r.error);
        setRowsState((current) => current ?? []);
      }
    });
    const stop = api.watchPixels(profileId, offerId, (fresh) => live && setRowsState(fresh));
    return () => {
      live = false;
      stop();
    };
  }, [api, profileId, offerId]);

  return {
    rows,
    refreshing,
    ...(error ? { error } : {}),
    setRows: (update) => setRowsState((current) => update(current ?? [])),
  };
}
