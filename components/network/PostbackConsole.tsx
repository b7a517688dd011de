import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelFilters, PixelView } from '../../lib/model/pixel';
import { ListGapsNotice } from '../ListGapsNotice';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import type { NoticeState } from '../ui/Notice';
import { offerOf, partnerOf } from '../ui/pixel-labels';
import { VirtualList } from '../ui/VirtualList';
import { useStatusToggle } from '../use-status-toggle';
import type { PartnerPostbacksApi } from './api';
import { ConsoleFilters, type ConsoleFilterValue, NO_FILTERS } from './ConsoleFilters';
import { ConsoleRow } from './ConsoleRow';
import { usePickerSearch } from './pickers';
import { useConsole } from './use-console';
import { useEventNames } from './use-event-names';

export interface PostbackConsoleProps {
  api: PartnerPostbacksApi;
  profileId: string;
  onEdit: (pixel: PixelView) => void;
  onNotice: (notice: NoticeState) => void;
  /** The network's Everflow portal, when known: where rows this console cannot read can be seen. */
  portalUrl?: string | undefined;
}

function toFilters(v: ConsoleFilterValue, text: string): PixelFilters {
  return {
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(v.status ? { status: v.status } : {}),
    ...(v.type ? { type: v.type } : {}),
    ...(v.method ? { deliveryMethod: v.method } : {}),
    ...(v.offer ? { offerId: v.offer.id } : {}),
    ...(v.partner ? { affiliateId: v.partner.id } : {}),
  };
}

/** A console row's height before it is measured (badges, names, one line of target, padding). */
const CONSOLE_ROW_ESTIMATE = 96;

/**
 * The partner-postback console: search and filters, the rows loaded page by page as the list scrolls into
 * view (or with "Load more"), one-click switches, Edit, and Delete with a confirmation naming the postback.
 */
export function PostbackConsole({ api, profileId, onEdit, onNotice, portalUrl }: PostbackConsoleProps) {
  const [filters, setFilters] = useState<ConsoleFilterValue>(NO_FILTERS);
  const [text, setText] = useState('');
  const [deleting, setDeleting] = useState<PixelView>();
  const [busyDelete, setBusyDelete] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const { searchOffers, searchPartners } = usePickerSearch(api, profileId);

  // The free text waits for a pause in typing; the other filters apply at once.
  useEffect(() => {
    const t = setTimeout(() => setText(filters.text), 250);
    return () => clearTimeout(t);
  }, [filters.text]);
  const query = useMemo(() => toFilters(filters, text), [filters, text]);
  const { state, loadMore, replace, remove, retry } = useConsole(api, profileId, query);
  const eventNames = useEventNames(api, profileId, state.rows);

  // Load the next page when the end of the list scrolls into view.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [loadMore, state.rows.length]);

  const {
    toggle,
    pending,
    errors: rowErrors,
  } = useStatusToggle({
    setStatus: (pixelId, status) => api.setStatus(profileId, pixelId, status),
    replace,
  });
  const onToggle = (x: PixelView) => void toggle(x);
  const confirmDelete = async (p: PixelView) => {
    setBusyDelete(true);
    const r = await api.remove(profileId, p.id);
    setBusyDelete(false);
    setDeleting(undefined);
    if (r.ok) {
      remove(p.id);
      onNotice({ kind: 'ok', text: i18n.t('network.deleted', [String(p.id)]), focus: true });
    } else onNotice({ kind: 'error', text: r.error.message, focus: true });
  };

  const more = state.rows.length < state.total;
  return (
    <div class="pp-console">
      <ConsoleFilters
        value={filters}
        onChange={setFilters}
        searchOffers={searchOffers}
        searchPartners={searchPartners}
      />
      <p class="pp-console__count" role="status">
        {state.loading && state.rows.length === 0
          ? i18n.t('common.loading')
          : i18n.t('network.count', state.total)}
      </p>
      {state.error && (
        <p class="alert" role="alert">
          {state.error.message}{' '}
          <button type="button" class="button button--small" onClick={retry}>
            {i18n.t('common.retry')}
          </button>
        </p>
      )}
      <ListGapsNotice
        gaps={{ unreadable: state.unreadable }}
        shown={state.rows.length}
        portalUrl={portalUrl}
      />
      {state.rows.length > 0 && (
        // Only the rows on screen are rendered: scrolled through, the console holds 10 000 rows, not their DOM.
        <VirtualList
          items={state.rows}
          keyOf={(p) => p.id}
          estimate={CONSOLE_ROW_ESTIMATE}
          class="pp-rows"
          label={i18n.t('network.list')}
          busy={state.loading}
          renderItem={(p, place) => (
            <ConsoleRow
              key={p.id}
              place={place}
              pixel={p}
              pending={pending.has(p.id)}
              error={rowErrors[p.id]}
              onToggle={onToggle}
              onEdit={onEdit}
              onDelete={setDeleting}
              eventNames={eventNames}
            />
          )}
        />
      )}
      <div ref={sentinel} class="pp-console__more">
        {more && (
          <>
            <span class="muted">
              {i18n.t('network.showing', [String(state.rows.length), String(state.total)])}
            </span>{' '}
            <button
              type="button"
              class="button"
              aria-disabled={state.loading ? 'true' : undefined}
              onClick={loadMore}
            >
              {state.loading ? i18n.t('network.loadingMore') : i18n.t('network.loadMore')}
            </button>
          </>
        )}
      </div>
      {deleting && (
        <ConfirmDialog
          title={i18n.t('network.deleteTitle', [String(deleting.id)])}
          confirmLabel={i18n.t('network.deleteConfirm')}
          danger
          busy={busyDelete}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(undefined)}
        >
          <p>
            {i18n.t('network.deleteBody', [
              deleting.description || `#${deleting.id}`,
              `${partnerOf(deleting)} · ${offerOf(deleting)}`,
            ])}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
