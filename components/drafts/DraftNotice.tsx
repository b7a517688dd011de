import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import { formatTime } from '../ui/format';

export interface DraftNoticeProps {
  restoredAt?: number | undefined;
  /** Why the draft could not be kept (too large, storage full), from `useDraft`. */
  error?: AppError | undefined;
  onDiscard: () => void;
}

/** "Restored your unsaved changes from …" with a way back to the saved state, and why a draft was not kept. */
export function DraftNotice({ restoredAt, error, onDiscard }: DraftNoticeProps) {
  return (
    <>
      {restoredAt === undefined ? null : (
        <p class="notice" role="status">
          {i18n.t('drafts.restored', [formatTime(restoredAt)])}{' '}
          <button type="button" class="button button--small" onClick={onDiscard}>
            {i18n.t('drafts.discard')}
          </button>
        </p>
      )}
      {error ? (
        <p class="error" role="alert" data-kind={error.kind}>
          {i18n.t('drafts.notKept', [error.message])}
        </p>
      ) : null}
    </>
  );
}
