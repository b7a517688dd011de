import { onMessage } from '../messaging/messenger';
import { ok } from '../result';
import { profilesItem } from '../storage/items';
import { getStatus } from './status';

export interface BackgroundConfig {
  version: string;
}

/** Register every message handler. Call synchronously at worker start. */
export function registerHandlers(config: BackgroundConfig): void {
  onMessage('status', async () =>
    ok(
      await getStatus({
        version: config.version,
        countProfiles: async () => (await profilesItem.getValue()).length,
      }),
    ),
  );
}
