import type { HealthReply } from '../background/services/health';
import type { PopupStartReply } from '../background/services/popup-start';
import type { TestFireInput, TestFireReply } from '../background/services/test-fire';
import type { Result } from '../result';
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

  /** Whether the optional host permission a profile's region needs is granted (the page requests it from a click). */
  'permissions.status'(data: { origins: string[] }): Result<{ granted: boolean }, AppError>;

  // Health watch and test-fire (issue 18).
  /** The "Needs attention" list: flagged postbacks first, then informational notices. */
  'health.list'(data: undefined): Result<HealthReply, AppError>;
  /** Run the check now (or join the one under way), then the list. */
  'health.checkNow'(data: undefined): Result<HealthReply, AppError>;
  'health.dismiss'(data: { id: string }): Result<HealthReply, AppError>;
  /** Switch a flagged postback back on; its flag goes with the write. */
  'health.switchOn'(data: { id: string }): Result<HealthReply, AppError>;
  /**
   * Send one rendered postback URL from the background and judge the answer. Refuses with kind
   * `needs_confirmation` (`field` names what: http, privateHost, everflowHost) or `permission` (no host access).
   */
  'testFire.send'(data: TestFireInput): Result<TestFireReply, AppError>;
}
