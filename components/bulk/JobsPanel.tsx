import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Job, JobStep } from '../../lib/model/jobs';
import type { Download } from '../templates/download';
import { Notice, type NoticeState } from '../ui/Notice';
import type { BulkApi } from './api';
import { jobCounts, jobCsv } from './report-csv';

/** How often the screen asks for progress while a job runs. */
export const POLL_MS = 700;

/** A job's state, in words. */
function stateLabel(state: Job['state']): string {
  if (state === 'running') return i18n.t('bulk.jobs.running');
  if (state === 'paused') return i18n.t('bulk.jobs.paused');
  if (state === 'cancelled') return i18n.t('bulk.jobs.cancelled');
  return i18n.t('bulk.jobs.done');
}

/**
 * The jobs the background runs or ran: a progress bar each, pause / resume / cancel, the report per offer (created
 * with id, skipped and why, failed and why), CSV export, "Retry the failed ones" and "Undo this job".
 */
export function JobsPanel({
  api,
  download,
  refreshKey,
}: {
  api: BulkApi;
  download: Download;
  refreshKey: number;
}) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [open, setOpen] = useState<string>();
  const [notice, setNotice] = useState<NoticeState>();
  const [tick, setTick] = useState(0);

  // Poll while something runs (`refreshKey` and `tick` ask for a fresh read); the job itself lives in the
  // background, so closing this page loses nothing.
  useEffect(() => {
    let live = true;
    void api.jobs().then((r) => {
      if (!live) return;
      // A read that failed (the worker was stopped and is starting again) is tried again, not the end of polling.
      if (r.ok) setJobs(r.value);
      if (!r.ok || r.value.some((j) => j.state === 'running'))
        setTimeout(() => live && setTick((t) => t + 1), POLL_MS);
    });
    return () => {
      live = false;
    };
  }, [api, refreshKey, tick]);

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const r = await run();
    setNotice(
      r.ok
        ? { kind: 'ok', text: done }
        : { kind: 'error', text: r.error?.message ?? i18n.t('bulk.jobs.failed') },
    );
    setTick((t) => t + 1);
  };

  if (!jobs.length) return null;
  return (
    <section class="card jobs" aria-labelledby="jobs-heading">
      <h3 id="jobs-heading">{i18n.t('bulk.jobs.heading')}</h3>
      <Notice state={notice} />
      <ul class="jobs__list">
        {jobs.map((job) => {
          const c = jobCounts(job);
          const total = job.steps.length;
          return (
            <li key={job.id} class="job" data-job-id={job.id} data-state={job.state}>
              <p class="job__head">
                <strong>{job.title}</strong> · <span class="job__state">{stateLabel(job.state)}</span>
              </p>
              <progress
                max={total}
                value={total - c.left}
                aria-label={i18n.t('bulk.jobs.progress', [job.title, String(total - c.left), String(total)])}
              />
              <p class="job__counts">
                {i18n.t('bulk.jobs.counts', [
                  String(c.done),
                  String(c.skipped),
                  String(c.failed),
                  String(c.left),
                ])}
              </p>
              <div class="job__actions">
                {job.state === 'running' && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => void act(() => api.control(job.id, 'pause'), i18n.t('bulk.jobs.didPause'))}
                  >
                    {i18n.t('bulk.jobs.pause')}
                  </button>
                )}
                {job.state === 'paused' && (
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      void act(() => api.control(job.id, 'resume'), i18n.t('bulk.jobs.didResume'))
                    }
                  >
                    {i18n.t('bulk.jobs.resume')}
                  </button>
                )}
                {(job.state === 'running' || job.state === 'paused') && (
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      void act(() => api.control(job.id, 'cancel'), i18n.t('bulk.jobs.didCancel'))
                    }
                  >
                    {i18n.t('bulk.jobs.cancel')}
                  </button>
                )}
                {c.failed > 0 && job.state !== 'running' && (
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      void act(() => api.control(job.id, 'retryFailed'), i18n.t('bulk.jobs.didRetry'))
                    }
                  >
                    {i18n.t('bulk.jobs.retry')}
                  </button>
                )}
                {job.state !== 'running' && job.kind !== 'undo' && c.done > 0 && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => void act(() => api.undoJob(job.id), i18n.t('bulk.jobs.didUndo'))}
                  >
                    {i18n.t('bulk.jobs.undo')}
                  </button>
                )}
                <button
                  type="button"
                  class="button"
                  onClick={() => download(`job-${job.id}.csv`, jobCsv(job))}
                >
                  {i18n.t('bulk.jobs.exportCsv')}
                </button>
                <button
                  type="button"
                  class="link-button"
                  aria-expanded={open === job.id}
                  onClick={() => setOpen(open === job.id ? undefined : job.id)}
                >
                  {i18n.t(open === job.id ? 'bulk.jobs.hideReport' : 'bulk.jobs.showReport')}
                </button>
              </div>
              {open === job.id && <JobReport job={job} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What happened to a step, in words. */
function stepResult(s: JobStep): string {
  if (s.state === 'done') return i18n.t(s.kind === 'create' ? 'bulk.jobs.created' : 'bulk.jobs.saved');
  if (s.state === 'pending') return i18n.t('bulk.jobs.notRun');
  if (s.state === 'skipped') return i18n.t('bulk.jobs.skipped');
  if (s.state === 'failed') return i18n.t('bulk.jobs.failedStep');
  return i18n.t('bulk.jobs.sending');
}

/** One row per step: what, what happened, the postback id, why. */
export function JobReport({ job }: { job: Job }) {
  return (
    <table class="job__report">
      <thead>
        <tr>
          <th scope="col">{i18n.t('bulk.jobs.colOffer')}</th>
          <th scope="col">{i18n.t('bulk.jobs.colResult')}</th>
          <th scope="col">{i18n.t('bulk.jobs.colPostback')}</th>
          <th scope="col">{i18n.t('bulk.jobs.colWhy')}</th>
        </tr>
      </thead>
      <tbody>
        {job.steps.map((s) => (
          <tr key={s.key} data-state={s.state}>
            <td>{s.label || i18n.t('bulk.jobs.offerN', [String(s.offerId)])}</td>
            <td>{stepResult(s)}</td>
            <td>{s.resultPixelId ?? ''}</td>
            <td>{s.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
