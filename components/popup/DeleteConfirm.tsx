import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import { offerOf, partnerOf } from '../ui/pixel-labels';

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
  const name = pixel.description
    ? i18n.t('popup.delete.named', [pixel.description])
    : i18n.t('popup.delete.unnamed', [String(pixel.id)]);
  return (
    <section
      class="confirm"
      role="alertdialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-body"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="delete-title">{i18n.t('popup.delete.title', [String(pixel.id)])}</h2>
      <p id="delete-body">{i18n.t('popup.delete.body', [name, partnerOf(pixel), offerOf(pixel)])}</p>
      {error ? (
        <p class="action-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="create__actions">
        <button type="button" class="button" ref={cancel} onClick={onCancel}>
          {i18n.t('popup.delete.cancel')}
        </button>
        <button
          type="button"
          class="button button--danger"
          disabled={busy}
          aria-busy={busy}
          onClick={onConfirm}
        >
          {i18n.t('popup.delete.confirm')}
        </button>
      </div>
    </section>
  );
}
