import type { AppError } from '../model/errors';
import type { Cached, Paged } from '../model/lists';
import type { OfferView, PartnerView } from '../model/offer';
import type { CreatedPixel, PixelDraft, PixelFilters, PixelView } from '../model/pixel';
import type { ProfileInput, ProfileView } from '../model/profile';
import type { PopupStartReply, StatusReply } from '../model/replies';
import type { Settings } from '../model/settings';
import type { Template, TemplateImportItem, TemplateInput } from '../model/template';
import type { PixelStatus } from '../model/vocabulary';
import type { Result } from '../result';

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
  /** All or nothing: refuses (writing nothing) when the library changed since the preview. */
  'templates.import'(data: { templates: TemplateImportItem[] }): Result<{ imported: number }, AppError>;

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
}
