import { browser } from 'wxt/browser';
import type { PopupApi } from '../../components/popup/popup-api';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';
import { draftStore } from './drafts';
import { healthAdapters } from './health';
import { cachedPixels, fetchStart, watchPixels } from './start';

const call = makeCall<Protocol>();

// Wiring only: the popup's start-up bundle holds no zod and no storage code. Drafts go through the same
// `drafts.*` messages as the options page.
let started: ReturnType<PopupApi['start']> | undefined;

/** The popup's API: one background round trip for the first paint (asked once, from main.tsx), the protocol after. */
export const popupApi: PopupApi = {
  start: () => (started ??= fetchStart()),
  cachedPixels,
  watchPixels,
  listPixels: (profileId, filters) => call('pixels.list', { profileId, filters, refresh: true }),
  setStatus: (profileId, pixelId, status) => call('pixels.setStatus', { profileId, pixelId, status }),
  createPixel: (profileId, draft, allowDuplicate) =>
    call('pixels.create', { profileId, draft, allowDuplicate }),
  findCreated: (profileId, draft, knownIds) => call('pixels.findCreated', { profileId, draft, knownIds }),
  updatePixel: (profileId, pixelId, draft) => call('pixels.update', { profileId, pixelId, draft }),
  getOffer: (profileId, offerId) => call('offers.get', { profileId, offerId }),
  searchOffers: (profileId, search) => call('offers.list', { profileId, search, pageSize: 20 }),
  deletePixel: (profileId, pixelId) => call('pixels.delete', { profileId, pixelId }),
  undoLatest: (profileId, pixelId, confirm) => call('history.undoLatest', { profileId, pixelId, confirm }),
  searchPartners: (profileId, search) => call('partners.list', { profileId, search, pageSize: 20 }),
  drafts: draftStore,
  saveTemplate: (template) => call('templates.save', template),
  setDefaultTemplate: (profileId, templateId) => call('templates.setDefault', { profileId, templateId }),
  pickProfile: async (host, profileId) => void (await call('portal.pickProfile', { host, profileId })),
  claimPortal: (host, profileId) => call('portal.claim', { host, profileId }),
  ...healthAdapters,
  openOptions(hash = '') {
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    window.close();
  },
};
