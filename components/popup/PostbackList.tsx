import { useState } from 'preact/hooks';
import type { PixelView } from '../../lib/messaging/views';
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

/** The postbacks, with filters in the all-postbacks view. Specific ones first, then the global ones. */
export function PostbackList({
  rows,
  pending,
  errors,
  onToggle,
  onEdit,
  onDelete,
  onTestFire,
  all,
}: PostbackListProps) {
  const [filters, setFilters] = useState<ListFilters>({ status: '', type: '', text: '' });
  const shown = (all ? rows.filter((p) => matches(p, filters)) : rows)
    .slice()
    .sort((a, b) => Number(a.level === 'global') - Number(b.level === 'global') || b.id - a.id);
  return (
    <>
      {all ? (
        <fieldset class="filters" aria-label="Filter postbacks">
          <input
            type="search"
            aria-label="Search postbacks"
            placeholder="Search id, offer, URL"
            value={filters.text}
            onInput={(e) => setFilters({ ...filters, text: e.currentTarget.value })}
          />
          <select
            aria-label="Status"
            value={filters.status}
            onChange={(e) =>
              setFilters({ ...filters, status: e.currentTarget.value as ListFilters['status'] })
            }
          >
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
          <select
            aria-label="Type"
            value={filters.type}
            onChange={(e) => setFilters({ ...filters, type: e.currentTarget.value as ListFilters['type'] })}
          >
            <option value="">Any type</option>
            <option value="conversion">Conversion</option>
            <option value="event">Event</option>
            <option value="cpc">CPC</option>
          </select>
        </fieldset>
      ) : null}
      {shown.length === 0 ? (
        <p class="muted empty">{rows.length ? 'No postback matches these filters.' : 'No postbacks yet.'}</p>
      ) : (
        <ul class="rows" aria-label="Postbacks">
          {shown.map((p) => (
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
            />
          ))}
        </ul>
      )}
    </>
  );
}
