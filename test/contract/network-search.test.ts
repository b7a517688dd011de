// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { useSandbox } from './harness';

/** The network lists the partner-postback console needs: offer search and merged pixel searches. */
const h = useSandbox({ seed: 'demo' });

describe('network offer search (offerstable)', () => {
  it('finds offers by name, pages, and sends the documented body', async () => {
    const res = await h.network().searchOffers({ search: 'keto', pageSize: 2 });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.items.length).toBeGreaterThan(0);
    expect(res.value.items.every((o) => /keto/i.test(o.name))).toBe(true);
    expect(res.value).toMatchObject({ page: 1, pageSize: 2 });
    expect(res.value.totalCount).toBeGreaterThanOrEqual(res.value.items.length);
    expect(res.value.items[0]?.raw).toHaveProperty('network_offer_id', res.value.items[0]?.id);
    const sent = (await h.control.requests()).at(-1);
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/networks/offerstable',
      query: { page_size: '2' },
      body: { search_terms: [{ search_type: 'name', value: 'keto' }], filters: {} },
    });
  });

  it('matches an id, and lists every offer without a search', async () => {
    const byId = await h.network().searchOffers({ search: '11' });
    expect(byId.ok && byId.value.items.map((o) => o.id)).toContain(11);
    const all = await h.network().searchOffers({ pageSize: 500 });
    expect(all.ok && all.value.totalCount).toBe(50);
    const paused = await h.network().searchOffers({ status: 'paused', pageSize: 500 });
    expect(paused.ok && paused.value.items.every((o) => o.status === 'paused')).toBe(true);
  });
});

describe('searchAllPixels', () => {
  it('follows every page of a search with terms and filters', async () => {
    const res = await h.network({ recoverySettleMs: 0 }).searchAllPixels({
      searchTerms: [{ searchType: 'description', value: 'northwind' }],
      filters: { status: 'active' },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.items.length).toBeGreaterThan(1);
    expect(res.value.items.every((p) => /northwind/i.test(p.description) && p.status === 'active')).toBe(
      true,
    );
  });
});
