import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { Result } from '../../lib/result';

/** How long a toast offers "Undo". */
export const UNDO_TOAST_MS = 8000;

export interface UndoToastProps {
  /** What was done ("Switched postback #12 off."). */
  text: string;
  /** Undo it; `confirm` after the user agreed to undo over a later change. */
  onUndo: (confirm: boolean) => Promise<Result<{ message: string }, AppError>>;
  /** The toast's time is up, or the undo is done and read. */
  onDone: () => void;
  timeoutMs?: number;
}

/**
 * The notice after a toggle, edit or delete, with "Undo" for a few seconds. When the postback changed since (kind
 * `changed`), it says so and offers "Undo anyway".
 */
export function UndoToast({ text, onUndo, onDone, timeoutMs = UNDO_TOAST_MS }: UndoToastProps) {
  const [state, setState] = useState<
    | { kind: 'offer' }
    | { kind: 'busy' }
    | { kind: 'changed'; message: string }
    | { kind: 'done'; message: string }
  >({ kind: 'offer' });
  // The offer expires; an answer the user is reading does not.
  useEffect(() => {
    if (state.kind !== 'offer') return;
    const t = setTimeout(onDone, timeoutMs);
    return () => clearTimeout(t);
  }, [state.kind, onDone, timeoutMs]);

  const undo = async (confirm: boolean) => {
    setState({ kind: 'busy' });
    const r = await onUndo(confirm);
    if (r.ok) setState({ kind: 'done', message: r.value.message });
    else if (r.error.kind === 'changed') setState({ kind: 'changed', message: r.error.message });
    else setState({ kind: 'done', message: r.error.message });
  };

  if (state.kind === 'done') {
    return (
      <p class="notice" role="status">
        {state.message}
      </p>
    );
  }
  return (
    <p class="notice undo-toast" role="status">
      {state.kind === 'changed' ? state.message : text}{' '}
      <button
        type="button"
        class="link-button"
        disabled={state.kind === 'busy'}
        onClick={() => void undo(state.kind === 'changed')}
      >
        {i18n.t(state.kind === 'changed' ? 'popup.undo.anyway' : 'popup.undo.undo')}
      </button>
    </p>
  );
}
