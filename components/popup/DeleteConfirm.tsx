import { useEffect, useRef } from 'preact/hooks';
import type { PixelView } from '../../lib/model/pixel';

export interface DeleteConfirmProps {
  pixel: PixelView;
  busy: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Delete postback #id?" for a network profile, naming the postback (its description, partner and offer). Cancel
 * has focus first, so Enter never deletes by accident; Escape cancels.
 */
export function DeleteConfirm({ pixel, busy, error, onConfirm, onCancel }: DeleteConfirmProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const partner =
    pixel.level === 'global_offer' ? 'All partners' : (pixel.affiliateName ?? `Partner ${pixel.affiliateId}`);
  const offer = pixel.level === 'global' ? 'All offers' : (pixel.offerName ?? `Offer ${pixel.offerId}`);
  const name = pixel.description ? `“${pixel.description}”` : `Postback #${pixel.id}`;
  return (
    <section
      class="confirm"
      role="alertdialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-body"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="delete-title">Delete postback #{pixel.id}?</h2>
      <p id="delete-body">
        {name} ({partner} · {offer}) stops firing and is removed from Everflow. This cannot be undone.
      </p>
      {error ? (
        <p class="action-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="create__actions">
        <button type="button" class="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          class="button button--danger"
          disabled={busy}
          aria-busy={busy}
          onClick={onConfirm}
        >
          Delete postback
        </button>
      </div>
    </section>
  );
}
