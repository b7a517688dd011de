/**
 * Which values inside an integration object are secrets (issue 13, defect 11). Pure: the page uses it to warn
 * about tokens in an import file and to strip them from exports; the background uses it to move them into the
 * secret store. One rule everywhere:
 * - a value is secret when its key names a secret (`access_token`, `token`, `password`, `secret`, `api_key`,
 *   `apiKey`, `client_secret`, `private_key`, `credentials`, `authorization`, …), at any depth;
 * - a key/value row (`{ field: "access_token", value: "…" }`, as in Meta's `user_data`) whose key names a
 *   secret has a secret `value`;
 * - everything inside a value whose key names a secret is secret.
 * Empty strings, null and booleans hide nothing and are not reported.
 */

/** Key names, lower-cased with separators removed, that name a secret. */
const SECRET_WORDS = /token|secret|passw|pwd$|apikey|privatekey|credential|authorization|bearer|^auth$/;

/** The keys a key/value row names its key and its value with. */
const ROW_KEY_FIELDS = ['field', 'key', 'name'] as const;

/** Whether a key name names a secret (`access_token`, `apiKey`, `Client-Secret`, …). */
export function isSecretName(name: string): boolean {
  return SECRET_WORDS.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** One secret found in an object: where it is (e.g. `extra.password`, `user_data[access_token]`) and its value. */
export interface SecretHit {
  path: string;
  value: string | number;
}

/** Returned by a `mapSecrets` callback to remove the secret (its key, or its whole row). */
export const DROP: unique symbol = Symbol('drop');

type Replace = (hit: SecretHit) => unknown;

function rowKey(row: Record<string, unknown>): string | undefined {
  for (const k of ROW_KEY_FIELDS) if (typeof row[k] === 'string') return row[k] as string;
  return undefined;
}

function isHidden(v: unknown): v is string | number {
  return (typeof v === 'string' && v !== '') || typeof v === 'number';
}

function walk(value: unknown, path: string, secret: boolean, replace: Replace): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      if (!secret && item && typeof item === 'object' && !Array.isArray(item)) {
        const row = item as Record<string, unknown>;
        const key = rowKey(row);
        if (key !== undefined && isSecretName(key) && 'value' in row) {
          const next = walk(row.value, `${path}[${key}]`, true, replace);
          if (next === DROP) return;
          out.push({ ...row, value: next });
          return;
        }
      }
      const next = walk(item, itemPath, secret, replace);
      if (next !== DROP) out.push(next);
    });
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const next = walk(v, path ? `${path}.${k}` : k, secret || isSecretName(k), replace);
      if (next !== DROP) out[k] = next;
    }
    return out;
  }
  return secret && isHidden(value) ? replace({ path, value }) : value;
}

/**
 * A copy of `value` with every secret replaced by what `replace` returns for it (`DROP` removes the key, or
 * the row of a key/value list). Nothing else changes; the input is not modified.
 */
export function mapSecrets<T>(value: T, replace: Replace): T {
  const out = walk(value, '', false, replace);
  return (out === DROP ? undefined : out) as T;
}

/** Every secret in `value`, in document order. */
export function findSecrets(value: unknown): SecretHit[] {
  const hits: SecretHit[] = [];
  walk(value, '', false, (hit) => {
    hits.push(hit);
    return hit.value;
  });
  return hits;
}

/** `value` without any secret: secret keys and rows are removed (for exports). */
export function withoutSecrets<T>(value: T): T {
  return mapSecrets(value, () => DROP);
}

/** The masked form shown on screen: "••••" and, for a long enough value, its last four characters. */
export function maskSecret(value: string | number): string {
  const text = String(value);
  return `••••${text.length >= 12 ? text.slice(-4) : ''}`;
}
