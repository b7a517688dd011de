import type { AppError } from '../../model/errors';
import type { ApplyTarget, Job, JobAction, JobStep, PlannedCreate, ReplaceTarget } from '../../model/jobs';
import type { PixelView } from '../../model/pixel';
import { err, ok, type Result } from '../../result';
import { templatesItem } from '../../storage/items';
import { listHistory } from '../history';
import { planApply } from '../jobs/plan';
import type { JobRunner } from '../jobs/runner';
import { previewReplace, replaceSteps, toggleSteps } from './find';
import { listPixels, type PixelDeps } from './pixels';

export interface JobDeps extends PixelDeps {
  runner: JobRunner;
  newId: () => string;
}

/** The input of a bulk apply: a template, and the offers (on one or more profiles) it goes to. */
export interface ApplyInput {
  templateId: string;
  targets: ApplyTarget[];
}

async function plan(input: ApplyInput, deps: PixelDeps): Promise<Result<PlannedCreate[], AppError>> {
  const template = (await templatesItem.getValue()).find((t) => t.id === input.templateId);
  if (!template)
    return err({ kind: 'not_found', message: 'That template no longer exists. Pick another one.' });
  const existing = new Map<string, PixelView[]>();
  for (const profileId of new Set(input.targets.map((t) => t.profileId))) {
    const r = await listPixels({ profileId, refresh: true }, deps);
    if (!r.ok) return r;
    existing.set(profileId, r.value.value);
  }
  return ok(planApply(template, input.targets, existing));
}

/** What a bulk apply would do, per offer (and event): create, or skip because an equivalent exists. */
export function previewApply(input: ApplyInput, deps: PixelDeps): Promise<Result<PlannedCreate[], AppError>> {
  return plan(input, deps);
}

/** Start a bulk apply as a background job. Each step re-checks for an equivalent postback when it runs. */
export async function startApply(input: ApplyInput, deps: JobDeps): Promise<Result<Job, AppError>> {
  const planned = await plan(input, deps);
  if (!planned.ok) return planned;
  if (!planned.value.length) return err({ kind: 'bad_request', message: 'Pick at least one offer.' });
  const template = (await templatesItem.getValue()).find((t) => t.id === input.templateId);
  const steps: JobStep[] = planned.value.map((p) => ({
    key: p.key,
    profileId: p.profileId,
    kind: 'create',
    offerId: p.offerId,
    label: p.label,
    draft: { ...p.draft },
    state: 'pending',
  }));
  return ok(await deps.runner.start(newJob(deps, 'apply', `Apply “${template?.name ?? 'template'}”`, steps)));
}

function newJob(deps: JobDeps, kind: Job['kind'], title: string, steps: JobStep[], undoOf?: string): Job {
  const at = deps.now();
  return {
    id: deps.newId(),
    kind,
    title,
    state: 'running',
    createdAt: at,
    updatedAt: at,
    steps,
    ...(undoOf ? { undoOf } : {}),
  };
}

/** Every job the runner keeps (running, paused, and the last finished ones), newest first. */
export async function listJobs(deps: JobDeps): Promise<Result<Job[], AppError>> {
  return ok(await deps.runner.store.all());
}

/** Pause, resume, cancel, or retry the failed steps of a job. */
export async function controlJob(
  input: { id: string; action: JobAction },
  deps: JobDeps,
): Promise<Result<Job, AppError>> {
  const job = await deps.runner.control(input.id, input.action);
  return job ? ok(job) : err({ kind: 'not_found', message: 'That job is no longer kept.' });
}

/**
 * Undo a whole job, as a job: each of its recorded writes not undone yet, newest first. A step whose postback
 * changed since fails and says so (undo it alone from the history to confirm).
 */
export async function undoJob(input: { jobId: string }, deps: JobDeps): Promise<Result<Job, AppError>> {
  const entries = (await listHistory({ jobId: input.jobId })).filter(
    (e) => !e.undoneBy && e.source !== 'undo',
  );
  if (!entries.length) return err({ kind: 'not_found', message: 'This job has no write left to undo.' });
  const original = await deps.runner.store.get(input.jobId);
  const steps: JobStep[] = entries.map((e) => ({
    key: `undo:${e.id}`,
    profileId: e.profileId,
    kind: 'undo',
    offerId: e.offerId,
    label: `Undo ${e.action} of postback ${e.pixelId}`,
    entryId: e.id,
    state: 'pending',
  }));
  const title = `Undo “${original?.title ?? input.jobId}”`;
  return ok(await deps.runner.start(newJob(deps, 'undo', title, steps, input.jobId)));
}

/** Start a find-and-replace job over the picked postbacks (GET → merge → PUT each, every other field kept). */
export async function startReplace(
  input: { find: string; replace: string; targets: ReplaceTarget[] },
  deps: JobDeps,
): Promise<Result<Job, AppError>> {
  const preview = await previewReplace(input, deps);
  if (!preview.ok) return preview;
  if (!preview.value.length)
    return err({ kind: 'bad_request', message: 'No picked postback contains that text.' });
  const title = `Replace “${input.find}” with “${input.replace}”`;
  return ok(await deps.runner.start(newJob(deps, 'replace', title, replaceSteps(preview.value))));
}

/** Switch many postbacks on or off, as a job. */
export async function startToggle(
  input: { status: 'active' | 'inactive'; targets: ReplaceTarget[] },
  deps: JobDeps,
): Promise<Result<Job, AppError>> {
  const title = `Switch ${input.targets.length} postbacks ${input.status === 'active' ? 'on' : 'off'}`;
  return ok(await deps.runner.start(newJob(deps, 'toggle', title, toggleSteps(input.targets, input.status))));
}
