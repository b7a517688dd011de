import type { Job, JobStep } from '../../model/jobs';
import { jobsItem } from '../../storage/job-items';
import { batchedUpdater } from '../serial';

/** Finished jobs kept for their reports; running and paused jobs are always kept. */
export const FINISHED_JOBS_KEPT = 20;

/** The jobs of one runner, read from storage once and written through on every change. */
export interface JobStore {
  all(): Promise<Job[]>;
  get(id: string): Promise<Job | undefined>;
  /** Add a job (and drop the oldest finished ones beyond the bound). */
  add(job: Job): Promise<Job>;
  /** Change one job; resolves once the change is in storage. */
  update(id: string, fn: (job: Job) => Job): Promise<Job | undefined>;
  /** Change one step of a job; resolves once the change is in storage. */
  updateStep(id: string, key: string, patch: Partial<JobStep>): Promise<Job | undefined>;
  /**
   * Change one step of a job in memory only: storage gets it with the next write (the next step's `sending`
   * mark, or the job's end). For outcomes: one lost with the worker leaves its step `sending`, which the resume
   * looks up before sending anything, so nothing is doubled; and a step writes storage once instead of twice.
   */
  noteStep(id: string, key: string, patch: Partial<JobStep>): Promise<Job | undefined>;
}

function withStep(job: Job, key: string, patch: Partial<JobStep>): Job {
  return { ...job, steps: job.steps.map((s) => (s.key === key ? { ...s, ...patch } : s)) };
}

function bounded(jobs: Record<string, Job>): Record<string, Job> {
  const finished = Object.values(jobs)
    .filter((j) => j.state === 'done' || j.state === 'cancelled')
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(FINISHED_JOBS_KEPT);
  const drop = new Set(finished.map((j) => j.id));
  return Object.fromEntries(Object.entries(jobs).filter(([id]) => !drop.has(id)));
}

/**
 * The only writer of the jobs item. Every change goes through one queue and is awaited into storage before the
 * caller goes on: a step marked `sending` is in storage before its create is sent.
 */
export function createJobStore(now: () => number): JobStore {
  let cache: Record<string, Job> | undefined;
  const load = async () => {
    cache ??= await jobsItem.getValue();
    return cache;
  };
  // Changes apply to the copy in memory at once, in call order; storage gets them batched, and each caller
  // resolves once a write containing its change is done.
  const persist = batchedUpdater<Record<string, Job>>(async (fns) => {
    await load();
    // Read the copy in memory after the await, so a change noted meanwhile (noteStep) is built on, not lost.
    let next = cache as Record<string, Job>;
    for (const fn of fns) next = fn(next);
    cache = next;
    await jobsItem.setValue(next);
  });
  const write = async (fn: (jobs: Record<string, Job>) => Record<string, Job>) => {
    await persist(fn);
    return (await load()) as Record<string, Job>;
  };
  return {
    all: async () => Object.values(await load()).sort((a, b) => b.createdAt - a.createdAt),
    get: async (id) => (await load())[id],
    add: async (job) => {
      await write((jobs) => bounded({ ...jobs, [job.id]: job }));
      return job;
    },
    update: async (id, fn) => {
      const jobs = await write((all) => {
        const job = all[id];
        return job ? { ...all, [id]: { ...fn(job), updatedAt: now() } } : all;
      });
      return jobs[id];
    },
    updateStep(id, key, patch) {
      return this.update(id, (job) => withStep(job, key, patch));
    },
    async noteStep(id, key, patch) {
      await load();
      const all = cache as Record<string, Job>;
      const job = all[id];
      if (!job) return undefined;
      const next = { ...withStep(job, key, patch), updatedAt: now() };
      cache = { ...all, [id]: next };
      return next;
    },
  };
}
