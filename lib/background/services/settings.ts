import type { AppError } from '../../model/errors';
import type { Settings } from '../../model/settings';
import { ok, type Result } from '../../result';
import { profilesItem, settingsItem } from '../../storage/items';
import { moveAllKeys } from '../../storage/keys';
import { moveAllSecrets } from '../../storage/secrets';
import { commitProfiles } from './profile-commit';

/**
 * Settings made consistent with the profiles that exist: a default profile that is gone falls back to the first
 * profile (or none), and the template choices of gone profiles are dropped. Unchanged settings come back as is.
 */
export function settingsForProfiles(s: Settings, profileIds: readonly string[]): Settings {
  const ids = new Set(profileIds);
  const defaultOk = s.defaultProfileId === undefined ? !ids.size : ids.has(s.defaultProfileId);
  const staleTemplates = Object.keys(s.defaultTemplateIds).filter((id) => !ids.has(id));
  const staleHosts = Object.values(s.profileByHost ?? {}).filter((id) => !ids.has(id));
  if (defaultOk && !staleTemplates.length && !staleHosts.length) return s;
  const { defaultProfileId: _old, ...rest } = s;
  const fallback = defaultOk ? s.defaultProfileId : profileIds[0];
  return {
    ...rest,
    ...(fallback === undefined ? {} : { defaultProfileId: fallback }),
    defaultTemplateIds: Object.fromEntries(
      Object.entries(s.defaultTemplateIds).filter(([id]) => ids.has(id)),
    ),
    ...(s.profileByHost
      ? { profileByHost: Object.fromEntries(Object.entries(s.profileByHost).filter(([, id]) => ids.has(id))) }
      : {}),
  };
}

/** Repair the stored settings against the profile list (written only when something was stale). */
export function repairSettings(profileIds: readonly string[]): Promise<Settings> {
  return settingsItem.update((s) => settingsForProfiles(s, profileIds));
}

/** Read the settings (validated and repaired). */
export async function getSettings(): Promise<Result<Settings, AppError>> {
  return ok(await settingsItem.getValue());
}

/**
 * Change some settings, kept consistent with the profile list. Switching "forget keys when the browser closes"
 * moves every key to the right area, in turn with profile saves (so no key is stored in the area just left).
 */
export function updateSettings(patch: Partial<Settings>): Promise<Result<Settings, AppError>> {
  return commitProfiles(async () => {
    const before = await settingsItem.getValue();
    const ids = (await profilesItem.getValue()).map((p) => p.id);
    const next = await settingsItem.update((s) => settingsForProfiles({ ...s, ...patch }, ids));
    if (before.forgetKeysOnClose !== next.forgetKeysOnClose) {
      await moveAllKeys(next.forgetKeysOnClose);
      await moveAllSecrets(next.forgetKeysOnClose);
    }
    return ok(next);
  });
}
