// Background jobs (issue 17.1): bulk apply, replace, toggle many and undo of a job, persisted step by step so a
// closed page, a stopped worker or a browser restart loses nothing and sends nothing twice. Written only by the
// job store (lib/background/jobs/store.ts), through one serialised function.
import * as z from 'zod/mini';
import { parseMap } from './repair';
import { defineValidatedItem } from './validated-item';

export const JOB_KINDS = ['apply', 'replace', 'toggle', 'undo'] as const;
export const JOB_STATES = ['running', 'paused', 'cancelled', 'done'] as const;
/**
 * `sending`: a create was (or was about to be) sent and its outcome is not recorded yet; on resume it is looked
 * up on the server (create recovery) before anything is sent again.
 */
export const STEP_STATES = ['pending', 'sending', 'done', 'skipped', 'failed'] as const;
export const STEP_KINDS = ['create', 'update', 'status', 'undo'] as const;

export const JobStep = z.object({
  key: z.string().check(z.minLength(1)),
  profileId: z.string().check(z.minLength(1)),
  kind: z.enum(STEP_KINDS),
  offerId: z.catch(z.number(), 0),
  /** What the step is about, for the report ("Keto Burn (11), FTD"). */
  label: z.catch(z.string(), ''),
  /** create: the postback to create (a PixelDraft, parsed again before use). */
  draft: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
  /** update, status: the postback. */
  pixelId: z.catch(z.optional(z.number()), undefined),
  /** update: the URL the preview showed (the step refuses if it changed since) and the new one. */
  fromUrl: z.catch(z.optional(z.string()), undefined),
  toUrl: z.catch(z.optional(z.string()), undefined),
  /** status: the status to set. */
  status: z.catch(z.optional(z.enum(['active', 'inactive'])), undefined),
  /** undo: the history entry to undo. */
  entryId: z.catch(z.optional(z.string()), undefined),
  state: z.catch(z.enum(STEP_STATES), 'pending'),
  /** The postback the step created or changed. */
  resultPixelId: z.catch(z.optional(z.number()), undefined),
  /** Why it was skipped or failed, or a note (a create found saved after an unknown outcome). */
  reason: z.catch(z.optional(z.string()), undefined),
  /** The error kind of a failure. */
  errorKind: z.catch(z.optional(z.string()), undefined),
});
export type JobStep = z.infer<typeof JobStep>;

export const Job = z.object({
  id: z.string().check(z.minLength(1)),
  kind: z.enum(JOB_KINDS),
  title: z.catch(z.string(), ''),
  state: z.catch(z.enum(JOB_STATES), 'paused'),
  createdAt: z.catch(z.number(), 0),
  updatedAt: z.catch(z.number(), 0),
  /** An undo job: the job it undoes. */
  undoOf: z.catch(z.optional(z.string()), undefined),
  steps: z.array(JobStep),
});
export type Job = z.infer<typeof Job>;

/** Jobs by id: the running ones and the last finished ones (bounded by the store). */
export const jobsItem = defineValidatedItem<Record<string, Job>>('local:jobs', {
  fallback: {},
  version: 1,
  parse: (raw) => parseMap(Job, raw),
});
