// @vitest-environment node
import { request as httpsRequest } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { DEFAULT_TRACKER_SLOW_MS, planTrackerAnswer } from '../../sandbox/tracker';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('planTrackerAnswer', () => {
  const plan = (path: string, search = '') =>
    planTrackerAnswer(path, search, '/__tracker', DEFAULT_TRACKER_SLOW_MS);

  it('names the answer by the first path segment and ignores the rest of the path', () => {
    expect(plan('/ok/postback')).toMatchObject({ behaviour: 'ok', status: 200, body: '' });
    expect(plan('/error-text/postback')).toMatchObject({ status: 200, body: 'error: invalid click id' });
    expect(JSON.parse(plan('/error-json').body)).toEqual({ status: 'error', message: 'invalid click id' });
    expect(plan('/html').headers['Content-Type']).toMatch(/^text\/html/);
    expect(plan('/not-found')).toMatchObject({ status: 404 });
    expect(plan('/postback')).toMatchObject({ behaviour: 'unknown', status: 404 });
    expect(plan('/server-error')).toMatchObject({ status: 500 });
    expect(plan('/status/503/x')).toMatchObject({ status: 503, body: 'status 503' });
    expect(plan('/status/99')).toMatchObject({ status: 400 });
  });

  it('chains redirects hop by hop, keeping the rest of the path and the query', () => {
    expect(plan('/redirect/3/postback', '?cid=1').headers.Location).toBe(
      '/__tracker/redirect/2/postback?cid=1',
    );
    expect(plan('/redirect/1/postback', '?cid=1').headers.Location).toBe('/__tracker/ok/postback?cid=1');
    expect(plan('/redirect/postback').headers.Location).toBe('/__tracker/redirect/1/postback');
    expect(plan('/redirect/9').headers.Location).toBe('/__tracker/redirect/4');
  });

  it('waits 12 s by default on /slow, or the milliseconds in the path (at most 120 s)', () => {
    expect(plan('/slow/postback').delayMs).toBe(12_000);
    expect(plan('/slow/250/postback').delayMs).toBe(250);
    expect(plan('/slow/999999').delayMs).toBe(120_000);
  });
});

