// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_ID } from '../../../sandbox/demo-keys';
import { buildSeed } from '../../../sandbox/seed/index';
import { isRunnableBy } from '../../../sandbox/world';

const small = buildSeed('empty');
const big = buildSeed('empty', { offers: 600 });
const offers = big.world.offers;
const runnable = offers.filter((offer) => isRunnableBy(offer, DEMO_PARTNER_ID));

describe('--offers 600', () => {
  it('keeps the fixed catalogue and adds generated offers up to 600, 500+ of them runnable by the demo partner', () => {
    expect(offers).toHaveLength(600);
    expect(offers.slice(0, small.world.offers.length)).toEqual(small.world.offers);
    expect(offers[50]?.network_offer_id).toBe(101);
    expect(runnable.length).toBeGreaterThanOrEqual(500);
    expect(runnable.length).toBeLessThan(600);
    expect(buildSeed('empty', { offers: 600 }).world.offers).toEqual(offers);
  });

  it('gives every offer 1-4 payout events with one default and ids unique across the catalogue', () => {
    for (const offer of offers) {
      expect(offer.payouts.length, offer.name).toBeGreaterThanOrEqual(1);
      expect(offer.payouts.length, offer.name).toBeLessThanOrEqual(4);
      expect(offer.payouts.filter((entry) => entry.is_default)).toHaveLength(1);
    }
    const ids = offers.flatMap((offer) =>
      offer.payouts.map((entry) => entry.network_offer_payout_revenue_id),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const names = new Set(runnable.flatMap((offer) => offer.payouts.map((entry) => entry.entry_name)));
    for (const event of ['FTD', 'Deposit', 'Upsell', 'Rebill', 'Install', 'Subscription', 'Lead']) {
      expect(names).toContain(event);
    }
    const withEvents = runnable.filter((offer) => offer.payouts.length > 1).length;
    expect(withEvents).toBeGreaterThan(runnable.length / 2);
  });

  it('spreads offers over categories, statuses and visibilities with unique, realistic names', () => {
    expect(new Set(offers.map((offer) => offer.name)).size).toBe(600);
    expect(new Set(runnable.map((offer) => offer.category_name)).size).toBe(16);
    expect(new Set(offers.map((offer) => offer.offer_status))).toEqual(
      new Set(['active', 'paused', 'pending']),
    );
    expect(new Set(offers.map((offer) => offer.visibility))).toEqual(
      new Set(['public', 'require_approval', 'private']),
    );
    expect(offers[60]?.name).toMatch(/^[A-Z][\w+ ]+ - [\w ]+ - [A-Za-z]+( \(LP\d+\))?$/);
  });

  it('leaves the catalogue at its fixed 50 offers when asked for fewer', () => {
    expect(buildSeed('empty', { offers: 10 }).world.offers).toEqual(small.world.offers);
  });
});

describe('a second network', () => {
  it('has its own id and name and the same partners and offer names', () => {
    const other = buildSeed('empty', { offers: 600, networkId: 2 });
    expect(other.world.network).toMatchObject({
      network_id: 2,
      name: 'Demo Network 2',
      identifier: 'demonetwork2',
    });
    expect(big.world.network).toMatchObject({ network_id: 1, name: 'Demo Network' });
    expect(other.world.offers.map((offer) => offer.name)).toEqual(offers.map((offer) => offer.name));
    expect(other.world.partners).toEqual(big.world.partners);
    expect(() => buildSeed('empty', { networkId: 0 })).toThrow('networkId must be a whole number ≥ 1');
  });
});
