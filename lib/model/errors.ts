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
  /**
   * Kind `unknown_outcome` (a create Everflow never confirmed): the postbacks that existed before it, which
   * "Check again" (`pixels.findCreated`) sends back so an older identical one is not taken for the new one.
   */
  knownIds?: number[];
  /** Provably not sent (no slot in the rate limit, or too little time left): the reach advice does not fit. */
  unsent?: boolean;
}
