import { useEffect, useRef } from 'preact/hooks';

/**
 * An outcome to tell the user about; `ok` is announced politely, `error` at once. `focus` moves focus to it,
 * for when the control that started the action is gone (a closed form, a removed item).
 */
export type NoticeState = { kind: 'ok' | 'error'; text: string; focus?: boolean } | undefined;

/** The result of an action; takes focus when asked, so keyboard users are not dropped at the top of the page. */
export function Notice({ state }: { state: NoticeState }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state?.focus) ref.current?.focus();
  }, [state]);
  if (!state) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      class={state.kind === 'ok' ? 'notice notice--ok' : 'alert'}
      role={state.kind === 'ok' ? 'status' : 'alert'}
    >
      {state.text}
    </p>
  );
}
