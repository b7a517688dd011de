/**
 * The health watch's wiring to the browser (issue 18.1), called once from the worker's start: the alarm follows
 * the settings, the badge follows the flags in storage, and an alarm runs a sweep. Listeners are added
 * synchronously, so an alarm that wakes the worker is never missed.
 */
import { browser } from 'wxt/browser';
import { noticesItem } from '../../storage/health';
import { profilesItem, settingsItem } from '../../storage/items';
import { setBadgeSource } from '../badge';
import type { BackgroundHandle } from '../register';
import { notifyFlagged } from './notify';
import { isHealthAlarm, syncHealthAlarm } from './scheduler';
import { flaggedCount } from './store';

/** The notification of new flags, through the browser (when the user turned it on and allowed it). */
export async function notifyFlaggedInBrowser(count: number): Promise<void> {
  await notifyFlagged(
    {
      hasPermission: () => browser.permissions.contains({ permissions: ['notifications'] }),
      create: (id, options) => browser.notifications.create(id, options),
      iconUrl: browser.runtime.getURL('/icon/128.png'),
    },
    count,
  );
}

/** Schedule the watch, run it when its alarm fires, and keep the badge's count of flags. */
export function startHealthWatch(background: BackgroundHandle): void {
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
}
