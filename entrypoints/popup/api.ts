import { browser } from 'wxt/browser';
import type { PopupApi } from '../../components/popup/popup-api';
import { call } from '../../lib/messaging/call';
import { findTargetTab } from '../../lib/popup/target-tab';

// The popup's start-up bundle holds no zod and no storage code: what it paints first comes from one
// `popup.start` message, which the background checks. Drafts load the storage module on first use.
const drafts = () => import('../../lib/storage/items').then((m) => m.draftsItem);
type Drafts = Awaited<ReturnType<Awaited<ReturnType<typeof drafts>>['getValue']>>;
// The drafts as this page last read or wrote them. Each keystroke is then ONE storage write (no read first):
// the popup closes on any outside click, and a read-then-write could be cut off between the two.
let draftMap: Drafts | undefined;
function writeDrafts(next: Drafts): Promise<void> {
  draftMap = next;
  // Straight to the storage area, in the same task as the keystroke: the write is on its way to the browser
  // before the popup can close. (The item's own setValue awaits its version metadata first.)
  return browser.storage.local.set({ drafts: next });
}

async function fetchStart(): ReturnType<PopupApi['start']> {
  const tab = await findTargetTab().catch(() => undefined);
  const tabUrl = tab?.url ?? tab?.pendingUrl;
  const r = await call('popup.start', tabUrl ? { tabUrl } : {});
  return r.ok ? { ok: true, value: { ...r.value, ...(tabUrl ? { tabUrl } : {}) } } : r;
}
let started: ReturnType<PopupApi['start']> | undefined;

/** The popup's API: one background round trip for the first paint, the protocol for the rest. */
export const popupApi: PopupApi = {
  // Asked once, as soon as the script runs (main.tsx), so the answer is on its way while Preact renders.
  start() {
    started ??= fetchStart();
    return started;
  },
  async cachedPixels(profileId, offerId) {
    const r = await call('pixels.list', {
      profileId,
      ...(offerId === undefined ? {} : { filters: { offerId } }),
    });
    return r.ok ? r.value.value : null;
  },
  watchPixels(profileId, offerId, cb) {
    // Another page (or the worker) refreshed the cache: read this list again, through the background.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !('cache' in changes)) return;
      void popupApi.cachedPixels(profileId, offerId).then((rows) => rows && cb(rows));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  listPixels: (profileId, filters) => call('pixels.list', { profileId, filters, refresh: true }),
  setStatus: (profileId, pixelId, status) => call('pixels.setStatus', { profileId, pixelId, status }),
  createPixel: (profileId, draft, allowDuplicate) =>
    call('pixels.create', { profileId, draft, allowDuplicate }),
  updatePixel: (profileId, pixelId, draft) => call('pixels.update', { profileId, pixelId, draft }),
  getOffer: (profileId, offerId) => call('offers.get', { profileId, offerId }),
  searchOffers: (profileId, search) => call('offers.list', { profileId, search, pageSize: 20 }),
  deletePixel: (profileId, pixelId) => call('pixels.delete', { profileId, pixelId }),
  searchPartners: (profileId, search) => call('partners.list', { profileId, search, pageSize: 20 }),
  // Drafts are written from the page itself: no round trip, so a keystroke just before the popup closes lands.
  async loadDraft(formId) {
    draftMap = await (await drafts()).getValue();
    return draftMap[formId]?.value ?? null;
  },
  async saveDraft(formId, value) {
    draftMap ??= await (await drafts()).getValue();
    await writeDrafts({ ...draftMap, [formId]: { value, savedAt: Date.now() } });
  },
  async clearDraft(formId) {
    draftMap ??= await (await drafts()).getValue();
    const { [formId]: _gone, ...rest } = draftMap;
    await writeDrafts(rest);
  },
  async setDefaultProfile(profileId) {
    await call('profiles.setDefault', { id: profileId });
  },
  openOptions(hash = '') {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    window.close();
  },
};
