// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_ID } from '../../sandbox/demo-keys';
import type { PixelRecord } from '../../sandbox/model';
import { renderAffiliatePixel, renderNetworkPixel } from '../../sandbox/render';
import { buildSeed } from '../../sandbox/seed/index';
import { parsePixelBody } from '../../sandbox/validate/pixel';
import { isRunnableBy } from '../../sandbox/world';

const demo = buildSeed('demo');
const own = demo.pixels.filter((pixel) => pixel.network_affiliate_id === DEMO_PARTNER_ID);
const others = demo.pixels.filter((pixel) => pixel.network_affiliate_id !== DEMO_PARTNER_ID);

function writable(pixel: PixelRecord): Omit<PixelRecord, 'network_pixel_id' | 'time_created' | 'time_saved'> {
  const { network_pixel_id: _id, time_created: _created, time_saved: _saved, ...fields } = pixel;
  return fields;
}

describe('seeds', () => {
  it('are deterministic', () => {
    expect(buildSeed('demo')).toEqual(demo);
    expect(buildSeed('empty')).toEqual({ ...demo, name: 'empty', pixels: [] });
  });

  it('has about forty runnable offers with realistic names and unique payout events', () => {
    const runnable = demo.world.offers.filter((offer) => isRunnableBy(offer, DEMO_PARTNER_ID));
    expect(runnable.length).toBeGreaterThanOrEqual(38);
    expect(runnable.length).toBeLessThanOrEqual(45);
    expect(demo.world.offers.map((offer) => offer.name)).toContain('Keto Burn - US - CPA');
    expect(new Set(demo.world.offers.map((offer) => offer.name)).size).toBe(demo.world.offers.length);
    const entries = demo.world.offers.flatMap((offer) => offer.payouts);
    expect(new Set(entries.map((entry) => entry.network_offer_payout_revenue_id)).size).toBe(entries.length);
    for (const offer of demo.world.offers)
      expect(offer.payouts.filter((entry) => entry.is_default)).toHaveLength(1);
    const names = new Set(entries.map((entry) => entry.entry_name));
    for (const name of ['Upsell', 'First Deposit', 'Install', 'Subscription']) expect(names).toContain(name);
  });

  it('has about thirty own postbacks covering every affiliate method, status and type', () => {
    expect(own.length).toBeGreaterThanOrEqual(28);
    expect(new Set(own.map((pixel) => pixel.delivery_method))).toEqual(
      new Set(['postback', 'html', 'facebook']),
    );
    expect(new Set(own.map((pixel) => pixel.pixel_status))).toEqual(new Set(['active', 'inactive']));
    expect(new Set(own.map((pixel) => pixel.pixel_type))).toEqual(new Set(['conversion', 'event', 'cpc']));
    const global = own.filter((pixel) => pixel.pixel_level === 'global').length;
    expect(global).toBeGreaterThan(0);
    expect(global).toBeLessThan(own.length / 2);
  });

  it('has network-managed postbacks of every delivery method and level, for about a dozen partners', () => {
    expect(demo.world.partners).toHaveLength(12);
    expect(new Set(others.map((pixel) => pixel.delivery_method))).toEqual(
      new Set(['postback', 'html', 'facebook', 'tiktok', 'snapchat', 'rumble']),
    );
    expect(new Set(others.map((pixel) => pixel.pixel_level))).toEqual(
      new Set(['specific', 'global', 'global_offer']),
    );
  });

  it('uses Everflow macros in tracker URLs (Voluum, RedTrack, Binom, Keitaro)', () => {
    const urls = demo.pixels.map((pixel) => pixel.postback_url).join('\n');
    for (const host of ['voluumtrk.com', 'rdtk.io', 'binom.', 'kt.']) expect(urls).toContain(host);
    for (const macro of ['{transaction_id}', '{sub1}', '{sub10}', '{payout_amount}', '{event_id}']) {
      expect(urls).toContain(macro);
    }
  });

  it('passes the sandbox’s own network validation unchanged', () => {
    for (const pixel of demo.pixels) {
      const body = { ...renderNetworkPixel(pixel, demo.world), facebook_pixel: pixel.facebook_pixel };
      const parsed = parsePixelBody(body, demo.world, { realm: 'network', partnerId: 0, previous: pixel });
      expect(parsed, `pixel ${pixel.network_pixel_id}`).toEqual({ ok: true, value: writable(pixel) });
    }
  });

  it('passes the affiliate validation for the partner’s own postbacks', () => {
    for (const pixel of own.filter((p) => p.description === '')) {
      const parsed = parsePixelBody(renderAffiliatePixel(pixel, demo.world), demo.world, {
        realm: 'affiliate',
        partnerId: DEMO_PARTNER_ID,
      });
      expect(parsed.ok, `pixel ${pixel.network_pixel_id}`).toBe(true);
      if (parsed.ok) expect(parsed.value.pixel_type).toBe(pixel.pixel_type);
    }
  });
});
