import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { ProfileView } from '../../lib/model/profile';
import type { Result } from '../../lib/result';

export interface PortalQuestionProps {
  host: string;
  /** The offer the tab's URL names: the question says it, so "which offer?" is never in doubt. */
  offerId?: number | undefined;
  /** The profiles the portal may belong to, in the order to offer them. */
  profiles: { id: string; name: string }[];
  /** The profile shown now, when it was only guessed (an Everflow portal nobody claims). */
  current?: string | undefined;
  /** Store the host on the profile (the background's `portal.claim`). */
  claim: (host: string, profileId: string) => Promise<Result<ProfileView, AppError>>;
  /** Called once the host is stored on the profile. */
  onClaimed: (profile: ProfileView) => void;
}

/**
 * "Offer 14 — which profile is this portal for?", with one button per profile in a row under it: shown when the tab looks like an
 * offer page on a host no profile names. One click stores the host on that profile, so the next visit needs none.
 */
export function PortalQuestion({ host, offerId, profiles, current, claim, onClaimed }: PortalQuestionProps) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const pick = async (id: string) => {
    setBusy(id);
    setError(undefined);
    const r = await claim(host, id);
    setBusy(undefined);
    if (r.ok) onClaimed(r.value);
    else setError(r.error.message);
  };
  return (
    <section class="portal-ask" aria-label={i18n.t('popup.portal.label')}>
      <p class="portal-ask__question" title={host}>
        {offerId ? i18n.t('popup.portal.questionOffer', [String(offerId)]) : i18n.t('popup.portal.question')}
      </p>
      {/* The answers in one row under the question, wrapping only when there are many. */}
      <div class="portal-ask__choices">
        {profiles.map((p) => (
          <button
            key={p.id}
            type="button"
            class={`button button--small${p.id === current ? '' : ' button--primary'}`}
            disabled={busy !== undefined}
            aria-busy={busy === p.id}
            onClick={() => void pick(p.id)}
          >
            {busy === p.id ? i18n.t('popup.portal.saving') : p.name}
          </button>
        ))}
      </div>
      {error ? (
        <p class="action-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
