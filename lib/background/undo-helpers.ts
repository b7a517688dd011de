import { READ_ONLY_KEYS } from '../everflow/roundtrip';
import type { Realm } from '../everflow/schemas/enums';
import { isSecretKey, stripSecrets } from './history';

type Raw = Readonly<Record<string, unknown>>;

/** JSON with sorted keys, so two objects compare by content whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields a write may change: the object minus the keys the server owns, secrets removed. */
export function writableFields(raw: Raw, realm: Realm): Record<string, unknown> {
  const readOnly = new Set(READ_ONLY_KEYS[realm]);
  const stripped = stripSecrets(raw) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(stripped).filter(([key]) => !readOnly.has(key)));
}

/**
 * True when the server's object is still what a recorded write left: every writable field both have is the same.
 * Server-owned keys (`time_saved`, `relationship`) and secrets, which the history never holds, are left out; and
 * only shared keys count, because a PUT's answer may carry fewer keys than a GET's (the affiliate API's does).
 */
export function unchangedSince(current: Raw, recorded: Raw, realm: Realm): boolean {
  const now = writableFields(current, realm);
  const then = writableFields(recorded, realm);
  return Object.keys(then).every((key) => !(key in now) || canonical(now[key]) === canonical(then[key]));
}

/**
 * `wanted` with the secrets put back from `current`, at any depth: the history has none, and putting back an
 * integration object without its token would wipe the token on the server.
 */
export function withSecretsFrom(wanted: unknown, current: unknown): unknown {
  if (!wanted || typeof wanted !== 'object' || Array.isArray(wanted)) return wanted;
  if (!current || typeof current !== 'object' || Array.isArray(current)) return wanted;
  const have = current as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted as Record<string, unknown>)) {
    out[key] = withSecretsFrom(value, have[key]);
  }
  for (const [key, value] of Object.entries(have)) {
    if (!(key in out) && isSecretKey(key)) out[key] = value;
  }
  return out;
}
