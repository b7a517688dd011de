import { vi } from 'vitest';
import type { BackgroundConfig } from '../../../lib/background/register';

type Handler = (message: { data: unknown; sender?: { id?: string; url?: string } }) => Promise<unknown>;

export const RUNTIME_ID = 'testextensionid';
export const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
const handlers = new Map<string, Handler>();

// Capture the handlers registerHandlers() installs, so tests can call them as the real messenger would.
vi.mock('../../../lib/messaging/messenger', () => ({
  onMessage: (type: string, fn: Handler) => {
    handlers.set(type, fn);
    return () => handlers.delete(type);
  },
  sendMessage: vi.fn(),
  removeAllListeners: () => handlers.clear(),
}));

/** Register the real handlers with test dependencies. */
export async function startBackground(config: Partial<BackgroundConfig> = {}): Promise<void> {
  handlers.clear();
  const { registerHandlers } = await import('../../../lib/background/register');
  let n = 0;
  registerHandlers({
    version: '9.9.9',
    runtimeId: RUNTIME_ID,
    extensionOrigin: ORIGIN,
    hasOrigin: async () => true,
    newId: () => `id-${++n}`,
    ...config,
  });
}

/** Send one message as our options page would. */
export async function send<T = unknown>(
  type: string,
  data?: unknown,
  sender = { id: RUNTIME_ID, url: `${ORIGIN}/options.html` },
) {
  const h = handlers.get(type);
  if (!h) throw new Error(`no handler for ${type}`);
  return (await h({ data, sender })) as T;
}

/** The message names registerHandlers() installed a handler for. */
export function registeredMessages(): string[] {
  return [...handlers.keys()];
}
