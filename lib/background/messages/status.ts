import * as input from '../../messaging/inputs';
import { ok } from '../../result';
import { profilesItem } from '../../storage/items';
import { popupStart } from '../services/popup-start';
import { getStatus } from '../status';
import { message } from './context';

/** The pages' first questions: the extension's status, and the popup's first paint in one round trip. */
export const statusMessages = {
  status: message(input.none, async (_, ctx) =>
    ok(
      await getStatus({
        version: ctx.version,
        countProfiles: async () => (await profilesItem.getValue()).length,
      }),
    ),
  ),
  /** The popup's first paint in one round trip (checked here, so the popup bundle carries no zod). */
  'popup.start': message(input.popupStartInput, (d) => popupStart(d)),
  /** Whether the optional host permission a profile's region needs is granted (the page requests it from a click). */
  'permissions.status': message(input.origins, async ({ origins }, ctx) => {
    const granted = await Promise.all(origins.map((o) => ctx.hasOrigin(o)));
    return ok({ granted: granted.every(Boolean) });
  }),
};
