// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AffiliatePixelInput } from '../../lib/everflow/affiliate-api';
import {
  createEverflowClient,
  DEFAULT_RECOVERY_WINDOW_MS,
  DEFAULT_TIMEOUT_MS,
} from '../../lib/everflow/client';
import type { FaultSpec } from '../../sandbox/server';
import { DEMO_KEYS } from '../../sandbox/server';
import { clientOptions, useSandbox } from './harness';

/**
 * The fault matrix through the HTTP sandbox: every injected fault maps to its typed error and
 * message; retries get through transient faults; a create that timed out never leaves a duplicate.
 */
const h = useSandbox({ seed: 'demo' });
const PIXELS = '/v1/affiliates/pixels';

// biome-ignore format: one fault per line reads as a table
const MATRIX: { name: string; fault: FaultSpec; kind: string; status?: number; message: RegExp }[] = [
  { name: '429', fault: { kind: 'status', status: 429, retryAfter: 2 }, kind: 'rate_limited', status: 429, message: /^Too many requests to Everflow\. Try again in 2 s\.$/ },
  { name: '500', fault: { kind: 'status', status: 500 }, kind: 'server', status: 500, message: /server error \(HTTP 500\)\. Try again in a minute\./ },
  { name: '503', fault: { kind: 'status', status: 503 }, kind: 'server', status: 503, message: /server error \(HTTP 503\)/ },
  { name: 'hang', fault: { kind: 'hang' }, kind: 'timeout', message: /did not answer in time/ },
  { name: 'latency beyond the timeout', fault: { kind: 'latency', ms: 1500 }, kind: 'timeout', message: /did not answer in time/ },
  { name: 'reset', fault: { kind: 'reset' }, kind: 'offline', message: /Could not reach Everflow/ },
  { name: 'malformed_json', fault: { kind: 'malformed_json' }, kind: 'bad_response', status: 200, message: /does not understand \(the answer was not JSON\)/ },
  { name: 'html_error', fault: { kind: 'html_error' }, kind: 'server', status: 502, message: /HTTP 502/ },
  { name: 'capital_error', fault: { kind: 'capital_error' }, kind: 'validation', status: 400, message: /rejected the postback: Invalid parameters\./ },
  { name: 'capital_error 403 Out of realm', fault: { kind: 'capital_error', status: 403, message: 'Out of realm' }, kind: 'realm', status: 403, message: /^This is a network key, but this profile is for an affiliate\./ },
  { name: 'capital_error 401', fault: { kind: 'capital_error', status: 401, message: 'No Authentication Method Found' }, kind: 'auth', status: 401, message: /did not accept this API key/ },
];

function affiliateClient() {
  return h.affiliate({ timeoutMs: 400, retry: { retries: 0 } });
}

