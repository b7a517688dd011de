import type * as z from 'zod';
import { log } from '../log';
import type { AppError } from '../model/errors';
import { err, type Result } from '../result';
import { isQuotaError, storageFullError } from '../storage/quota';
import { isTrustedSender, type SenderLike } from './sender-guard';

export interface HandlerContext {
  runtimeId: string;
  extensionOrigin: string;
}

/**
 * Wrap a service function as a message handler: refuse untrusted senders, parse the input with zod, and turn any
 * throw into an `AppError`, so a page never sees a stack or an exception.
 */
export function defineHandler<S extends z.ZodType, T>(
  name: string,
  schema: S,
  run: (input: z.output<S>) => Promise<Result<T, AppError>>,
  ctx: HandlerContext,
): (message: { data: unknown; sender?: SenderLike }) => Promise<Result<T, AppError>> {
  return async (message) => {
    if (!isTrustedSender(message.sender, ctx.runtimeId, ctx.extensionOrigin)) {
      log.warn(`message ${name}: refused a sender outside the extension`);
      return err({ kind: 'forbidden_sender', message: 'Only the extension’s own pages may use this.' });
    }
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      return err({
        kind: 'bad_request',
        message: `Invalid ${field ?? 'request'}: ${issue?.message ?? 'unexpected input'}`,
        field,
      });
    }
    try {
      return await run(parsed.data);
    } catch (e) {
      // A write over the storage quota changed nothing: say so, in words the user can act on.
      if (isQuotaError(e)) {
        log.warn(`message ${name}: storage quota exceeded`);
        return err(storageFullError());
      }
      // The name of the error class only: messages can carry request details.
      log.warn(`message ${name}: unexpected ${(e as Error)?.name ?? 'error'}`);
      return err({ kind: 'internal', message: 'Something went wrong in the extension. Please try again.' });
    }
  };
}
