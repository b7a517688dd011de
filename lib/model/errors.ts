/**
 * The error every background handler may return. `kind` is machine-readable (Everflow error kinds such as `auth`,
 * `realm`, `validation`, `rate_limited`, `offline`, plus `bad_request`, `no_key`, `duplicate`, `unavailable`,
 * `internal`), `message` is for people.
 */
export interface AppError {
  kind: string;
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}
