import type { AppError } from '../../model/errors';
import type { ProfileView } from '../../model/profile';
import { normalizePortalDomain } from '../../portal/domain';
import { err, ok, type Result } from '../../result';
import { profilesItem, settingsItem } from '../../storage/items';
import { commitProfiles } from './profile-commit';
import { type ProfileDeps, saveProfile } from './profiles';

/** A portal host as the popup sent it, checked: a plain host name (no wildcard), lowercase. */
function portalHost(raw: string): Result<string, AppError> {
  const host = normalizePortalDomain(raw);
  if (!host || host.startsWith('*.') || host !== raw.trim().toLowerCase().replace(/\.$/, '')) {
    return err({ kind: 'bad_request', message: `"${raw}" is not a portal host name.` });
  }
  return ok(host);
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
    await settingsItem.update((s) =>
      s.profileByHost?.[host.value] === input.profileId
        ? s
        : { ...s, profileByHost: { ...s.profileByHost, [host.value]: input.profileId } },
    );
    return ok(true);
  });
}

/**
 * "This portal is for that profile": the host joins the profile's portal domains, through the same save as the
 * profile form (the stored key, checked again against the profile's own API host: a portal domain is not the API
 * host, so the key is not asked for again), and the pick is remembered for the host.
 */
export async function claimPortal(
  input: { host: string; profileId: string },
  deps: ProfileDeps,
): Promise<Result<ProfileView, AppError>> {
  const host = portalHost(input.host);
  if (!host.ok) return host;
  const profile = (await profilesItem.getValue()).find((p) => p.id === input.profileId);
  if (!profile) return err({ kind: 'not_found', message: 'That profile no longer exists.' });
  const domains = profile.portalDomains.includes(host.value)
    ? profile.portalDomains
    : [...profile.portalDomains, host.value];
  const saved = await saveProfile(
    {
      id: profile.id,
      name: profile.name,
      role: profile.role,
      region: profile.region,
      ...(profile.customBaseUrl ? { customBaseUrl: profile.customBaseUrl } : {}),
      portalDomains: domains,
    },
    deps,
  );
  if (!saved.ok) return saved;
  const remembered = await rememberPortalProfile({ host: host.value, profileId: profile.id });
  return remembered.ok ? saved : remembered;
}
