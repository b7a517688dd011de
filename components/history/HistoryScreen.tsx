import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { HistoryEntry, UndoReply } from '../../lib/model/history';
import type { Job } from '../../lib/model/jobs';
import type { Result } from '../../lib/result';
import { Notice, type NoticeState } from '../ui/Notice';

/** What the History screen talks to. */
export interface HistoryApi {
  list(filter: { profileId?: string; jobId?: string }): Promise<Result<HistoryEntry[], AppError>>;
  undo(entryId: string, confirm: boolean): Promise<Result<UndoReply, AppError>>;
  undoJob(jobId: string): Promise<Result<Job, AppError>>;
}

/** What a write did, in words ("Edited"). */
function actionLabel(action: HistoryEntry['action']): string {
  if (action === 'create') return i18n.t('history.action.create');
  if (action === 'update') return i18n.t('history.action.update');
  if (action === 'status') return i18n.t('history.action.status');
  return i18n.t('history.action.delete');
}

/** Who made a write, in words. */
function sourceLabel(e: HistoryEntry): string {
  if (e.source === 'job') return i18n.t('history.byJob', [e.jobId ?? '']);
  return i18n.t(e.source === 'undo' ? 'history.undo' : 'history.user');
}

/** One line saying what changed. */
export function summary(e: HistoryEntry): string {
  const url = (o: HistoryEntry['before']) => (typeof o?.postback_url === 'string' ? o.postback_url : '');
  if (e.action === 'status')
    return `${String(e.before?.pixel_status ?? '?')} → ${String(e.after?.pixel_status ?? '?')}`;
  if (e.action === 'update' && url(e.before) !== url(e.after)) return `${url(e.before)} → ${url(e.after)}`;
  if (e.action === 'create') return url(e.after);
  if (e.action === 'delete') return url(e.before);
  return '';
}

/**
 * Every write the extension made, newest first, filterable by profile and job; undo one write (asking first when
 * the postback changed since), or a whole job.
 */
export function HistoryScreen({ api }: { api: HistoryApi }) {
  const [all, setAll] = useState<HistoryEntry[]>();
  const [profileId, setProfileId] = useState('');
  const [jobId, setJobId] = useState('');
  const [changed, setChanged] = useState<{ id: string; message: string }>();
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const r = await api.list({});
    if (r.ok) setAll(r.value);
    else setNotice({ kind: 'error', text: r.error.message });
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const undo = async (entryId: string, confirm: boolean) => {
    setBusy(true);
    const r = await api.undo(entryId, confirm);
    setBusy(false);
    setChanged(undefined);
    if (r.ok) setNotice({ kind: 'ok', text: r.value.message });
    else if (r.error.kind === 'changed') setChanged({ id: entryId, message: r.error.message });
    else setNotice({ kind: 'error', text: r.error.message });
    await refresh();
  };
  const undoJob = async () => {
    setBusy(true);
    const r = await api.undoJob(jobId);
    setBusy(false);
    setNotice(
      r.ok
        ? {
            kind: 'ok',
            text: i18n.t('history.undoJobStarted', [r.value.title, String(r.value.steps.length)]),
          }
        : { kind: 'error', text: r.error.message },
    );
  };

  if (!all) return <p class="status">{i18n.t('history.loading')}</p>;
  const profiles = [...new Map(all.map((e) => [e.profileId, e.profileName])).entries()];
  const jobs = [...new Set(all.map((e) => e.jobId).filter((j): j is string => !!j))];
  const shown = all.filter((e) => (!profileId || e.profileId === profileId) && (!jobId || e.jobId === jobId));
  return (
    <div class="screen history">
      <p class="intro">{i18n.t('history.intro')}</p>
      <div class="field-row">
        <label class="field">
          <span class="label">{i18n.t('history.profile')}</span>
          <select value={profileId} onChange={(e) => setProfileId(e.currentTarget.value)}>
            <option value="">{i18n.t('history.everyProfile')}</option>
            {profiles.map(([id, name]) => (
              <option key={id} value={id}>
                {name || id}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="label">{i18n.t('history.job')}</span>
          <select value={jobId} onChange={(e) => setJobId(e.currentTarget.value)}>
            <option value="">{i18n.t('history.anyJob')}</option>
            {jobs.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        {jobId && (
          <button type="button" class="button" disabled={busy} onClick={() => void undoJob()}>
            {i18n.t('history.undoJob')}
          </button>
        )}
      </div>
      <Notice state={notice} />
      {changed && (
        <p class="alert" role="alert">
          {changed.message}{' '}
          <button type="button" class="button" disabled={busy} onClick={() => void undo(changed.id, true)}>
            {i18n.t('history.undoAnyway')}
          </button>
        </p>
      )}
      {shown.length === 0 ? (
        <p class="empty">{i18n.t('history.empty')}</p>
      ) : (
        <table class="history__table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('history.colWhen')}</th>
              <th scope="col">{i18n.t('history.colProfile')}</th>
              <th scope="col">{i18n.t('history.colWhat')}</th>
              <th scope="col">{i18n.t('history.colChange')}</th>
              <th scope="col">{i18n.t('history.colBy')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('history.colUndo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id} data-entry-id={e.id} data-action={e.action}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.profileName}</td>
                <td>
                  {e.offerId
                    ? i18n.t('history.whatOffer', [
                        actionLabel(e.action),
                        String(e.pixelId),
                        String(e.offerId),
                      ])
                    : i18n.t('history.what', [actionLabel(e.action), String(e.pixelId)])}
                </td>
                <td>
                  <code>{summary(e)}</code>
                </td>
                <td>{sourceLabel(e)}</td>
                <td>
                  {e.undoneBy ? (
                    <span class="muted">{i18n.t('history.undone')}</span>
                  ) : (
                    <button
                      type="button"
                      class="button"
                      disabled={busy}
                      aria-label={i18n.t('history.undoLabel', [
                        actionLabel(e.action).toLowerCase(),
                        String(e.pixelId),
                      ])}
                      onClick={() => void undo(e.id, false)}
                    >
                      {i18n.t('history.undoButton')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
