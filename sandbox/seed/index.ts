import type { SeedData } from '../model';
import { DEMO_AFFILIATE_PIXELS } from './demo-affiliate-pixels';
import { DEMO_NETWORK_PIXELS } from './demo-network-pixels';
import { buildPixels } from './pixel-builder';
import { buildWorld } from './world';

/** The seeds the sandbox can start from. */
export type SeedName = 'demo' | 'empty';

const FIRST_PIXEL_TIME = 1_767_225_600; // 2026-01-01T00:00:00Z

/**
 * Build a seed. Both seeds share the world (network, partners, offers, keys); `empty` has no postbacks,
 * `demo` adds the demo partner's postbacks (ids from 1001) and the network-managed ones after them.
 * Deterministic: two calls give equal data.
 */
export function buildSeed(name: SeedName): SeedData {
  const world = buildWorld();
  if (name === 'empty') return { name, world, pixels: [] };
  const specs = [...DEMO_AFFILIATE_PIXELS, ...DEMO_NETWORK_PIXELS];
  return { name, world, pixels: buildPixels(world, specs, 1001, FIRST_PIXEL_TIME) };
}
