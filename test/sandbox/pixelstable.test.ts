// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clients, field, list } from './helpers';

let sandbox: Sandbox;
let api: ReturnType<typeof clients>;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  api = clients(sandbox.origin);
});
afterAll(() => sandbox.close());

async function ids(path: string, body: unknown, realm: 'network' | 'affiliate' = 'network') {
  const reply = await api[realm]('POST', path, body);
  expect(reply.status).toBe(200);
  return list(reply.body, 'pixels').map((p) => p.network_pixel_id);
}

describe('POST /v1/networks/pixelstable', () => {
  it('returns everything, paged, for an empty body', async () => {
    const reply = await api.network('POST', '/pixelstable?page=2&page_size=10');
    expect(field(reply.body, 'paging')).toEqual({ page: 2, page_size: 10, total_count: 47 });
    expect(list(reply.body, 'pixels')[0]?.network_pixel_id).toBe(1011);
  });

  it('searches by pixel id, description and payload', async () => {
    expect(
      await ids('/pixelstable', { query: { search_terms: [{ search_type: 'pixel_id', value: '1040' }] } }),
    ).toEqual([1040]);
    expect(
      await ids('/pixelstable', {
        query: { search_terms: [{ search_type: 'description', value: 'HARBOR' }] },
      }),
    ).toEqual([1039, 1040]);
    const payload = await ids('/pixelstable', {
      query: { search_terms: [{ search_type: 'payload', value: 'rdtk.io' }] },
    });
    expect(payload).toContain(1005);
    expect(payload).toContain(1032);
    const inHtml = await ids('/pixelstable', {
      query: { search_terms: [{ search_type: 'payload', value: 'atlas-pg' }] },
    });
    expect(inHtml).toEqual([1038]);
  });

  it('filters by status under either documented key, and by type with either spelling', async () => {
    const status = await ids('/pixelstable', { query: { filters: { status: 'inactive' } } });
    const offerStatus = await ids('/pixelstable', { query: { filters: { offer_status: 'inactive' } } });
    expect(status).toEqual(offerStatus);
    expect(status).toContain(1004);
    expect(status).not.toContain(1001);
    const event = await ids('/pixelstable', { query: { filters: { pixel_type: 'event' } } });
    expect(await ids('/pixelstable', { query: { filters: { pixel_type: 'post_conversion' } } })).toEqual(
      event,
    );
    expect(event).toContain(1006);
  });

  it('an offer filter also returns global postbacks', async () => {
    const found = await ids('/pixelstable', { query: { filters: { network_offer_ids: [16] } } });
    expect(found).toEqual(expect.arrayContaining([1011, 1012, 1033, 1001, 1034, 1040]));
    expect(found).not.toContain(1005);
    expect(found).not.toContain(1035);
  });

  it('an affiliate filter also returns global_offer postbacks', async () => {
    const found = await ids('/pixelstable', { query: { filters: { network_affiliate_ids: [14] } } });
    expect(found).toEqual([1035, 1036, 1037, 1039, 1040]);
  });

  it('combines terms and filters (AND), including delivery methods', async () => {
    const found = await ids('/pixelstable', {
      query: {
        search_terms: [{ search_type: 'payload', value: 'voluumtrk' }],
        filters: { delivery_methods: ['postback'], status: 'active', network_affiliate_ids: [7] },
      },
    });
    expect(found.length).toBeGreaterThan(0);
    const social = await ids('/pixelstable', {
      query: { filters: { delivery_methods: ['snapchat', 'rumble'] } },
    });
    expect(social).toEqual([1042, 1043, 1044, 1045]);
  });

  it('rejects unknown search types and malformed filters', async () => {
    const cases: [unknown, string][] = [
      [
        { query: { search_terms: [{ search_type: 'offer_name', value: 'x' }] } },
        'search_terms[0].search_type must be one of: pixel_id, description, payload',
      ],
      [
        { query: { filters: { network_offer_ids: '11' } } },
        'filters.network_offer_ids must be an array of integers',
      ],
      [{ query: { filters: { status: 'paused' } } }, 'filters.status must be active or inactive'],
      [{ query: 'all' }, 'query must be an object'],
    ];
    for (const [body, message] of cases) {
      const reply = await api.network('POST', '/pixelstable', body);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: message });
    }
  });
});

describe('POST /v1/affiliates/pixelstable', () => {
  it('searches only the partner’s own postbacks, paged', async () => {
    const reply = await api.affiliate('POST', '/pixelstable?page=1&page_size=5', {
      query: { filters: { delivery_methods: ['facebook'] } },
    });
    expect(field(reply.body, 'paging')).toEqual({ page: 1, page_size: 5, total_count: 4 });
    const pixels = list(reply.body, 'pixels');
    expect(pixels.every((p) => p.network_affiliate_id === 7 && p.delivery_method === 'facebook')).toBe(true);
    const everywhere = await ids(
      '/pixelstable',
      { query: { filters: { network_offer_ids: [19] } } },
      'affiliate',
    );
    expect(everywhere).toEqual(expect.arrayContaining([1001, 1013, 1014]));
    expect(everywhere).not.toContain(1035);
  });
});
