import type { AppError } from '../../model/errors';
import { type OfferView, OfferView as OfferViewSchema } from '../../model/offer';
import type { PixelView } from '../../model/pixel';
import type { PopupProfile, PopupStartReply } from '../../model/replies';
import { hostOfUrl } from '../../portal/domain';
import { offerIdFromUrl } from '../../portal/offer-id';
import { portalQuestion } from '../../portal/portal-question';
import { portalClaim } from '../../portal/profile-for-host';
import { isPortalTab } from '../../portal/remembered-host';
import { ok, type Result } from '../../result';
import { byListOrder } from '../../rows/list-order';
import { profilesItem, settingsItem, templatesItem } from '../../storage/items';
import { cacheKeys, readCache, wasEvicted } from '../cache';
import { readPixelList } from '../pixel-cache';
import { firesForOffer } from '../pixel-mapping';
import { defaultProfileId, repairProfileStores } from './profiles';

/**
 * The most rows the start message carries: a first screen and more, while the whole list (up to 10 000 rows,
 * megabytes of JSON through the message channel) follows after the first paint.
 */
export const START_ROWS = 200;

/** The popup's first paint: profiles, templates, the tab's profile and offer, and their cached rows. */
export async function popupStart(input: {
  tabUrl?: string | undefined;
}): Promise<Result<PopupStartReply, AppError>> {
  const [stored, settings, templates] = await Promise.all([
    profilesItem.getValue(),
    settingsItem.getValue(),
    templatesItem.getValue(),
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
  const host = hostOfUrl(input.tabUrl);
  // A profile picked on this host before wins; then the profile whose portal domains name the host. A pick counts
  // only on a portal (one stored for any other site, by an older version, must not make a URL there an "offer").
  const pickedId = host ? settings.profileByHost?.[host] : undefined;
  const picked =
    pickedId && isPortalTab(input.tabUrl, profiles) ? profiles.find((p) => p.id === pickedId) : undefined;
  const matched = picked ?? (host ? portalClaim(host, profiles)?.profile : undefined);
  const question = picked ? null : portalQuestion(input.tabUrl, profiles);
  const profile = matched ?? profiles.find((p) => p.isDefault);
  const offerId = matched ? offerIdFromUrl(input.tabUrl) : null;
  let rows: PixelView[] | null = null;
  let rowsFetchedAt: number | undefined;
  let offerView: OfferView | undefined;
  let evicted = false;
  let rowsTotal: number | undefined;
  if (profile) {
    const key =
      profile.role === 'network'
        ? cacheKeys.networkPixels(profile.id, offerId ? `offer:${offerId}` : 'all')
        : cacheKeys.pixels(profile.id);
    const [cached, offer] = await Promise.all([
      readPixelList(key),
      offerId ? readCache(cacheKeys.offer(profile.id, offerId)) : undefined,
    ]);
    const list = cached?.rows;
    if (list) {
      rows = offerId ? list.filter((p) => firesForOffer(p, offerId)) : list;
      rowsFetchedAt = cached.fetchedAt;
    } else evicted = await wasEvicted(key);
    if (rows && rows.length > START_ROWS) {
      rowsTotal = rows.length;
      rows = rows.slice().sort(byListOrder).slice(0, START_ROWS);
    }
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
    ...(evicted ? { evicted: true } : {}),
    ...(rowsTotal === undefined ? {} : { rowsTotal }),
    ...(rowsFetchedAt === undefined ? {} : { rowsFetchedAt }),
  });
}
