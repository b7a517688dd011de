import type { AppError } from '../../model/errors';
import type { ProfileView } from '../../model/profile';
import { normalizePortalDomain } from '../../portal/domain';
import { withRememberedHost } from '../../portal/remembered-host';
import { err, ok, type Result } from '../../result';
import { profilesItem, settingsItem } from '../../storage/items';
import { commitProfiles } from './profile-commit';
import { defaultProfileId, toView } from './profiles';

/** A portal host as the popup sent it, checked: a plain host name (no wildcard), lowercase. */
function portalHost(raw: string): Result<string, AppError> {
  const host = normalizePortalDomain(raw);
  if (!host || host.startsWith('*.') || host !== raw.trim().toLowerCase().replace(/\.$/, '')) {
    return err({ kind: 'bad_request', message: `"${raw}" is not a portal host name.` });
  }
  return ok(host);
}

/** Records `profileId` as the most recent pick for `host`, keeping the newest few hundred (call inside commitProfiles). */
async function storePick(host: string, profileId: string): Promise<void> {
  await settingsItem.update((s) => {
    const last = Object.entries(s.profileByHost ?? {}).at(-1);
    if (last?.[0] === host && last[1] === profileId) return s;
    return { ...s, profileByHost: withRememberedHost(s.profileByHost, host, profileId) };
  });
}

/**
 * Remember which profile the user picked in the popup on a portal host (the popup preselects it there next time).
 * The global default profile is not changed.
 */
export async function rememberPortalProfile(input: {
  host: string;
  profileId: string;
}): Promise<Result<true, AppError>> {
  const host = portalHost(input.host);
  if (!host.ok) return host;
  return commitProfiles(async () => {
    if (!(await profilesItem.getValue()).some((p) => p.id === input.profileId)) {
      return err({ kind: 'not_found', message: 'That profile no longer exists.' });
    }
    await storePick(host.value, input.profileId);
    return ok(true);
  });
}

/**
 * "This portal is for that profile": the host joins the profile's portal domains and the pick is remembered for
 * the host. A portal domain is only matched against tab URLs, never sent anything, so no key check runs: the
 * claim works offline and with the API down, in one step of the profile write queue.
 */
export async function claimPortal(input: {
  host: string;
  profileId: string;
}): Promise<Result<ProfileView, AppError>> {
  const host = portalHost(input.host);
  if (!host.ok) return host;
  return commitProfiles(async () => {
    const profile = (await profilesItem.getValue()).find((p) => p.id === input.profileId);
    if (!profile) return err({ kind: 'not_found', message: 'That profile no longer exists.' });
    const saved = profile.portalDomains.includes(host.value)
      ? profile
      : { ...profile, portalDomains: [...profile.portalDomains, host.value] };
    const all = await profilesItem.update((list) => list.map((p) => (p.id === saved.id ? saved : p)));
    await storePick(host.value, saved.id);
    const settings = await settingsItem.getValue();
    return ok(
      await toView(saved, defaultProfileId(all, settings.defaultProfileId), settings.forgetKeysOnClose),
    );
  });
}
