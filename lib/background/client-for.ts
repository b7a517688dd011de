import { createEverflowClient, type EverflowClient } from '../everflow/client';
import type { AppError } from '../model/errors';
import { DEFAULT_REQUEST_DEADLINE_MS } from '../model/settings';
import { err, ok, type Result } from '../result';
import { profilesItem, settingsItem } from '../storage/items';
import { getKey, keyState } from '../storage/keys';
import type { Profile } from '../storage/schemas';
import { originPattern, profileBaseUrl } from './services/profiles';

/** A profile with a client for its key and host. */
export interface ProfileClient {
  profile: Profile;
  client: EverflowClient;
  side: Profile['role'];
}

/** How long the calls of a client may take in all (see `deadlineMs` of the Everflow client). */
export interface ClientBudget {
  /**
   * The end-to-end deadline. Absent: the user's setting (`requestDeadlineMs`, default 10 s), for the calls a
   * page waits for. `null`: none, for background jobs, which keep the per-request timeout and retries.
   */
  deadlineMs?: number | null;
  /** Each request's own timeout, when shorter than the client's default (a check the user waits for). */
  requestTimeoutMs?: number;
  /** Retries of a failed request (default: the client's); 0 makes a hung request fail at its timeout. */
  retries?: number;
}

export type ClientFor = (
  profileId: string,
  budget?: ClientBudget,
) => Promise<Result<ProfileClient, AppError>>;

export { appError } from './app-error';

/** Why a profile has no key, in the words that are true: a corrupt key store, the forget-on-close setting, or neither. */
async function noKeyMessage(profileId: string, name: string): Promise<string> {
  if ((await keyState(profileId)) === 'unreadable') {
    return `The stored keys could not be read; re-enter them. Edit "${name}" in Settings and paste its API key again.`;
  }
  if ((await settingsItem.getValue()).forgetKeysOnClose) {
    return `No API key is stored for "${name}" (keys are forgotten when the browser closes). Enter it again in Settings.`;
  }
  return `No API key is stored for "${name}". Enter it again in Settings.`;
}

/** The side of a stored profile (undefined when there is none), without reading its key. */
export async function profileSide(profileId: string): Promise<Profile['role'] | undefined> {
  return (await profilesItem.getValue()).find((p) => p.id === profileId)?.role;
}

/**
 * Build a client for a stored profile. Clients are cheap; the rate limiter they use is shared per key inside
 * lib/everflow, so every page and every call of this worker paces together. `hasOrigin` (`permissions.contains`)
 * is asked first: a host permission the user withheld or revoked makes every request fail like a lost
 * connection, so it gets its own error (kind `permission`) saying what to allow and where.
 */
export function makeClientFor(
  fetchImpl?: typeof fetch,
  hasOrigin?: (originPattern: string) => Promise<boolean>,
): ClientFor {
  return async (profileId, budget = {}) => {
    const profile = (await profilesItem.getValue()).find((p) => p.id === profileId);
    if (!profile)
      return err({ kind: 'not_found', message: 'That profile no longer exists. Pick another one.' });
    const apiKey = await getKey(profileId);
    if (!apiKey) return err({ kind: 'no_key', message: await noKeyMessage(profileId, profile.name) });
    const base = profileBaseUrl(profile);
    if (!base.ok) return err({ kind: 'bad_request', message: base.error });
    if (hasOrigin && !(await hasOrigin(originPattern(base.value)))) {
      return err({
        kind: 'permission',
        message: `The extension may not reach ${new URL(base.value).host}. Open Options → Profiles, edit "${profile.name}" and Save: the browser asks to allow that host again.`,
      });
    }
    const deadlineMs =
      budget.deadlineMs === undefined
        ? ((await settingsItem.getValue()).requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS)
        : budget.deadlineMs;
    const client = createEverflowClient({
      baseUrl: base.value,
      apiKey,
      ...(deadlineMs === null ? {} : { deadlineMs }),
      ...(budget.requestTimeoutMs === undefined ? {} : { timeoutMs: budget.requestTimeoutMs }),
      ...(budget.retries === undefined ? {} : { retry: { retries: budget.retries } }),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    return ok({ profile, client, side: profile.role });
  };
}
