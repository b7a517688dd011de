// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxControl, type SandboxControl } from '../../sandbox/control';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { affiliateBody, clients, field, networkBody } from './helpers';

// The control API changes postbacks "elsewhere" (Everflow itself, the portal): what a health watch must notice.

let sandbox: Sandbox;
let control: SandboxControl;
let api: ReturnType<typeof clients>;
beforeEach(async () => {
  sandbox = await startSandbox({ seed: 'demo', now: () => 1_800_000_000_000 });
  control = createSandboxControl(sandbox.origin);
  api = clients(sandbox.origin);
});
afterEach(() => sandbox.close());

describe('PATCH /__sandbox/pixels/:id', () => {
  it('switches only the status, journaled as control and absent from the API request log', async () => {
    const before = await control.pixel(1005);
    expect(before.pixel_status).toBe('active');
    const after = await control.setPixelStatus(1005, 'inactive');
    const { pixel_status: _s, time_saved: _t, ...rest } = before;
    expect(after).toMatchObject({ ...rest, pixel_status: 'inactive', time_saved: 1_800_000_000 });
    const seen = await api.affiliate('GET', '/pixels/1005');
    expect(field(seen.body, 'pixel_status')).toBe('inactive');
    expect(await control.changes()).toEqual([
      {
        id: 1,
        time: 1_800_000_000_000,
        source: 'control',
        action: 'status',
        pixelId: 1005,
        statusBefore: 'active',
        statusAfter: 'inactive',
      },
    ]);
    expect((await control.requests()).map((entry) => entry.method)).toEqual(['GET']);
  });

  it('tells it apart from a toggle made through the API', async () => {
    const pixel = (await api.affiliate('GET', '/pixels/1005')).body as Record<string, unknown>;
    await api.affiliate('PUT', '/pixels/1005', { ...pixel, pixel_status: 'inactive' });
    await control.setPixelStatus(1006, 'inactive');
    const changes = await control.changes();
    expect(
      changes.map((change) => [change.source, change.action, change.pixelId, change.statusAfter]),
    ).toEqual([
      ['api', 'replace', 1005, 'inactive'],
      ['control', 'status', 1006, 'inactive'],
    ]);
  });

  it('refuses a bad status and an unknown id', async () => {
    await expect(control.setPixelStatus(1005, 'paused' as 'active')).rejects.toThrow(
      /400: status must be one of: active, inactive/,
    );
    await expect(control.setPixelStatus(99, 'inactive')).rejects.toThrow(/404: Postback 99 not found/);
  });
});

describe('DELETE /__sandbox/pixels/:id', () => {
  it('deletes an affiliate postback (which the affiliate API cannot) and journals it', async () => {
    await control.deletePixel(1005);
    expect((await api.affiliate('GET', '/pixels/1005')).status).toBe(404);
    expect((await control.changes())[0]).toMatchObject({
      source: 'control',
      action: 'delete',
      pixelId: 1005,
      statusBefore: 'active',
      statusAfter: null,
    });
    await expect(control.deletePixel(1005)).rejects.toThrow(/404/);
  });
});

describe('POST /__sandbox/pixels', () => {
  it('creates a network postback elsewhere, with the API’s validation', async () => {
    const created = await control.createPixel(networkBody({ description: 'made in the portal' }));
    expect(created).toMatchObject({ network_pixel_id: 1048, description: 'made in the portal' });
    const seen = await api.network('GET', '/pixels/1048');
    expect(field(seen.body, 'description')).toBe('made in the portal');
    await expect(control.createPixel(networkBody({ network_offer_id: 999 }))).rejects.toThrow(
      /400: network_offer_id 999 does not exist/,
    );
  });

  it('creates an affiliate postback elsewhere, even with partner editing switched off', async () => {
    await control.setPartnerPostbacksDisabled(true);
    const created = await control.createPixel(
      affiliateBody({
        delivery_method: 'facebook',
        facebook_pixel: { pixel_id: '123', event_name: 'Lead', access_token: 'EAAGportal' },
      }),
      'affiliate',
    );
    expect(created).toMatchObject({ network_affiliate_id: 7, delivery_method: 'facebook' });
    expect(created.facebook_pixel?.access_token).toBe('EAAGportal');
    const listed = await api.affiliate('GET', `/pixels/${created.network_pixel_id}`);
    expect(listed.status).toBe(200);
    expect((await control.changes()).map((change) => [change.source, change.action])).toEqual([
      ['control', 'create'],
    ]);
  });

  it('refuses an affiliate create for a partner that does not exist, and an unknown realm', async () => {
    await expect(
      control.createPixel(affiliateBody({ network_affiliate_id: 99 }), 'affiliate'),
    ).rejects.toThrow(/400: network_affiliate_id 99 does not exist/);
    await expect(control.createPixel(affiliateBody(), 'portal' as 'network')).rejects.toThrow(
      /400: realm must be network or affiliate/,
    );
    expect(await control.changes()).toEqual([]);
  });

  it('is listed by GET /__sandbox', async () => {
    const routes = (await (await fetch(`${sandbox.origin}/__sandbox`)).json()) as { routes: string[] };
    for (const route of ['POST /__sandbox/pixels', 'PATCH /__sandbox/pixels/:id', 'GET /__sandbox/changes']) {
      expect(routes.routes).toContain(route);
    }
  });
});
