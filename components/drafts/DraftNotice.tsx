import { i18n } from '#i18n';
import { formatTime } from '../ui/format';

export interface DraftNoticeProps {
  restoredAt?: number;
  onDiscard: () => void;
}

/** "Restored your unsaved changes from …" with a way back to the saved state. */
export function DraftNotice({ restoredAt, onDiscard }: DraftNoticeProps) {
  if (restoredAt === undefined) return null;
  return (
    <p class="notice" role="status">
      {i18n.t('drafts.restored', [formatTime(restoredAt)])}{' '}
      <button type="button" class="button button--small" onClick={onDiscard}>
        {i18n.t('drafts.discard')}
      </button>
    </p>
  );
}
