import { z } from 'zod';
import {
  AFFILIATE_DELIVERY_METHODS,
  AFFILIATE_PIXEL_LEVELS,
  AFFILIATE_PIXEL_TYPES,
  PIXEL_STATUSES,
} from './enums';
import {
  affiliateFacebookReadSchema,
  affiliateFacebookWriteSchema,
  emptyIntegrationReadSchema,
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
 * Affiliate postback (`/v1/affiliates/pixels`), seed page "Update Postback" and API reference §2.
 * The read schema accepts the full GET shape, the slim beta GET and the PUT response (id key
 * `network_affiliate_pixel_id`); `tiktok_pixel`/`snapchat_pixel`/`rumble_pixel` arrive empty or null.
 */
export const affiliatePixelReadSchema = z
  .looseObject({
    ...pixelReadFields,
    facebook_pixel: affiliateFacebookReadSchema.nullish(),
    tiktok_pixel: emptyIntegrationReadSchema.nullish(),
    snapchat_pixel: emptyIntegrationReadSchema.nullish(),
    rumble_pixel: emptyIntegrationReadSchema.nullish(),
  })
  .refine(hasPixelId, missingPixelId);
/** An affiliate pixel as read (unknown keys kept). */
export type AffiliatePixelRead = z.infer<typeof affiliatePixelReadSchema>;

/** `GET /affiliates/pixels`: `{ pixels: [...] }`. Rows are read one by one (`readPixelRows`), so one bad row
 * cannot hide the others. */
export const affiliatePixelListSchema = z.looseObject({
  pixels: z.array(z.unknown()),
  paging: pagingSchema.optional(),
});

/**
 * The body of `POST /affiliates/pixels` and `PUT /affiliates/pixels/{id}` without the cross-field rules.
 * Known fields are exact (enums in the affiliate spelling: `post_conversion`); unknown keys are allowed
 * because a PUT must carry back whatever the server had. `network_offer_payout_revenue_id` is not in the
 * affiliate request schema but real integrations send it to target one event (reference §2.4).
 */
export const affiliatePixelWriteShape = z.looseObject({
  delivery_method: z.enum(AFFILIATE_DELIVERY_METHODS, {
    error: 'delivery_method must be "postback", "html" or "facebook" for an affiliate postback.',
  }),
  pixel_level: z.enum(AFFILIATE_PIXEL_LEVELS, {
    error: 'pixel_level must be "global" or "specific" for an affiliate postback.',
  }),
  pixel_status: z.enum(PIXEL_STATUSES, { error: 'pixel_status must be "active" or "inactive".' }),
  pixel_type: z.enum(AFFILIATE_PIXEL_TYPES, {
    error: 'pixel_type must be "conversion", "post_conversion" or "cpc" for an affiliate postback.',
  }),
  postback_url: writeText('postback_url'),
  html_code: writeText('html_code'),
  network_offer_id: writeId('network_offer_id'),
  network_offer_payout_revenue_id: writeId('network_offer_payout_revenue_id'),
  delay_ms: writeDelay,
  facebook_pixel: affiliateFacebookWriteSchema.nullish(),
});

/** The exact affiliate write body, cross-field rules included. */
export const affiliatePixelWriteSchema = affiliatePixelWriteShape.superRefine(ruleRefinement('affiliate'));
/** A body for the affiliate create/update endpoints. */
export type AffiliatePixelBody = z.input<typeof affiliatePixelWriteShape>;
