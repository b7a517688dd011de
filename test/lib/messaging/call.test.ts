import { describe, expect, it, vi } from 'vitest';
import type { Protocol } from '../../../lib/background/message-table';

vi.mock('../../../lib/messaging/messenger', () => ({
  sendMessage: vi.fn(async () => {
    throw new Error(
      'A listener indicated an asynchronous response by returning true, but the message channel closed',
    );
  }),
}));

const { makeCall } = await import('../../../lib/messaging/call');
const call = makeCall<Protocol>();
const messenger = await import('../../../lib/messaging/messenger');

describe('call()', () => {
  it('turns a worker that went away into an "unavailable" Result instead of a throw', async () => {
    const r = await call('status', undefined);
    expect(r).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        message: 'The extension background is not answering. Close and reopen this page.',
      },
    });
  });

  it('passes the background reply through unchanged', async () => {
    vi.mocked(messenger.sendMessage).mockResolvedValueOnce({
      ok: true,
      value: { version: '1', profileCount: 3 },
    });
    expect(await call('status', undefined)).toEqual({ ok: true, value: { version: '1', profileCount: 3 } });
  });
});
