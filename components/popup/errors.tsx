import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';

export interface ActionErrorProps {
  error: AppError;
  /** The portal the tab is on, for "open the portal" when the network disabled self-service postbacks. */
  portalOrigin?: string;
  /** Whether what the user typed is still there (it always is; saying so calms people down). */
  draftKept?: boolean;
}

/** An error next to what failed: the human message, plus what to do for the cases that have a next step. */
export function ActionError({ error, portalOrigin, draftKept }: ActionErrorProps) {
  return (
    <div class="action-error" role="alert" data-kind={error.kind}>
      <p>{error.message}</p>
      {error.kind === 'offline' || error.kind === 'timeout' ? (
        <p class="muted">
          {i18n.t('popup.error.offline')}
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
    </div>
  );
}
