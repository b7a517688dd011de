import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { typeBadge } from '../ui/pixel-labels';
import { PostbackRow } from './PostbackRow';

export interface ListFilters {
  status: '' | 'active' | 'inactive';
  type: '' | 'conversion' | 'event' | 'cpc';
  text: string;
}

export interface PostbackListProps {
  rows: PixelView[];
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

/**
 * The postbacks, with filters in the all-postbacks view. On one offer, its own postbacks first, then the global
 * ones under "Also fires here"; in the all-postbacks view specific ones first, then the global ones.
 */
export function PostbackList({
  rows,
  pending,
  errors,
  onToggle,
  onEdit,
  onDelete,
  onTestFire,
  all,
  eventNames,
}: PostbackListProps) {
  const [filters, setFilters] = useState<ListFilters>({ status: '', type: '', text: '' });
  const shown = (all ? rows.filter((p) => matches(p, filters)) : rows)
    .slice()
    .sort((a, b) => Number(a.level === 'global') - Number(b.level === 'global') || b.id - a.id);
  // On one offer, the global ("all offers") postbacks are listed apart: they fire here too, but are not this
  // offer's own (issue 15.4).
  const own = all ? shown : shown.filter((p) => p.level !== 'global');
  const globals = all ? [] : shown.filter((p) => p.level === 'global');
  const row = (p: PixelView) => (
    <PostbackRow
      key={p.id}
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
        <ul class="rows" aria-label={i18n.t('popup.list.label')}>
          {shown.map(row)}
        </ul>
      ) : (
        <>
          {own.length ? (
            <ul class="rows" aria-label={i18n.t('popup.list.label')}>
              {own.map(row)}
            </ul>
          ) : (
            <p class="muted empty">{i18n.t('popup.list.empty')}</p>
          )}
          {globals.length ? (
            <section class="also-fires" aria-labelledby="also-fires-title">
              <h2 id="also-fires-title" class="also-fires__title" title={i18n.t('popup.list.alsoFiresHint')}>
                {i18n.t('popup.list.alsoFires')}
              </h2>
              <ul class="rows" aria-label={i18n.t('popup.list.alsoFires')}>
                {globals.map(row)}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
