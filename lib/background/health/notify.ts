/**
 * The optional browser notification about newly flagged postbacks. Off by default; the options page asks for the
 * optional `notifications` permission from the click that turns it on, so there is no install warning.
 */

import { DEFAULT_HEALTH_WATCH } from '../../model/settings';
import { settingsItem } from '../../storage/items';

/** The browser APIs the notification uses (injected). */
export interface NotifyApis {
  hasPermission: () => Promise<boolean>;
  create: (
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string },
  ) => Promise<unknown>;
  iconUrl: string;
}

/** The words of the notification. */
export function flaggedMessage(count: number): string {
  return count === 1
    ? 'A postback was switched off outside the extension, possibly by Everflow after failed deliveries. Open the extension to test it or switch it back on.'
    : `${count} postbacks were switched off outside the extension, possibly by Everflow after failed deliveries. Open the extension to test them or switch them back on.`;
}

/** Notify about `count` new flags, when the user turned notifications on and the permission is granted. */
export async function notifyFlagged(apis: NotifyApis, count: number): Promise<boolean> {
  const s = (await settingsItem.getValue()).healthWatch ?? DEFAULT_HEALTH_WATCH;
  if (!s.notify || count < 1 || !(await apis.hasPermission())) return false;
  await apis.create('health-watch', {
    type: 'basic',
    iconUrl: apis.iconUrl,
    title: 'Postbacks need attention',
    message: flaggedMessage(count),
  });
  return true;
}
