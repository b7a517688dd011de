// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { matchesRequest } from '../../../lib/everflow/create-recovery';
import { affiliatePixelReadSchema } from '../../../lib/everflow/schemas/affiliate-pixel';
import { toPostback } from '../../../lib/everflow/schemas/postback';
import { BASE, json, type Recorded, type StubAnswer, stubFetch } from './stub-fetch';

const request = {
  delivery_method: 'postback',
  pixel_level: 'specific',
  pixel_status: 'active',
  pixel_type: 'conversion',
  network_offer_id: 3,
  postback_url: 'https://t.example/pb?tid={transaction_id}',
} as const;

/** A tiny affiliate server: stores created pixels; `onPost` may fail a POST after (or before) saving. */
function server(onPost: (attempt: number, save: () => void) => StubAnswer | undefined) {
  const pixels: Record<string, unknown>[] = [
    // An unrelated postback on the same offer.
    { ...request, network_pixel_id: 1, postback_url: 'https://other.example/' },
  ];
  let posts = 0;
  const handler = (req: Recorded): StubAnswer => {
    if (req.method === 'GET' && req.url.pathname === '/v1/affiliates/pixels') return json(200, { pixels });
    if (req.method === 'POST') {
      posts++;
      const saved = { ...(req.body as object), network_pixel_id: 100 + posts, network_affiliate_id: 7 };
      const save = () => pixels.push(saved);
      const failure = onPost(posts, save);
      if (failure) return failure;
      save();
      return json(200, saved);
    }
    return json(404, { error: 'nope' });
  };
  return { pixels, handler, posts: () => posts };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function client(handler: (req: Recorded) => StubAnswer) {
  const stub = stubFetch(handler);
  const c = createEverflowClient({
    baseUrl: BASE,
    apiKey: 'k',
    fetch: stub.fetch,
    limiter: 'none',
    timeoutMs: 1000,
    random: () => 0,
  });
  return { stub, c };
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(120_000);
  return promise;
}

describe('create recovery', () => {
  it('timeout after saving → finds the postback, returns it as recovered, never posts again', async () => {
    const s = server((_n, save) => {
      save();
      return 'hang';
    });
    const { stub, c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok && res.value).toMatchObject({ recovered: true, pixel: { id: 101, offerId: 3 } });
    expect(s.posts()).toBe(1);
    expect(s.pixels).toHaveLength(2);
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'GET']);
  });

  it('5xx before saving → one look, nothing found → the 5xx, and never a second POST', async () => {
    const s = server((n) => (n === 1 ? json(500, { error: 'boom' }) : undefined));
    const { stub, c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error.kind).toBe('server');
    expect(s.posts()).toBe(1);
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'GET']);
  });

  it('timeout, saved only seconds later → keeps looking until it shows up; one POST', async () => {
    let save = () => {};
    const s = server((_n, doSave) => {
      save = doSave;
      return 'hang';
    });
    const { stub, c } = client(s.handler);
    const pending = c.affiliate.createPixel(request);
    // The slow server saves 8 s after the client gave up (timeout 1 s, settle 1 s, looks every 3 s).
    await vi.advanceTimersByTimeAsync(9_000);
    save();
    const res = await settle(pending);
    expect(res.ok && res.value).toMatchObject({ recovered: true, pixel: { id: 101 } });
    expect(s.posts()).toBe(1);
    expect(stub.calls.filter((call) => call.method === 'GET').length).toBeGreaterThan(1);
  });

  it('timeout, never saved → unknown_outcome after the recovery window; never a second POST', async () => {
    const s = server(() => 'hang');
    const { stub, c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error).toMatchObject({
      kind: 'unknown_outcome',
      message: expect.stringMatching(/did not confirm whether the postback was created.*not sent twice/),
    });
    expect(s.posts()).toBe(1);
    // Looked for 30 s, every 3 s: 11 looks.
    expect(stub.calls.filter((call) => call.method === 'GET')).toHaveLength(11);
  });

  it('a connection that never opened (refused) proves nothing was sent → sent again, one postback', async () => {
    let refused = true;
    const s = server(() => undefined);
    const { stub, c } = client((req) => {
      if (req.method === 'POST' && refused) {
        refused = false;
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      }
      return s.handler(req);
    });
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok && res.value).toMatchObject({ recovered: false, pixel: { id: 101 } });
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'POST']);
  });

  it('a 2xx whose body is not JSON → looks once and returns the saved postback', async () => {
    const s = server((_n, save) => {
      save();
      return new Response('{"network_pixel_id": 10', { status: 200 });
    });
    const { stub, c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok && res.value).toMatchObject({ recovered: true, pixel: { id: 101 } });
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'GET']);
  });

  it('"Create anyway" + a 500: the identical older postback the caller had seen is not claimed', async () => {
    const s = server(() => json(500, { error: 'boom' }));
    // The duplicate the user was warned about: same request, older id, seen by the caller.
    s.pixels.push({ ...request, network_pixel_id: 50 });
    const { c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request, { knownIds: [1, 50] }));
    expect(res.ok ? res.value : res.error.kind).toBe('server');
    // Without knownIds the old one would be (wrongly) taken for the new one.
    const blind = await settle(client(s.handler).c.affiliate.createPixel(request));
    expect(blind.ok && blind.value).toMatchObject({ recovered: true, pixel: { id: 50 } });
  });

  it('findCreated ("Check again") finds only a postback that was not there before', async () => {
    const s = server(() => undefined);
    s.pixels.push({ ...request, network_pixel_id: 50 });
    const { c } = client(s.handler);
    const before = await c.affiliate.findCreated(request, { knownIds: [1, 50] });
    expect(before).toEqual({ ok: true, value: undefined });
    s.pixels.push({ ...request, network_pixel_id: 60 });
    const after = await c.affiliate.findCreated(request, { knownIds: [1, 50] });
    expect(after.ok && after.value?.id).toBe(60);
  });

  it('a dropped connection after saving counts as ambiguous too', async () => {
    const s = server((_n, save) => {
      save();
      return 'reset';
    });
    const { c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok && res.value.recovered).toBe(true);
    expect(s.posts()).toBe(1);
  });

  it('lookups failing all along → unknown_outcome, never a second POST', async () => {
    const stub = stubFetch((req) => (req.method === 'POST' ? 'hang' : json(403, { error: 'nope' })));
    const c = createEverflowClient({
      baseUrl: BASE,
      apiKey: 'k',
      fetch: stub.fetch,
      limiter: 'none',
      timeoutMs: 1000,
    });
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error.kind).toBe('unknown_outcome');
    expect(stub.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('5xx every time → one POST and one look, then the server error', async () => {
    const s = server(() => json(503, { error: 'down' }));
    const { stub, c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error.kind).toBe('server');
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'GET']);
  });

  it('retries a 429 directly (nothing was saved) and never a 400', async () => {
    const limited = server((n) => (n <= 2 ? json(429, { error: 'slow' }) : undefined));
    const a = client(limited.handler);
    expect((await settle(a.c.affiliate.createPixel(request))).ok).toBe(true);
    expect(a.stub.calls.map((call) => call.method)).toEqual(['POST', 'POST', 'POST']);
    const invalid = server(() =>
      json(400, { error: 'network_offer_id 3 is not an offer this affiliate can run' }),
    );
    const b = client(invalid.handler);
    const res = await settle(b.c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: 'validation', field: 'network_offer_id' });
    expect(b.stub.calls).toHaveLength(1);
  });

  it('refuses an invalid body locally, before any request', async () => {
    const { stub, c } = client(() => json(200, {}));
    const res = await settle(c.affiliate.createPixel({ ...request, postback_url: '' }));
    expect(res.ok ? undefined : res.error.field).toBe('postback_url');
    expect(stub.calls).toHaveLength(0);
  });
});

