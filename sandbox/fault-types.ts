/** What an injected fault does to a matching request. */
export type FaultAction =
  /** Wait `ms` before handling the request normally (combines with other faults). */
  | { kind: 'latency'; ms: number }
  /** Answer with this status and `{"error": ...}`; 429 and 503 carry Retry-After (default 1 s). */
  | { kind: 'status'; status: 429 | 500 | 503; retryAfter?: number }
  /** Never answer; the socket stays open until the client gives up or the sandbox closes. */
  | { kind: 'hang' }
  /** Reset the TCP connection without answering. */
  | { kind: 'reset' }
  /** 200 with `Content-Type: application/json` and a truncated JSON body. */
  | { kind: 'malformed_json' }
  /** An HTML error page (default 502), as a proxy in front of the API would send. */
  | { kind: 'html_error'; status?: number }
  /** An error with a capitalised key: `{"Error": message}` (default 400, "Invalid parameters."). */
  | { kind: 'capital_error'; status?: number; message?: string };

/** Which requests a fault applies to. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** A path prefix such as `/v1/affiliates/pixels`, or a regular expression when it starts with `^`. */
  path?: string;
}

/**
 * A fault to inject: an action plus when it fires. `count` = only the next N matching requests;
 * `ratio` = that share of matching requests, drawn from a seeded PRNG so runs are reproducible.
 * Both may be combined; with neither the fault fires on every matching request until cleared.
 */
export type FaultSpec = FaultAction & { count?: number; ratio?: number; match?: FaultMatch };

/** A fault as the sandbox holds it: the spec, an id, and how many firings are left when counted. */
export type ActiveFault = FaultSpec & { id: number; remaining: number | null };
