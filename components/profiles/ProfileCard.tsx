import { i18n } from '#i18n';
import type { ProfileView } from '../../lib/model/profile';
import { formatTime } from '../ui/format';

export interface ProfileCardProps {
  profile: ProfileView;
  busy: boolean;
  onEdit: () => void;
  onCheck: () => void;
  onMakeDefault: () => void;
  onRemove: () => void;
}

function regionText(p: ProfileView): string {
  if (p.region === 'eu') return i18n.t('profiles.region.eu');
  if (p.region === 'custom') return p.customBaseUrl ?? i18n.t('profiles.region.custom');
  return i18n.t('profiles.region.us');
}

/** One profile: its account as the key check found it, when that was, its masked key and its actions. */
export function ProfileCard({
  profile: p,
  busy,
  onEdit,
  onCheck,
  onMakeDefault,
  onRemove,
}: ProfileCardProps) {
  const role = p.role === 'affiliate' ? i18n.t('profiles.role.affiliate') : i18n.t('profiles.role.network');
  return (
    <li class="card profile" data-profile-id={p.id}>
      <div class="profile__head">
        <h3 class="profile__name">{p.name}</h3>
        {p.isDefault && <span class="badge badge--accent">{i18n.t('profiles.default')}</span>}
      </div>
      <dl class="facts">
        <dt>{i18n.t('profiles.card.account')}</dt>
        <dd>
          {p.account
            ? i18n.t('profiles.card.accountValue', [
                p.account.name,
                p.account.realm === 'affiliate'
                  ? i18n.t('profiles.realm.affiliate')
                  : i18n.t('profiles.realm.network'),
              ])
            : i18n.t('profiles.card.notChecked')}
        </dd>
        <dt>{i18n.t('profiles.card.keyType')}</dt>
        <dd>{role}</dd>
        <dt>{i18n.t('profiles.card.key')}</dt>
        <dd>
          {p.hasKey ? (
            <code>{p.maskedKey}</code>
          ) : (
            <span class="warn-text">
              {p.keyLost === 'unreadable'
                ? i18n.t('profiles.card.keyUnreadable')
                : p.keyLost === 'forgotten'
                  ? i18n.t('profiles.card.keyMissing')
                  : i18n.t('profiles.card.keyAbsent')}
            </span>
          )}
        </dd>
        <dt>{i18n.t('profiles.card.region')}</dt>
        <dd>{regionText(p)}</dd>
        <dt>{i18n.t('profiles.card.domains')}</dt>
        <dd>
          {p.portalDomains.length ? (
            <ul class="inline-list">
              {p.portalDomains.map((d) => (
                <li key={d}>
                  <code>{d}</code>
                </li>
              ))}
            </ul>
          ) : (
            i18n.t('profiles.card.noDomains')
          )}
        </dd>
        <dt>{i18n.t('profiles.card.checked')}</dt>
        <dd>{p.account ? formatTime(p.account.checkedAt) : i18n.t('profiles.card.never')}</dd>
      </dl>
      <div class="actions">
        <button type="button" class="button" onClick={onEdit}>
          {i18n.t('profiles.card.edit')}
          <span class="sr-only"> {p.name}</span>
        </button>
        <button type="button" class="button" onClick={onCheck} disabled={busy || !p.hasKey}>
          {i18n.t('profiles.card.check')}
          <span class="sr-only"> {p.name}</span>
        </button>
        {!p.isDefault && (
          <button type="button" class="button" onClick={onMakeDefault} disabled={busy}>
            {i18n.t('profiles.card.makeDefault')}
            <span class="sr-only"> {p.name}</span>
          </button>
        )}
        <button type="button" class="button button--danger-outline" onClick={onRemove} disabled={busy}>
          {i18n.t('profiles.card.remove')}
          <span class="sr-only"> {p.name}</span>
        </button>
      </div>
    </li>
  );
}
