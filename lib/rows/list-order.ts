import type { PixelView } from '../model/pixel';

/**
 * The order postback lists are shown in: specific (and offer-global) postbacks before the global ones, newest
 * first. The popup sorts by it, and its start message uses it to pick the rows that paint first.
 */
export function byListOrder(a: PixelView, b: PixelView): number {
  return Number(a.level === 'global') - Number(b.level === 'global') || b.id - a.id;
}
