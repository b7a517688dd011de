import type { AppError } from '../../lib/model/errors';
import type {
  ApplyTarget,
  FindFailure,
  FindMatch,
  Job,
  JobAction,
  PlannedCreate,
  ReplacePreview,
  ReplaceTarget,
} from '../../lib/model/jobs';
import type { Paged } from '../../lib/model/lists';
import type { OfferView } from '../../lib/model/offer';
import type { ProfileView } from '../../lib/model/profile';
import type { Template } from '../../lib/model/template';
import type { PixelStatus } from '../../lib/model/vocabulary';
import type { Result } from '../../lib/result';

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
