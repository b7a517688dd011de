import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { StatusSwitch } from '../StatusSwitch';
import {
  deliveryBadge,
  eventLabel,
  levelBadge,
  offerOf,
  partnerOf,
  targetOf,
  typeBadge,
} from '../ui/pixel-labels';
import type { RowPlace } from '../ui/VirtualList';

export interface ConsoleRowProps {
  pixel: PixelView;
  /** Its place in the (windowed) list. */
  place?: RowPlace;
  /** True while a toggle waits for the background. */
  pending: boolean;
  /** The specific error of the last failed action on this row. */
  error?: string | undefined;
  onToggle: (pixel: PixelView) => void;
  onEdit: (pixel: PixelView) => void;
  onDelete: (pixel: PixelView) => void;
  /** Event names by event id (looked up from the offers' events), for postbacks that do not carry theirs. */
  eventNames?: ReadonlyMap<number, string> | undefined;
}

/**
 * One partner postback: the on/off switch, id, type, method, level, the partner and offer names (from the
 * API's relationship), the description, what it fires (URL, HTML code as text, or integration), Edit, Delete.
 *
 * Why not the popup's PostbackRow: the console row is a wide table-like line for a network (partner and offer
 * columns, Delete, integration summaries) while the popup row is a 400 px card for one offer (expandable URL,
 * test-fire, undo toasts). Both take their words and badges from components/ui/pixel-labels.ts, so the
 * vocabulary stays one; only the layout and the actions differ.
 */
export function ConsoleRow({
  pixel,
  place,
  pending,
  error,
  onToggle,
  onEdit,
  onDelete,
  eventNames,
}: ConsoleRowProps) {
  const event = eventLabel(pixel, eventNames);
  const active = pixel.status === 'active';
  const target = targetOf(pixel);
  const errorId = `pp-${pixel.id}-error`;
  return (
    <li class={`pp-row${active ? '' : ' pp-row--inactive'}`} data-pixel-id={pixel.id} {...place}>
      <StatusSwitch
        pixel={pixel}
        label={i18n.t('network.row.switch', [String(pixel.id)])}
        pending={pending}
        errorId={error ? errorId : undefined}
        onToggle={onToggle}
      />
      <div class="pp-row__body">
        <div class="pp-row__meta">
          <span class="pp-row__id">#{pixel.id}</span>
          {/* The popup's words in the popup's order: the state first, then type, method, level. */}
          {active ? null : <span class="badge badge--warn">{i18n.t('popup.row.inactive')}</span>}
          <span class="badge">{event ?? typeBadge(pixel.type)}</span>
          <span class="badge">{deliveryBadge(pixel.deliveryMethod)}</span>
          <span class="badge">{levelBadge(pixel.level)}</span>
          {pixel.delayMs ? (
            <span class="badge">{i18n.t('network.row.delay', [String(pixel.delayMs / 1000)])}</span>
          ) : null}
        </div>
        <p class="pp-row__names">
          <span class="pp-row__partner">{partnerOf(pixel)}</span>
          <span aria-hidden="true"> · </span>
          <span class="pp-row__offer">{offerOf(pixel)}</span>
        </p>
        {pixel.description ? <p class="pp-row__description">{pixel.description}</p> : null}
        <code class="pp-row__target" title={target}>
          {target || i18n.t('network.row.noDetails')}
        </code>
        {error ? (
          <p class="field-error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div class="pp-row__actions">
        <button
          type="button"
          class="button button--small"
          aria-label={i18n.t('network.row.editLabel', [String(pixel.id)])}
          onClick={() => onEdit(pixel)}
        >
          {i18n.t('network.row.edit')}
        </button>
        <button
          type="button"
          class="button button--small button--danger-outline"
          aria-label={i18n.t('network.row.deleteLabel', [String(pixel.id)])}
          onClick={() => onDelete(pixel)}
        >
          {i18n.t('network.row.delete')}
        </button>
      </div>
    </li>
  );
}
