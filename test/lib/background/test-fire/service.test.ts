// @vitest-environment node
// testFire.send through the real handler: confirmations, the host permission, keys, and the verdict.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hopRefusal } from '../../../../lib/background/services/test-fire';
import type { TestFireReply } from '../../../../lib/postback/test-fire-types';
import { createSandboxControl } from '../../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../../sandbox/server';
import { send, startBackground } from '../harness';

type R<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: string; message: string; field?: string } };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', trackerPort: 0 });
});
afterAll(async () => sandbox.close());

const granted = new Set<string>();
beforeEach(async () => {
  fakeBrowser.reset();
  granted.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await createSandboxControl(sandbox.origin).clearTrackerRequests();
  await startBackground({
    fetch: (i, init) => fetch(i, init),
    hasOrigin: async (o) => granted.has(o),
  });
  // Host patterns carry no port, so the sandbox's API host and the plain tracker share one (`http://127.0.0.1/*`):
  // it is granted for the save only, and each test grants (or not) the tracker's host itself.
  granted.add('http://127.0.0.1/*');
  const r = await send<R>('profiles.save', {
    name: 'aff',
    role: 'affiliate',
    region: 'custom',
    customBaseUrl: sandbox.baseUrl,
    portalDomains: [],
    apiKey: 'demo-affiliate-key',
  });
  expect(r.ok).toBe(true);
  granted.clear();
});

const plain = () => sandbox.trackerOrigin ?? '';
const all = { http: true, privateHost: true };

describe('testFire.send', () => {
  it('asks for http and private-address confirmations, one at a time', async () => {
    granted.add('http://127.0.0.1/*');
    const first = await send<R>('testFire.send', { url: `${plain()}/ok/pb` });
    expect(first).toMatchObject({ ok: false, error: { kind: 'needs_confirmation', field: 'http' } });
    const second = await send<R>('testFire.send', { url: `${plain()}/ok/pb`, confirmed: { http: true } });
    expect(second).toMatchObject({ ok: false, error: { kind: 'needs_confirmation', field: 'privateHost' } });
  });

  it("treats the profile's API origin as an Everflow host", async () => {
    granted.add('http://127.0.0.1/*');
    const r = await send<R>('testFire.send', { url: `${sandbox.trackerUrl}/ok/pb`, confirmed: all });
    expect(r).toMatchObject({ ok: false, error: { field: 'everflowHost' } });
  });

  it('needs the host permission, and says how to get it', async () => {
    const r = await send<R>('testFire.send', { url: `${plain()}/ok/pb`, confirmed: all });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'permission', message: expect.stringMatching(/allow/) },
    });
    expect(await createSandboxControl(sandbox.origin).trackerRequests()).toEqual([]);
  });

  it('refuses a URL that carries an API key', async () => {
    granted.add('http://127.0.0.1/*');
    const r = await send<R>('testFire.send', {
      url: `${plain()}/ok/pb?k=demo-affiliate-key`,
      confirmed: all,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'bad_request', message: expect.stringMatching(/key/) },
    });
    expect(await createSandboxControl(sandbox.origin).trackerRequests()).toEqual([]);
  });

  it('sends once confirmed and allowed, and judges the answer', async () => {
    granted.add('http://127.0.0.1/*');
    const r = await send<R<TestFireReply>>('testFire.send', {
      url: `${plain()}/error-json/pb?cid=1`,
      confirmed: all,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.outcome.status).toBe(200);
    expect(r.value.verdict.kind).toBe('rejected');
    const log = await createSandboxControl(sandbox.origin).trackerRequests();
    expect(log).toHaveLength(1);
    expect(log[0]?.listener).toBe('plain');
    expect(JSON.stringify(log[0])).not.toContain('demo-affiliate-key');
  });

  it('checks each redirect hop on its own: confirmations for the first URL are not inherited', async () => {
    granted.add('http://127.0.0.1/*');
    const r = await send<R<TestFireReply>>('testFire.send', {
      url: `${plain()}/redirect/2/pb?cid=1`,
      confirmed: all,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.outcome).toMatchObject({ status: 302, redirects: [] });
    expect(r.value.outcome.stoppedAt).toMatch(
      /^Redirect to 127\.0\.0\.1:\d+ not followed: it is plain http:/,
    );
    const log = await createSandboxControl(sandbox.origin).trackerRequests();
    expect(log.map((e) => e.path)).toEqual(['/redirect/2/pb']);
  });

  it('refuses a hop to http, a private address or an Everflow host, each on its own', () => {
    expect(hopRefusal(new URL('https://tracker.example/pb'), [])).toBeUndefined();
    expect(hopRefusal(new URL('http://tracker.example/pb'), [])).toMatch(/plain http/);
    expect(hopRefusal(new URL('https://10.0.0.1/pb'), [])).toMatch(/private-network/);
    expect(hopRefusal(new URL('https://api.eflow.team/v1/x'), [])).toMatch(/Everflow API address/);
    expect(hopRefusal(new URL('https://my-api.example/x'), ['https://my-api.example'])).toMatch(/Everflow/);
  });
});
