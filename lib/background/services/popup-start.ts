import type { AppError } from '../../messaging/protocol';
import { type OfferView, OfferView as OfferViewSchema, type PixelView } from '../../messaging/views';
import { offerIdFromUrl } from '../../portal/offer-id';
import { portalQuestion } from '../../portal/portal-question';
import { portalClaim } from '../../portal/profile-for-host';
import { ok, type Result } from '../../result';
import { cacheItem, profilesItem, settingsItem, templatesItem } from '../../storage/items';
import type { Template } from '../../storage/schemas';
import { cacheKeys } from '../cache';
import { cachedPixels } from '../pixel-cache';
import { firesForOffer } from '../pixel-mapping';
import { defaultProfileId, repairProfileStores } from './profiles';

/** A profile as the popup needs it for its first paint. */
export interface PopupProfile {
  id: string;
  name: string;
  role: 'affiliate' | 'network';
  portalDomains: string[];
  isDefault: boolean;
  /** Whether the API host is Everflow's (US or EU) or one the user typed: the advice on failures differs. */
  apiHost: 'everflow' | 'custom';
}

/** Everything the popup paints first, in one message, checked by zod here so the popup ships no zod. */
export interface PopupStartReply {
  profiles: PopupProfile[];
  templates: Template[];
  defaultTemplateIds: Record<string, string>;
  /** The template preselected for profiles with no default of their own. */
  defaultTemplateId?: string;
  /** The profile for the tab: picked there before, else the one claiming its host, else the default one. */
  profileId?: string;
  /** The offer in the tab's URL, when the tab is a portal page of a profile. */
  offer?: { id: number; view?: OfferView };
  /** The cached postbacks for that profile and offer (all of them when there is no offer), or null. */
  rows: PixelView[] | null;
  /** When those cached rows were read from Everflow (epoch ms). */
  rowsFetchedAt?: number;
  /**
   * "Which profile is this portal for?": the tab looks like an offer page on a host no profile names (or an
   * Everflow portal the default profile was only guessed for). The ids of the profiles to offer.
   */
  question?: { host: string; offerId: number; candidates: string[]; guessed: boolean };
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/** The popup's first paint: profiles, templates, the tab's profile and offer, and their cached rows. */
export async function popupStart(input: {
  tabUrl?: string | undefined;
}): Promise<Result<PopupStartReply, AppError>> {
  const [stored, settings, templates, cache] = await Promise.all([
    profilesItem.getValue(),
    settingsItem.getValue(),
    templatesItem.getValue(),
    cacheItem.getValue(),
  ]);
  const defaultId = defaultProfileId(stored, settings.defaultProfileId);
  // A stored default naming a gone profile is repaired (rarely needed, so the usual start writes nothing).
  if (defaultId !== settings.defaultProfileId) await repairProfileStores();
  const profiles: PopupProfile[] = stored.map((p) => ({
    id: p.id,
    name: p.name,
    role: p.role,
    portalDomains: p.portalDomains,
    isDefault: p.id === defaultId,
    apiHost: p.region === 'custom' ? 'custom' : 'everflow',
  }));
  const host = hostOf(input.tabUrl);
  // A profile picked on this host before wins; then the profile whose portal domains name the host.
  const picked = host ? profiles.find((p) => p.id === settings.profileByHost?.[host]) : undefined;
  const matched = picked ?? (host ? portalClaim(host, profiles)?.profile : undefined);
  const question = picked ? null : portalQuestion(input.tabUrl, profiles);
  const profile = matched ?? profiles.find((p) => p.isDefault);
  const offerId = matched ? offerIdFromUrl(input.tabUrl) : null;
  let rows: PixelView[] | null = null;
  let rowsFetchedAt: number | undefined;
  let offerView: OfferView | undefined;
  if (profile) {
    const key =
      profile.role === 'network'
        ? cacheKeys.networkPixels(profile.id, offerId ? `offer:${offerId}` : 'all')
        : cacheKeys.pixels(profile.id);
    const list = cachedPixels(cache[key]);
    if (list) {
      rows = offerId ? list.filter((p) => firesForOffer(p, offerId)) : list;
      rowsFetchedAt = cache[key]?.fetchedAt;
    }
    const offer = offerId ? cache[cacheKeys.offer(profile.id, offerId)] : undefined;
    const parsed = offer && OfferViewSchema.safeParse(offer.value);
    if (parsed?.success) offerView = parsed.data;
  }
  return ok({
    profiles,
    templates,
    defaultTemplateIds: settings.defaultTemplateIds,
    ...(settings.defaultTemplateId ? { defaultTemplateId: settings.defaultTemplateId } : {}),
    ...(question
      ? {
          question: {
            host: question.host,
            offerId: question.offerId,
            candidates: question.candidates.map((p) => p.id),
            guessed: question.guessed,
          },
        }
      : {}),
    ...(profile ? { profileId: profile.id } : {}),
    ...(offerId ? { offer: { id: offerId, ...(offerView ? { view: offerView } : {}) } } : {}),
    rows,
    ...(rowsFetchedAt === undefined ? {} : { rowsFetchedAt }),
  });
}
