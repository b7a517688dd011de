// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { wirePixelType } from '../../../lib/everflow/schemas/enums';
import type { Realm } from '../../../lib/model/vocabulary';
import { affiliatePixel, networkIntegrations, networkPixel } from './arbitraries';
import { BASE, json, stubFetch } from './stub-fetch';

/**
 * For generated pixels of both realms (every integration object, rows, unknown fields with nested
 * values), set-status and edit change exactly the intended fields and every other writable field
 * reaches the PUT byte for byte. The one permitted rewrite: `pixel_type` is sent in the spelling the
 * endpoint documents.
 */

/**
 * The keys a PUT must not carry, written out here rather than taken from the code under test: the ids and
 * summaries the server owns (the id key in each spelling, `network_id`, `relationship`, `time_created`,
 * `time_saved`; reference §2.5). The affiliate update seed (PUT /affiliates/pixels/{id}) also has no
 * `network_affiliate_id` in its body: the key's own account is implied. The network create seed has it.
 */
const SERVER_OWNED = [
  'network_pixel_id',
  'network_affiliate_pixel_id',
  'network_offer_pixel_id',
  'network_id',
  'relationship',
  'time_created',
  'time_saved',
];
const NOT_SENT: Record<Realm, readonly string[]> = {
  network: SERVER_OWNED,
  affiliate: [...SERVER_OWNED, 'network_affiliate_id'],
};

const url = fc.webUrl({ withQueryParameters: true }).filter((u) => /^https?:\/\//.test(u));
const commonEdits = {
  pixel_status: fc.constantFrom('active', 'inactive'),
  postback_url: url,
  html_code: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  delay_ms: fc.integer({ min: 0, max: 300_000 }),
};
const editsByRealm: Record<Realm, fc.Arbitrary<Record<string, unknown>>> = {
  network: fc.record(
    {
      ...commonEdits,
      description: fc.string({ maxLength: 20 }),
      tiktok_pixel: networkIntegrations.tiktok_pixel,
    },
    { requiredKeys: [] },
  ),
  affiliate: fc.record(
    {
      ...commonEdits,
      facebook_pixel: fc.record({
        pixel_id: fc.string(),
        event_name: fc.string(),
        access_token: fc.string(),
      }),
    },
    { requiredKeys: [] },
  ),
};

// 1000 async round trips take ~2 s alone; the default 5 s limit is too tight on a busy 2-core machine.
const PROPERTY_TIMEOUT_MS = 60_000;

/** Runs one round trip against a stub that serves `raw` and records the PUT body as sent. */
async function putBodyFor(
  raw: Record<string, unknown>,
  run: (c: ReturnType<typeof createEverflowClient>) => Promise<unknown>,
) {
  let sent: string | undefined;
  const stub = stubFetch((req) => {
    if (req.method === 'GET') return json(200, raw);
    sent = req.text;
    return json(200, { ...(req.body as object), network_pixel_id: 1 });
  });
  const client = createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: stub.fetch, limiter: 'none' });
  const result = await run(client);
  expect(result).toMatchObject({ ok: true });
  expect(sent).toBeDefined();
  return JSON.parse(sent as string) as Record<string, unknown>;
}

/** Asserts the PUT body is `raw` minus read-only keys with exactly `changes` applied. */
function expectExactly(
  raw: Record<string, unknown>,
  body: Record<string, unknown>,
  realm: Realm,
  changes: Record<string, unknown>,
) {
  const readOnly = new Set(NOT_SENT[realm]);
  const expectedKeys = [...Object.keys(raw).filter((key) => !readOnly.has(key))];
  for (const key of Object.keys(changes)) if (!expectedKeys.includes(key)) expectedKeys.push(key);
  expect(Object.keys(body)).toEqual(expectedKeys);
  for (const key of expectedKeys) {
    if (key === 'pixel_type') {
      expect(body.pixel_type).toBe(wirePixelType(String(raw.pixel_type), realm));
    } else if (Object.hasOwn(changes, key)) {
      expect(JSON.stringify(body[key])).toBe(JSON.stringify(changes[key]));
    } else {
      expect(JSON.stringify(body[key])).toBe(JSON.stringify(raw[key]));
    }
  }
}

/** Drops edits that would make the pixel invalid for its realm (those are refused before the PUT). */
function keepValid(raw: Record<string, unknown>, realm: Realm, edit: Record<string, unknown>) {
  const out = { ...edit };
  if (realm === 'network' && raw.delivery_method !== 'postback') delete out.delay_ms;
  return out;
}

describe.each([
  ['affiliate', affiliatePixel],
  ['network', networkPixel],
] as const)('%s round trip (property)', (realm, pixels) => {
  it(
    'set-status changes exactly pixel_status',
    async () => {
      await fc.assert(
        fc.asyncProperty(pixels, fc.constantFrom('active', 'inactive'), async (raw, status) => {
          const body = await putBodyFor(raw, (c) => c[realm].setPixelStatus(1, status));
          expectExactly(raw, body, realm, { pixel_status: status });
        }),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'edit changes exactly the edited fields',
    async () => {
      await fc.assert(
        fc.asyncProperty(pixels, editsByRealm[realm], async (raw, edit) => {
          const changes = keepValid(raw, realm, edit);
          const body = await putBodyFor(raw, (c) => c[realm].updatePixel(1, changes));
          expectExactly(raw, body, realm, changes);
        }),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
