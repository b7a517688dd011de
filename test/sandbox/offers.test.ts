// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clients, field, list } from './helpers';

let sandbox: Sandbox;
let api: ReturnType<typeof clients>;
beforeAll(async () => {
  sandbox = await startSandbox();
  api = clients(sandbox.origin);
});
afterAll(() => sandbox.close());

describe('affiliate offers', () => {
  it('pages runnable offers with {offers, paging}', async () => {
    const first = await api.affiliate('GET', '/offersrunnable?page=1&page_size=10');
    expect(first.status).toBe(200);
    expect(field(first.body, 'paging')).toEqual({ page: 1, page_size: 10, total_count: 43 });
    expect(list(first.body, 'offers')[0]).toMatchObject({
      network_offer_id: 11,
      name: 'Keto Burn - US - CPA',
      relationship: { offer_affiliate_status: 'public', category: { name: 'Nutra' } },
    });
    const last = await api.affiliate('GET', '/offersrunnable?page=5&page_size=10');
    expect(list(last.body, 'offers').length).toBe(3);
  });

  it('lists runnable offers only: no paused, pending, unapproved or foreign private offers', async () => {
    const all = list((await api.affiliate('GET', '/offersrunnable?page_size=100')).body, 'offers');
    const ids = all.map((offer) => offer.network_offer_id);
    for (const excluded of [20, 38, 44, 54, 56, 57, 58]) expect(ids).not.toContain(excluded);
    for (const approved of [21, 53, 55, 59]) expect(ids).toContain(approved);
    expect(all.find((offer) => offer.network_offer_id === 55)?.relationship).toMatchObject({
      offer_affiliate_status: 'approved',
    });
  });

  it('alloffers adds visible offers the partner cannot run yet, but not foreign private ones', async () => {
    const reply = await api.affiliate('GET', '/alloffers?page_size=100');
    const offers = list(reply.body, 'offers');
    expect(field(reply.body, 'paging', 'total_count')).toBe(49);
    const locked = offers.find((offer) => offer.network_offer_id === 20);
    expect(field(locked, 'relationship', 'offer_affiliate_status')).toBe('require_approval');
    expect(offers.map((offer) => offer.network_offer_id)).not.toContain(56);
  });

  it('returns one offer with its payout events in relationship.payouts {entries, total}', async () => {
    const reply = await api.affiliate('GET', '/offers/19');
    expect(reply.status).toBe(200);
    const payouts = field(reply.body, 'relationship', 'payouts');
    expect(field(payouts, 'total')).toBe(3);
    expect(field(payouts, 'entries')).toEqual([
      {
        network_offer_payout_revenue_id: expect.any(Number),
        entry_name: 'Registration',
        is_default: true,
        payout_type: 'cpa',
        payout_amount: 5,
        payout_percentage: 0,
      },
      expect.objectContaining({ entry_name: 'First Deposit', is_default: false, payout_amount: 150 }),
      expect.objectContaining({ entry_name: 'Deposit', payout_type: 'cps', payout_percentage: 25 }),
    ]);
    expect(JSON.stringify(reply.body)).not.toContain('revenue_amount');
  });

  it('answers 404 for an offer the partner cannot see', async () => {
    const reply = await api.affiliate('GET', '/offers/56');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: 'Offer 56 not found' });
  });
});

describe('network offers and partners', () => {
  it('returns an offer with relationship.payout_revenue.entries in the network shape', async () => {
    const reply = await api.network('GET', '/offers/11');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      network_offer_id: 11,
      network_advertiser_id: 102,
      visibility: 'public',
    });
    const entries = field(reply.body, 'relationship', 'payout_revenue', 'entries') as Record<
      string,
      unknown
    >[];
    expect(entries.map((entry) => entry.entry_name)).toEqual(['Base Conversion', 'Upsell', 'Rebill']);
    expect(entries[0]).toMatchObject({
      network_offer_payout_revenue_id: 201,
      network_offer_id: 11,
      is_default: true,
      revenue_type: 'rpa',
      revenue_amount: 49.4,
    });
    expect((await api.network('GET', '/offers/999')).status).toBe(404);
  });

  it('searches offers by name (or id) with paging, and by advertiser', async () => {
    const keto = await api.network('POST', '/offerstable?page_size=2', {
      query: { search_terms: [{ search_type: 'name', value: 'keto burn' }] },
    });
    expect(field(keto.body, 'paging')).toEqual({ page: 1, page_size: 2, total_count: 3 });
    expect(list(keto.body, 'offers').map((offer) => offer.network_offer_id)).toEqual([11, 12]);
    const byId = await api.network('POST', '/offerstable', {
      search_terms: [{ search_type: 'name', value: '37' }],
    });
    expect(list(byId.body, 'offers').map((offer) => offer.name)).toEqual(['Coinvault Exchange - EU - CPA']);
    const paused = await api.network('POST', '/offerstable', {
      query: { filters: { offer_status: 'paused' } },
    });
    expect(list(paused.body, 'offers').map((offer) => offer.network_offer_id)).toEqual([44, 57]);
    const bad = await api.network('POST', '/offerstable', {
      search_terms: [{ search_type: 'colour', value: 'x' }],
    });
    expect(bad.status).toBe(400);
  });

  it('lists partners with {affiliates, paging} and filters by account_status', async () => {
    const page = await api.network('GET', '/affiliates?page=1&page_size=5');
    expect(field(page.body, 'paging')).toEqual({ page: 1, page_size: 5, total_count: 12 });
    expect(list(page.body, 'affiliates')[0]).toMatchObject({
      network_affiliate_id: 3,
      name: 'Northwind Media',
    });
    const active = await api.network('GET', '/affiliates?filter=account_status%3Dactive&page_size=100');
    const statuses = list(active.body, 'affiliates').map((partner) => partner.account_status);
    expect(statuses.length).toBe(9);
    expect(new Set(statuses)).toEqual(new Set(['active']));
  });

  it('searches partners by name', async () => {
    const reply = await api.network('POST', '/affiliatestable', {
      query: { search_terms: [{ search_type: 'name', value: 'demo' }] },
    });
    expect(list(reply.body, 'affiliates').map((partner) => partner.network_affiliate_id)).toEqual([7]);
    const none = await api.network('POST', '/affiliatestable', {
      query: { filters: { account_status: 'suspended' } },
    });
    expect(list(none.body, 'affiliates').map((partner) => partner.name)).toEqual(['Quasar Native']);
  });
});
