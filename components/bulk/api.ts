import type { ApplyTarget, PlannedCreate } from '../../lib/background/jobs/plan';
import type { JobAction } from '../../lib/background/jobs/runner';
import type {
  FindFailure,
  FindMatch,
  ReplacePreview,
  ReplaceTarget,
} from '../../lib/background/services/find';
import type { AppError } from '../../lib/messaging/protocol';
import type { OfferView, Paged, PixelStatus, ProfileView } from '../../lib/messaging/views';
import type { Result } from '../../lib/result';
import type { Job } from '../../lib/storage/job-items';
import type { Template } from '../../lib/storage/schemas';

/** A bulk apply: a template and the offers it goes to. */
export interface ApplyInput {
  templateId: string;
  targets: ApplyTarget[];
}

/** A replace over picked postbacks. */
export interface ReplaceInput {
  find: string;
  replace: string;
  targets: ReplaceTarget[];
}

/** What the Bulk screen talks to (wired to the background by the options entrypoint, faked in tests). */
export interface BulkApi {
  profiles(): Promise<Result<ProfileView[], AppError>>;
  templates(): Promise<Result<Template[], AppError>>;
  offers(profileId: string, search: string): Promise<Result<Paged<OfferView>, AppError>>;
  offer(profileId: string, offerId: number): Promise<Result<OfferView, AppError>>;
  previewApply(input: ApplyInput): Promise<Result<PlannedCreate[], AppError>>;
  startApply(input: ApplyInput): Promise<Result<Job, AppError>>;
  jobs(): Promise<Result<Job[], AppError>>;
  control(id: string, action: JobAction): Promise<Result<Job, AppError>>;
  undoJob(jobId: string): Promise<Result<Job, AppError>>;
  find(
    text: string,
    refresh: boolean,
  ): Promise<Result<{ matches: FindMatch[]; failures: FindFailure[] }, AppError>>;
  previewReplace(input: ReplaceInput): Promise<Result<ReplacePreview[], AppError>>;
  startReplace(input: ReplaceInput): Promise<Result<Job, AppError>>;
  startToggle(status: PixelStatus, targets: ReplaceTarget[]): Promise<Result<Job, AppError>>;
}
