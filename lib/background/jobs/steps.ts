import { matchesRequest } from '../../everflow/create-recovery';
import type { Postback } from '../../everflow/schemas/postback';
import { pixelDraft } from '../../messaging/inputs';
import type { JobStep } from '../../model/jobs';
import type { PixelDraft, PixelView } from '../../model/pixel';
import { appError } from '../client-for';
import { noteOwnWrite } from '../health/own-writes';
import { listHistory, recordWrite } from '../history';
import { patchPixelLists } from '../pixel-cache';
import { draftToBody, isSamePostback, networkCreateBody, toPixelView } from '../pixel-mapping';
import { createPixel, listPixels, type PixelDeps, setPixelStatus } from '../services/pixels';
import { undoWrite } from '../services/undo';

/** What a step ends as. */
export type StepOutcome = Pick<JobStep, 'state'> &
  Partial<Pick<JobStep, 'resultPixelId' | 'reason' | 'errorKind'>>;

/** What steps of one run share: the job, the services' dependencies, each profile's postbacks (read once). */
export interface StepContext {
  jobId: string;
  deps: PixelDeps;
  /** Every postback of a profile, fresh once per run, with what the run created added. */
  postbacksOf(profileId: string): Promise<PixelView[] | string>;
}

/** A context whose lists are fetched once per profile and shared by every step of the run. */
export function stepContext(jobId: string, deps: PixelDeps): StepContext {
  const lists = new Map<string, Promise<PixelView[] | string>>();
  return {
    jobId,
    deps,
    postbacksOf(profileId) {
      let list = lists.get(profileId);
      if (!list) {
        list = listPixels({ profileId, refresh: true }, deps).then((r) =>
          r.ok ? r.value.value : r.error.message,
        );
        lists.set(profileId, list);
      }
      return list;
    },
  };
}

const failed = (reason: string, errorKind: string): StepOutcome => ({ state: 'failed', reason, errorKind });

function draftOf(step: JobStep): PixelDraft | undefined {
  const parsed = pixelDraft.safeParse(step.draft);
  return parsed.success ? (parsed.data as PixelDraft) : undefined;
}

/**
 * Run one step. A create is skipped when an equivalent postback exists (the popup's duplicate check); otherwise
 * `markSending` is awaited (the step is `sending` in storage) before the create goes out.
 */
export async function runStep(
  step: JobStep,
  ctx: StepContext,
  markSending: () => Promise<unknown>,
): Promise<StepOutcome> {
  const origin = { source: 'job' as const, jobId: ctx.jobId };
  const { deps } = ctx;
  if (step.kind === 'create') {
    const draft = draftOf(step);
    if (!draft) return failed('The stored postback of this step is not valid.', 'bad_request');
    const list = await ctx.postbacksOf(step.profileId);
    if (typeof list === 'string') return failed(list, 'list_failed');
    const same = list.find((p) => isSamePostback(p, draft));
    if (same) {
      return {
        state: 'skipped',
        resultPixelId: same.id,
        reason: `Postback ${same.id} already does exactly this (${same.status}).`,
      };
    }
    await markSending();
    // The run's list stands for the offer's postbacks (and their ids for the create's recovery): one list
    // request per profile and run, not one per create.
    const knownIds = list.map((p) => p.id);
    const r = await createPixel(
      { profileId: step.profileId, draft, allowDuplicate: true, origin, knownIds },
      deps,
    );
    if (!r.ok) return failed(r.error.message, r.error.kind);
    list.push(r.value.pixel);
    return {
      state: 'done',
      resultPixelId: r.value.pixel.id,
      ...(r.value.recovered
        ? { reason: 'Saved on the first try; found after an unclear answer, not sent twice.' }
        : {}),
    };
  }
  if (step.kind === 'status') {
    if (!step.pixelId || !step.status) return failed('The step has no postback or status.', 'bad_request');
    const r = await setPixelStatus(
      { profileId: step.profileId, pixelId: step.pixelId, status: step.status, origin },
      deps,
    );
    return r.ok ? { state: 'done', resultPixelId: r.value.id } : failed(r.error.message, r.error.kind);
  }
  if (step.kind === 'undo') {
    if (!step.entryId) return failed('The step has no history entry.', 'bad_request');
    const r = await undoWrite({ entryId: step.entryId, origin: { source: 'undo', jobId: ctx.jobId } }, deps);
    if (!r.ok && r.error.kind === 'already_undone') {
      // Undone by this job before a stop cut the step short (or from the history meanwhile): nothing left to do.
      return { state: 'done', reason: r.error.message };
    }
    return r.ok
      ? { state: 'done', resultPixelId: r.value.pixelId, reason: r.value.message }
      : failed(r.error.message, r.error.kind);
  }
  return replaceUrl(step, ctx);
}

