// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEverflowClient } from '../../../lib/everflow/client';
import { readPixelRows } from '../../../lib/everflow/pixel-results';
import { BASE, json, stubFetch } from './stub-fetch';

// One bad row must never empty a list: rows are read one by one, what is safely repairable is repaired, and
// what is not is listed apart with its id and field. The shape changes below are the adversarial run's kind:
// one field of one row (#1012 of 32) changed at a time.

function row(id: number): Record<string, unknown> {
  return {
    network_pixel_id: id,
    network_id: 1,
    network_affiliate_id: 7,
    network_offer_id: 12,
    network_offer_payout_revenue_id: 0,
    delivery_method: 'postback',
    pixel_level: 'specific',
    pixel_status: 'active',
    pixel_type: 'conversion',
    postback_url: `https://t.example/pb?tid={transaction_id}&n=${id}`,
    html_code: '',
    delay_ms: 0,
    description: `Postback ${id}`,
    time_created: 1_700_000_000,
    time_saved: 1_700_000_100,
    facebook_pixel: null,
    tiktok_pixel: null,
    snapchat_pixel: null,
    rumble_pixel: null,
    relationship: { offer: { network_offer_id: 12, name: 'Keto' }, affiliate: { name: 'Demo Partner' } },
  };
}
const ROWS = Array.from({ length: 32 }, (_, i) => row(1001 + i));
const BAD = 1012;

type Change = (r: Record<string, unknown>) => unknown;
const set =
  (key: string, value: unknown): Change =>
  (r) => ({ ...r, [key]: value });

// biome-ignore format: one shape change per line reads as a table
const REPAIRED: [string, Change, Record<string, unknown>][] = [
  ['time_created as a string of digits', set('time_created', '1700000000'), { timeCreated: 1_700_000_000 }],
  ['time_created as a date text (display only: dropped)', set('time_created', '2024-01-01'), { timeCreated: undefined }],
  ['time_saved null', set('time_saved', null), { timeSaved: undefined }],
  ['delay_ms 1.5 (shown rounded)', set('delay_ms', 1.5), { delayMs: 2 }],
  ['delay_ms as a string', set('delay_ms', '300'), { delayMs: 300 }],
  ['network_offer_id as a string', set('network_offer_id', '12'), { offerId: 12 }],
  ['network_affiliate_id as a string', set('network_affiliate_id', '7'), { affiliateId: 7 }],
  ['the id as a string', set('network_pixel_id', String(BAD)), { id: BAD }],
  ['relationship.offer.name as a number', (r) => ({ ...r, relationship: { offer: { name: 42 } } }), { offerName: '42' }],
  ['relationship as a string', set('relationship', 'offer'), { offerName: undefined }],
  ['relationship.affiliate as an array', (r) => ({ ...r, relationship: { affiliate: [] } }), { affiliateName: undefined }],
  ['description as a number', set('description', 123), { description: '123' }],
];

// biome-ignore format: one shape change per line reads as a table
const UNREADABLE: [string, Change, { id?: number; field: string }][] = [
  ['pixel_status null (a switch would have to guess)', set('pixel_status', null), { id: BAD, field: 'pixel_status' }],
  ['delivery_method missing', (r) => ({ ...r, delivery_method: undefined }), { id: BAD, field: 'delivery_method' }],
  ['pixel_type a number', set('pixel_type', 3), { id: BAD, field: 'pixel_type' }],
  ['network_offer_id a word', set('network_offer_id', 'twelve'), { id: BAD, field: 'network_offer_id' }],
  ['postback_url a number', set('postback_url', 5), { id: BAD, field: 'postback_url' }],
  ['facebook_pixel a string', set('facebook_pixel', 'on'), { id: BAD, field: 'facebook_pixel' }],
  ['no id at all', (r) => ({ ...r, network_pixel_id: undefined }), { field: 'network_pixel_id' }],
  ['the row is not an object', () => 'pixel', { field: 'row' }],
];

function listWith(change: Change): unknown[] {
  return ROWS.map((r) => (r.network_pixel_id === BAD ? change(r) : r));
}

function client(rows: unknown[]) {
  const stub = stubFetch((req) =>
    req.url.pathname.endsWith('/pixelstable')
      ? json(200, { pixels: rows, paging: { page: 1, page_size: 500, total_count: rows.length } })
      : json(200, { pixels: rows }),
  );
  return createEverflowClient({ baseUrl: BASE, apiKey: 'k', fetch: stub.fetch, limiter: 'none' });
}

describe('lists are read row by row', () => {
  it(`counts ${REPAIRED.length + UNREADABLE.length} single-row shape changes`, () => {
    expect(REPAIRED.length + UNREADABLE.length).toBeGreaterThanOrEqual(19);
  });

  it.each(REPAIRED)('%s → repaired, all 32 rows shown', async (_name, change, expected) => {
    for (const realm of ['affiliate', 'network'] as const) {
      const c = client(listWith(change));
      const res = realm === 'affiliate' ? await c.affiliate.listPixels() : await c.network.searchPixels();
      if (!res.ok) throw new Error(res.error.message);
      expect(res.value.items).toHaveLength(32);
      expect(res.value.unreadable).toEqual([]);
      const fixed = res.value.items.find((p) => p.id === BAD)!;
      for (const [key, value] of Object.entries(expected)) {
        if (key === 'description' && realm === 'affiliate') continue;
        expect(fixed[key as keyof typeof fixed]).toEqual(value);
      }
      // What goes back on a PUT is the row exactly as received.
      expect(fixed.raw).toEqual(change(row(BAD)));
    }
  });

  it.each(UNREADABLE)(
    '%s → the 31 good rows shown, the bad one listed apart',
    async (_name, change, expected) => {
      for (const realm of ['affiliate', 'network'] as const) {
        const c = client(listWith(change));
        const res = realm === 'affiliate' ? await c.affiliate.listPixels() : await c.network.searchPixels();
        if (!res.ok) throw new Error(res.error.message);
        expect(res.value.items).toHaveLength(31);
        expect(res.value.unreadable).toEqual([expect.objectContaining(expected)]);
      }
    },
  );

  it('network "all postbacks" keeps the good rows of every page and lists the bad ones', async () => {
    const c = client(listWith(set('delay_ms', 'soon')));
    const res = await c.network.searchAllPixels({});
    expect(res.ok && res.value).toMatchObject({
      truncated: false,
      unreadable: [{ id: BAD, field: 'delay_ms' }],
    });
    expect(res.ok && res.value.items).toHaveLength(31);
  });

  it('keeps the offer id of an unreadable row, so a list filtered by offer keeps only its own', () => {
    const rows = readPixelRows([{ ...row(1), pixel_status: null, network_offer_id: '99' }], 'affiliate');
    expect(rows.unreadable).toEqual([{ id: 1, offerId: 99, field: 'pixel_status' }]);
  });
});
