import type { ComponentChildren, RefObject } from 'preact';
import { DraftNotice } from './DraftNotice';
import type { DraftState } from './use-draft';

export interface DraftFormProps<T extends object> {
  /** The form's id prefix; its heading is `${id}-title`. */
  id: string;
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (e: Event) => void;
  draft: DraftState<T>;
  /** The value the form goes back to when the user discards the restored draft. */
  initial: T;
  setValue: (value: T) => void;
  children: ComponentChildren;
}

/**
 * The shell of an options form that keeps a draft (profiles, templates): a card form named by its heading, and
 * the "restored from a draft" notice whose Discard puts the initial value back without saving it as a new draft.
 */
export function DraftForm<T extends object>(props: DraftFormProps<T>) {
  const { id, title, formRef, onSubmit, draft, initial, setValue, children } = props;
  return (
    <form ref={formRef} class="card form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      <DraftNotice
        restoredAt={draft.restoredAt}
        error={draft.error}
        onDiscard={() => {
          setValue(initial);
          void draft.clear(initial);
        }}
      />
      {children}
    </form>
  );
}
