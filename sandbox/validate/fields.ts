import { ok } from '../../lib/result';
import { type Checked, invalid } from '../http-types';

/** A parsed JSON object body. */
export type Body = Record<string, unknown>;

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Require the request body to be a JSON object. */
export function requireObject(value: unknown, what = 'Request body'): Checked<Body> {
  return isObject(value) ? ok(value) : invalid(`${what} must be a JSON object`);
}

/** A required field that must hold one of `allowed`. */
export function readEnum<T extends string>(body: Body, field: string, allowed: readonly T[]): Checked<T> {
  const value = body[field];
  if (value === undefined || value === null || value === '') return invalid(`${field} is required`);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return invalid(`${field} must be one of: ${allowed.join(', ')}`);
  }
  return ok(value as T);
}

/** An optional integer field within [min, max]; absent or null gives `fallback`. */
export function readInt(
  body: Body,
  field: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): Checked<number> {
  const value = body[field];
  if (value === undefined || value === null) return ok(fallback);
  if (typeof value !== 'number' || !Number.isInteger(value)) return invalid(`${field} must be an integer`);
  if (value < min || value > max) {
    return invalid(
      max === Number.MAX_SAFE_INTEGER
        ? `${field} must be at least ${min}`
        : `${field} must be an integer between ${min} and ${max}`,
    );
  }
  return ok(value);
}

/** An optional string field; absent or null gives `fallback`. */
export function readString(body: Body, field: string, fallback = ''): Checked<string> {
  const value = body[field];
  if (value === undefined || value === null) return ok(fallback);
  if (typeof value !== 'string') return invalid(`${field} must be a string`);
  return ok(value);
}

/** A string field that must be present and non-blank. */
export function readRequiredString(body: Body, field: string, context = ''): Checked<string> {
  const value = body[field];
  const when = context ? ` ${context}` : '';
  if (value === undefined || value === null || value === '') return invalid(`${field} is required${when}`);
  if (typeof value !== 'string') return invalid(`${field} must be a string`);
  if (value.trim() === '') return invalid(`${field} must not be blank`);
  return ok(value);
}

/** An optional boolean field. */
export function readBoolean(body: Body, field: string, fallback: boolean): Checked<boolean> {
  const value = body[field];
  if (value === undefined || value === null) return ok(fallback);
  if (typeof value !== 'boolean') return invalid(`${field} must be true or false`);
  return ok(value);
}
