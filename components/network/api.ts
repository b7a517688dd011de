import type { AppError, CreatedPixel, PixelDraft, PixelFilters } from '../../lib/messaging/protocol';
import type { OfferView, Paged, PartnerView, PixelView, ProfileView } from '../../lib/messaging/views';
import type { Result } from '../../lib/result';
import type { Template } from '../../lib/storage/schemas';

/**
 * What the partner-postback console can do, injected (the options page wires it to the background with
 * `call()`; tests use fakes). Every method takes the network profile it works for.
 */
export interface PartnerPostbacksApi {
  profiles(): Promise<Result<ProfileView[], AppError>>;
  templates(): Promise<Result<Template[], AppError>>;
  search(
    profileId: string,
    filters: PixelFilters,
    page: number,
    pageSize: number,
  ): Promise<Result<Paged<PixelView>, AppError>>;
  get(profileId: string, pixelId: number): Promise<Result<PixelView, AppError>>;
  create(
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
  update(profileId: string, pixelId: number, draft: PixelDraft): Promise<Result<PixelView, AppError>>;
  setStatus(
    profileId: string,
    pixelId: number,
    status: 'active' | 'inactive',
  ): Promise<Result<PixelView, AppError>>;
  remove(profileId: string, pixelId: number): Promise<Result<true, AppError>>;
  offers(profileId: string, search: string): Promise<Result<Paged<OfferView>, AppError>>;
  /** One offer with its payout/revenue events. */
  offer(profileId: string, offerId: number): Promise<Result<OfferView, AppError>>;
  partners(profileId: string, search: string): Promise<Result<Paged<PartnerView>, AppError>>;
}
