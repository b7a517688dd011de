import { i18n } from '#i18n';

/** A screen's data that is still loading, or failed to load. */
export type NotLoaded = { kind: 'loading' } | { kind: 'error'; message: string };

/** What an options screen shows before its data is there: "Loading…", or the error with a retry button. */
export function LoadState({ load, onRetry }: { load: NotLoaded; onRetry: () => void }) {
  if (load.kind === 'loading') {
    return (
      <p class="status" aria-busy="true">
        {i18n.t('common.loading')}
      </p>
    );
  }
  return (
    <div>
      <p class="alert" role="alert">
        {load.message}
      </p>
      <button type="button" class="button" onClick={onRetry}>
        {i18n.t('common.retry')}
      </button>
    </div>
  );
}
