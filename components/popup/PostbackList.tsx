import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { byListOrder } from '../../lib/rows/list-order';
import { typeBadge } from '../ui/pixel-labels';
import { type RowPlace, VirtualList } from '../ui/VirtualList';
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
  /** Open "Send a test" for a postback. */
  onTestFire?: ((pixel: PixelView) => void) | undefined;
  /** The all-postbacks view: offer names on rows, and filters. */
  all: boolean;
  /** Event names by event id (the offer's events), for rows whose postback does not carry its event's name. */
  eventNames?: ReadonlyMap<number, string> | undefined;
  /** The list's length while `rows` is only its start (the popup's first paint of a long list). */
  total?: number | undefined;
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
 * The postbacks, with filters in the all-postbacks view. On one offer, its own postbacks first, then the global
 * ones under "Also fires here"; in the all-postbacks view specific ones first, then the global ones. Only the
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
  onTestFire,
  all,
  eventNames,
  total,
}: PostbackListProps) {
  const [filters, setFilters] = useState<ListFilters>({ status: '', type: '', text: '' });
  const shown = useMemo(
    () => (all ? rows.filter((p) => matches(p, filters)) : rows.slice()).sort(byListOrder),
    [rows, filters, all],
  );
  // On one offer, the global ("all offers") postbacks are listed apart: they fire here too, but are not this
  // offer's own (issue 15.4).
  const { own, globals } = useMemo(
    () =>
      all
        ? { own: shown, globals: [] }
        : {
            own: shown.filter((p) => p.level !== 'global'),
            globals: shown.filter((p) => p.level === 'global'),
          },
    [shown, all],
  );
  const row = (item: PixelView, place: RowPlace) => {
    const p = patched.get(item.id) ?? item;
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
        onTestFire={onTestFire}
        showOffer={all}
        {...(eventNames ? { eventNames } : {})}
      />
    );
  };
  // Only the unfiltered all-postbacks list knows its length before the rest arrives.
  const unfiltered = all && !filters.text.trim() && !filters.status && !filters.type;
  const windowed = (items: readonly PixelView[], label: string) => (
    <VirtualList
      {...(unfiltered && total ? { setSize: total } : {})}
      items={items}
      keyOf={(p) => p.id}
      estimate={ROW_ESTIMATE}
      class="rows"
      label={label}
      renderItem={row}
    />
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
      ) : all ? (
        windowed(shown, i18n.t('popup.list.label'))
      ) : (
        <>
          {own.length ? (
            windowed(own, i18n.t('popup.list.label'))
          ) : (
            <p class="muted empty">{i18n.t('popup.list.empty')}</p>
          )}
          {globals.length ? (
            <section class="also-fires" aria-labelledby="also-fires-title">
              <h2 id="also-fires-title" class="also-fires__title" title={i18n.t('popup.list.alsoFiresHint')}>
                {i18n.t('popup.list.alsoFires')}
              </h2>
              {windowed(globals, i18n.t('popup.list.alsoFires'))}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
