import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question in a modal dialog. Cancel has focus first, so Enter never destroys anything by accident. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const bodyId = useId();
  return (
    <Dialog title={title} onClose={onCancel} describedBy={bodyId}>
      <div id={bodyId} class="dialog__body">
        {children}
      </div>
      <div class="actions">
        <button type="button" class="button" data-autofocus onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
        <button
          type="button"
          class={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
