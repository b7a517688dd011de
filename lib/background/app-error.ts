import type { EverflowError } from '../everflow/errors';
import type { AppError } from '../model/errors';

/** Turn a client error into what pages see: the kind and the human message, nothing else. */
export function appError(e: EverflowError): AppError {
  return {
    kind: e.kind,
    message: e.message,
    ...(e.field ? { field: e.field } : {}),
    ...(e.unsent ? { unsent: true } : {}),
  };
}
