import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../lib/model/jobs';
import type { Download } from '../templates/download';
import { Notice, type NoticeState } from '../ui/Notice';
import type { BulkApi } from './api';
import { jobCounts, jobCsv } from './report-csv';

/** How often the screen asks for progress while a job runs. */
export const POLL_MS = 700;

const STATE_LABEL: Record<Job['state'], string> = {
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Finished',
};

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
      if (!live || !r.ok) return;
      setJobs(r.value);
      if (r.value.some((j) => j.state === 'running'))
        setTimeout(() => live && setTick((t) => t + 1), POLL_MS);
    });
    return () => {
      live = false;
    };
  }, [api, refreshKey, tick]);

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const r = await run();
    setNotice(r.ok ? { kind: 'ok', text: done } : { kind: 'error', text: r.error?.message ?? 'Failed.' });
    setTick((t) => t + 1);
  };

  if (!jobs.length) return null;
  return (
    <section class="card jobs" aria-labelledby="jobs-heading">
      <h3 id="jobs-heading">Jobs</h3>
      <Notice state={notice} />
      <ul class="jobs__list">
        {jobs.map((job) => {
          const c = jobCounts(job);
          const total = job.steps.length;
          return (
            <li key={job.id} class="job" data-job-id={job.id} data-state={job.state}>
              <p class="job__head">
                <strong>{job.title}</strong> · <span class="job__state">{STATE_LABEL[job.state]}</span>
              </p>
              <progress
                max={total}
                value={total - c.left}
                aria-label={`${job.title}: ${total - c.left} of ${total}`}
              />
              <p class="job__counts">
                {c.done} done · {c.skipped} skipped · {c.failed} failed · {c.left} left
              </p>
              <div class="job__actions">
                {job.state === 'running' && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => void act(() => api.control(job.id, 'pause'), 'Paused.')}
                  >
                    Pause
                  </button>
                )}
                {job.state === 'paused' && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => void act(() => api.control(job.id, 'resume'), 'Resumed.')}
                  >
                    Resume
                  </button>
                )}
                {(job.state === 'running' || job.state === 'paused') && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => void act(() => api.control(job.id, 'cancel'), 'Cancelled.')}
                  >
                    Cancel
                  </button>
                )}
                {c.failed > 0 && job.state !== 'running' && (
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      void act(() => api.control(job.id, 'retryFailed'), 'Retrying the failed ones.')
                    }
                  >
                    Retry the failed ones
                  </button>
                )}
                {job.state !== 'running' && job.kind !== 'undo' && c.done > 0 && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => void act(() => api.undoJob(job.id), 'Undoing the job.')}
                  >
                    Undo this job
                  </button>
                )}
                <button
                  type="button"
                  class="button"
                  onClick={() => download(`job-${job.id}.csv`, jobCsv(job))}
                >
                  Export CSV
                </button>
                <button
                  type="button"
                  class="link-button"
                  aria-expanded={open === job.id}
                  onClick={() => setOpen(open === job.id ? undefined : job.id)}
                >
                  {open === job.id ? 'Hide the report' : 'Show the report'}
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

/** One row per step: what, what happened, the postback id, why. */
export function JobReport({ job }: { job: Job }) {
  return (
    <table class="job__report">
      <thead>
        <tr>
          <th scope="col">Offer</th>
          <th scope="col">Result</th>
          <th scope="col">Postback</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {job.steps.map((s) => (
          <tr key={s.key} data-state={s.state}>
            <td>{s.label || `Offer ${s.offerId}`}</td>
            <td>
              {s.state === 'done'
                ? s.kind === 'create'
                  ? 'created'
                  : 'saved'
                : s.state === 'pending'
                  ? 'not run yet'
                  : s.state}
            </td>
            <td>{s.resultPixelId ?? ''}</td>
            <td>{s.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
