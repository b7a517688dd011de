import type { AppError } from '../../messaging/protocol';
import { ok, type Result } from '../../result';
import { settingsItem } from '../../storage/items';
import { moveAllKeys } from '../../storage/keys';
import type { Settings } from '../../storage/schemas';
import { moveAllSecrets } from '../../storage/secrets';

/** Read the settings (validated and repaired). */
export async function getSettings(): Promise<Result<Settings, AppError>> {
  return ok(await settingsItem.getValue());
}

/** Change some settings. Switching "forget keys when the browser closes" moves every key to the right area. */
export async function updateSettings(patch: Partial<Settings>): Promise<Result<Settings, AppError>> {
  const before = await settingsItem.getValue();
  const next = await settingsItem.update((s) => ({ ...s, ...patch }));
  if (before.forgetKeysOnClose !== next.forgetKeysOnClose) {
    await moveAllKeys(next.forgetKeysOnClose);
    await moveAllSecrets(next.forgetKeysOnClose);
  }
  return ok(next);
}
