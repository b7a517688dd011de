import type { ApplyTarget, PlannedCreate } from '../background/jobs/plan';
import type { JobAction } from '../background/jobs/runner';
import type { FindFailure, FindMatch, ReplacePreview, ReplaceTarget } from '../background/services/find';
import type { PopupStartReply } from '../background/services/popup-start';
import type { UndoReply } from '../background/services/undo';
import type { Result } from '../result';
import type { HistoryEntry } from '../storage/history-items';
import type { Job } from '../storage/job-items';
import type { Settings, Template } from '../storage/schemas';
import type {
  Cached,
  DeliveryMethod,
  OfferView,
  Paged,
  PartnerView,
  PixelLevel,
  PixelStatus,
  PixelType,
  PixelView,
  ProfileView,
  Region,
  Role,
} from './views';

/**
 * The error every background handler may return. `kind` is machine-readable (Everflow error kinds such as `auth`,
 * `realm`, `validation`, `rate_limited`, `offline`, plus `bad_request`, `no_key`, `duplicate`, `unavailable`,
 * `internal`), `message` is for people.
 */
export interface AppError {
  kind: string;
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}

export interface StatusReply {
  version: string;
  profileCount: number;
}

/** Add (no id) or edit a profile. A new profile needs `apiKey`; an edit may leave it out to keep the stored key. */
export interface ProfileInput {
  id?: string;
  name: string;
  role: Role;
  region: Region;
  customBaseUrl?: string;
  portalDomains: string[];
  apiKey?: string;
}

/** The fields of a postback to create or edit, in the product's own words. */
export interface PixelDraft {
  deliveryMethod: DeliveryMethod;
  type: PixelType;
  level: PixelLevel;
  status: PixelStatus;
  offerId?: number;
  affiliateId?: number;
  eventId?: number;
  postbackUrl?: string;
  htmlCode?: string;
  delayMs?: number;
  description?: string;
  integration?: Record<string, unknown>;
}

export interface PixelFilters {
  offerId?: number;
  status?: PixelStatus;
  type?: PixelType;
  deliveryMethod?: DeliveryMethod;
  affiliateId?: number;
  /** Free text over id, description and URL/HTML (network search). */
  text?: string;
}

export interface CreatedPixel {
  pixel: PixelView;
  /** True when a timed-out create was found on the server instead of being sent twice. */
  recovered: boolean;
}

export type TemplateInput = Omit<Template, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/**
 * The typed protocol between pages (popup, options) and the background service worker.
 * Types only: pages import this file without pulling zod or any handler code into their bundle.
 */
export interface ProtocolMap {
  status(data: undefined): Result<StatusReply, AppError>;
  /** The popup's first paint in one round trip (checked here, so the popup bundle carries no zod). */
  'popup.start'(data: { tabUrl?: string }): Result<PopupStartReply, AppError>;

  'profiles.list'(data: undefined): Result<ProfileView[], AppError>;
  /** Runs the key check first; refuses with the specific reason (wrong key, wrong realm, wrong region). */
  'profiles.save'(data: ProfileInput): Result<ProfileView, AppError>;
  'profiles.remove'(data: { id: string }): Result<true, AppError>;
  'profiles.setDefault'(data: { id: string }): Result<true, AppError>;
  'profiles.check'(data: { id: string }): Result<ProfileView, AppError>;

  'settings.get'(data: undefined): Result<Settings, AppError>;
  'settings.update'(data: Partial<Settings>): Result<Settings, AppError>;

  'templates.list'(data: undefined): Result<Template[], AppError>;
  'templates.save'(data: TemplateInput): Result<Template, AppError>;
  'templates.remove'(data: { id: string }): Result<true, AppError>;
  'templates.duplicate'(data: { id: string }): Result<Template, AppError>;

  'drafts.get'(data: {
    formId: string;
  }): Result<{ value: Record<string, unknown>; savedAt: number } | null, AppError>;
  'drafts.save'(data: { formId: string; value: Record<string, unknown> }): Result<true, AppError>;
  'drafts.clear'(data: { formId: string }): Result<true, AppError>;

