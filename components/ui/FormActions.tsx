import type { ComponentChildren } from 'preact';

export interface FormActionsProps {
  /** The submit button's text. */
  submitLabel: string;
  /** While saving, the submit button says so (aria-disabled, so it keeps focus) instead of being removed. */
  busy: boolean;
  /** Shown instead of the submit button (e.g. "Create anyway" after a duplicate warning). */
  primary?: ComponentChildren;
  cancelLabel: string;
  /** Leave the form; the host drops its draft first (leaving is deliberate). */
  onCancel: () => void;
}

/** A form's Save and Cancel row, the same on every options screen. */
export function FormActions({ submitLabel, busy, primary, cancelLabel, onCancel }: FormActionsProps) {
  return (
    <div class="actions">
      {primary ?? (
        <button type="submit" class="button button--primary" aria-disabled={busy ? 'true' : undefined}>
          {submitLabel}
        </button>
      )}
      <button type="button" class="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
