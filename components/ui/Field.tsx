import type { ComponentChildren } from 'preact';

/** The `aria-describedby` of a field: its hint and its error, when it has them. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** A field's error line (rendered only when there is an error). */
export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={id}>
      {message}
    </p>
  );
}

export interface FieldProps {
  /** The control's id; the hint and the error get `<id>-hint` and `<id>-error` (see `describedBy`). */
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** The wrapper's class (`field`, or `field field--narrow`, …). */
  class?: string;
  /** The control itself (and anything that belongs between it and the hint). */
  children: ComponentChildren;
}

/** The one field shell: label, control, hint, error. Every form field of the extension is built on it. */
export function Field({ id, label, hint, error, class: cls = 'field', children }: FieldProps) {
  return (
    <div class={cls}>
      <label for={id}>{label}</label>
      {children}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
