// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSandboxControl } from '../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { send, startBackground } from './harness';

// The rule: keys never appear in logs, errors, exports or any message sent to a page. This test drives every
// kind of reply (success, validation, auth, realm, server faults that echo the key) and searches all of it.
const KEY = 'demo-affiliate-key';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
});
afterAll(async () => sandbox.close());

describe('the API key never leaves the key vault', () => {
  const logged: string[] = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    logged.length = 0;
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
    }
    await startBackground({ fetch: (i, init) => fetch(i, init) });
  });

  it('in no reply and no log line, whatever happens', async () => {
    const control = createSandboxControl(sandbox.origin);
    await control.reset();
    const replies: unknown[] = [];
    const base = {
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: sandbox.baseUrl,
      portalDomains: ['Acme.EverflowClient.io'],
    };

    replies.push(await send('profiles.save', { ...base, name: 'Wrong', apiKey: `${KEY}-typo` }));
    replies.push(await send('profiles.save', { ...base, name: 'Realm', apiKey: 'demo-network-key' }));
    const saved = (await send('profiles.save', { ...base, name: 'Demo', apiKey: KEY })) as {
      ok: boolean;
      value: { id: string };
    };
    replies.push(saved);
    expect(saved.ok).toBe(true);
    const profileId = saved.value.id;
    replies.push(await send('profiles.list'));
    replies.push(await send('pixels.list', { profileId, refresh: true }));
    // A server error that echoes the key back must not carry it to the page.
    await control.inject({ kind: 'capital_error', status: 400, message: `Bad key ${KEY}`, count: 1 });
    replies.push(await send('pixels.get', { profileId, pixelId: 1001 }));
    await control.inject({ kind: 'status', status: 500, count: 5 });
    replies.push(await send('pixels.get', { profileId, pixelId: 1001 }));
    await control.clearFaults();
    replies.push(
      await send('pixels.create', {
        profileId,
        draft: {
          deliveryMethod: 'postback',
          type: 'conversion',
          level: 'specific',
          status: 'active',
          offerId: 999999,
          postbackUrl: 'https://x.test/?t={transaction_id}',
        },
      }),
    );
    replies.push(await send('profiles.check', { id: profileId }));
    replies.push(await send('settings.update', { forgetKeysOnClose: true }));
    replies.push(await send('templates.list'));
    replies.push(await send('profiles.save', { ...base, id: profileId, name: 'Demo renamed' }));
    replies.push(await send('pixels.list', { profileId: 'nope' }));

    const everything = JSON.stringify(replies) + logged.join('\n');
    expect(everything).not.toContain(KEY);
    expect(everything).toContain('••••-key');
    // Storage outside the vault holds no key either.
    const local = await fakeBrowser.storage.local.get(null);
    const { apiKeys: _vault, ...rest } = local;
    expect(JSON.stringify(rest)).not.toContain(KEY);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(KEY);
  }, 30_000); // the 5×500 fault runs the real backoff schedule
});
