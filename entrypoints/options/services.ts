import { browser } from 'wxt/browser';
import type { OptionsServices } from '../../components/options/OptionsPage';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';
import { ok } from '../../lib/result';
import { healthAdapters } from '../popup/health';

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
    drafts: {
      get: (formId) => call('drafts.get', { formId }),
      save: (formId, value) => call('drafts.save', { formId, value }),
      clear: (formId) => call('drafts.clear', { formId }),
    },
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
    bulk: {
      profiles: () => call('profiles.list', undefined),
      templates: () => call('templates.list', undefined),
      offers: async (profileId, search) => {
        // Every offer, page by page (500 a page, the message's largest).
        const first = await call('offers.list', { profileId, search, page: 1, pageSize: 500 });
        if (!first.ok) return first;
        const items = [...first.value.items];
        for (let page = 2; items.length < first.value.total && page <= 20; page++) {
          const next = await call('offers.list', { profileId, search, page, pageSize: 500 });
          if (!next.ok || !next.value.items.length) break;
          items.push(...next.value.items);
        }
        return { ok: true, value: { ...first.value, items } };
      },
      offer: (profileId, offerId) => call('offers.get', { profileId, offerId }),
      previewApply: (input) => call('jobs.previewApply', input),
      startApply: (input) => call('jobs.startApply', input),
      jobs: () => call('jobs.list', undefined),
      control: (id, action) => call('jobs.control', { id, action }),
      undoJob: (jobId) => call('jobs.undo', { jobId }),
      find: (text, refresh) => call('pixels.findAll', { text, refresh }),
      previewReplace: (input) => call('jobs.previewReplace', input),
      startReplace: (input) => call('jobs.startReplace', input),
      startToggle: (status, targets) => call('jobs.startToggle', { status, targets }),
    },
    history: {
      list: (filter) => call('history.list', filter),
      undo: (entryId, confirm) => call('history.undo', { entryId, confirm }),
      undoJob: (jobId) => call('jobs.undo', { jobId }),
    },
    ...healthAdapters,
    permissions: {
      contains: (origins) => browser.permissions.contains({ origins }),
      // Called synchronously from the save click (see ProfileForm): no await may come before it.
      request: (origins) => browser.permissions.request({ origins }),
    },
  };
}
