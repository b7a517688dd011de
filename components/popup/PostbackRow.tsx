import type { PixelView } from '../../lib/messaging/views';
import { StatusSwitch } from '../StatusSwitch';
import { HighlightMacros } from './highlight';
import { deliveryBadge, levelBadge, typeBadge } from './labels';

export interface PostbackRowProps {
  pixel: PixelView;
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
}

/** A partner postback's partner, from the API's relationship ("All partners" for global_offer). */
function partnerLine(p: PixelView): string {
  if (p.level === 'global_offer') return 'All partners';
  return p.affiliateName ?? `Partner ${p.affiliateId ?? 0}`;
}

/** The identifying fields of a Meta/TikTok/Snapchat/Rumble integration, e.g. "pixel_id 123 · Purchase". */
function integrationSummary(i: Record<string, unknown> | undefined): string {
  if (!i) return '';
  const keys = ['pixel_id', 'pixel_code', 'asset_id', 'conversion_action_name', 'event_name'];
  return keys
    .filter((k) => typeof i[k] === 'string' || typeof i[k] === 'number')
    .filter((k) => String(i[k]) !== '')
    .map((k) =>
      k === 'event_name' || k === 'conversion_action_name' ? String(i[k]) : `${k} ${String(i[k])}`,
    )
    .join(' · ');
}

/**
 * One postback: switch, badges, the partner (network), the URL with its macros marked (or the HTML code as text),
 * Edit, and Delete for network profiles.
 */
export function PostbackRow({
  pixel,
  pending,
  error,
  onToggle,
  onEdit,
  onDelete,
  onTestFire,
  showOffer,
}: PostbackRowProps) {
  const active = pixel.status === 'active';
  const target =
    pixel.deliveryMethod === 'html'
      ? pixel.htmlCode
      : pixel.deliveryMethod === 'postback'
        ? pixel.postbackUrl
        : integrationSummary(pixel.integration);
  const errorId = `pb-${pixel.id}-error`;
  return (
    <li class={`row${active ? '' : ' row--inactive'}`} data-pixel-id={pixel.id}>
      <StatusSwitch
        pixel={pixel}
        label={`Postback ${pixel.id}`}
        pending={pending}
        errorId={error ? errorId : undefined}
        onToggle={onToggle}
      />
      <div class="row__body">
        <div class="row__meta">
          <span class="row__id">#{pixel.id}</span>
          <span class="badge">{typeBadge(pixel.type)}</span>
          <span class="badge">{deliveryBadge(pixel.deliveryMethod)}</span>
          <span class="badge badge--muted">{levelBadge(pixel.level)}</span>
          {active ? null : <span class="badge badge--inactive">inactive</span>}
          {pixel.eventName ? <span class="badge badge--muted">{pixel.eventName}</span> : null}
        </div>
        {pixel.side === 'network' ? (
          <div class="row__partner">
            {partnerLine(pixel)}
            {pixel.description ? <span class="muted"> · {pixel.description}</span> : null}
          </div>
        ) : null}
        {showOffer && pixel.level !== 'global' ? (
          <div class="row__offer">
            {pixel.offerName ?? `Offer ${pixel.offerId}`} <span class="muted">#{pixel.offerId}</span>
          </div>
        ) : null}
        <code class="row__url" title={target}>
          {pixel.deliveryMethod === 'postback' ? <HighlightMacros text={target} /> : target || '(no details)'}
        </code>
        {error ? (
          <p class="row__error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        class="link-button"
        onClick={() => onEdit(pixel)}
        aria-label={`Edit postback ${pixel.id}`}
      >
        Edit
      </button>
      {onTestFire && (pixel.deliveryMethod === 'postback' || pixel.deliveryMethod === 'html') ? (
        <button
          type="button"
          class="link-button"
          onClick={() => onTestFire(pixel)}
          aria-label={`Test postback ${pixel.id}`}
        >
          Test
        </button>
      ) : null}
      {onDelete ? (
        <button
          type="button"
          class="link-button link-button--danger"
          onClick={() => onDelete(pixel)}
          aria-label={`Delete postback ${pixel.id}`}
        >
          Delete
        </button>
      ) : null}
    </li>
  );
}
