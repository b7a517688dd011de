import { z } from 'zod';
import type { WriteMode } from '../../model/integrations';
import type { Realm } from '../../model/vocabulary';
import { checkPixelRules } from '../rules';

/** The id keys a pixel may carry, in order of preference (API reference §3.9). */
export const PIXEL_ID_KEYS = [
  'network_pixel_id',
  'network_affiliate_pixel_id',
  'network_offer_pixel_id',
] as const;

/** An integer field as read. */
export const readInt = z.number().int();

/** Paging block of every paged endpoint: `{ page, page_size, total_count }`. */
export const pagingSchema = z.looseObject({
  page: z.number().int().optional(),
  page_size: z.number().int().optional(),
  total_count: z.number().int().optional(),
});

/** Summaries Everflow attaches to a pixel; all optional, unknown keys kept. */
export const pixelRelationshipSchema = z.looseObject({
  offer: z.looseObject({ network_offer_id: readInt.optional(), name: z.string().optional() }).nullish(),
  affiliate: z
    .looseObject({ network_affiliate_id: readInt.optional(), name: z.string().optional() })
    .nullish(),
  payout_revenue: z.looseObject({}).nullish(),
});

/** The fields both realms' pixels share when read. Enums are plain strings: reading is lenient. */
export const pixelReadFields = {
  network_pixel_id: readInt.optional(),
  network_affiliate_pixel_id: readInt.optional(),
  network_offer_pixel_id: readInt.optional(),
  network_id: readInt.optional(),
  network_affiliate_id: readInt.nullish(),
  network_offer_id: readInt.nullish(),
  network_offer_payout_revenue_id: readInt.nullish(),
  delivery_method: z.string(),
  pixel_level: z.string(),
  pixel_status: z.string(),
  pixel_type: z.string(),
  postback_url: z.string().nullish(),
  html_code: z.string().nullish(),
  delay_ms: readInt.nullish(),
  time_created: z.number().optional(),
  time_saved: z.number().optional(),
  relationship: pixelRelationshipSchema.nullish(),
};

/** True when a read pixel carries at least one of the id keys. */
export function hasPixelId(pixel: Record<string, unknown>): boolean {
  return PIXEL_ID_KEYS.some((key) => typeof pixel[key] === 'number');
}

/** The issue for a read pixel without any id key: a bad response naming the field. */
export const missingPixelId: { message: string; path: PropertyKey[] } = {
  message: 'the postback id (network_pixel_id) is missing',
  path: ['network_pixel_id'],
};

/** Adds every broken cross-field rule as a zod issue on its field, so a write schema enforces them. */
export function ruleRefinement(realm: Realm, mode: WriteMode = 'update') {
  return (body: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const issue of checkPixelRules(body, realm, mode)) {
      ctx.addIssue({ code: 'custom', path: issue.field.split('.'), message: issue.message });
    }
  };
}

/** Optional text on write. `null` is allowed because a GET may return it and a PUT echoes it back. */
export function writeText(field: string) {
  return z.string({ error: `${field} must be text.` }).nullish();
}

/** Optional non-negative integer id on write. */
export function writeId(field: string) {
  return z
    .number({ error: `${field} must be a number.` })
    .int({ error: `${field} must be a whole number.` })
    .min(0, { error: `${field} cannot be negative: use 0 for "none".` })
    .optional();
}

/** Optional delay on write; the 0…300000 range is a rule (rules.ts) so the form shows the same text. */
export const writeDelay = z
  .number({ error: 'delay_ms must be a number of milliseconds.' })
  .int({ error: 'delay_ms must be a whole number of milliseconds.' })
  .optional();
