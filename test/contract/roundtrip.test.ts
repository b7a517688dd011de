// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { READ_ONLY_KEYS } from '../../lib/everflow/roundtrip';
import type { Realm } from '../../lib/everflow/schemas/enums';
import { useSandbox } from './harness';

/**
 * Set-status and edit against the sandbox, checked in its request log: one GET, then one PUT whose
 * body is the GET answer minus read-only keys with only the intended change (and the event type in
 * the endpoint's spelling).
 */
const h = useSandbox({ seed: 'demo' });

async function demoIds(realm: Realm): Promise<number[]> {
  if (realm === 'affiliate') {
    const listed = await h.affiliate().listPixels();
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.items.map((pixel) => pixel.id);
  }
  const found = await h.network().searchPixels({ pageSize: 200 });
  if (!found.ok) throw new Error(found.error.message);
  return found.value.items.map((pixel) => pixel.id);
}

function expectPutIsGetWith(
  realm: Realm,
  got: Record<string, unknown>,
  put: Record<string, unknown>,
  change: Record<string, unknown>,
) {
  const readOnly = new Set(READ_ONLY_KEYS[realm]);
  const expected = Object.fromEntries(
    Object.entries(got)
      .filter(([key]) => !readOnly.has(key))
      .map(([key, value]) => [key, Object.hasOwn(change, key) ? change[key] : value]),
  );
  expect(JSON.stringify(put)).toBe(JSON.stringify(expected));
}

describe.each(['affiliate', 'network'] as const)('%s round trip in the request log', (realm) => {
  it('set-status on every demo postback: GET, then PUT of the whole object with only pixel_status changed', async () => {
    const ids = await demoIds(realm);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const api = realm === 'affiliate' ? h.affiliate() : h.network();
      const fetched = await api.getPixel(id);
      if (!fetched.ok) throw new Error(fetched.error.message);
      const got = fetched.value.raw;
      const before = (await h.control.state()).pixels.find((pixel) => pixel.network_pixel_id === id);
      const target = got.pixel_status === 'active' ? 'inactive' : 'active';
      await h.control.clearRequests();
      const res = await api.setPixelStatus(id, target);
      expect(res.ok && res.value.status).toBe(target);

      const log = await h.control.requests();
      const base = `/v1/${realm === 'affiliate' ? 'affiliates' : 'networks'}/pixels/${id}`;
      expect(log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([`GET ${base}`, `PUT ${base}`]);
      expectPutIsGetWith(realm, got, log[1]?.body as Record<string, unknown>, { pixel_status: target });

      const after = (await h.control.state()).pixels.find((pixel) => pixel.network_pixel_id === id);
      expect({ ...after, pixel_status: undefined, time_saved: undefined }).toEqual({
        ...before,
        pixel_status: undefined,
        time_saved: undefined,
      });
    }
  });
});

describe('edit', () => {
  it('changes the edited fields and nothing else (network, with integrations)', async () => {
    const found = await h.network().searchPixels({ pageSize: 200, filters: { deliveryMethods: ['tiktok'] } });
    const pixel = found.ok ? found.value.items[0] : undefined;
    if (!pixel) throw new Error('demo seed has no tiktok postback');
    const before = (await h.control.state()).pixels.find((p) => p.network_pixel_id === pixel.id);
    const res = await h.network().updatePixel(pixel.id, { description: 'edited by contract test' });
    expect(res.ok && res.value.description).toBe('edited by contract test');
    const after = (await h.control.state()).pixels.find((p) => p.network_pixel_id === pixel.id);
    expect({ ...after, description: '', time_saved: 0 }).toEqual({
      ...before,
      description: '',
      time_saved: 0,
    });
  });

  it('an affiliate edit of the URL keeps delay, event and type', async () => {
    const listed = await h.affiliate().listPixels({ type: 'event' });
    const pixel = listed.ok ? listed.value.items.find((p) => p.deliveryMethod === 'postback') : undefined;
    if (!pixel) throw new Error('demo seed has no affiliate event postback');
    const url = 'https://tracker.example/edited?tid={transaction_id}';
    const res = await h.affiliate().updatePixel(pixel.id, { postback_url: url });
    expect(res.ok && res.value).toMatchObject({
      postbackUrl: url,
      type: 'event',
      eventId: pixel.eventId,
      delayMs: pixel.delayMs,
    });
  });
});
