// @vitest-environment node
// The test-fire runner against the sandbox's stand-in tracker, in node.
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireTestPostback, HIDDEN_REDIRECT } from '../../../../lib/background/test-fire/run';
import { testFireVerdict } from '../../../../lib/postback/test-fire-verdict';
import { createSandboxControl } from '../../../../sandbox/control';
import { type Sandbox, startSandbox } from '../../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', trackerPort: 0, trackerSlowMs: 3000 });
});
afterAll(async () => sandbox.close());
beforeEach(async () => createSandboxControl(sandbox.origin).clearTrackerRequests());

const fire = (path: string, options: Partial<Parameters<typeof fireTestPostback>[1]> = {}) =>
  fireTestPostback(`${sandbox.trackerUrl}${path}`, { fetch, now: Date.now, ...options });

describe('test-fire runner', () => {
  it('records status, headers, time and an empty body for /ok', async () => {
    const r = await fire('/ok/pb?cid=abc');
    expect(r).toMatchObject({ status: 200, body: '', redirects: [] });
    expect(r.timeMs).toBeGreaterThanOrEqual(0);
    expect(testFireVerdict(r).kind).toBe('accepted');
  });

  it('keeps the error body of a tracker that answers 200 on errors', async () => {
    const text = await fire('/error-text/pb');
    expect(text.body).toBe('error: invalid click id');
    expect(testFireVerdict(text).kind).toBe('rejected');
    const json = await fire('/error-json/pb');
    expect(json.headers?.['content-type']).toMatch(/json/);
    expect(testFireVerdict(json).kind).toBe('rejected');
  });

  it('follows a redirect chain hop by hop and records it', async () => {
    const r = await fire('/redirect/3/pb?cid=1');
    expect(r.status).toBe(200);
    expect(r.redirects?.map((h) => [new URL(h.url).pathname, h.status])).toEqual([
      ['/__tracker/redirect/2/pb', 302],
      ['/__tracker/redirect/1/pb', 302],
      ['/__tracker/ok/pb', 302],
    ]);
    expect(r.redirects?.at(-1)?.url).toMatch(/\?cid=1$/);
  });

  it('stops after the maximum number of hops, and where a hop is refused', async () => {
    const r = await fire('/redirect/4/pb', { maxHops: 2 });
    expect(r.status).toBe(302);
    expect(r.redirects).toHaveLength(2);
    const refused = await fire('/redirect/1/pb', { refuseHop: () => 'not allowed' });
    expect(refused).toMatchObject({ status: 302, redirects: [], stoppedAt: 'not allowed' });
  });

  it('in a browser (opaque redirect), sends once and says the target is hidden instead of following', async () => {
    const calls: RequestInit[] = [];
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as Response;
    const browserFetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init ?? {});
      return opaque;
    }) as typeof fetch;
    const r = await fire('/redirect/2/pb', { fetch: browserFetch });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.redirect).toBe('manual');
    expect(r).toMatchObject({ hiddenRedirect: true, stoppedAt: HIDDEN_REDIRECT, redirects: [] });
    expect(r.status).toBeUndefined();
    const verdict = testFireVerdict(r);
    expect(verdict.kind).toBe('unclear');
    expect(verdict.headline).toMatch(/the browser does not show where to/);
  });

  it('keeps only the first 2 KB of a body', async () => {
    const r = await fire('/html/pb', { bodyBytes: 64 });
    expect(new TextEncoder().encode(r.body).length).toBeLessThanOrEqual(64);
    expect(r.bodyCut).toBe(true);
    expect(testFireVerdict(await fire('/html/pb')).kind).toBe('unclear');
  });

  it('gives up at the deadline with a timeout', async () => {
    const r = await fire('/slow/3000/pb', { deadlineMs: 300 });
    expect(r.error).toBe('timeout');
    expect(r.timeMs).toBeLessThan(2000);
  });

  it('names 404, 500, refused connections and TLS failures', async () => {
    expect((await fire('/not-found/pb')).status).toBe(404);
    expect((await fire('/server-error/pb')).status).toBe(500);
    const tls = await fireTestPostback(`${sandbox.trackerOrigin?.replace('http:', 'https:')}/ok/pb`, {
      fetch,
      now: Date.now,
    });
    expect(tls.error).toBe('tls');
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const refused = await fireTestPostback(`http://127.0.0.1:${port}/pb`, { fetch, now: Date.now });
    expect(refused.error).toBe('refused');
  });

  it('sends no key, no cookie and no referrer to the tracker', async () => {
    await fire('/ok/pb?cid=1');
    const [entry] = await createSandboxControl(sandbox.origin).trackerRequests();
    expect(entry?.method).toBe('GET');
    expect(Object.keys(entry?.headers ?? {})).not.toContain('x-eflow-api-key');
    expect(Object.keys(entry?.headers ?? {})).not.toContain('cookie');
    expect(Object.keys(entry?.headers ?? {})).not.toContain('referer');
  });
});