  /** Stale-while-revalidate: cached rows at once (`fromCache`), fresh rows when `refresh` is set. */
  'pixels.list'(data: {
    profileId: string;
    filters?: PixelFilters;
    refresh?: boolean;
  }): Result<Cached<PixelView[]>, AppError>;
  'pixels.search'(data: {
    profileId: string;
    filters?: PixelFilters;
    page?: number;
    pageSize?: number;
  }): Result<Paged<PixelView>, AppError>;
  'pixels.get'(data: { profileId: string; pixelId: number }): Result<PixelView, AppError>;
  /** Refuses with kind `duplicate` when an identical postback exists, unless `allowDuplicate`. */
  'pixels.create'(data: {
    profileId: string;
    draft: PixelDraft;
    allowDuplicate?: boolean;
  }): Result<CreatedPixel, AppError>;
  /** Full edit: GET → merge → PUT, keeping every field the form does not know. */
  'pixels.update'(data: {
    profileId: string;
    pixelId: number;
    draft: PixelDraft;
  }): Result<PixelView, AppError>;
  'pixels.setStatus'(data: {
    profileId: string;
    pixelId: number;
    status: PixelStatus;
  }): Result<PixelView, AppError>;
  /** Network profiles only. */
  'pixels.delete'(data: { profileId: string; pixelId: number }): Result<true, AppError>;

  'offers.list'(data: {
    profileId: string;
    search?: string;
    page?: number;
    pageSize?: number;
  }): Result<Paged<OfferView>, AppError>;
  'offers.get'(data: { profileId: string; offerId: number }): Result<OfferView, AppError>;
  'partners.list'(data: {
    profileId: string;
    search?: string;
    page?: number;
    pageSize?: number;
  }): Result<Paged<PartnerView>, AppError>;

  // History and undo (issue 17.4).
  /** Every recorded write, newest first (bounded: 1 000 writes or 30 days), optionally for one profile or job. */
  'history.list'(data: { profileId?: string; jobId?: string }): Result<HistoryEntry[], AppError>;
  /** Undo one write; kind `changed` when the postback changed since, unless `confirm`. */
  'history.undo'(data: { entryId: string; confirm?: boolean }): Result<UndoReply, AppError>;
  /** Undo the user's newest write to one postback (the popup's toast). */
  'history.undoLatest'(data: {
    profileId: string;
    pixelId: number;
    confirm?: boolean;
  }): Result<UndoReply, AppError>;

  // Bulk jobs (issue 17.1-17.3): run in the background worker, persisted step by step.
  /** What a bulk apply would do per offer (and event): create, or skip (an equivalent exists), with findings. */
  'jobs.previewApply'(data: {
    templateId: string;
    targets: ApplyTarget[];
  }): Result<PlannedCreate[], AppError>;
  'jobs.startApply'(data: { templateId: string; targets: ApplyTarget[] }): Result<Job, AppError>;
  'jobs.list'(data: undefined): Result<Job[], AppError>;
  'jobs.control'(data: { id: string; action: JobAction }): Result<Job, AppError>;
  /** Undo every write of a job, newest first, as a job. */
  'jobs.undo'(data: { jobId: string }): Result<Job, AppError>;
  /** Search every profile's postbacks (URL or HTML) for a text; matches with their positions. */
  'pixels.findAll'(data: {
    text: string;
    refresh?: boolean;
  }): Result<{ matches: FindMatch[]; failures: FindFailure[] }, AppError>;
  'jobs.previewReplace'(data: {
    find: string;
    replace: string;
    targets: ReplaceTarget[];
  }): Result<ReplacePreview[], AppError>;
  'jobs.startReplace'(data: {
    find: string;
    replace: string;
    targets: ReplaceTarget[];
  }): Result<Job, AppError>;
  'jobs.startToggle'(data: { status: PixelStatus; targets: ReplaceTarget[] }): Result<Job, AppError>;

  /** Whether the optional host permission a profile's region needs is granted (the page requests it from a click). */
  'permissions.status'(data: { origins: string[] }): Result<{ granted: boolean }, AppError>;
}
