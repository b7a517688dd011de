import type { AppError } from '../model/errors';

/**
 * Chrome rejects a write over `storage.local`'s quota with "QUOTA_BYTES quota exceeded" (or
 * "…QUOTA_BYTES_PER_ITEM…"); Firefox with a `QuotaExceededError`. Either way nothing was written.
 */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const message = (e as { message?: unknown } | null)?.message;
  return (
    name === 'QuotaExceededError' ||
    (typeof message === 'string' && /quota|QUOTA_BYTES|storage is full/i.test(message))
  );
}

/** What a page shows when a write hit the quota: its own message, not "Something went wrong". */
export function storageFullError(): AppError {
  return {
    kind: 'storage_full',
    message:
      'Browser storage for the extension is full: this change was not saved, and everything saved before is ' +
      'kept. Delete templates, profiles or drafts you no longer need, then try again.',
  };
}
