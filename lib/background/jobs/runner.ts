import type { Job, JobAction, JobStep } from '../../model/jobs';
import type { PixelDeps } from '../services/pixels';
import { resolveSending, runStep, stepContext } from './steps';
import { createJobStore, type JobStore } from './store';

/** What the runner tells the browser: the toolbar badge, and when to keep the worker alive (alarms). */
export interface JobRunnerDeps extends PixelDeps {
  /**
   * The toolbar badge's jobs count: remaining steps of the running jobs, 0 when none. A count, not the badge's
   * text, so the worker can combine it with the badge's other sources.
   */
  badge?: (count: number) => void;
  /** A job started running (create the keep-alive alarm). */
  onBusy?: () => void;
  /** No job is running any more (clear the alarm). */
  onIdle?: () => void;
  /** Steps in flight at once within a job; the client's limiter paces them. Default 4. */
  concurrency?: number;
}

/** Runs persisted jobs in the background worker, step by step, resuming from storage after any stop. */
export interface JobRunner {
  store: JobStore;
  /** Persist a new job and run it. */
  start(job: Job): Promise<Job>;
  /** Resume whatever is running in storage (worker start, alarm). Resolves when nothing is left to run. */
  kick(): Promise<void>;
  control(id: string, action: JobAction): Promise<Job | undefined>;
  /** Stop taking new steps (tests and the bench tear a runner down to simulate a stopped worker). */
  stop(): void;
}

/** Steps not finished yet. */
export function remaining(job: Job): number {
  return job.steps.filter((s) => s.state === 'pending' || s.state === 'sending').length;
}

/** Creates the runner of one worker. */
export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const store = createJobStore(deps.now);
  // A job's requests have no end-to-end deadline (the page's 10 s is for calls a person waits for): a step may
  // wait its turn at the rate limit or a 429's Retry-After, and keeps the per-request timeout and retries.
  const stepDeps: PixelDeps = {
    ...deps,
    clientFor: (profileId, budget) => deps.clientFor(profileId, { deadlineMs: null, ...budget }),
  };
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  let loop: Promise<void> | undefined;
  let stopped = false;

  const updateBadge = async () => {
    const left = (await store.all())
      .filter((j) => j.state === 'running')
      .reduce((n, j) => n + remaining(j), 0);
    deps.badge?.(left);
  };

  async function runJob(id: string): Promise<void> {
    const ctx = stepContext(id, stepDeps);
    const first = await store.get(id);
    if (!first) return;
    // Every create whose outcome was not recorded is looked up before anything is sent again.
    for (const step of first.steps.filter((s) => s.state === 'sending')) {
      if (stopped) return;
      await store.updateStep(id, step.key, clear(await resolveSending(step, ctx)));
    }
    const claimed = new Set<string>();
    const next = async (): Promise<JobStep | undefined> => {
      const job = await store.get(id);
      if (stopped || !job || job.state !== 'running') return undefined;
      const step = job.steps.find((s) => s.state === 'pending' && !claimed.has(s.key));
      if (step) claimed.add(step.key);
      return step;
    };
    const worker = async () => {
      for (let step = await next(); step; step = await next()) {
        const s = step;
        let outcome: Parameters<typeof clear>[0];
        try {
          outcome = await runStep(s, ctx, () => store.updateStep(id, s.key, { state: 'sending' }));
        } catch {
          outcome = {
            state: 'failed',
            reason: 'Something went wrong in the extension.',
            errorKind: 'internal',
          };
        }
        // A stopped runner stands for a killed worker: it records nothing more (resume looks the step up).
        if (stopped) return;
        // A create's outcome waits for the next write (its `sending` mark covers a loss: see JobStore.noteStep);
        // an edit, toggle or undo has no such mark, and re-running a done one would fail ("changed since").
        if (s.kind === 'create') await store.noteStep(id, s.key, clear(outcome));
        else await store.updateStep(id, s.key, clear(outcome));
        await updateBadge();
      }
    };
    // An undo job goes newest first, one step at a time: two of its steps may touch the same postback.
    const width = first.kind === 'undo' ? 1 : concurrency;
    await Promise.all(Array.from({ length: width }, worker));
    if (stopped) return;
    await store.update(id, (job) =>
      job.state === 'running' && remaining(job) === 0 ? { ...job, state: 'done' } : job,
    );
  }

  async function run(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const job = (await store.all()).find((j) => j.state === 'running');
      if (!job) break;
      deps.onBusy?.();
      await runJob(job.id);
      const after = await store.get(job.id);
      // Still running with steps left means the runner was stopped: leave it for the next kick.
      if (after?.state === 'running' && remaining(after) > 0 && stopped) return;
    }
    await updateBadge();
    deps.onIdle?.();
  }

  const kick = () => {
    loop ??= run().finally(() => {
      loop = undefined;
    });
    return loop;
  };

  return {
    store,
    async start(job) {
      await store.add(job);
      void kick();
      return job;
    },
    kick,
    async control(id, action) {
      const job = await store.update(id, (j) => {
        if (action === 'pause') return j.state === 'running' ? { ...j, state: 'paused' } : j;
        if (action === 'resume') return j.state === 'paused' ? { ...j, state: 'running' } : j;
        if (action === 'cancel') return j.state === 'done' ? j : { ...j, state: 'cancelled' };
        // Retry: a failed create may have been saved after all, so it is looked up (as `sending`) first.
        return {
          ...j,
          state: 'running',
          steps: j.steps.map((s) =>
            s.state === 'failed' ? { ...keep(s), state: s.kind === 'create' ? 'sending' : 'pending' } : s,
          ),
        };
      });
      await updateBadge();
      if (job?.state === 'running') void kick();
      return job;
    },
    stop() {
      stopped = true;
    },
  };
}

/** An outcome as a step patch: fields it leaves out are cleared (a retried step forgets its old reason). */
function clear(o: Pick<JobStep, 'state'> & Partial<JobStep>): Partial<JobStep> {
  return { resultPixelId: undefined, reason: undefined, errorKind: undefined, ...o };
}

/** The identity and input of a step (everything but its outcome). */
function keep(s: JobStep): JobStep {
  const { state: _s, resultPixelId: _r, reason: _w, errorKind: _e, ...rest } = s;
  return { ...rest, state: 'pending' } as JobStep;
}
