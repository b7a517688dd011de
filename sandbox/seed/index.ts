import { DEMO_PARTNER_ID } from '../demo-keys';
import type { PixelRecord, SeedData } from '../model';
import { DEMO_AFFILIATE_PIXELS } from './demo-affiliate-pixels';
import { DEMO_NETWORK_PIXELS } from './demo-network-pixels';
import { buildGeneratedPixels } from './generated-pixels';
import type { SeedName } from './names';
import { buildPixels } from './pixel-builder';
import { buildWorld, FIXED_OFFER_COUNT } from './world';

// The names live apart so sandbox/model.ts can name a seed without importing the seeds (an import cycle).
export { SEED_NAMES, type SeedName } from './names';

/**
 * Sizes on top of a seed; each is a total, and omitted ones keep the seed's own. `scale` defaults to
 * {@link SCALE_SIZE}.
 */
export interface SeedSize {
  /** Offers in the catalogue (the fixed 50, plus generated ones up to this number). */
  offers?: number;
  /** Postbacks the demo affiliate key sees (the demo partner's own). */
  pixels?: number;
  /** Postbacks of the other partners plus network-wide `global_offer` ones (the network key sees both kinds). */
  partnerPixels?: number;
}

/** Everything that shapes a seed: its sizes, and which network it is. */
export interface SeedOptions extends SeedSize {
  /** The network's id (default 1, "Demo Network"); another id gives "Demo Network N" with the same catalogue. */
  networkId?: number;
}

/** What `--seed scale` adds to the demo seed: a big affiliate on a big network. */
export const SCALE_SIZE: Required<SeedSize> = { offers: 600, pixels: 10_000, partnerPixels: 10_000 };

/** Upper bounds that keep a start-up under a few seconds and the memory bounded. */
export const SEED_LIMITS: Required<SeedSize> = { offers: 20_000, pixels: 100_000, partnerPixels: 100_000 };

const FIRST_PIXEL_TIME = 1_767_225_600; // 2026-01-01T00:00:00Z
const FIRST_GENERATED_TIME = 1_777_593_600; // 2026-05-01T00:00:00Z, after the demo postbacks

function isOwn(pixel: PixelRecord): boolean {
  return pixel.network_affiliate_id === DEMO_PARTNER_ID && pixel.pixel_level !== 'global_offer';
}

/** Check sizes; the message names the option so the CLI and `startSandbox` can show it as is. */
export function checkSeedSize(size: SeedSize): string | undefined {
  for (const key of ['offers', 'pixels', 'partnerPixels'] as const) {
    const value = size[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) return `${key} must be a whole number ≥ 0, got ${value}`;
    if (value > SEED_LIMITS[key]) return `${key} must be at most ${SEED_LIMITS[key]}, got ${value}`;
  }
  return undefined;
}

/**
 * Build a seed. Every seed shares the world (network, partners, offers, keys); `empty` has no postbacks,
 * `demo` adds the demo partner's postbacks (ids from 1001) and the network-managed ones after them, and
 * `scale` is `demo` grown to {@link SCALE_SIZE}. `size` grows any seed: generated postbacks (ids after
 * the seed's own) fill each side up to the requested total; asking for fewer than the seed already has
 * throws. `networkId` renames the network only. Deterministic: two calls with the same arguments give equal data.
 */
export function buildSeed(name: SeedName, options: SeedOptions = {}): SeedData {
  const { networkId, ...size } = options;
  const wanted: SeedSize = name === 'scale' ? { ...SCALE_SIZE, ...definedOnly(size) } : size;
  const problem = checkSeedSize(wanted);
  if (problem) throw new Error(problem);
  if (networkId !== undefined && (!Number.isInteger(networkId) || networkId < 1)) {
    throw new Error(`networkId must be a whole number ≥ 1, got ${networkId}`);
  }
  const world = buildWorld(Math.max(wanted.offers ?? 0, FIXED_OFFER_COUNT), networkId);
  const base =
    name === 'empty'
      ? []
      : buildPixels(world, [...DEMO_AFFILIATE_PIXELS, ...DEMO_NETWORK_PIXELS], 1001, FIRST_PIXEL_TIME);
  const ownBase = base.filter(isOwn).length;
  const partnerBase = base.length - ownBase;
  const own = (wanted.pixels ?? ownBase) - ownBase;
  const partners = (wanted.partnerPixels ?? partnerBase) - partnerBase;
  if (own < 0)
    throw new Error(`pixels ${wanted.pixels} is less than the ${ownBase} the ${name} seed already has`);
  if (partners < 0) {
    throw new Error(
      `partnerPixels ${wanted.partnerPixels} is less than the ${partnerBase} the ${name} seed already has`,
    );
  }
  const firstId = base.length > 0 ? 1001 + base.length : 1001;
  const extra =
    own + partners > 0 ? buildGeneratedPixels(world, { own, partners }, firstId, FIRST_GENERATED_TIME) : [];
  return { name, world, pixels: [...base, ...extra] };
}

function definedOnly(size: SeedSize): SeedSize {
  return Object.fromEntries(Object.entries(size).filter(([, value]) => value !== undefined));
}
