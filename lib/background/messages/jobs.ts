import * as input from '../../messaging/inputs';
import { findEverywhere, previewReplace } from '../services/find';
import {
  controlJob,
  listJobs,
  previewApply,
  startApply,
  startReplace,
  startToggle,
  undoJob,
} from '../services/jobs';
import { message } from './context';

/**
 * Bulk jobs (issue 17.1-17.3): run by the worker's job runner, persisted step by step; and the search across
 * every profile that a replace or a toggle-many job starts from.
 */
export const jobMessages = {
  /** What a bulk apply would do per offer (and event): create, or skip (an equivalent exists), with findings. */
  'jobs.previewApply': message(input.applyInput, (d, ctx) => previewApply(d, ctx.everflow)),
  'jobs.startApply': message(input.applyInput, (d, ctx) => startApply(d, ctx.jobs)),
  'jobs.list': message(input.none, (_d, ctx) => listJobs(ctx.jobs)),
  'jobs.control': message(input.jobControl, (d, ctx) => controlJob(d, ctx.jobs)),
  /** Undo every write of a job, newest first, as a job. */
  'jobs.undo': message(input.jobRef, (d, ctx) => undoJob(d, ctx.jobs)),
  /** Search every profile's postbacks (URL or HTML) for a text; matches with their positions. */
  'pixels.findAll': message(input.findAll, (d, ctx) => findEverywhere(d, ctx.everflow)),
  'jobs.previewReplace': message(input.replaceInput, (d, ctx) => previewReplace(d, ctx.everflow)),
  'jobs.startReplace': message(input.replaceInput, (d, ctx) => startReplace(d, ctx.jobs)),
  'jobs.startToggle': message(input.toggleInput, (d, ctx) => startToggle(d, ctx.jobs)),
};
