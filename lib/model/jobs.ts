// Bulk jobs (issue 17): the persisted job and its steps, what a bulk apply and a replace preview show, and the
// find results. zod/mini like the other stored shapes: the options page reads jobs, and every field that has a
// sensible default repairs itself with `catch`.
import * as z from 'zod/mini';
import type { PixelDraft, PixelView } from './pixel';
import { PIXEL_STATUSES } from './vocabulary';

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
  status: z.catch(z.optional(z.enum(PIXEL_STATUSES)), undefined),
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

/** What the user can do to a job. */
export const JOB_ACTIONS = ['pause', 'resume', 'cancel', 'retryFailed'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** One offer (on one profile) a template goes to; with `events`, one event postback per event (issue 17.2). */
export interface ApplyTarget {
  profileId: string;
  offerId: number;
  offerName?: string | undefined;
  /** Network templates at partner level: the partner. */
  affiliateId?: number | undefined;
  events?: { id: number; name: string }[] | undefined;
}

/** One planned create, as the preview shows it. */
export interface PlannedCreate {
  key: string;
  profileId: string;
  offerId: number;
  label: string;
  draft: PixelDraft;
  /** `skip`: an equivalent postback exists (the duplicate check). */
  action: 'create' | 'skip';
  reason?: string;
  /** The checker's errors and warnings on the URL, and notes of the per-event rendering. */
  findings: string[];
}

/** One postback whose URL or HTML contains the text, with where (UTF-16 offsets) for highlighting. */
export interface FindMatch {
  profileId: string;
  profileName: string;
  pixel: PixelView;
  field: 'postbackUrl' | 'htmlCode';
  ranges: [number, number][];
}

/** A profile that could not be searched, and why. */
export interface FindFailure {
  profileId: string;
  profileName: string;
  message: string;
}

/** One postback to change, as the find screen picked it. */
export interface ReplaceTarget {
  profileId: string;
  pixelId: number;
}

/** A replace, per postback: the URL now and after, and the checker's findings on the result. */
export interface ReplacePreview {
  profileId: string;
  pixelId: number;
  offerId: number;
  before: string;
  after: string;
  findings: string[];
}