/** A replace step: GET → check it is still what the preview showed → merge the new URL → PUT. */
async function replaceUrl(step: JobStep, ctx: StepContext): Promise<StepOutcome> {
  if (!step.pixelId || step.toUrl === undefined)
    return failed('The step has no postback or URL.', 'bad_request');
  const c = await ctx.deps.clientFor(step.profileId);
  if (!c.ok) return failed(c.error.message, c.error.kind);
  const { client, side, profile } = c.value;
  const current = await client[side].getPixel(step.pixelId);
  if (!current.ok) return failed(appError(current.error).message, current.error.kind);
  // Already what this step writes: its PUT landed before a stop cut the step short. Done, not a conflict.
  if (current.value.postbackUrl === step.toUrl) {
    return { state: 'done', resultPixelId: step.pixelId, reason: 'Already replaced; not sent again.' };
  }
  if (step.fromUrl !== undefined && current.value.postbackUrl !== step.fromUrl) {
    return failed(`Postback ${step.pixelId} changed since the preview; nothing was saved.`, 'changed');
  }
  const r = await client[side].updatePixel(step.pixelId, { postback_url: step.toUrl });
  if (!r.ok) return failed(appError(r.error).message, r.error.kind);
  const pixel = toPixelView(r.value);
  await patchPixelLists(profile.id, pixel, ctx.deps.now());
  await noteOwnWrite(profile.id, pixel, ctx.deps.now());
  await recordWrite(
    {
      profile,
      pixelId: pixel.id,
      offerId: pixel.offerId,
      action: 'update',
      before: current.value.raw,
      after: r.value.raw,
      origin: { source: 'job', jobId: ctx.jobId },
    },
    { now: ctx.deps.now, newId: ctx.deps.newId ?? (() => crypto.randomUUID()) },
  );
  return { state: 'done', resultPixelId: pixel.id };
}

/**
 * A create left `sending` (the worker stopped, or its outcome was unknown): look for it on the server with the
 * create recovery's match before anything is sent again. Found: done (and recorded in the history). Not found:
 * pending, to be sent. The lookup failed: failed, and still unknown (a retry looks again).
 */
export async function resolveSending(step: JobStep, ctx: StepContext): Promise<StepOutcome> {
  const draft = draftOf(step);
  if (!draft) return failed('The stored postback of this step is not valid.', 'bad_request');
  const c = await ctx.deps.clientFor(step.profileId);
  if (!c.ok) return failed(c.error.message, 'unknown_outcome');
  const { client, side, profile } = c.value;
  const body = side === 'network' ? networkCreateBody(draft) : draftToBody(draft, side);
  const listed =
    side === 'affiliate'
      ? await client.affiliate.listPixels(draft.level === 'specific' ? { offerId: draft.offerId ?? 0 } : {})
      : await client.network.searchAllPixels({ filters: { offerIds: [draft.offerId ?? 0] } });
  if (!listed.ok) {
    return failed(
      `Could not check whether this create was saved (${appError(listed.error).message}); retry to look again.`,
      'unknown_outcome',
    );
  }
  const found: Postback | undefined = listed.value.items
    .filter((p) => matchesRequest(body, p, side))
    .sort((a, b) => b.id - a.id)[0];
  if (!found) return { state: 'pending' };
  // The health watch takes it as the extension's own write, like any create (not "created elsewhere").
  await noteOwnWrite(profile.id, toPixelView(found), ctx.deps.now());
  // The worker may have stopped after the history had it but before the step did: record it once.
  const known = (await listHistory({ jobId: ctx.jobId })).some(
    (e) => e.pixelId === found.id && e.action === 'create',
  );
  if (!known)
    await recordWrite(
      {
        profile,
        pixelId: found.id,
        offerId: found.offerId,
        action: 'create',
        before: null,
        after: found.raw,
        origin: { source: 'job', jobId: ctx.jobId },
      },
      { now: ctx.deps.now, newId: ctx.deps.newId ?? (() => crypto.randomUUID()) },
    );
  return {
    state: 'done',
    resultPixelId: found.id,
    reason: 'Found saved on the server after a stop; not sent again.',
  };
}
