import { maskSecret } from './secret-fields';

/**
 * How a stored template points at a secret kept in the background's secret store (lib/storage/secrets.ts):
 * the masked value and the secret's id, e.g. `••••1234 [saved:3f9a1c2b7d4e]`. Pages only ever see this; the
 * background puts the secret itself back when it builds the Everflow request (issue 13, defect 11).
 */
const REF = /^••••(.{0,4}) \[saved:([0-9a-z]{8,40})\]$/;

/** The reference stored in place of a secret. */
export function secretRef(id: string, secret: string | number): string {
  return `${maskSecret(secret)} [saved:${id}]`;
}

/** The secret id a reference names, or undefined when the value is not a reference. */
export function secretIdOf(value: unknown): string | undefined {
  return typeof value === 'string' ? REF.exec(value)?.[2] : undefined;
}
