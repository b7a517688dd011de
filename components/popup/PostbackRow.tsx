import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { StatusSwitch } from '../StatusSwitch';
import { deliveryBadge, eventLabel, levelBadge, partnerOf, targetOf, typeBadge } from '../ui/pixel-labels';
import type { RowPlace } from '../ui/VirtualList';
import { HighlightMacros } from './highlight';
import { RowUrl } from './RowUrl';

export interface PostbackRowProps {
  pixel: PixelView;
  /** Its place in the (windowed) list. */
  place?: RowPlace;
  /** True while a toggle waits for the background. */
  pending: boolean;
  /** The specific error of the last failed action on this row. */
  error?: string;
  onToggle: (pixel: PixelView) => void;
  onEdit: (pixel: PixelView) => void;
  /** Network profiles: delete (after a confirmation the host shows). */
  onDelete?: ((pixel: PixelView) => void) | undefined;
  /** Open "Send a test" (postback URL and HTML pixels; integrations have no URL to test). */
  onTestFire?: ((pixel: PixelView) => void) | undefined;
  /** Show which offer a row belongs to (the all-postbacks view). */
  showOffer: boolean;
  /** Event names by event id, for a postback that does not carry its event's name. */
  eventNames?: ReadonlyMap<number, string> | undefined;
}

/**
 * One postback in the popup: switch, badges, the partner (network), the URL with its macros marked (or the HTML
 * code as text), Edit, and Delete for network profiles.
 *
 * Why two row components (this one and `network/ConsoleRow`): they share their words and their text
 * (`ui/pixel-labels`, the same `network.row.*` strings) and the switch (`StatusSwitch`), but not their layout. This
 * row is in the popup's start-up bundle and is rendered up to hundreds of times in a 360-px list whose opening time
 * the bench holds to 1.3× an empty popup: one badge line, link buttons, macro highlighting. The console row is a
 * wide row with partner and offer names, event and delay badges, the description and full buttons. One component
 * with both layouts would carry the console's markup and rules into the popup for nothing.
 */
export function PostbackRow({
  pixel,
  place,
  pending,
  error,
  onToggle,
  onEdit,
  onDelete,
  onTestFire,
  showOffer,
  eventNames,
}: PostbackRowProps) {
  const event = eventLabel(pixel, eventNames);
  const active = pixel.status === 'active';
  const target = targetOf(pixel);
  const errorId = `pb-${pixel.id}-error`;
  return (
    <li class={`row${active ? '' : ' row--inactive'}`} data-pixel-id={pixel.id} {...place}>
      <StatusSwitch
        pixel={pixel}
        label={i18n.t('network.row.switch', [String(pixel.id)])}
        pending={pending}
        errorId={error ? errorId : undefined}
        onToggle={onToggle}
      />
      <div class="row__body">
        <div class="row__meta">
          <span class="row__id">#{pixel.id}</span>
          {/* One slot for the state, first in the line so it never wraps out of sight: "Switching off…" from the
              first frame of a toggle, then "inactive" (or nothing). The line never wraps, so the row keeps its
              height when the slot changes. */}
          {pending ? (
            <span class="badge badge--pending" role="status">
              {i18n.t(active ? 'popup.row.switchingOn' : 'popup.row.switchingOff')}
            </span>
          ) : active ? null : (
            <span class="badge badge--inactive">{i18n.t('popup.row.inactive')}</span>
          )}
          <span class="badge">{event ?? typeBadge(pixel.type)}</span>
          <span class="badge">{deliveryBadge(pixel.deliveryMethod)}</span>
          <span class="badge badge--muted">{levelBadge(pixel.level)}</span>
        </div>
        {pixel.side === 'network' ? (
          <div class="row__partner">
            {partnerOf(pixel)}
            {pixel.description ? <span class="muted"> · {pixel.description}</span> : null}
          </div>
        ) : null}
        {showOffer && pixel.level !== 'global' ? (
          <div class="row__offer">
            {pixel.offerName ?? i18n.t('network.row.offer', [String(pixel.offerId)])}{' '}
            <span class="muted">#{pixel.offerId}</span>
          </div>
        ) : null}
        <RowUrl text={target}>
          {pixel.deliveryMethod === 'postback' ? (
            <HighlightMacros text={target} />
          ) : (
            target || i18n.t('network.row.noDetails')
          )}
        </RowUrl>
        {error ? (
          <p class="row__error" id={errorId} role="alert">
            {error}{' '}
            {/* The row is back as it was, so the same click again is the retry (a status change is safe to repeat). */}
            <button
              type="button"
              class="link-button"
              onClick={() => onToggle(pixel)}
              aria-label={i18n.t('popup.row.retryLabel', [String(pixel.id)])}
            >
              {i18n.t('popup.error.retry')}
            </button>
          </p>
        ) : null}
      </div>
      <button
        type="button"
        class="link-button"
        onClick={() => onEdit(pixel)}
        aria-label={i18n.t('network.row.editLabel', [String(pixel.id)])}
      >
        {i18n.t('network.row.edit')}
      </button>
      {onTestFire && (pixel.deliveryMethod === 'postback' || pixel.deliveryMethod === 'html') ? (
        <button
          type="button"
          class="link-button"
          onClick={() => onTestFire(pixel)}
          aria-label={i18n.t('popup.row.testLabel', [String(pixel.id)])}
        >
          {i18n.t('popup.row.test')}
        </button>
      ) : null}
      {onDelete ? (
        <button
          type="button"
          class="link-button link-button--danger"
          onClick={() => onDelete(pixel)}
          aria-label={i18n.t('network.row.deleteLabel', [String(pixel.id)])}
        >
          {i18n.t('network.row.delete')}
        </button>
      ) : null}
    </li>
  );
}
