import type { AppError } from '../../lib/model/errors';
import type { Cached, ListGaps, Paged } from '../../lib/model/lists';
import type { OfferView, PartnerView } from '../../lib/model/offer';
import type { CreatedPixel, PixelDraft, PixelFilters, PixelView } from '../../lib/model/pixel';
import type { ProfileView } from '../../lib/model/profile';
import type { PopupStartReply } from '../../lib/model/replies';
import type { Settings } from '../../lib/model/settings';
import type { Template, TemplateInput } from '../../lib/model/template';
import type { Result } from '../../lib/result';
import type { DraftStore } from '../drafts/use-draft';
import type { HealthApi } from '../health/health-api';
import type { TestFireApi } from '../test-fire/test-fire-api';

/** Everything the popup paints first: one background answer, plus the tab it was opened on. */
export interface PopupStart extends PopupStartReply {
  /** The URL of the tab the user opened the popup on, when `activeTab` lets us read it. */
  tabUrl?: string;
}

/**
 * What the popup can do. Injected, so components hold no messaging or storage code and tests use fakes.
 * `entrypoints/popup/api.ts` wires it to storage and the background protocol.
 */
export interface PopupApi {
  start(): Promise<Result<PopupStart, AppError>>;
  /** The rows the cache holds for a profile (fetched when nothing is cached). */
  cachedPixels(profileId: string, offerId?: number): Promise<PixelView[] | null>;
  /**
   * Called with fresh rows whenever another page or the worker changes this list in the cache; `readAt`
   * (performance.now()) is when the rows were asked for, so changes made after it are not undone. `known(id, row)`
   * says a changed stored row is one the popup already shows or is writing itself: such a change is not read again.
   */
  watchPixels(
    profileId: string,
    offerId: number | undefined,
    cb: (rows: PixelView[], readAt: number) => void,
    known?: (id: number, row: unknown) => boolean,
  ): () => void;
  listPixels(
    profileId: string,
    filters: PixelFilters,
  ): Promise<Result<Cached<PixelView[]> & ListGaps, AppError>>;
  setStatus(
    profileId: string,
    pixelId: number,
    status: 'active' | 'inactive',
  ): Promise<Result<PixelView, AppError>>;
  createPixel(
    profileId: string,
    draft: PixelDraft,
    allowDuplicate: boolean,
  ): Promise<Result<CreatedPixel, AppError>>;
  /** "Check again" after a create answered `unknown_outcome` (never sends the create). */
  findCreated(
    profileId: string,
    draft: PixelDraft,
    knownIds: number[],
  ): Promise<Result<CreatedPixel, AppError>>;
  updatePixel(profileId: string, pixelId: number, draft: PixelDraft): Promise<Result<PixelView, AppError>>;
  /** Network profiles: delete a partner postback (permanent). */
  deletePixel(profileId: string, pixelId: number): Promise<Result<true, AppError>>;
  /** Network profiles: the partner picker of a new postback. */
  searchPartners(profileId: string, search: string): Promise<Result<Paged<PartnerView>, AppError>>;
  getOffer(profileId: string, offerId: number): Promise<Result<OfferView, AppError>>;
  searchOffers(profileId: string, search: string): Promise<Result<Paged<OfferView>, AppError>>;
  /** The one draft store (the background's `drafts.*` messages), as on the options page. */
  drafts: DraftStore;
  /** Save a new template (the first postback's). */
  saveTemplate(template: TemplateInput): Promise<Result<Template, AppError>>;
  /** "Make default": the template the popup preselects for this profile. */
  setDefaultTemplate(profileId: string, templateId: string): Promise<Result<Settings, AppError>>;
  /** Remember the profile the user picked on a portal host (the default profile is left alone). */
  pickProfile(host: string, profileId: string): Promise<void>;
  /** "This portal is for that profile": store the host on the profile. */
  claimPortal(host: string, profileId: string): Promise<Result<ProfileView, AppError>>;
  openOptions(hash?: string): void;
  /** The health watch's "Needs attention" list (issue 18.1); absent in tests that do not need it. */
  health?: HealthApi;
  /** Test-fire (issue 18.2). */
  testFire?: TestFireApi;
}
