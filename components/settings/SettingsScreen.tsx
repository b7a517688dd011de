import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { ProfileView } from '../../lib/model/profile';
import {
  DEFAULT_HEALTH_WATCH,
  DEFAULT_REQUEST_DEADLINE_MS,
  type HealthWatchSettings,
  type Settings,
} from '../../lib/model/settings';
import type { Result } from '../../lib/result';
import { LoadState } from '../ui/LoadState';
import { Notice, type NoticeState } from '../ui/Notice';

/** The messages the settings screen needs. */
export interface SettingsApi {
  get: () => Promise<Result<Settings, AppError>>;
  update: (patch: Partial<Settings>) => Promise<Result<Settings, AppError>>;
  listProfiles: () => Promise<Result<ProfileView[], AppError>>;
  setDefaultProfile: (id: string) => Promise<Result<true, AppError>>;
  /** Ask for the optional `notifications` permission; called synchronously from the click. */
  requestNotifications?: () => Promise<boolean>;
}

const EVERY_MINUTES = [15, 30, 60, 120, 360, 1440] as const;
/** The time limits offered for a request the user started, in seconds (10 s is the default). */
const DEADLINE_SECONDS = [10, 15, 20, 30, 45, 60] as const;

function everyLabel(m: number): string {
  return m < 60 ? `${m} minutes` : m === 60 ? 'hour' : m === 1440 ? 'day' : `${m / 60} hours`;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; settings: Settings; profiles: ProfileView[] }
  | { kind: 'error'; message: string };

/** Settings: keep keys for the session only, and the default profile. Each change is saved at once. */
export function SettingsScreen({ api }: { api: SettingsApi }) {
  const id = useId();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<NoticeState>();
  const [saving, setSaving] = useState(false);

  const refresh = useCallback(async () => {
    const [s, p] = await Promise.all([api.get(), api.listProfiles()]);
    if (!s.ok) return setLoad({ kind: 'error', message: s.error.message });
    if (!p.ok) return setLoad({ kind: 'error', message: p.error.message });
    setLoad({ kind: 'ready', settings: s.value, profiles: p.value });
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const change = async (run: () => Promise<Result<unknown, AppError>>) => {
    setSaving(true);
    const r = await run();
    setSaving(false);
    setNotice(
      r.ok ? { kind: 'ok', text: i18n.t('settings.saved') } : { kind: 'error', text: r.error.message },
    );
    await refresh();
  };

  if (load.kind === 'loading' || load.kind === 'error')
    return <LoadState load={load} onRetry={() => void refresh()} />;
  const { settings, profiles } = load;
  const defaultId = profiles.find((p) => p.isDefault)?.id ?? '';
  const watch = settings.healthWatch ?? DEFAULT_HEALTH_WATCH;
  const deadlineSeconds = Math.round((settings.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS) / 1000);
  const setWatch = (patch: Partial<HealthWatchSettings>) =>
    void change(() => api.update({ healthWatch: { ...watch, ...patch } }));
  return (
    <div class="screen card form">
      <Notice state={notice} />
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.forgetKeysOnClose}
            disabled={saving}
            aria-describedby={`${id}-forget-hint`}
            onChange={(e) =>
              void change(() =>
                api.update({ forgetKeysOnClose: (e.currentTarget as HTMLInputElement).checked }),
              )
            }
          />{' '}
          {i18n.t('settings.forgetKeys')}
        </label>
        <p class="hint" id={`${id}-forget-hint`}>
          {i18n.t('settings.forgetKeysHint')}
        </p>
      </div>
      <div class="field">
        {profiles.length === 0 ? (
          <>
            <p class="label">{i18n.t('settings.defaultProfile')}</p>
            <p class="hint">{i18n.t('settings.noProfiles')}</p>
          </>
        ) : (
          <>
            <label for={`${id}-default`}>{i18n.t('settings.defaultProfile')}</label>
            <select
              id={`${id}-default`}
              value={defaultId}
              disabled={saving}
              aria-describedby={`${id}-default-hint`}
              onChange={(e) =>
                void change(() => api.setDefaultProfile((e.currentTarget as HTMLSelectElement).value))
              }
            >
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </>
        )}
        <p class="hint" id={`${id}-default-hint`}>
          {i18n.t('settings.defaultProfileHint')}
        </p>
      </div>
      <div class="field">
        <label for={`${id}-deadline`}>{i18n.t('settings.requestDeadline')}</label>
        <select
          id={`${id}-deadline`}
          value={String(deadlineSeconds)}
          disabled={saving}
          aria-describedby={`${id}-deadline-hint`}
          onChange={(e) =>
            void change(() =>
              api.update({ requestDeadlineMs: Number((e.currentTarget as HTMLSelectElement).value) * 1000 }),
            )
          }
        >
          {/* A value stored outside the list (an older or synced setting) stays shown as it is. */}
          {[...new Set([...DEADLINE_SECONDS, deadlineSeconds])]
            .sort((a, b) => a - b)
            .map((s) => (
              <option key={s} value={String(s)}>
                {i18n.t('settings.requestDeadlineSeconds', [String(s)])}
              </option>
            ))}
        </select>
        <p class="hint" id={`${id}-deadline-hint`}>
          {i18n.t('settings.requestDeadlineHint')}
        </p>
      </div>
      <fieldset class="field" aria-describedby={`${id}-watch-hint`}>
        <legend class="label">{i18n.t('settings.healthWatch')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={watch.enabled}
            disabled={saving}
            onChange={(e) => setWatch({ enabled: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {i18n.t('settings.healthWatchOn')}
        </label>
        <p class="hint" id={`${id}-watch-hint`}>
          {i18n.t('settings.healthWatchHint')}
        </p>
        <label for={`${id}-every`}>{i18n.t('settings.healthWatchEvery')}</label>
        <select
          id={`${id}-every`}
          value={String(watch.everyMinutes)}
          disabled={saving || !watch.enabled}
          onChange={(e) => setWatch({ everyMinutes: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {[...new Set([...EVERY_MINUTES, watch.everyMinutes])].map((m) => (
            <option key={m} value={String(m)}>
              {everyLabel(m)}
            </option>
          ))}
        </select>
        <label class="choice">
          <input
            type="checkbox"
            checked={watch.notify}
            disabled={saving || !watch.enabled}
            aria-describedby={`${id}-notify-hint`}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              if (!on || !api.requestNotifications) return setWatch({ notify: on });
              // The permission prompt must be the first thing this click does.
              void api.requestNotifications().then((granted) => {
                if (granted) setWatch({ notify: true });
                else {
                  setNotice({ kind: 'error', text: i18n.t('settings.healthWatchNotifyRefused') });
                  void refresh();
                }
              });
            }}
          />{' '}
          {i18n.t('settings.healthWatchNotify')}
        </label>
        <p class="hint" id={`${id}-notify-hint`}>
          {i18n.t('settings.healthWatchNotifyHint')}
        </p>
      </fieldset>
    </div>
  );
}
