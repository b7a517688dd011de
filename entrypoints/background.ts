import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setBadgeSource } from '../lib/background/badge';
import { notifyFlagged } from '../lib/background/health/notify';
import { isHealthAlarm, syncHealthAlarm } from '../lib/background/health/scheduler';
import { flaggedCount } from '../lib/background/health/store';
import { registerHandlers } from '../lib/background/register';
import { adoptLegacyPopupDrafts } from '../lib/background/services/drafts';
import { moveStoredTemplateSecrets } from '../lib/background/template-secrets';
import { noticesItem } from '../lib/storage/health';
import { profilesItem, settingsItem } from '../lib/storage/items';
import { restrictStorageToTrustedContexts } from '../lib/storage/keys';

// Wiring only. Listeners are registered synchronously, before any await, so a message that wakes the worker is
// never missed; no state lives only in memory (storage holds it all).
export default defineBackground(() => {
  const background = registerHandlers({
    version: browser.runtime.getManifest().version,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
    notifyFlagged: async (count) => {
      await notifyFlagged(
        {
          hasPermission: () => browser.permissions.contains({ permissions: ['notifications'] }),
          create: (id, options) => browser.notifications.create(id, options),
          iconUrl: browser.runtime.getURL('/icon/128.png'),
        },
        count,
      );
    },
  });
  void restrictStorageToTrustedContexts({ local: browser.storage.local, session: browser.storage.session });
  // Templates saved before integration secrets had their own store held them in place (issue 13, defect 11).
  void moveStoredTemplateSecrets();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void adoptLegacyPopupDrafts();
    if (reason !== 'install') return;
    // Welcome a new user on the options page; the flag tells tests and the demo the welcome tab is open.
    void browser.runtime
      .openOptionsPage()
      .finally(() => browser.storage.session.set({ welcomeOpened: Date.now() }));
  });

  // Health watch (issue 18.1): the alarm follows the settings; the badge follows the flags in storage.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isHealthAlarm(alarm)) void background.runHealthCheck();
  });
  void settingsItem.getValue().then((s) => syncHealthAlarm(browser.alarms, s.healthWatch));
  settingsItem.watch((s) => void syncHealthAlarm(browser.alarms, s.healthWatch));
  const showFlags = async () =>
    setBadgeSource(
      browser.action,
      'attention',
      flaggedCount(await noticesItem.getValue(), await profilesItem.getValue()),
    );
  void showFlags();
  noticesItem.watch(() => void showFlags());
  profilesItem.watch(() => void showFlags());
});
