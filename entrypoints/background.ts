import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dropLegacyCache } from '../lib/background/cache';
import { notifyFlaggedInBrowser, startHealthWatch } from '../lib/background/health/start';
import { registerHandlers } from '../lib/background/register';
import { adoptLegacyPopupDrafts } from '../lib/background/services/drafts';
import { moveStoredTemplateSecrets } from '../lib/background/template-secrets';
import { restrictStorageToTrustedContexts } from '../lib/storage/keys';

// Wiring only. Listeners are registered synchronously, before any await, so a message that wakes the worker is
// never missed; no state lives only in memory (storage holds it all).
export default defineBackground(() => {
  const background = registerHandlers({
    version: browser.runtime.getManifest().version,
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
    notifyFlagged: notifyFlaggedInBrowser,
  });
  // Health watch (issue 18.1): its alarm, its sweep, and the badge's count of flags.
  startHealthWatch(background);
  void restrictStorageToTrustedContexts({ local: browser.storage.local, session: browser.storage.session });
  // Templates saved before integration secrets had their own store held them in place (issue 13, defect 11).
  void moveStoredTemplateSecrets();
  // The cache is kept by the piece since 0.2 (lib/storage/cache-layout.ts); the old single item goes.
  void dropLegacyCache();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void adoptLegacyPopupDrafts();
    if (reason !== 'install') return;
    // Welcome a new user on the options page; the flag tells tests and the demo the welcome tab is open.
    void browser.runtime
      .openOptionsPage()
      .finally(() => browser.storage.session.set({ welcomeOpened: Date.now() }));
  });
});
