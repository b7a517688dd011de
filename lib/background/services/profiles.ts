import { checkExpectedRealm } from '../../everflow/detect-realm';
import type { EverflowError } from '../../everflow/errors';
import { resolveBaseUrl } from '../../everflow/regions';
import type { AccountInfo as DetectedAccount } from '../../everflow/schemas/accounts';
import type { AppError, ProfileInput } from '../../messaging/protocol';
import type { ProfileView } from '../../messaging/views';
import { hostMatchPattern } from '../../profiles/host-pattern';
import { normalizePortalDomain } from '../../profiles/portal-domain';
import { err, ok, type Result } from '../../result';
import { profilesItem, settingsItem } from '../../storage/items';
import { getKey, hasKey, keyHintOf, maskKey, removeKey, setKey } from '../../storage/keys';
import type { Profile } from '../../storage/schemas';
import { appError } from '../app-error';

export interface ProfileDeps {
  /** `detectRealm` from lib/everflow, injected for tests. */
  detect: (o: { baseUrl: string; apiKey: string }) => Promise<Result<DetectedAccount, EverflowError>>;
  /** Whether the extension may reach this origin (`permissions.contains`). */
  hasOrigin: (originPattern: string) => Promise<boolean>;
  now: () => number;
  newId: () => string;
}

/** The API base URL of a profile, or why there is none. */
export function profileBaseUrl(p: Pick<Profile, 'region' | 'customBaseUrl'>): Result<string, string> {
  if (p.region === 'custom') return resolveBaseUrl(p.customBaseUrl ?? '');
  return resolveBaseUrl(p.region);
}

/** The host permission pattern a base URL needs, e.g. https://api-eu.eflow.team/* (never with a port). */
export function originPattern(baseUrl: string): string {
  const pattern = hostMatchPattern(baseUrl);
  // resolveBaseUrl has already checked the URL; a base URL that is not http(s) is a programming error.
  if (!pattern) throw new Error('Not an http(s) base URL');
  return pattern;
}

async function toView(p: Profile, defaultId: string | undefined): Promise<ProfileView> {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    region: p.region,
    ...(p.customBaseUrl ? { customBaseUrl: p.customBaseUrl } : {}),
    portalDomains: p.portalDomains,
    maskedKey: maskKey(p.keyHint),
    hasKey: await hasKey(p.id),
    isDefault: p.id === defaultId,
    ...(p.account ? { account: p.account } : {}),
    createdAt: p.createdAt,
  };
}

/** Every profile as pages may see it (keys masked). */
export async function listProfiles(): Promise<Result<ProfileView[], AppError>> {
  const [profiles, settings] = await Promise.all([profilesItem.getValue(), settingsItem.getValue()]);
  const defaultId = settings.defaultProfileId ?? profiles[0]?.id;
  return ok(await Promise.all(profiles.map((p) => toView(p, defaultId))));
}

/**
 * Run the key check against the profile's host. A key refused on one region is tried on the other one (when that
 * host may be reached), so "wrong region" gets its own message instead of "wrong key".
 */
async function checkKey(
  input: Pick<Profile, 'region' | 'customBaseUrl' | 'role'>,
  apiKey: string,
  deps: ProfileDeps,
): Promise<Result<DetectedAccount, AppError>> {
  const base = profileBaseUrl(input);
  if (!base.ok) return err({ kind: 'bad_request', message: base.error, field: 'customBaseUrl' });
  if (!(await deps.hasOrigin(originPattern(base.value)))) {
    return err({
      kind: 'permission',
      message: `The extension may not reach ${new URL(base.value).host} yet. Allow it when the browser asks, then save again.`,
      field: 'region',
    });
  }
  const detected = await deps.detect({ baseUrl: base.value, apiKey });
  if (!detected.ok) {
    if (detected.error.kind === 'auth' && input.region !== 'custom') {
      const other = input.region === 'us' ? 'eu' : 'us';
      const otherBase = profileBaseUrl({ region: other });
      if (otherBase.ok && (await deps.hasOrigin(originPattern(otherBase.value)))) {
        const there = await deps.detect({ baseUrl: otherBase.value, apiKey });
        if (there.ok) {
          return err({
            kind: 'region',
            message: `This key belongs to an ${other.toUpperCase()}-hosted account. Set the region to ${other.toUpperCase()}.`,
            field: 'region',
          });
        }
      }
      if (input.region === 'us') {
        return err({
          kind: 'auth',
          message: `${detected.error.message} If your account is EU-hosted, set the region to EU.`,
          field: 'apiKey',
        });
      }
    }
    return err({
      ...appError(detected.error),
      field: detected.error.kind === 'auth' ? 'apiKey' : undefined,
    });
  }
  const realm = checkExpectedRealm(detected.value.realm, input.role);
  if (realm) return err({ ...appError(realm), field: 'role' });
  return detected;
}

