import type { Result } from '../lib/result';

/** An Everflow-style failure: the status code and the text of `{"error": "..."}`. */
export interface ApiError {
  status: number;
  message: string;
}

/** A response computed by a handler, before headers, faults and logging are applied. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The outcome of a validation step. */
export type Checked<T> = Result<T, ApiError>;

/** Build a failure value. */
export function fail(status: number, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { status, message } };
}

/** Shorthand for a 400 validation failure. */
export function invalid(message: string): { ok: false; error: ApiError } {
  return fail(400, message);
}

/** A JSON response with the given status. */
export function json(status: number, body: unknown): ApiResponse {
  return { status, body };
}

/** Turn an error into Everflow's `{"error": "..."}` response. */
export function errorResponse(error: ApiError, headers?: Record<string, string>): ApiResponse {
  return { status: error.status, body: { error: error.message }, headers };
}
