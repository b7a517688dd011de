import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelView } from '../../lib/messaging/views';
import { typeBadge } from '../ui/pixel-labels';
import { VirtualList } from '../ui/VirtualList';
import { PostbackRow } from './PostbackRow';

export interface ListFilters {
  status: '' | 'active' | 'inactive';
  type: '' | 'conversion' | 'event' | 'cpc';
  text: string;
}

export interface PostbackListProps {
  rows: PixelView[];
  /** Rows switched or edited since `rows` was loaded (shown in their place; filters and order keep the loaded one). */
  patched?: ReadonlyMap<number, PixelView>;
  pending: ReadonlySet<number>;
  errors: Readonly<Record<number, string>>;
  onToggle: (pixel: PixelView) => void;
  onEdit: (pixel: PixelView) => void;
  /** Network profiles: delete a postback (the host confirms first). */
  onDelete?: ((pixel: PixelView) => void) | undefined;
  /** The all-postbacks view: offer names on rows, and filters. */
  all: boolean;
}

function matches(p: PixelView, f: ListFilters): boolean {
  const text = f.text.trim().toLowerCase();
  return (
    (!f.status || p.status === f.status) &&
    (!f.type || p.type === f.type) &&
    (!text ||
      String(p.id) === text ||
      String(p.offerId) === text ||
      (p.offerName ?? '').toLowerCase().includes(text) ||
      (p.affiliateName ?? '').toLowerCase().includes(text) ||
      (p.description ?? '').toLowerCase().includes(text) ||
      p.postbackUrl.toLowerCase().includes(text) ||
      p.htmlCode.toLowerCase().includes(text))
  );
}

const NO_PATCHES: ReadonlyMap<number, PixelView> = new Map();
/** A popup row's height before it is measured (badges, one line of URL, padding). */
const ROW_ESTIMATE = 72;

/**
 * The postbacks, with filters in the all-postbacks view. Specific ones first, then the global ones. Only the
 * rows on screen are rendered (`VirtualList`), and the filter and order run again only when the loaded list or
 * the filters change, never for a switch: a switch is one entry in `patched`.
 */
export function PostbackList({
  rows,
  patched = NO_PATCHES,
  pending,
  errors,
  onToggle,
  onEdit,
  onDelete,
  all,
}: PostbackListProps) {
  const [filters, setFilters] = useState<ListFilters>({ status: '', type: '', text: '' });
  const shown = useMemo(
    () =>
      (all ? rows.filter((p) => matches(p, filters)) : rows.slice()).sort(
        (a, b) => Number(a.level === 'global') - Number(b.level === 'global') || b.id - a.id,
      ),
    [rows, filters, all],
  );
  return (
    <>
      {all ? (
        <fieldset class="filters" aria-label={i18n.t('popup.list.filters')}>
          <input
            type="search"
            aria-label={i18n.t('popup.list.search')}
            placeholder={i18n.t('popup.list.searchPlaceholder')}
            value={filters.text}
            onInput={(e) => setFilters({ ...filters, text: e.currentTarget.value })}
          />
          <select
            aria-label={i18n.t('popup.list.status')}
            value={filters.status}
            onChange={(e) =>
              setFilters({ ...filters, status: e.currentTarget.value as ListFilters['status'] })
            }
          >
            <option value="">{i18n.t('popup.list.anyStatus')}</option>
            <option value="active">{i18n.t('popup.list.active')}</option>
            <option value="inactive">{i18n.t('popup.list.inactive')}</option>
          </select>
          <select
            aria-label={i18n.t('popup.list.type')}
            value={filters.type}
            onChange={(e) => setFilters({ ...filters, type: e.currentTarget.value as ListFilters['type'] })}
          >
            <option value="">{i18n.t('popup.list.anyType')}</option>
            <option value="conversion">{typeBadge('conversion')}</option>
            <option value="event">{typeBadge('event')}</option>
            <option value="cpc">{typeBadge('cpc')}</option>
          </select>
        </fieldset>
      ) : null}
      {shown.length === 0 ? (
        <p class="muted empty">{rows.length ? i18n.t('popup.list.noMatch') : i18n.t('popup.list.empty')}</p>
      ) : (
        <VirtualList
          items={shown}
          keyOf={(p) => p.id}
          estimate={ROW_ESTIMATE}
          class="rows"
          label={i18n.t('popup.list.label')}
          renderItem={(row, place) => {
            const p = patched.get(row.id) ?? row;
            return (
              <PostbackRow
                key={p.id}
                place={place}
                pixel={p}
                pending={pending.has(p.id)}
                {...(errors[p.id] ? { error: errors[p.id] } : {})}
                onToggle={onToggle}
                onEdit={onEdit}
                onDelete={onDelete}
                showOffer={all}
              />
            );
          }}
        />
      )}
    </>
  );
}
