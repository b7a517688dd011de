import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { ProfileInput, ProfileView } from '../../lib/model/profile';
import type { Result } from '../../lib/result';
import type { DraftStore } from '../drafts/use-draft';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { LoadState } from '../ui/LoadState';
import { Notice, type NoticeState } from '../ui/Notice';
import { ProfileCard } from './ProfileCard';
import { ProfileForm } from './ProfileForm';
import type { PermissionsApi } from './permissions';

/** The profile messages the screen needs (wired to the background by the options page). */
export interface ProfilesApi {
  list: () => Promise<Result<ProfileView[], AppError>>;
  save: (input: ProfileInput) => Promise<Result<ProfileView, AppError>>;
  remove: (id: string) => Promise<Result<true, AppError>>;
  setDefault: (id: string) => Promise<Result<true, AppError>>;
  check: (id: string) => Promise<Result<ProfileView, AppError>>;
}

export interface ProfilesScreenProps {
  api: ProfilesApi;
  permissions: PermissionsApi;
  drafts: DraftStore;
  /** The open form, from the address: "new", a profile id, or none. */
  item?: string;
  navigate: (item?: string) => void;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; profiles: ProfileView[] }
  | { kind: 'error'; message: string };

function accountLine(p: ProfileView): string {
  if (!p.account) return '';
  const realm =
    p.account.realm === 'affiliate' ? i18n.t('profiles.realm.affiliate') : i18n.t('profiles.realm.network');
  return i18n.t('profiles.card.accountValue', [p.account.name, realm]);
}

/** Profiles: one per Everflow account, with its key check, the default, and removal that asks first. */
export function ProfilesScreen({ api, permissions, drafts, item, navigate }: ProfilesScreenProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState<string>();
  /** What the running action does, said at once (a key check may take up to the request deadline). */
  const [progress, setProgress] = useState<string>();
  const [removing, setRemoving] = useState<ProfileView>();
  const addButton = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async () => {
    const r = await api.list();
    setLoad(r.ok ? { kind: 'ready', profiles: r.value } : { kind: 'error', message: r.error.message });
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A banner belongs to the action that made it: a new action clears it before it starts.
  const run = async (id: string, action: () => Promise<NoticeState>, doing?: string) => {
    setBusy(id);
    setNotice(undefined);
    setProgress(doing);
    const outcome = await action();
    setProgress(undefined);
    setNotice(outcome);
    await refresh();
    setBusy(undefined);
  };
  const check = (p: ProfileView) =>
    run(
      p.id,
      async () => {
        const r = await api.check(p.id);
        return r.ok
          ? { kind: 'ok', text: i18n.t('profiles.checked', [r.value.name, accountLine(r.value)]) }
          : { kind: 'error', text: i18n.t('profiles.checkFailed', [p.name, r.error.message]) };
      },
      i18n.t('profiles.checking', [p.name]),
    );
  const makeDefault = (p: ProfileView) =>
    run(p.id, async () => {
      const r = await api.setDefault(p.id);
      return r.ok
        ? { kind: 'ok', text: i18n.t('profiles.defaultSet', [p.name]) }
        : { kind: 'error', text: r.error.message };
    });
  const remove = (p: ProfileView) =>
    run(p.id, async () => {
      const r = await api.remove(p.id);
      setRemoving(undefined);
      return r.ok
        ? { kind: 'ok', text: i18n.t('profiles.removed', [p.name]), focus: true }
        : { kind: 'error', text: r.error.message, focus: true };
    });

  if (load.kind === 'loading' || load.kind === 'error')
    return <LoadState load={load} onRetry={() => void refresh()} />;
  const profiles = load.profiles;
  const editing = item && item !== 'new' ? profiles.find((p) => p.id === item) : undefined;
  // A banner belongs to the action that made it: opening the form for another profile drops it.
  const open = (next: string) => {
    setNotice(undefined);
    navigate(next);
  };
  const formOpen = item === 'new' || editing !== undefined || profiles.length === 0;
  return (
    <div class="screen">
      <p class="intro">{i18n.t('profiles.intro')}</p>
      <Notice state={notice} />
      {progress && (
        <p class="status" role="status">
          {progress}
        </p>
      )}
      {formOpen ? (
        <ProfileForm
          key={editing?.id ?? 'new'}
          editing={editing}
          save={api.save}
          permissions={permissions}
          drafts={drafts}
          onStart={() => setNotice(undefined)}
          onSaved={(saved) => {
            setNotice({
              kind: 'ok',
              text: i18n.t('profiles.saved', [saved.name, accountLine(saved)]),
              focus: true,
            });
            navigate(undefined);
            void refresh();
          }}
          onCancel={() => navigate(undefined)}
        />
      ) : (
        <div class="toolbar">
          <button type="button" class="button button--primary" ref={addButton} onClick={() => open('new')}>
            {i18n.t('profiles.add')}
          </button>
        </div>
      )}
      {profiles.length > 0 && (
        <ul class="cards" aria-label={i18n.t('profiles.listLabel')}>
          {profiles.map((p) => (
            <ProfileCard
              key={p.id}
              profile={p}
              busy={busy === p.id}
              onEdit={() => open(p.id)}
              onCheck={() => void check(p)}
              onMakeDefault={() => void makeDefault(p)}
              onRemove={() => {
                setNotice(undefined);
                setRemoving(p);
              }}
            />
          ))}
        </ul>
      )}
      {removing && (
        <ConfirmDialog
          title={i18n.t('profiles.removeTitle', [removing.name])}
          confirmLabel={i18n.t('profiles.removeConfirm')}
          danger
          busy={busy === removing.id}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(undefined)}
        >
          <p>{i18n.t('profiles.removeBody')}</p>
          <ul>
            <li>{i18n.t('profiles.removeKey', [removing.maskedKey])}</li>
            <li>{i18n.t('profiles.removeCache')}</li>
            <li>{i18n.t('profiles.removeDefaults')}</li>
          </ul>
          <p>{i18n.t('profiles.removeKept')}</p>
          {removing.isDefault && profiles.length > 1 && <p>{i18n.t('profiles.removeDefaultMoves')}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