describe('the stand-in tracker over HTTP', () => {
  it('answers 200 empty and logs the query string and headers it received, apart from the API log', async () => {
    sandbox = await startSandbox();
    const control = createSandboxControl(sandbox.origin);
    const reply = await fetch(`${sandbox.trackerUrl}/ok/postback?cid=abc123&payout=4.50&txid=T1`, {
      headers: { 'User-Agent': 'test-fire', 'X-Eflow-API-Key': DEMO_KEYS.affiliate },
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toBe('');
    const [entry] = await control.trackerRequests();
    expect(entry).toMatchObject({
      listener: 'sandbox',
      method: 'GET',
      path: '/__tracker/ok/postback',
      query: { cid: 'abc123', payout: '4.50', txid: 'T1' },
      behaviour: 'ok',
      status: 200,
      body: null,
    });
    expect(entry?.headers['user-agent']).toBe('test-fire');
    // A key sent to a tracker is a leak a test must see, but its value is never stored.
    expect(entry?.headers['x-eflow-api-key']).toBe('(redacted)');
    expect(await control.requests()).toEqual([]);
  });

  it('serves error bodies with 200, 404, 500 and any status', async () => {
    sandbox = await startSandbox();
    const get = async (path: string) => {
      const reply = await fetch(`${sandbox?.trackerUrl}${path}`);
      return { status: reply.status, type: reply.headers.get('content-type'), text: await reply.text() };
    };
    expect(await get('/error-text/pb?cid=x')).toMatchObject({ status: 200, text: 'error: invalid click id' });
    expect(await get('/error-json/pb')).toMatchObject({ status: 200, type: 'application/json' });
    expect(await get('/html')).toMatchObject({ status: 200, text: expect.stringContaining('<script>') });
    expect(await get('/not-found/pb')).toMatchObject({ status: 404 });
    expect(await get('/wrong-path')).toMatchObject({ status: 404 });
    expect(await get('/server-error/pb')).toMatchObject({ status: 500 });
    expect(await get('/status/502')).toMatchObject({ status: 502 });
  });

  it('runs a 302 chain to a 200, each hop logged', async () => {
    sandbox = await startSandbox();
    const reply = await fetch(`${sandbox.trackerUrl}/redirect/3/postback?cid=c9`);
    expect(reply.status).toBe(200);
    expect(reply.redirected).toBe(true);
    expect(reply.url).toBe(`${sandbox.trackerUrl}/ok/postback?cid=c9`);
    const log = await createSandboxControl(sandbox.origin).trackerRequests();
    expect(log.map((entry) => [entry.path, entry.status])).toEqual([
      ['/__tracker/redirect/3/postback', 302],
      ['/__tracker/redirect/2/postback', 302],
      ['/__tracker/redirect/1/postback', 302],
      ['/__tracker/ok/postback', 200],
    ]);
    expect(log.every((entry) => entry.query.cid === 'c9')).toBe(true);
  });

  it('answers slowly: the configured default, a delay from the path, and nothing to a caller that gave up', async () => {
    sandbox = await startSandbox({ trackerSlowMs: 300 });
    let started = performance.now();
    expect((await fetch(`${sandbox.trackerUrl}/slow/pb`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    started = performance.now();
    await fetch(`${sandbox.trackerUrl}/slow/20/pb`);
    expect(performance.now() - started).toBeLessThan(280);
    const aborted = fetch(`${sandbox.trackerUrl}/slow/pb`, { signal: AbortSignal.timeout(50) });
    await expect(aborted).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 350));
    const log = await createSandboxControl(sandbox.origin).trackerRequests();
    expect(log.map((entry) => entry.status)).toEqual([200, 200, null]);
  });

  it('does not hold up close() while a slow answer is pending', async () => {
    sandbox = await startSandbox();
    const pending = fetch(`${sandbox.trackerUrl}/slow/pb`).catch(() => 'closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('closed');
  });

  it('is cleared by reset, and by its own DELETE', async () => {
    sandbox = await startSandbox();
    const control = createSandboxControl(sandbox.origin);
    await fetch(`${sandbox.trackerUrl}/ok`);
    await control.reset();
    expect(await control.trackerRequests()).toEqual([]);
    await fetch(`${sandbox.trackerUrl}/ok`);
    await control.clearTrackerRequests();
    expect(await control.trackerRequests()).toEqual([]);
  });
});

describe('the TLS-less tracker host', () => {
  it('serves the tracker at the root of a second, plain-HTTP listener and nothing else', async () => {
    sandbox = await startSandbox({ trackerPort: 0 });
    const origin = sandbox.trackerOrigin ?? '';
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(origin).not.toBe(sandbox.origin);
    const reply = await fetch(`${origin}/error-text/postback?cid=z`, { method: 'POST', body: 'x=1' });
    expect(await reply.text()).toBe('error: invalid click id');
    expect((await fetch(`${origin}/__sandbox/state`)).status).toBe(404);
    expect((await fetch(`${origin}/v1/affiliates/pixels`)).status).toBe(404);
    const redirect = await fetch(`${origin}/redirect/2/pb`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/redirect/1/pb');
    const log = await createSandboxControl(sandbox.origin).trackerRequests();
    expect(log[0]).toMatchObject({
      listener: 'plain',
      method: 'POST',
      path: '/error-text/postback',
      body: 'x=1',
    });
  });

  it('fails a TLS handshake, as an https:// URL to a plain-HTTP host does', async () => {
    sandbox = await startSandbox({ trackerPort: 0 });
    const url = (sandbox.trackerOrigin ?? '').replace('http:', 'https:');
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = httpsRequest(`${url}/ok`, { rejectUnauthorized: false }, () =>
        resolve(new Error('answered')),
      );
      req.on('error', resolve);
      req.end();
    });
    expect(error.code ?? error.message).toMatch(/EPROTO|SSL/);
  });
});
