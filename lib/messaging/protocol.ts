import type { Result } from '../result';

/** The error every background handler may return. `kind` is machine-readable, `message` is for people. */
export interface AppError {
  kind: string;
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}

export interface StatusReply {
  version: string;
  profileCount: number;
}

/**
 * The typed protocol between pages (popup, options) and the background service worker.
 * Types only: pages import this file without pulling zod or any handler code into their bundle.
 */
export interface ProtocolMap {
  status(data: undefined): Result<StatusReply, AppError>;
}
