import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../lib/background/register';

// Wiring only. Listeners are registered synchronously, before any await, so a message that
// wakes the worker is never missed.
export default defineBackground(() => {
  registerHandlers({ version: browser.runtime.getManifest().version });
});
