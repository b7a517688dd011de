import type { PopupApi, PopupStart } from '../../components/popup/popup-api';
import type { Protocol } from '../../lib/background/message-table';
import { makeCall } from '../../lib/messaging/call';
import type { AppError } from '../../lib/model/errors';
import { findTargetTab } from '../../lib/portal/target-tab';
import type { Result } from '../../lib/result';
import { makeWatchPixels } from './watch';

const call = makeCall<Protocol>();

/** Everything the first paint needs: one `popup.start` answer (checked by the background), plus the tab's URL. */
export async function fetchStart(): Promise<Result<PopupStart, AppError>> {
  const tab = await findTargetTab().catch(() => undefined);
  const tabUrl = tab?.url ?? tab?.pendingUrl;
  const r = await call('popup.start', tabUrl ? { tabUrl } : {});
  return r.ok ? { ok: true, value: { ...r.value, ...(tabUrl ? { tabUrl } : {}) } } : r;
}

/** The rows the cache holds for a profile (the background fetches them when nothing is cached). */
export const cachedPixels: PopupApi['cachedPixels'] = async (profileId, offerId) => {
  const r = await call('pixels.list', {
    profileId,
    ...(offerId === undefined ? {} : { filters: { offerId } }),
  });
  return r.ok ? r.value.value : null;
};

/** Another page or the worker changed this list's stored pages: see watch.ts. */
export const watchPixels = makeWatchPixels(cachedPixels);
