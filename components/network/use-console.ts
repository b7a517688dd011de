import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppError, PixelFilters } from '../../lib/messaging/protocol';
import type { PixelView, UnreadableRow } from '../../lib/messaging/views';
import type { PartnerPostbacksApi } from './api';

/** The console's list: the rows loaded so far, the total, and whether a page is on its way. */
export interface ConsoleState {
  rows: PixelView[];
  total: number;
  /** Rows of the pages loaded so far that Everflow sent but could not be read. */
  unreadable: UnreadableRow[];
  loading: boolean;
  error?: AppError;
}

/**
 * The paged search behind the console: page 1 whenever the profile or the filters change, the next page on
 * `loadMore` (scrolling or the button), answers to an older search ignored. Rows can be patched in place
 * (a toggle) or dropped (a delete) without reloading.
 */
export function useConsole(
  api: PartnerPostbacksApi,
  profileId: string,
  filters: PixelFilters,
  pageSize = 25,
) {
  const [state, setState] = useState<ConsoleState>({ rows: [], total: 0, unreadable: [], loading: true });
  const generation = useRef(0);
  const page = useRef(0);
  const busy = useRef(false);
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (next: number) => {
      const mine = generation.current;
      busy.current = true;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      const r = await api.search(profileId, JSON.parse(key) as PixelFilters, next, pageSize);
      if (mine !== generation.current) return;
      busy.current = false;
      if (!r.ok) {
        setState((s) => ({ ...s, loading: false, error: r.error }));
        return;
      }
      page.current = next;
      setState((s) => {
        const base = next === 1 ? [] : s.rows;
        const seen = new Set(base.map((p) => p.id));
        const known = next === 1 ? [] : s.unreadable;
        const said = new Set(known.map((u) => `${u.id}:${u.field}`));
        return {
          rows: [...base, ...r.value.items.filter((p) => !seen.has(p.id))],
          total: r.value.total,
          unreadable: [
            ...known,
            ...(r.value.unreadable ?? []).filter((u) => !said.has(`${u.id}:${u.field}`)),
          ],
          loading: false,
        };
      });
    },
    [api, profileId, key, pageSize],
  );

  useEffect(() => {
    generation.current++;
    page.current = 0;
    setState({ rows: [], total: 0, unreadable: [], loading: true });
    void load(1);
  }, [load]);

  // The latest state, for `loadMore` (an observer callback may hold an old closure).
  const latest = useRef(state);
  latest.current = state;
  const loadMore = useCallback(() => {
    const s = latest.current;
    if (!busy.current && !s.error && s.rows.length < s.total) void load(page.current + 1);
  }, [load]);

  const replace = (row: PixelView) =>
    setState((s) => ({ ...s, rows: s.rows.map((p) => (p.id === row.id ? row : p)) }));
  const remove = (id: number) =>
    setState((s) => ({ ...s, rows: s.rows.filter((p) => p.id !== id), total: Math.max(0, s.total - 1) }));
  const retry = () => void load(page.current + 1);
  return { state, loadMore, replace, remove, retry };
}
