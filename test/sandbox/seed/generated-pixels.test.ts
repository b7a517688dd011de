// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_ID } from '../../../sandbox/demo-keys';
import type { PixelRecord } from '../../../sandbox/model';
import { renderNetworkPixel } from '../../../sandbox/render';
import { buildSeed, SCALE_SIZE } from '../../../sandbox/seed/index';
import { parsePixelBody } from '../../../sandbox/validate/pixel';
import { findOffer, isRunnableBy } from '../../../sandbox/world';

const started = performance.now();
const scale = buildSeed('scale');
const buildMs = performance.now() - started;
const demo = buildSeed('demo');
const isOwn = (pixel: PixelRecord) =>
  pixel.network_affiliate_id === DEMO_PARTNER_ID && pixel.pixel_level !== 'global_offer';
const own = scale.pixels.filter(isOwn);
const partners = scale.pixels.filter((pixel) => !isOwn(pixel));
const generated = scale.pixels.slice(demo.pixels.length);

function shares<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  for (const name of Object.keys(counts)) counts[name] = (counts[name] ?? 0) / items.length;
  return counts;
}

describe('the scale seed', () => {
  it('holds 10 000 postbacks for the affiliate key and 10 000 partner postbacks, built in under a second', () => {
    expect(own).toHaveLength(SCALE_SIZE.pixels);
    expect(partners).toHaveLength(SCALE_SIZE.partnerPixels);
    expect(scale.world.offers).toHaveLength(SCALE_SIZE.offers);
    // Under a second on an idle machine (about 0.1 s); the bound leaves room for a busy CI box.
    expect(buildMs).toBeLessThan(3000);
  });

  it('is the demo seed plus generated rows with the next ids, and is deterministic', () => {
    expect(scale.pixels.slice(0, demo.pixels.length)).toEqual(demo.pixels);
    expect(scale.pixels.map((pixel) => pixel.network_pixel_id)).toEqual(
      scale.pixels.map((_, index) => 1001 + index),
    );
    const again = buildSeed('scale');
    expect(again.pixels[4321]).toEqual(scale.pixels[4321]);
    expect(again.pixels.at(-1)).toEqual(scale.pixels.at(-1));
    expect(again.world.offers).toEqual(scale.world.offers);
  });

  it('varies statuses, types, levels and delivery methods like a real account', () => {
    const ownStatus = shares(own, (pixel) => pixel.pixel_status);
    expect(ownStatus.inactive).toBeGreaterThan(0.1);
    expect(ownStatus.inactive).toBeLessThan(0.3);
    expect(Object.keys(shares(own, (pixel) => pixel.pixel_type)).sort()).toEqual([
      'conversion',
      'cpc',
      'event',
    ]);
    expect(Object.keys(shares(own, (pixel) => pixel.delivery_method)).sort()).toEqual([
      'facebook',
      'html',
      'postback',
    ]);
    expect(shares(own, (pixel) => pixel.pixel_level).global).toBeLessThan(0.06);
    expect(Object.keys(shares(partners, (pixel) => pixel.delivery_method)).sort()).toEqual([
      'facebook',
      'html',
      'postback',
      'rumble',
      'snapchat',
      'tiktok',
    ]);
    expect(Object.keys(shares(partners, (pixel) => pixel.pixel_level)).sort()).toEqual([
      'global',
      'global_offer',
      'specific',
    ]);
    expect(new Set(partners.map((pixel) => pixel.network_affiliate_id)).size).toBeGreaterThanOrEqual(10);
  });

  it('points at many tracker hosts with Everflow macros, and every row can be found by its URL', () => {
    const urls = generated.map((pixel) => pixel.postback_url).filter(Boolean);
    const hosts = new Set(urls.map((url) => new URL(url).host));
    expect(hosts.size).toBeGreaterThan(100);
    const joined = urls.join('\n');
    for (const tracker of ['voluumtrk.com', 'rdtk.io', 'binom.', 'kt.', 'bemobtrk.com', 'http://']) {
      expect(joined).toContain(tracker);
    }
    for (const macro of [
      '{sub1}',
      '{transaction_id}',
      '{payout_amount}',
      '{event_name}',
      '{event_id}',
      '{offer_id}',
    ]) {
      expect(joined).toContain(macro);
    }
    const payloads = generated.filter((pixel) => pixel.postback_url || pixel.html_code);
    const distinct = new Set(payloads.map((pixel) => pixel.postback_url || pixel.html_code));
    expect(distinct.size).toBe(payloads.length);
  });

  it('targets offers the partner can run and events of the targeted offer', () => {
    for (const pixel of own.slice(-2000)) {
      if (pixel.pixel_level === 'global') continue;
      const offer = findOffer(scale.world, pixel.network_offer_id);
      expect(offer && isRunnableBy(offer, DEMO_PARTNER_ID), `pixel ${pixel.network_pixel_id}`).toBe(true);
      if (pixel.network_offer_payout_revenue_id !== 0) {
        expect(offer?.payouts.map((entry) => entry.network_offer_payout_revenue_id)).toContain(
          pixel.network_offer_payout_revenue_id,
        );
      }
    }
    const targeted = own.filter((pixel) => pixel.network_offer_payout_revenue_id !== 0).length;
    expect(targeted).toBeGreaterThan(1000);
  });

  it('passes the sandbox’s own network validation unchanged', () => {
    for (const pixel of generated) {
      const { network_pixel_id: _id, time_created: _c, time_saved: _s, ...fields } = pixel;
      const body = { ...renderNetworkPixel(pixel, scale.world), facebook_pixel: pixel.facebook_pixel };
      const parsed = parsePixelBody(body, scale.world, { realm: 'network', partnerId: 0, previous: pixel });
      expect(parsed.ok && parsed.value, `pixel ${pixel.network_pixel_id}`).toEqual(fields);
    }
  });
});

describe('seed sizes', () => {
  it('grow any seed to exact totals on each side', () => {
    const seed = buildSeed('empty', { pixels: 120, partnerPixels: 80 });
    expect(seed.pixels.filter(isOwn)).toHaveLength(120);
    expect(seed.pixels.filter((pixel) => !isOwn(pixel))).toHaveLength(80);
    expect(seed.pixels[0]?.network_pixel_id).toBe(1001);
    const grown = buildSeed('demo', { pixels: 500 });
    expect(grown.pixels.filter(isOwn)).toHaveLength(500);
    expect(grown.pixels.filter((pixel) => !isOwn(pixel))).toHaveLength(15);
    expect(buildSeed('scale', { pixels: 50, partnerPixels: 20, offers: 50 }).pixels).toHaveLength(70);
  });

  it('refuse sizes below the seed’s own rows, negative or above the limits, naming the option', () => {
    expect(() => buildSeed('demo', { pixels: 10 })).toThrow(
      'pixels 10 is less than the 32 the demo seed already has',
    );
    expect(() => buildSeed('empty', { partnerPixels: -1 })).toThrow(
      'partnerPixels must be a whole number ≥ 0',
    );
    expect(() => buildSeed('empty', { offers: 1.5 })).toThrow('offers must be a whole number ≥ 0');
    expect(() => buildSeed('empty', { pixels: 100_001 })).toThrow('pixels must be at most 100000');
  });
});
