import type { AppError } from '../model/errors';
import { err, type Result } from '../result';
import { sendMessage } from './messenger';
import type { AnyProtocol } from './table';

/** The page side of a protocol: send one message, always get a `Result` back. */
export type Call<P extends AnyProtocol> = <K extends keyof P & string>(
  type: K,
  data: Parameters<P[K]>[0],
) => Promise<ReturnType<P[K]>>;

/**
 * The page side of the protocol `P` (a page passes the type the background's table derives, e.g.
 * `makeCall<Protocol>()`): send a message to the background and always get a `Result` back, even when the worker
 * is restarting or gone ("Could not establish connection").
 */
export function makeCall<P extends AnyProtocol>(): Call<P> {
  return async (type, data) => {
    try {
      // The messenger is untyped (lib/messaging knows no table); `P` types both ends.
      return (await sendMessage(type, data)) as ReturnType<P[typeof type]>;
    } catch {
      const failure: Result<never, AppError> = err({
        kind: 'unavailable',
        message: 'The extension background is not answering. Close and reopen this page.',
      });
      return failure as ReturnType<P[typeof type]>;
    }
  };
}
