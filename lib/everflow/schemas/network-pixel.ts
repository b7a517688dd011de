import { z } from 'zod';
import { DELIVERY_METHODS, NETWORK_PIXEL_TYPES, PIXEL_LEVELS, PIXEL_STATUSES } from './enums';
import {
  networkFacebookReadSchema,
  networkFacebookWriteSchema,
  rumbleReadSchema,
  rumbleWriteSchema,
  snapchatReadSchema,
  snapchatWriteSchema,
  tiktokReadSchema,
  tiktokWriteSchema,
} from './integrations';
import {
  hasPixelId,
  missingPixelId,
  pagingSchema,
  pixelReadFields,
  ruleRefinement,
  writeDelay,
  writeId,
  writeText,
} from './pixel-shared';

/**
 * Network partner postback (`/v1/networks/pixels`), seed page "Create Partner Postback" and API
 * reference §3. Integration objects are `null` when not in use.
 */
export const networkPixelReadSchema = z
  .looseObject({
    ...pixelReadFields,
    // Display text: a number is shown as text (an edit saves it as text).
    description: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().nullish()),
    facebook_pixel: networkFacebookReadSchema.nullish(),
    tiktok_pixel: tiktokReadSchema.nullish(),
    snapchat_pixel: snapchatReadSchema.nullish(),
    rumble_pixel: rumbleReadSchema.nullish(),
  })
  .refine(hasPixelId, missingPixelId);
/** A network pixel as read (unknown keys kept). */
export type NetworkPixelRead = z.infer<typeof networkPixelReadSchema>;

/** `GET /networks/pixels`: `{ pixels: [...] }`; rows are read one by one (`readPixelRows`). */
export const networkPixelListSchema = z.looseObject({
  pixels: z.array(z.unknown()),
  paging: pagingSchema.optional(),
});

/**
 * `POST /networks/pixelstable`: the wrapper key is unconfirmed (reference §3.6), so `pixels` or a
 * bare array is accepted and normalised to `{ pixels, paging }`. Rows are read one by one (`readPixelRows`).
 */
export const networkPixelSearchResultSchema = z
  .union([
    z.looseObject({ pixels: z.array(z.unknown()), paging: pagingSchema.optional() }),
    z.array(z.unknown()),
  ])
  .transform((value) => (Array.isArray(value) ? { pixels: value, paging: undefined } : value));

/** `DELETE /networks/pixels/{id}`: `{ result: true }`. */
export const networkPixelDeleteSchema = z.looseObject({ result: z.boolean() });

/**
 * The body of `POST /networks/pixels` and `PUT /networks/pixels/{id}` without the cross-field rules.
 * `pixel_type` takes `event` (the create page) or `post_conversion` (the fallback, reference §3.9).
 */
export const networkPixelWriteShape = z.looseObject({
  network_affiliate_id: writeId('network_affiliate_id'),
  network_offer_id: writeId('network_offer_id'),
  delivery_method: z.enum(DELIVERY_METHODS, {
    error: 'delivery_method must be one of postback, html, facebook, tiktok, snapchat or rumble.',
  }),
  pixel_level: z.enum(PIXEL_LEVELS, { error: 'pixel_level must be "global", "specific" or "global_offer".' }),
  pixel_status: z.enum(PIXEL_STATUSES, { error: 'pixel_status must be "active" or "inactive".' }),
  pixel_type: z.enum(NETWORK_PIXEL_TYPES, { error: 'pixel_type must be "conversion", "event" or "cpc".' }),
  postback_url: writeText('postback_url'),
  html_code: writeText('html_code'),
  description: writeText('description'),
  delay_ms: writeDelay,
  network_offer_payout_revenue_id: writeId('network_offer_payout_revenue_id'),
  facebook_pixel: networkFacebookWriteSchema.nullish(),
  tiktok_pixel: tiktokWriteSchema.nullish(),
  snapchat_pixel: snapchatWriteSchema.nullish(),
  rumble_pixel: rumbleWriteSchema.nullish(),
});

/** The exact network write body (a PUT), cross-field rules included. */
export const networkPixelWriteSchema = networkPixelWriteShape.superRefine(ruleRefinement('network'));
/** The exact network create body: the PUT rules plus those only the create page documents (integration id). */
export const networkPixelCreateSchema = networkPixelWriteShape.superRefine(
  ruleRefinement('network', 'create'),
);
/** A body for the network create/update endpoints. */
export type NetworkPixelBody = z.input<typeof networkPixelWriteShape>;