describe('fault matrix (one attempt each)', () => {
  it.each(MATRIX)('$name → $kind', async ({ fault, kind, status, message }) => {
    await h.control.inject({ ...fault, match: { path: PIXELS } });
    const res = await affiliateClient().listPixels();
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.kind).toBe(kind);
    expect(res.error.status).toBe(status);
    expect(res.error.message).toMatch(message);
    expect(JSON.stringify(res.error)).not.toContain(DEMO_KEYS.affiliate);
    // A delayed request is still handled (and logged) after the client gave up: let it land here.
    if (fault.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  });

  it('latency under the timeout is just slow', async () => {
    await h.control.inject({ kind: 'latency', ms: 50 });
    expect((await affiliateClient().listPixels()).ok).toBe(true);
  });

  it('a network key on the affiliate API → realm, with the specific message', async () => {
    const wrong = createEverflowClient(clientOptions(h.sandbox, DEMO_KEYS.network)).affiliate;
    const res = await wrong.listPixels();
    expect(res.ok ? undefined : res.error).toMatchObject({
      kind: 'realm',
      status: 403,
      message: expect.stringMatching(/^This is a network key, but this profile is for an affiliate\./),
    });
    const reverse = createEverflowClient(clientOptions(h.sandbox, DEMO_KEYS.affiliate)).network;
    const back = await reverse.searchPixels();
    expect(back.ok ? undefined : back.error.message).toMatch(
      /^This is an affiliate key, but this profile is for a network\./,
    );
  });

  it('an unknown key → auth; an unknown pixel → not_found', async () => {
    const bad = createEverflowClient(clientOptions(h.sandbox, 'not-a-key')).affiliate;
    const denied = await bad.listPixels();
    expect(denied.ok ? undefined : denied.error).toMatchObject({ kind: 'auth', status: 401 });
    const res = await h.affiliate().getPixel(999_999);
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('partner editing switched off → forbidden, saying the network may have disabled it', async () => {
    await h.control.setPartnerPostbacksDisabled(true);
    const listed = await h.affiliate().listPixels();
    if (!listed.ok || !listed.value.items[0]) throw new Error('no demo pixels');
    const res = await h.affiliate().setPixelStatus(listed.value.items[0].id, 'inactive');
    expect(res.ok ? undefined : res.error).toMatchObject({
      kind: 'forbidden',
      status: 403,
      message: expect.stringMatching(/network may have disabled partner postback editing/),
      serverMessage: expect.stringMatching(/does not allow partners/),
    });
  });
});

describe('retries through transient faults', () => {
  it.each([
    ['two 503s', { kind: 'status', status: 503, retryAfter: 0, count: 2 }],
    ['three 500s', { kind: 'status', status: 500, count: 3 }],
    ['a 429', { kind: 'status', status: 429, retryAfter: 0, count: 1 }],
    ['two connection resets', { kind: 'reset', count: 2 }],
    ['a hang (timeout)', { kind: 'hang', count: 1 }],
    ['an HTML 502 page', { kind: 'html_error', count: 1 }],
  ] as [string, FaultSpec][])('a GET gets through %s', async (_name, fault) => {
    await h.control.inject({ ...fault, match: { method: 'GET', path: PIXELS } });
    const res = await h.affiliate({ timeoutMs: 400 }).listPixels();
    expect(res.ok).toBe(true);
    const log = (await h.control.requests()).filter((entry) => entry.method === 'GET');
    expect(log).toHaveLength((fault.count ?? 0) + 1);
  });

  it('gives up after the retry budget with the last error', async () => {
    await h.control.inject({ kind: 'status', status: 503, retryAfter: 0 });
    const res = await h.affiliate({ retry: { retries: 2 } }).listPixels();
    expect(res.ok ? undefined : res.error.kind).toBe('server');
    expect(await h.control.requests()).toHaveLength(3);
  });
});

describe('no duplicate after a create that timed out', () => {
  const body: AffiliatePixelInput = {
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    network_offer_id: 12,
    postback_url: 'https://tracker.example/pb?click={transaction_id}&n=unique-1',
  };
  const copies = async () =>
    (await h.control.state()).pixels.filter((pixel) => pixel.postback_url === body.postback_url).length;

  it('saved but answered too late → found and returned as recovered, one postback', async () => {
    // The sandbox handles the request after the latency, so it is saved after the client gave up.
    await h.control.inject({ kind: 'latency', ms: 600, count: 1, match: { method: 'POST', path: PIXELS } });
    const client = h.affiliate({
      timeoutMs: 300,
      recoverySettleMs: 600,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const res = await client.createPixel(body);
    expect(res.ok && res.value.recovered).toBe(true);
    expect(await copies()).toBe(1);
    const methods = (await h.control.requests()).map((entry) => entry.method);
    expect(methods).toEqual(['POST', 'GET']);
  });

  it('saved seconds after the timeout (slow server) → keeps looking, finds it, one postback', async () => {
    // The case, scaled down: the server saves 1.2 s after the client gave up (there: 16–20 s against a
    // 15 s timeout). The first look finds nothing; a client that then POSTed again made two postbacks.
    await h.control.inject({ kind: 'latency', ms: 1500, count: 1, match: { method: 'POST', path: PIXELS } });
    const client = h.affiliate({
      timeoutMs: 300,
      recoverySettleMs: 100,
      recoveryWindowMs: 4000,
      recoveryPollMs: 250,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const res = await client.createPixel(body);
    expect(res.ok && res.value.recovered).toBe(true);
    expect(await copies()).toBe(1);
    const methods = (await h.control.requests()).map((entry) => entry.method);
    expect(methods.filter((m) => m === 'POST')).toHaveLength(1);
    expect(methods.filter((m) => m === 'GET').length).toBeGreaterThan(1);
  });

  it('real timings: the server saves 18 s after the POST (client timeout 15 s) → found, one postback', async () => {
    // The adversarial run's numbers with the client's defaults (timeout, settle pause, recovery window): the
    // late save lands between two looks. Slow by nature (~20 s of waiting, no CPU).
    await h.control.inject({
      kind: 'latency',
      ms: 18_000,
      count: 1,
      match: { method: 'POST', path: PIXELS },
    });
    const client = h.affiliate({
      timeoutMs: DEFAULT_TIMEOUT_MS,
      recoverySettleMs: 1000,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const started = Date.now();
    const res = await client.createPixel(body);
    expect(res.ok && res.value.recovered).toBe(true);
    expect(await copies()).toBe(1);
    expect((await h.control.requests()).filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(DEFAULT_TIMEOUT_MS + 1000 + DEFAULT_RECOVERY_WINDOW_MS);
  }, 60_000);

  it('saved later than the recovery window → unknown_outcome, not "created"; still one postback', async () => {
    await h.control.inject({ kind: 'latency', ms: 1500, count: 1, match: { method: 'POST', path: PIXELS } });
    const client = h.affiliate({
      timeoutMs: 300,
      recoverySettleMs: 100,
      recoveryWindowMs: 300,
      recoveryPollMs: 100,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const res = await client.createPixel(body);
    expect(res.ok ? 'created' : res.error.kind).toBe('unknown_outcome');
    // The late POST lands; "Check again" then finds it, and there is exactly one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await copies()).toBe(1);
    const again = await client.findCreated(body);
    expect(again.ok && again.value?.postbackUrl).toBe(body.postback_url);
    expect((await h.control.requests()).filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('never saved (hang) → looks, never POSTs again → unknown_outcome, no postback', async () => {
    await h.control.inject({ kind: 'hang', count: 1, match: { method: 'POST', path: PIXELS } });
    const res = await h.affiliate({ timeoutMs: 300, recoveryWindowMs: 3000 }).createPixel(body);
    expect(res.ok ? undefined : res.error.kind).toBe('unknown_outcome');
    expect(await copies()).toBe(0);
    const methods = (await h.control.requests()).map((entry) => entry.method);
    expect(methods.filter((m) => m === 'POST')).toHaveLength(1);
  });

  it('a dropped connection (reset) → never POSTed again', async () => {
    await h.control.inject({ kind: 'reset', count: 1, match: { method: 'POST', path: PIXELS } });
    const res = await h.affiliate({ recoveryWindowMs: 0 }).createPixel(body);
    expect(res.ok ? undefined : res.error.kind).toBe('unknown_outcome');
    expect((await h.control.requests()).filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('5xx → one look, nothing there → the server error, never a second POST', async () => {
    await h.control.inject({ kind: 'status', status: 500, match: { method: 'POST', path: PIXELS } });
    const res = await h.affiliate().createPixel(body);
    expect(res.ok ? undefined : res.error.kind).toBe('server');
    expect(await copies()).toBe(0);
    expect((await h.control.requests()).map((entry) => entry.method)).toEqual(['POST', 'GET']);
  });

  it('network create that timed out after saving → recovered through pixelstable', async () => {
    await h.control.inject({
      kind: 'latency',
      ms: 600,
      count: 1,
      match: { method: 'POST', path: '/v1/networks/pixels' },
    });
    const client = h.network({
      timeoutMs: 300,
      recoverySettleMs: 600,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const networkBody = { ...body, network_affiliate_id: 7, description: 'timeout test' };
    const res = await client.createPixel(networkBody);
    expect(res.ok && res.value).toMatchObject({ recovered: true, pixel: { description: 'timeout test' } });
    expect(await copies()).toBe(1);
    expect((await h.control.requests()).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /v1/networks/pixels',
      'POST /v1/networks/pixelstable',
    ]);
  });
});
