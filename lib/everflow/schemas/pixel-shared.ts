import { z } from 'zod';
import type { WriteMode } from '../integration-rules';
import { checkPixelRules } from '../rules';
import { PIXEL_STATUSES, type Realm } from './enums';

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

/*
 * Repairs made when a pixel is read. Each is safe because it changes only what this extension shows, never
 * what it sends: `raw` keeps the object exactly as received, and a PUT starts from `raw`.
 * - An id written as a string of digits ("12") is that number.
 * - `delay_ms` as a string of digits is that number; a fraction (1.5) is shown rounded (2). An edit saves
 *   the whole number; a switch sends the server's own value back.
 * - Display-only fields that are broken read as absent: `time_created`/`time_saved` that are not numbers
 *   (or strings of digits), a `relationship` that is not an object; an offer or partner name that is a
 *   number is shown as text.
 * Everything else must be right, or the row is listed apart as unreadable (`pixel-results.ts`): a missing
 * status, delivery method, level or type (a switch or a label would have to guess), an id that is not a
 * number, a URL or HTML that is not text, a broken integration object.
 */

const DIGITS = /^\s*-?\d+\s*$/;
const digitsToNumber = (value: unknown) =>
  typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;

/** An id as read: a whole number, or a string of digits (repaired to the number). */
export const readId = z.preprocess(digitsToNumber, z.number().int());

/** `delay_ms` as read: whole milliseconds; a string of digits or a fraction is repaired (rounded). */
const readDelay = z.preprocess((value) => {
  const n = digitsToNumber(value);
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : n;
}, z.number().int());

/** A display-only time: a number (or a string of digits), else absent. */
const readTime = z.preprocess(digitsToNumber, z.number()).optional().catch(undefined);

/** A display-only name: text, a number shown as text, else absent. */
const readName = z
  .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string())
  .optional()
  .catch(undefined);

/** Summaries Everflow attaches to a pixel; all optional, unknown keys kept, broken parts read as absent. */
export const pixelRelationshipSchema = z.looseObject({
  offer: z
    .looseObject({ network_offer_id: readId.optional().catch(undefined), name: readName })
    .nullish()
    .catch(undefined),
  affiliate: z
    .looseObject({ network_affiliate_id: readId.optional().catch(undefined), name: readName })
    .nullish()
    .catch(undefined),
  payout_revenue: z.looseObject({}).nullish().catch(undefined),
});

/** The fields both realms' pixels share when read. Enums are plain strings: reading is lenient. */
export const pixelReadFields = {
  network_pixel_id: readId.optional(),
  network_affiliate_pixel_id: readId.optional(),
  network_offer_pixel_id: readId.optional(),
  network_id: readId.optional(),
  network_affiliate_id: readId.nullish(),
  network_offer_id: readId.nullish(),
  network_offer_payout_revenue_id: readId.nullish(),
  delivery_method: z.string(),
  pixel_level: z.string(),
  pixel_status: z.string(),
  pixel_type: z.string(),
  postback_url: z.string().nullish(),
  html_code: z.string().nullish(),
  delay_ms: readDelay.nullish(),
  time_created: readTime,
  time_saved: readTime,
  relationship: pixelRelationshipSchema.nullish().catch(undefined),
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

/**
 * What a change of `pixel_status` alone checks: the new status, nothing else. Every other field goes back exactly
 * as the server holds it, including values this client does not know (a new delivery method, a fractional
 * delay): they are the server's to judge, and switching a postback off must never fail on them.
 */
export const statusChangeSchema = z.looseObject({
  pixel_status: z.enum(PIXEL_STATUSES, { error: 'pixel_status must be "active" or "inactive".' }),
});

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
