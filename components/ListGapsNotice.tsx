import { i18n } from '#i18n';
import type { ListGaps, UnreadableRow } from '../lib/messaging/views';

export interface ListGapsNoticeProps {
  /** What the list reply said it does not show. */
  gaps: ListGaps | undefined;
  /** How many rows the list shows (for "Showing 5 000 of 6 000"). */
  shown: number;
  /** The Everflow portal, when known, where the unreadable rows can be seen. */
  portalUrl?: string | undefined;
}

const count = (n: number) => new Intl.NumberFormat().format(n);

/** "1 postback could not be read: #1012, delay_ms" (ids and fields, in the order Everflow sent them). */
export function unreadableText(rows: readonly UnreadableRow[]): string {
  const list = rows
    .map((r) => `${r.id === undefined ? i18n.t('lists.noId') : `#${r.id}`}, ${r.field}`)
    .join('; ');
  return `${i18n.t('lists.unreadable', rows.length, [String(rows.length)])} ${list}`;
}

/**
 * What a postback list does not show, said next to it: rows Everflow sent that could not be read (with a link to
 * the portal when one is known), and rows beyond what was read. Renders nothing when the list is whole.
 */
export function ListGapsNotice({ gaps, shown, portalUrl }: ListGapsNoticeProps) {
  const unreadable = gaps?.unreadable ?? [];
  const cut = gaps?.truncated === true;
  if (!unreadable.length && !cut) return null;
  return (
    <div class="list-gaps muted" role="status">
      {unreadable.length > 0 && (
        <p class="list-gaps__unreadable">
          {unreadableText(unreadable)}
          {portalUrl && (
            <>
              {' '}
              <a href={portalUrl} target="_blank" rel="noopener noreferrer">
                {i18n.t('lists.portal')}
              </a>
            </>
          )}
        </p>
      )}
      {cut && (
        <p class="list-gaps__cut">
          {gaps?.total !== undefined
            ? i18n.t('lists.shownOf', [count(shown), count(gaps.total)])
            : i18n.t('lists.shownSome', [count(shown)])}
        </p>
      )}
    </div>
  );
}
