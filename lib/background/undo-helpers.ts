import { canonicalJson } from '../canonical-json';
import { READ_ONLY_KEYS } from '../everflow/roundtrip';
import type { Realm } from '../model/vocabulary';
import { DROP, findSecrets, mapSecrets, withoutSecrets } from '../templates/secret-fields';

type Raw = Readonly<Record<string, unknown>>;

/** The object minus the keys the server owns (they are never written back). */
export function withoutReadOnly(raw: Raw, realm: Realm): Record<string, unknown> {
  const readOnly = new Set(READ_ONLY_KEYS[realm]);
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !readOnly.has(key)));
}

/** The fields a write may change, secrets removed (what two objects are compared by). */
export function writableFields(raw: Raw, realm: Realm): Record<string, unknown> {
  return withoutSecrets(withoutReadOnly(raw, realm));
}

/**
 * True when the server's object is still what a recorded write left: every writable field both have is the same.
 * Server-owned keys (`time_saved`, `relationship`) and secrets, which the history never holds, are left out; and
 * only shared keys count, because a PUT's answer may carry fewer keys than a GET's (the affiliate API's does).
 */
export function unchangedSince(current: Raw, recorded: Raw, realm: Realm): boolean {
  const now = writableFields(current, realm);
  const then = writableFields(recorded, realm);
  return Object.keys(then).every(
    (key) => !(key in now) || canonicalJson(now[key]) === canonicalJson(then[key]),
  );
}

/**
 * `wanted` (a recorded object, its secrets masked) with each secret put back from `current`, the server's object,
 * at the same place: the history holds no secret, and putting back an integration object with a mask for its
 * token would overwrite the token on the server. A secret the server no longer has is left out (never a mask).
 */
export function withSecretsFrom<T>(wanted: T, current: unknown): T {
  const known = new Map(findSecrets(current).map((hit) => [hit.path, hit.value]));
  return mapSecrets(wanted, (hit) => known.get(hit.path) ?? DROP);
}
