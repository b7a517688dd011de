import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { PopupApi } from '../../components/popup/popup-api';
import { call } from '../../lib/messaging/call';
import { OfferView, PixelView } from '../../lib/messaging/views';
import { findTargetTab } from '../../lib/popup/target-tab';
import { cacheItem, draftsItem, profilesItem, settingsItem, templatesItem } from '../../lib/storage/items';

const PixelList = z.array(PixelView);

/** The cache key of a profile's list (affiliates: one list; networks: one per offer). Mirrors lib/background/cache. */
function listKey(profileId: string, role: string, offerId?: number): string {
  return role === 'network'
    ? `pixels:${profileId}:${offerId === undefined ? 'all' : `offer:${offerId}`}`
    : `pixels:${profileId}`;
}

async function roleOf(profileId: string): Promise<string> {
  return (await profilesItem.getValue()).find((p) => p.id === profileId)?.role ?? 'affiliate';
}

function rowsFor(value: unknown, offerId?: number): PixelView[] | null {
  const r = PixelList.safeParse(value);
  if (!r.success) return null;
  return offerId === undefined ? r.data : r.data.filter((p) => p.level === 'global' || p.offerId === offerId);
}

/** The popup's API: storage for what is already known (instant first paint), the background for the rest. */
export const popupApi: PopupApi = {
  async start() {
    const [profiles, settings, templates, tab] = await Promise.all([
      profilesItem.getValue(),
      settingsItem.getValue(),
      templatesItem.getValue(),
      findTargetTab().catch(() => undefined),
    ]);
    const tabUrl = tab?.url ?? tab?.pendingUrl;
    return { profiles, settings, templates, ...(tabUrl ? { tabUrl } : {}) };
  },
  async cachedPixels(profileId, offerId) {
    const entry = (await cacheItem.getValue())[listKey(profileId, await roleOf(profileId), offerId)];
    return entry ? rowsFor(entry.value, offerId) : null;
  },
  async cachedOffer(profileId, offerId) {
    const entry = (await cacheItem.getValue())[`offer:${profileId}:${offerId}`];
    const r = entry && OfferView.safeParse(entry.value);
    return r?.success ? r.data : null;
  },
  watchPixels(profileId, offerId, cb) {
    let key: string | undefined;
    void roleOf(profileId).then((role) => {
      key = listKey(profileId, role, offerId);
    });
    return cacheItem.watch((all) => {
      const entry = key ? all[key] : undefined;
      const rows = entry && rowsFor(entry.value, offerId);
      if (rows) cb(rows);
    });
  },
  listPixels: (profileId, filters) => call('pixels.list', { profileId, filters, refresh: true }),
  setStatus: (profileId, pixelId, status) => call('pixels.setStatus', { profileId, pixelId, status }),
  createPixel: (profileId, draft, allowDuplicate) =>
    call('pixels.create', { profileId, draft, allowDuplicate }),
  updatePixel: (profileId, pixelId, draft) => call('pixels.update', { profileId, pixelId, draft }),
  getOffer: (profileId, offerId) => call('offers.get', { profileId, offerId }),
  searchOffers: (profileId, search) => call('offers.list', { profileId, search, pageSize: 20 }),
  // Drafts are written from the page itself: no round trip, so a keystroke just before the popup closes lands.
  async loadDraft(formId) {
    return (await draftsItem.getValue())[formId]?.value ?? null;
  },
  async saveDraft(formId, value) {
    await draftsItem.update((all) => ({ ...all, [formId]: { value, savedAt: Date.now() } }));
  },
  async clearDraft(formId) {
    await draftsItem.update((all) => {
      const { [formId]: _gone, ...rest } = all;
      return rest;
    });
  },
  async setDefaultProfile(profileId) {
    await call('profiles.setDefault', { id: profileId });
  },
  openOptions(hash = '') {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    window.close();
  },
};
