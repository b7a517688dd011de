import { browser } from 'wxt/browser';
import type { OptionsServices } from '../../components/options/OptionsPage';
import { call } from '../../lib/messaging/call';

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
    },
    settings: {
      get: () => call('settings.get', undefined),
      update: (patch) => call('settings.update', patch),
      listProfiles: () => call('profiles.list', undefined),
      setDefaultProfile: (id) => call('profiles.setDefault', { id }),
    },
    drafts: {
      get: (formId) => call('drafts.get', { formId }),
      save: (formId, value) => call('drafts.save', { formId, value }),
      clear: (formId) => call('drafts.clear', { formId }),
    },
    permissions: {
      contains: (origins) => browser.permissions.contains({ origins }),
      // Called synchronously from the save click (see ProfileForm): no await may come before it.
      request: (origins) => browser.permissions.request({ origins }),
    },
  };
}
