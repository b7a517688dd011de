// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxControl } from '../../sandbox/control';
import { DEMO_KEYS, type Sandbox, startSandbox } from '../../sandbox/server';
import { affiliateBody, call } from './helpers';

let sandbox: Sandbox;
let control: ReturnType<typeof createSandboxControl>;
let clock = 1_750_000_000_000;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
  control = createSandboxControl(sandbox.origin);
});
afterAll(() => sandbox.close());
beforeEach(() => control.reset());

describe('request log', () => {
  it('records method, path, query, status, parsed body, time and realm', async () => {
    await call(sandbox.origin, 'POST', '/v1/affiliates/pixels', {
      key: DEMO_KEYS.affiliate,
      body: affiliateBody({ extra_field: 'kept in the log' }),
    });
    clock += 5;
    await call(
      sandbox.origin,
      'GET',
      '/v1/affiliates/pixels?filter=pixel_status%3Dactive&filter=network_offer_id%3D11',
      {
        key: DEMO_KEYS.affiliate,
      },
    );
    const [post, get] = await control.requests();
    expect(post).toMatchObject({
      id: 1,
      time: 1_750_000_000_000,
      method: 'POST',
      path: '/v1/affiliates/pixels',
      query: {},
      status: 200,
      keySent: true,
      keyRealm: 'affiliate',
      faults: [],
    });
    expect(post?.body).toMatchObject({ extra_field: 'kept in the log', network_offer_id: 11 });
    expect(get).toMatchObject({
      id: 2,
      time: 1_750_000_000_005,
      query: { filter: ['pixel_status=active', 'network_offer_id=11'] },
      body: null,
    });
  });

  it('keeps a non-JSON body as raw text and records 401s as keyless', async () => {
    await call(sandbox.origin, 'PUT', '/v1/networks/pixels/1', {
      key: DEMO_KEYS.network,
      rawBody: 'not json',
    });
    await call(sandbox.origin, 'GET', '/v1/networks', { key: 'wrong-key' });
    await call(sandbox.origin, 'GET', '/v1/networks');
    const [put, wrong, none] = await control.requests();
    expect(put).toMatchObject({ body: 'not json', status: 400 });
    expect(wrong).toMatchObject({ status: 401, keySent: true, keyRealm: null });
    expect(none).toMatchObject({ status: 401, keySent: false, keyRealm: null });
  });

  it('never contains an API key value', async () => {
    await call(sandbox.origin, 'GET', '/v1/affiliates/pixels', { key: DEMO_KEYS.affiliate });
    await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.network });
    await call(sandbox.origin, 'GET', '/v1/networks', { key: 'secret-unknown-key' });
    const text = JSON.stringify(await control.requests());
    expect(text).not.toContain(DEMO_KEYS.affiliate);
    expect(text).not.toContain(DEMO_KEYS.network);
    expect(text).not.toContain('secret-unknown-key');
  });

  it('does not log control calls or preflights, and can be cleared', async () => {
    await fetch(`${sandbox.baseUrl}/networks`, { method: 'OPTIONS' });
    await control.state();
    expect(await control.requests()).toEqual([]);
    await call(sandbox.origin, 'GET', '/v1/networks', { key: DEMO_KEYS.network });
    expect((await control.requests()).length).toBe(1);
    await control.clearRequests();
    expect(await control.requests()).toEqual([]);
  });
});

describe('control state and reset', () => {
  it('dumps stored pixels and resets to the starting seed', async () => {
    const created = await call(sandbox.origin, 'POST', '/v1/affiliates/pixels', {
      key: DEMO_KEYS.affiliate,
      body: affiliateBody({ pixel_type: 'post_conversion' }),
    });
    expect(created.status).toBe(200);
    const state = await control.state();
    expect(state.seed).toBe('empty');
    expect(state.pixels).toMatchObject([
      { network_pixel_id: 1, pixel_type: 'event', network_affiliate_id: 7 },
    ]);
    expect(state.pixels[0]?.time_created).toBe(Math.floor(clock / 1000));
    await control.reset();
    expect((await control.state()).pixels).toEqual([]);
  });

  it('reports the partner-postbacks switch and refuses a bad value', async () => {
    await control.setPartnerPostbacksDisabled(true);
    expect((await control.state()).partnerPostbacksDisabled).toBe(true);
    const bad = await fetch(`${sandbox.origin}/__sandbox/partner-postbacks`, {
      method: 'PUT',
      body: '{"disabled":"yes"}',
    });
    expect(bad.status).toBe(400);
    await control.reset();
    expect((await control.state()).partnerPostbacksDisabled).toBe(false);
  });

  it('answers unknown control routes with 404', async () => {
    const reply = await fetch(`${sandbox.origin}/__sandbox/nope`);
    expect(reply.status).toBe(404);
    expect(await reply.json()).toEqual({ error: 'Unknown control route: GET /__sandbox/nope' });
  });
});
