import { browser } from 'wxt/browser';
import type { PopupApi } from '../../components/popup/popup-api';
import { call } from '../../lib/messaging/call';
import { findTargetTab } from '../../lib/portal/target-tab';

// The popup's start-up bundle holds no zod and no storage code: what it paints first comes from one
// `popup.start` message, which the background checks.

// Popup drafts: one storage key per form. Each keystroke is ONE write with no read first, issued in the keystroke's
// own task, so it is on its way to the browser before the popup can close; and it can never overwrite another
// form's draft. The panels check a restored value with the form's zod schema before using it.
const DRAFT_PREFIX = 'popupDraft:';
const DRAFT_MAX_AGE_MS = 14 * 24 * 3600 * 1000;
let pruned = false;

function isDraft(v: unknown): v is { value: Record<string, unknown>; savedAt: number } {
  if (!v || typeof v !== 'object') return false;
  const d = v as { value?: unknown; savedAt?: unknown };
  return typeof d.savedAt === 'number' && !!d.value && typeof d.value === 'object' && !Array.isArray(d.value);
}

/** Drop drafts nobody came back to in two weeks (once per popup, after the first paint). */
async function pruneDrafts(): Promise<void> {
  if (pruned) return;
  pruned = true;
  const all = await browser.storage.local.get(null);
  const old = Object.entries(all)
    .filter(
      ([k, v]) => k.startsWith(DRAFT_PREFIX) && (!isDraft(v) || Date.now() - v.savedAt > DRAFT_MAX_AGE_MS),
    )
    .map(([k]) => k);
  if (old.length) await browser.storage.local.remove(old);
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
      const readAt = performance.now();
      void popupApi.cachedPixels(profileId, offerId).then((rows) => rows && cb(rows, readAt));
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
  undoLatest: (profileId, pixelId, confirm) => call('history.undoLatest', { profileId, pixelId, confirm }),
  searchPartners: (profileId, search) => call('partners.list', { profileId, search, pageSize: 20 }),
  async loadDraft(formId) {
    const key = DRAFT_PREFIX + formId;
    const entry = (await browser.storage.local.get(key))[key];
    void pruneDrafts();
    return isDraft(entry) ? entry.value : null;
  },
  saveDraft(formId, value) {
    return browser.storage.local.set({ [DRAFT_PREFIX + formId]: { value, savedAt: Date.now() } });
  },
  clearDraft(formId) {
    return browser.storage.local.remove(DRAFT_PREFIX + formId);
  },
  async setDefaultProfile(profileId) {
    await call('profiles.setDefault', { id: profileId });
  },
  openOptions(hash = '') {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    window.close();
  },
};