/** Add or edit a profile. Runs the key check first; nothing is stored unless it passes. */
export async function saveProfile(
  input: ProfileInput,
  deps: ProfileDeps,
): Promise<Result<ProfileView, AppError>> {
  const profiles = await profilesItem.getValue();
  const existing = input.id ? profiles.find((p) => p.id === input.id) : undefined;
  if (input.id && !existing) return err({ kind: 'not_found', message: 'That profile no longer exists.' });

  const domains: string[] = [];
  for (const raw of input.portalDomains) {
    const d = normalizePortalDomain(raw);
    if (!d)
      return err({ kind: 'bad_request', message: `"${raw}" is not a host name.`, field: 'portalDomains' });
    if (!domains.includes(d)) domains.push(d);
  }
  const apiKey = input.apiKey?.trim() || (existing ? await getKey(existing.id) : undefined);
  if (!apiKey)
    return err({ kind: 'no_key', message: 'Paste the API key for this account.', field: 'apiKey' });

  const checked = await checkKey(input, apiKey, deps);
  if (!checked.ok) return checked;

  const now = deps.now();
  const profile: Profile = {
    id: existing?.id ?? deps.newId(),
    name: input.name.trim(),
    role: input.role,
    region: input.region,
    ...(input.region === 'custom'
      ? { customBaseUrl: profileBaseUrl(input).ok ? input.customBaseUrl?.trim() : undefined }
      : {}),
    portalDomains: domains,
    keyHint: keyHintOf(apiKey),
    account: {
      name: checked.value.accountName,
      id: checked.value.accountId,
      ...(checked.value.networkId === undefined ? {} : { networkId: checked.value.networkId }),
      realm: checked.value.realm,
      checkedAt: now,
    },
    createdAt: existing?.createdAt ?? now,
  };
  const settings = await settingsItem.getValue();
  await setKey(profile.id, apiKey, settings.forgetKeysOnClose);
  await profilesItem.update((all) =>
    existing ? all.map((p) => (p.id === profile.id ? profile : p)) : [...all, profile],
  );
  if (!settings.defaultProfileId) await settingsItem.update((s) => ({ ...s, defaultProfileId: profile.id }));
  return ok(await toView(profile, settings.defaultProfileId ?? profile.id));
}

/** Re-run the key check of a stored profile and record when. */
export async function recheckProfile(id: string, deps: ProfileDeps): Promise<Result<ProfileView, AppError>> {
  const profile = (await profilesItem.getValue()).find((p) => p.id === id);
  if (!profile) return err({ kind: 'not_found', message: 'That profile no longer exists.' });
  return saveProfile({ ...profile, id, customBaseUrl: profile.customBaseUrl }, deps);
}

/** Remove a profile, its key, its default-template choice and its cached data. */
export async function removeProfile(id: string): Promise<Result<true, AppError>> {
  await profilesItem.update((all) => all.filter((p) => p.id !== id));
  await removeKey(id);
  const remaining = await profilesItem.getValue();
  await settingsItem.update((s) => {
    const { [id]: _gone, ...templates } = s.defaultTemplateIds;
    return {
      ...s,
      defaultTemplateIds: templates,
      defaultProfileId: s.defaultProfileId === id ? remaining[0]?.id : s.defaultProfileId,
    };
  });
  return ok(true);
}

/** Make one profile the default (preselected in the popup). */
export async function setDefaultProfile(id: string): Promise<Result<true, AppError>> {
  if (!(await profilesItem.getValue()).some((p) => p.id === id)) {
    return err({ kind: 'not_found', message: 'That profile no longer exists.' });
  }
  await settingsItem.update((s) => ({ ...s, defaultProfileId: id }));
  return ok(true);
}
