import type { Realm } from '../model/vocabulary';
import { err, type Result } from '../result';
import { createEverflowClient, type EverflowClientOptions } from './client';
import { type EverflowError, everflowError, realmMismatchMessage } from './errors';
import type { AccountInfo } from './schemas/accounts';
import type { CallOptions } from './transport';

/**
 * Tells what a key is (reference §4.3): ask the affiliate who-am-I; a 403 "Out of realm" there means
 * a network key, confirmed by `GET /networks`; a 401 means the key is invalid (an `auth` error).
 */

/** Options of `detectRealm`: the client options that matter for two or three requests. */
export type DetectRealmOptions = Pick<
  EverflowClientOptions,
  'baseUrl' | 'apiKey' | 'fetch' | 'timeoutMs' | 'sleep' | 'deadlineMs'
> &
  CallOptions;

/** Which realm a key belongs to, with the account's name and id; or why it could not be told. */
export async function detectRealm(options: DetectRealmOptions): Promise<Result<AccountInfo, EverflowError>> {
  const { signal, timeoutMs, ...clientOptions } = options;
  // No shared limiter: a key check must answer even while bulk work holds the bucket.
  const client = createEverflowClient({ ...clientOptions, limiter: 'none', retry: { retries: 2 } });
  const call: CallOptions = { ...(signal ? { signal } : {}), ...(timeoutMs ? { timeoutMs } : {}) };
  const asAffiliate = await client.affiliate.whoAmI(call);
  if (asAffiliate.ok || asAffiliate.error.kind !== 'realm') return asAffiliate;
  const asNetwork = await client.network.whoAmI(call);
  if (asNetwork.ok || asNetwork.error.kind !== 'realm') return asNetwork;
  // Refused by both portals: the key is not usable here.
  return err(everflowError('auth', { status: 403 }));
}

/**
 * The realm error for a profile whose key turned out to be of the other realm, or undefined when
 * they match. Message: "This is a network key, but this profile is for an affiliate." (and reverse).
 */
export function checkExpectedRealm(detected: Realm, expected: Realm): EverflowError | undefined {
  if (detected === expected) return undefined;
  return { kind: 'realm', message: realmMismatchMessage(detected) };
}
