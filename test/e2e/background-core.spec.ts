import type { Page } from '@playwright/test';
import { pageKey } from '../../lib/storage/cache-layout';
import { expect, test } from './fixtures';
import { callFromPage, stopServiceWorkers } from './protocol';

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
interface Pixel {
  id: number;
  status: string;
  level: string;
  deliveryMethod: string;
}

// What the server owns and a PUT must not send back (affiliate API): ids, relationship, timestamps.
const SERVER_OWNED = [
  'network_pixel_id',
  'network_id',
  'network_affiliate_id',
  'relationship',
  'time_created',
  'time_saved',
];

async function addDemoAffiliate(page: Page, baseUrl: string) {
  return callFromPage<R<{ id: string; maskedKey: string; account?: { name: string; realm: string } }>>(
    page,
    'profiles.save',
    {
      name: 'Demo affiliate',
      role: 'affiliate',
      region: 'custom',
      customBaseUrl: baseUrl,
      portalDomains: [],
      apiKey: 'demo-affiliate-key',
    },
  );
}

test('add a profile, list postbacks and toggle one through the protocol, across worker restarts', async ({
  openOptions,
  sandbox,
  readStorage,
}) => {
  const page = await openOptions();
  const saved = await addDemoAffiliate(page, sandbox.baseUrl);
  expect(saved.ok).toBe(true);
  if (!saved.ok) return;
  expect(saved.value.account).toMatchObject({ name: 'Demo Partner', realm: 'affiliate' });
  expect(saved.value.maskedKey).toBe('••••-key');
  expect(JSON.stringify(saved)).not.toContain('demo-affiliate-key');
  const profileId = saved.value.id;

  await stopServiceWorkers(page);
  const list = await callFromPage<R<{ value: Pixel[]; fromCache: boolean }>>(page, 'pixels.list', {
    profileId,
    refresh: true,
  });
  expect(list.ok).toBe(true);
  if (!list.ok) return;
  expect(list.value.fromCache).toBe(false);
  expect(list.value.value.length).toBeGreaterThan(10);

  // The cache now answers at once, even from a freshly started worker.
  await stopServiceWorkers(page);
  const cached = await callFromPage<R<{ value: Pixel[]; fromCache: boolean }>>(page, 'pixels.list', {
    profileId,
  });
  expect(cached.ok && cached.value.fromCache).toBe(true);

  const target = list.value.value.find((p) => p.status === 'active' && p.deliveryMethod === 'postback')!;
  const before = (await (
    await fetch(`${sandbox.baseUrl}/affiliates/pixels/${target.id}`, {
      headers: { 'X-Eflow-API-Key': 'demo-affiliate-key' },
    })
  ).json()) as Record<string, unknown>;
  await sandbox.control.clearRequests();

  await stopServiceWorkers(page);
  const toggled = await callFromPage<R<Pixel>>(page, 'pixels.setStatus', {
    profileId,
    pixelId: target.id,
    status: 'inactive',
  });
  expect(toggled.ok && toggled.value.status).toBe('inactive');

  const puts = (await sandbox.control.requests()).filter((r) => r.method === 'PUT');
  expect(puts).toHaveLength(1);
  const expected = Object.fromEntries(Object.entries(before).filter(([k]) => !SERVER_OWNED.includes(k)));
  expected.pixel_status = 'inactive';
  expect(puts[0]!.body).toEqual(expected);
  expect(puts[0]!.path).toBe(`/v1/affiliates/pixels/${target.id}`);

  // Every page sees the change through the cache, without asking the server again.
  // (Each cached list is stored by pages of 500 rows: lib/storage/cache-layout.ts.)
  const index = (await readStorage('local', 'cacheIndex')) as { entries: Record<string, { pages: number }> };
  const pages = index.entries[`pixels:${profileId}`]!.pages;
  const rows: Pixel[] = [];
  for (let i = 0; i < pages; i++)
    rows.push(...((await readStorage('local', pageKey(`pixels:${profileId}`, i))) as Pixel[]));
  const cache = { [`pixels:${profileId}`]: { value: rows } };
  expect(cache[`pixels:${profileId}`]!.value.find((p) => p.id === target.id)!.status).toBe('inactive');
  // Storage never holds the key outside the key vault.
  expect(JSON.stringify(await readStorage('local', 'profiles'))).not.toContain('demo-affiliate-key');
});

test('the key check refuses a wrong key and a key of the other realm, with specific messages', async ({
  openOptions,
  sandbox,
  readStorage,
}) => {
  const page = await openOptions();
  const input = {
    name: 'X',
    role: 'affiliate',
    region: 'custom',
    customBaseUrl: sandbox.baseUrl,
    portalDomains: [],
  };
  const wrong = await callFromPage<R<unknown>>(page, 'profiles.save', { ...input, apiKey: 'not-a-real-key' });
  expect(wrong).toMatchObject({ ok: false, error: { kind: 'auth' } });
  const realm = await callFromPage<R<unknown>>(page, 'profiles.save', {
    ...input,
    apiKey: 'demo-network-key',
  });
  expect(realm).toMatchObject({
    ok: false,
    error: {
      kind: 'realm',
      message: expect.stringContaining('This is a network key, but this profile is for an affiliate'),
    },
  });
  expect(await readStorage('local', 'profiles')).toBeUndefined();
});

test('an operation in flight when the worker stops reports clearly, and nothing is half-written', async ({
  openOptions,
  sandbox,
}) => {
  const page = await openOptions();
  const saved = await addDemoAffiliate(page, sandbox.baseUrl);
  if (!saved.ok) throw new Error(saved.error.message);
  const list = await callFromPage<R<{ value: Pixel[] }>>(page, 'pixels.list', {
    profileId: saved.value.id,
    refresh: true,
  });
  if (!list.ok) throw new Error(list.error.message);
  const target = list.value.value.find((p) => p.status === 'active')!;

  // The PUT is slow; the worker is stopped while the toggle waits for it.
  await sandbox.control.inject({ kind: 'latency', ms: 3000, match: { method: 'PUT' } });
  const inFlight = callFromPage<R<Pixel>>(page, 'pixels.setStatus', {
    profileId: saved.value.id,
    pixelId: target.id,
    status: 'inactive',
  }).catch((e: Error) => ({ thrown: e.message }));
  await page.waitForTimeout(800);
  await stopServiceWorkers(page);
  const outcome = await inFlight;
  // Either the toggle completed, or the page got a clear failure instead of hanging (the pages' call() turns
  // this into an 'unavailable' error with a message; see test/lib/messaging/call.test.ts).
  if ('thrown' in outcome)
    expect(outcome.thrown).toMatch(/message channel closed|message port closed|Receiving end/i);
  else expect(outcome.ok).toBe(true);

  // The server holds a whole pixel, either state; a fresh list agrees with it.
  await page.waitForTimeout(3000);
  await sandbox.control.clearFaults();
  const fresh = await callFromPage<R<{ value: Pixel[] }>>(page, 'pixels.list', {
    profileId: saved.value.id,
    refresh: true,
  });
  if (!fresh.ok) throw new Error(fresh.error.message);
  const server = (await (
    await fetch(`${sandbox.baseUrl}/affiliates/pixels/${target.id}`, {
      headers: { 'X-Eflow-API-Key': 'demo-affiliate-key' },
    })
  ).json()) as Record<string, unknown>;
  expect(['active', 'inactive']).toContain(server.pixel_status);
  expect(server.postback_url).toBeTruthy();
  expect(fresh.value.value.find((p) => p.id === target.id)!.status).toBe(server.pixel_status);
});
