import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';

export interface ActionErrorProps {
  error: AppError;
  /** The portal the tab is on, for "open the portal" when the network disabled self-service postbacks. */
  portalOrigin?: string | undefined;
  /** Whether what the user typed is still there (it always is; saying so calms people down). */
  draftKept?: boolean;
  /** The profile's API host: the region advice is only for Everflow's own hosts, not an address the user typed. */
  apiHost?: 'everflow' | 'custom' | undefined;
  /** Shown when repeating the action is safe (nothing was saved, or it is a read or a status change). */
  onRetry?: (() => void) | undefined;
}

/** What to check when Everflow could not be reached, fitting the profile's API host. */
export function reachAdvice(apiHost: 'everflow' | 'custom' | undefined): string {
  return apiHost === 'custom' ? i18n.t('popup.error.offlineCustom') : i18n.t('popup.error.offline');
}

/** An error next to what failed: the human message, plus what to do for the cases that have a next step. */
export function ActionError({ error, portalOrigin, draftKept, apiHost, onRetry }: ActionErrorProps) {
  return (
    <div class="action-error" role="alert" data-kind={error.kind}>
      <p>{error.message}</p>
      {(error.kind === 'offline' || error.kind === 'timeout') && !error.unsent ? (
        <p class="muted">
          {reachAdvice(apiHost)}
          {draftKept ? i18n.t('popup.error.draftKept') : ''}
        </p>
      ) : draftKept ? (
        <p class="muted">{i18n.t('popup.error.nothingLost')}</p>
      ) : null}
      {error.kind === 'forbidden' && portalOrigin ? (
        <p>
          <a href={portalOrigin} target="_blank" rel="noopener noreferrer">
            {i18n.t('popup.error.openPortal')}
          </a>
          {i18n.t('popup.error.portalHint')}
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" class="button button--small" onClick={onRetry}>
          {i18n.t('popup.error.retry')}
        </button>
      ) : null}
    </div>
  );
}
