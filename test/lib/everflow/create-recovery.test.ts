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
  await vi.advanceTimersByTimeAsync(30_000);
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

  it('5xx before saving → nothing found → retried once → exactly one postback', async () => {
    const s = server((n) => (n === 1 ? json(500, { error: 'boom' }) : undefined));
    const { c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok && res.value).toMatchObject({ recovered: false, pixel: { id: 102 } });
    expect(s.posts()).toBe(2);
    expect(s.pixels.filter((p) => p.postback_url === request.postback_url)).toHaveLength(1);
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

  it('returns the error without posting again when the lookup fails', async () => {
    const stub = stubFetch((req) => (req.method === 'POST' ? 'hang' : json(403, { error: 'nope' })));
    const c = createEverflowClient({
      baseUrl: BASE,
      apiKey: 'k',
      fetch: stub.fetch,
      limiter: 'none',
      timeoutMs: 1000,
    });
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error.kind).toBe('timeout');
    expect(stub.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('second attempt ambiguous too → looks once more, then gives up with the error', async () => {
    const s = server(() => json(503, { error: 'down' }));
    const { stub, c } = client(s.handler);
    const res = await settle(c.affiliate.createPixel(request));
    expect(res.ok ? undefined : res.error.kind).toBe('server');
    expect(stub.calls.map((call) => call.method)).toEqual(['POST', 'GET', 'POST', 'GET']);
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
