/**
 * A value or an error, never a throw. Everything that crosses a boundary (the Everflow client,
 * the background protocol) returns one of these, so callers must look at the error branch.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wrap a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wrap a failure. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
