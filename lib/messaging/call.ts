import type { AppError } from '../model/errors';
import { err, type Result } from '../result';
import { sendMessage } from './messenger';
import type { ProtocolMap } from './protocol';

type Input<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Output<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

/**
 * Page side of the protocol: send a message to the background and always get a `Result` back, even when the
 * worker is restarting or gone ("Could not establish connection").
 */
export async function call<K extends keyof ProtocolMap>(type: K, data: Input<K>): Promise<Output<K>> {
  try {
    // The library's overloads cannot see through the generic key; the types line up by construction.
    const send = sendMessage as unknown as (t: K, d: Input<K>) => Promise<Output<K>>;
    return await send(type, data);
  } catch {
    const failure: Result<never, AppError> = err({
      kind: 'unavailable',
      message: 'The extension background is not answering. Close and reopen this page.',
    });
    return failure as Output<K>;
  }
}
