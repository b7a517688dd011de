// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { call, field } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('authentication and realms', () => {
  it('refuses a request without a key with 401 and the documented message', async () => {
    const reply = await call(sandbox.origin, 'GET', '/v1/affiliates/pixels');
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: 'No Authentication Method Found' });
  });

  it('refuses an unknown key and a blank key with 401', async () => {
    for (const key of ['not-a-key', '   ']) {
      const reply = await call(sandbox.origin, 'GET', '/v1/networks', { key });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: 'No Authentication Method Found' });
    }
  });

  it('answers 403 "Out of realm" for an affiliate key on /v1/networks and a network key on /v1/affiliates', async () => {
    const wrongA = await call(sandbox.origin, 'GET', '/v1/networks/pixels', { key: DEMO_KEYS.affiliate });
    const wrongN = await call(sandbox.origin, 'GET', '/v1/affiliates/pixels', { key: DEMO_KEYS.network });
    expect([wrongA.status, wrongN.status]).toEqual([403, 403]);
    expect(wrongA.body).toEqual({ error: 'Out of realm' });
    expect(wrongN.body).toEqual({ error: 'Out of realm' });
  });

  it('reads the key header case-insensitively', async () => {
    const reply = await call(sandbox.origin, 'GET', '/v1/networks', {
      headers: { 'x-eflow-api-key': DEMO_KEYS.network },
    });
    expect(reply.status).toBe(200);
  });

  it('answers the affiliate who-am-I endpoints with the demo partner', async () => {
    const me = await call(sandbox.origin, 'GET', '/v1/affiliates/affiliate', { key: DEMO_KEYS.affiliate });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      network_affiliate_id: 7,
      network_id: 1,
      name: 'Demo Partner',
      account_status: 'active',
    });
    const info = await call(sandbox.origin, 'GET', '/v1/affiliates', { key: DEMO_KEYS.affiliate });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      network_affiliate_id: 7,
      name: 'Demo Partner',
      account_status: 'active',
    });
    expect(typeof field(info.body, 'email')).toBe('string');
    expect(typeof field(info.body, 'address')).toBe('object');
  });

  it('answers the network who-am-I endpoint', async () => {
    const reply = await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.network });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ network_id: 1, name: 'Demo Network', account_status: 'active' });
  });

  it('answers unknown routes with 404 and an error body, and an unsupported method with 405', async () => {
    const unknown = await call(sandbox.origin, 'GET', '/v1/affiliates/network', { key: DEMO_KEYS.affiliate });
    expect(unknown.status).toBe(404);
    expect(field(unknown.body, 'error')).toMatch(/Not found/);
    const outside = await call(sandbox.origin, 'GET', '/v1/advertisers', { key: DEMO_KEYS.network });
    expect(outside.status).toBe(404);
    const del = await call(sandbox.origin, 'DELETE', '/v1/affiliates/pixels/1', { key: DEMO_KEYS.affiliate });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, PUT');
    expect(field(del.body, 'error')).toBe('Method DELETE not allowed on /v1/affiliates/pixels/1');
  });

  it('answers an invalid JSON body with 400', async () => {
    const reply = await call(sandbox.origin, 'POST', '/v1/networks/pixels', {
      key: DEMO_KEYS.network,
      rawBody: '{"delivery_method": "postback",',
    });
    expect(reply.status).toBe(400);
    expect(field(reply.body, 'error')).toMatch(/^Invalid JSON body/);
  });
});

describe('CORS', () => {
  it('answers a preflight with 204 and allows the API key header', async () => {
    const response = await fetch(`${sandbox.baseUrl}/affiliates/pixels`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'x-eflow-api-key, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-eflow-api-key');
  });

  it('adds CORS headers to ordinary and error answers, exposing the rate-limit headers', async () => {
    const ok = await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.network });
    const denied = await call(sandbox.origin, 'GET', '/v1/networks');
    for (const reply of [ok, denied]) {
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
      expect(reply.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
    }
  });
});
