import { checkExpectedRealm } from '../../everflow/detect-realm';
import type { EverflowError } from '../../everflow/errors';
import { resolveBaseUrl } from '../../everflow/regions';
import type { AccountInfo as DetectedAccount } from '../../everflow/schemas/accounts';
import type { AppError } from '../../model/errors';
import type { ProfileInput, ProfileView } from '../../model/profile';
import { DEFAULT_REQUEST_DEADLINE_MS } from '../../model/settings';
import { normalizePortalDomain } from '../../portal/domain';
import { hostMatchPattern } from '../../portal/host-pattern';
import { err, ok, type Result } from '../../result';
import { profilesItem, settingsItem } from '../../storage/items';
import { getKey, keyHintOf, keyState, maskKey, removeKey, removeKeysWhere, setKey } from '../../storage/keys';
import type { Profile } from '../../storage/schemas';
import { appError } from '../app-error';
import { commitProfiles } from './profile-commit';
import { repairSettings } from './settings';

export interface ProfileDeps {
  /**
   * `detectRealm` from lib/everflow, injected for tests. `deadlineMs`: what is left of the user's end-to-end
   * deadline, retries included.
   */
  detect: (o: {
    baseUrl: string;
    apiKey: string;
    deadlineMs: number;
  }) => Promise<Result<DetectedAccount, EverflowError>>;
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

/** A stored profile as pages may see it: key masked, whether it is stored, lost or the default. */
export async function toView(
  p: Profile,
  defaultId: string | undefined,
  forgetKeysOnClose: boolean,
): Promise<ProfileView> {
  const state = await keyState(p.id);
  const lost =
    state === 'unreadable'
      ? 'unreadable'
      : state === 'missing' && forgetKeysOnClose
        ? 'forgotten'
        : undefined;
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    region: p.region,
    ...(p.customBaseUrl ? { customBaseUrl: p.customBaseUrl } : {}),
    portalDomains: p.portalDomains,
    maskedKey: maskKey(p.keyHint),
    hasKey: state === 'stored',
    ...(lost ? { keyLost: lost } : {}),
    isDefault: p.id === defaultId,
    ...(p.account ? { account: p.account } : {}),
    createdAt: p.createdAt,
  };
}

/** The default profile's id: the stored one while it names a profile that exists, else the first profile. */
export function defaultProfileId(
  profiles: readonly Pick<Profile, 'id'>[],
  storedDefault: string | undefined,
): string | undefined {
  return profiles.some((p) => p.id === storedDefault) ? storedDefault : profiles[0]?.id;
}

/** Every profile as pages may see it (keys masked), after the stores are made to agree with the list. */
export async function listProfiles(): Promise<Result<ProfileView[], AppError>> {
  await repairProfileStores();
  const [profiles, settings] = await Promise.all([profilesItem.getValue(), settingsItem.getValue()]);
  const defaultId = defaultProfileId(profiles, settings.defaultProfileId);
  return ok(await Promise.all(profiles.map((p) => toView(p, defaultId, settings.forgetKeysOnClose))));
}

/**
 * Make the stores agree with the profile list: a key whose profile is gone is removed, and the settings stop
 * naming gone profiles. Writes only what is stale.
 */
export function repairProfileStores(): Promise<void> {
  return commitProfiles(async () => {
    const ids = (await profilesItem.getValue()).map((p) => p.id);
    await removeKeysWhere((id) => !ids.includes(id));
    await repairSettings(ids);
  });
}

/** The origin a profile's key is sent to, or undefined when its address does not parse. */
function hostOf(p: Pick<Profile, 'region' | 'customBaseUrl'>): string | undefined {
  const base = profileBaseUrl(p);
  return base.ok ? new URL(base.value).origin : undefined;
}

/**
 * Run the key check against the profile's host. A key just typed and refused on one region is tried on the other
 * one (when that host may be reached), so "wrong region" gets its own message instead of "wrong key".
 */
async function checkKey(
  input: Pick<Profile, 'region' | 'customBaseUrl' | 'role'>,
  apiKey: string,
  deps: ProfileDeps,
  typed: boolean,
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
  // The user waits for this check (Save, Check key): the whole of it, the other region included, gets the
  // user's request deadline, so a hung API fails with a message instead of spinning on retries.
  const deadlineAt =
    Date.now() + ((await settingsItem.getValue()).requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS);
  const left = () => Math.max(0, deadlineAt - Date.now());
  const detected = await deps.detect({ baseUrl: base.value, apiKey, deadlineMs: left() });
  if (!detected.ok) {
    // Only a key the user just typed is tried on the other region: a stored key stays with its own host.
    if (detected.error.kind === 'auth' && input.region !== 'custom' && typed) {
      const other = input.region === 'us' ? 'eu' : 'us';
      const otherBase = profileBaseUrl({ region: other });
      if (otherBase.ok && (await deps.hasOrigin(originPattern(otherBase.value)))) {
        const there = await deps.detect({ baseUrl: otherBase.value, apiKey, deadlineMs: left() });
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
  const typedKey = input.apiKey?.trim();
  // A stored key only ever goes to the host it was saved for: a new region or API address needs the key again.
  if (!typedKey && existing && hostOf(existing) !== hostOf(input)) {
    return err({
      kind: 'no_key',
      message:
        'The API host changed, so paste the API key again: the stored key is only sent to the host it was saved for.',
      field: 'apiKey',
    });
  }
  const apiKey = typedKey || (existing ? await getKey(existing.id) : undefined);
  if (!apiKey)
    return err({ kind: 'no_key', message: 'Paste the API key for this account.', field: 'apiKey' });

  const checked = await checkKey(input, apiKey, deps, Boolean(typedKey));
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
  return commitProfiles(async () => {
    const all = await profilesItem.getValue();
    // Removed while its key was being checked: store nothing, so no key is left without its profile.
    if (existing && !all.some((p) => p.id === profile.id)) {
      return err({ kind: 'not_found', message: 'That profile no longer exists.' });
    }
    const { forgetKeysOnClose } = await settingsItem.getValue();
    await setKey(profile.id, apiKey, forgetKeysOnClose);
    const saved = await profilesItem.update((list) =>
      existing ? list.map((p) => (p.id === profile.id ? profile : p)) : [...list, profile],
    );
    const settings = await repairSettings(saved.map((p) => p.id));
    return ok(await toView(profile, settings.defaultProfileId, forgetKeysOnClose));
  });
}

/** Re-run the key check of a stored profile and record when. */
export async function recheckProfile(id: string, deps: ProfileDeps): Promise<Result<ProfileView, AppError>> {
  const profile = (await profilesItem.getValue()).find((p) => p.id === id);
  if (!profile) return err({ kind: 'not_found', message: 'That profile no longer exists.' });
  return saveProfile({ ...profile, id, customBaseUrl: profile.customBaseUrl }, deps);
}

/** Remove a profile, its key and its default-template choice; a removed default passes to another profile. */
export function removeProfile(id: string): Promise<Result<true, AppError>> {
  return commitProfiles(async () => {
    const remaining = await profilesItem.update((all) => all.filter((p) => p.id !== id));
    await removeKey(id);
    await repairSettings(remaining.map((p) => p.id));
    return ok(true);
  });
}

/** Make one profile the default (preselected in the popup). */
export function setDefaultProfile(id: string): Promise<Result<true, AppError>> {
  return commitProfiles(async () => {
    if (!(await profilesItem.getValue()).some((p) => p.id === id)) {
      return err({ kind: 'not_found', message: 'That profile no longer exists.' });
    }
    await settingsItem.update((s) => ({ ...s, defaultProfileId: id }));
    return ok(true);
  });
}
