import { browser } from 'wxt/browser';
import type { OptionsServices } from '../../components/options/OptionsPage';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';
import { ok } from '../../lib/result';
import { draftStore } from '../popup/drafts';
import { healthAdapters } from '../popup/health';
import { jobsAdapters } from './jobs-services';

/** Send one message of the background's table (typed by it; the import is types only). */
export const call = makeCall<Protocol>();

/** The options page's services, wired to the background through `call()` and to the browser's permissions. */
export function optionsServices(): OptionsServices {
  return {
    profiles: {
      list: () => call('profiles.list', undefined),
      save: (input) => call('profiles.save', input),
      remove: (id) => call('profiles.remove', { id }),
      setDefault: (id) => call('profiles.setDefault', { id }),
      check: (id) => call('profiles.check', { id }),
    },
    templates: {
      list: () => call('templates.list', undefined),
      save: (input) => call('templates.save', input),
      remove: (id) => call('templates.remove', { id }),
      duplicate: (id) => call('templates.duplicate', { id }),
      defaultId: async () => {
        const r = await call('settings.get', undefined);
        return r.ok ? ok(r.value.defaultTemplateId) : r;
      },
      setDefault: (templateId) => call('templates.setDefault', { templateId }),
      importAll: (templates) => call('templates.import', { templates }),
    },
    settings: {
      get: () => call('settings.get', undefined),
      update: (patch) => call('settings.update', patch),
      listProfiles: () => call('profiles.list', undefined),
      setDefaultProfile: (id) => call('profiles.setDefault', { id }),
      // Called synchronously from the click that turns notifications on.
      requestNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
    },
    drafts: draftStore,
    partnerPostbacks: {
      profiles: () => call('profiles.list', undefined),
      templates: () => call('templates.list', undefined),
      search: (profileId, filters, page, pageSize) =>
        call('pixels.search', { profileId, filters, page, pageSize }),
      get: (profileId, pixelId) => call('pixels.get', { profileId, pixelId }),
      create: (profileId, draft, allowDuplicate) =>
        call('pixels.create', { profileId, draft, allowDuplicate }),
      findCreated: (profileId, draft, knownIds) => call('pixels.findCreated', { profileId, draft, knownIds }),
      update: (profileId, pixelId, draft) => call('pixels.update', { profileId, pixelId, draft }),
      setStatus: (profileId, pixelId, status) => call('pixels.setStatus', { profileId, pixelId, status }),
      remove: (profileId, pixelId) => call('pixels.delete', { profileId, pixelId }),
      offers: (profileId, search) => call('offers.list', { profileId, search, pageSize: 20 }),
      offer: (profileId, offerId) => call('offers.get', { profileId, offerId }),
      partners: (profileId, search) => call('partners.list', { profileId, search, pageSize: 20 }),
    },
    ...jobsAdapters,
    ...healthAdapters,
    permissions: {
      contains: (origins) => browser.permissions.contains({ origins }),
      // Called synchronously from the save click (see ProfileForm): no await may come before it.
      request: (origins) => browser.permissions.request({ origins }),
    },
  };
}