describe('matchesRequest', () => {
  const view = (raw: Record<string, unknown>) =>
    toPostback(affiliatePixelReadSchema.parse(raw), raw, 'affiliate');
  const saved = { ...request, network_pixel_id: 5, pixel_type: 'conversion', delay_ms: 0, html_code: '' };

  it('matches on every field the request set, with server defaults for the rest', () => {
    expect(matchesRequest({ ...request }, view(saved), 'affiliate')).toBe(true);
    expect(matchesRequest({ ...request, delay_ms: 10 }, view(saved), 'affiliate')).toBe(false);
    expect(matchesRequest({ ...request, pixel_status: 'inactive' }, view(saved), 'affiliate')).toBe(false);
    expect(matchesRequest({ ...request, network_offer_id: 4 }, view(saved), 'affiliate')).toBe(false);
  });

  it('treats the two event spellings as one and ignores an affiliate global offer id', () => {
    const event = view({ ...saved, pixel_type: 'post_conversion' });
    expect(matchesRequest({ ...request, pixel_type: 'event' }, event, 'affiliate')).toBe(true);
    const global = view({ ...saved, pixel_level: 'global', network_offer_id: 0 });
    expect(
      matchesRequest({ ...request, pixel_level: 'global', network_offer_id: 123 }, global, 'affiliate'),
    ).toBe(true);
  });

  it('compares integration objects on the keys the server shows', () => {
    const fb = view({
      ...saved,
      delivery_method: 'facebook',
      facebook_pixel: { pixel_id: '1', event_name: 'Lead' },
    });
    const body = {
      ...request,
      delivery_method: 'facebook',
      facebook_pixel: { pixel_id: '1', event_name: 'Lead', access_token: 't' },
    };
    expect(matchesRequest(body, fb, 'affiliate')).toBe(true);
    expect(matchesRequest({ ...body, facebook_pixel: { pixel_id: '2' } }, fb, 'affiliate')).toBe(false);
  });
});
