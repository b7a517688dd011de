import { z } from 'zod';

/**
 * The integration objects a postback may carry (Meta, TikTok, Snapchat, Rumble), for both realms.
 *
 * Read schemas: every field optional, objects may be `null` or `{}` (the affiliate API documents
 * empty objects), unknown keys kept. Write schemas: the documented fields with exact types, unknown
 * keys still allowed so a GET → PUT round trip does not lose what the server sent.
 */

const int = z.number().int();

/** One `{ field, value }` row of `user_data`, `custom_data` or `properties`. */
export const integrationRowSchema = z.looseObject({
  field: z.string({ error: 'Each row needs a "field" name (text).' }),
  value: z.string({ error: 'Each row needs a "value" (text).' }),
});
/** One `{ field, value }` row. */
export type IntegrationRow = z.infer<typeof integrationRowSchema>;

const rowsRead = z.array(z.looseObject({ field: z.string().optional(), value: z.unknown().optional() }));

/** The conversions-API fields Meta and Snapchat both document, as read. */
const conversionsApiRead = {
  event_name: z.string().optional(),
  event_id: z.string().optional(),
  action_source: z.string().optional(),
  event_source_url: z.string().optional(),
  user_data: rowsRead.nullish(),
  custom_data: rowsRead.nullish(),
};

/** Network Meta pixel, as read. */
export const networkFacebookReadSchema = z.looseObject({
  network_affiliate_integration_facebook_business_id: int.optional(),
  pixel_id: z.string().optional(),
  ...conversionsApiRead,
});

/** TikTok pixel, as read. */
export const tiktokReadSchema = z.looseObject({
  network_affiliate_integration_tiktok_id: int.optional(),
  pixel_code: z.string().optional(),
  event_name: z.string().optional(),
  url: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  properties: rowsRead.nullish(),
});

/** Snapchat pixel, as read. */
export const snapchatReadSchema = z.looseObject({
  network_affiliate_integration_snapchat_id: int.optional(),
  asset_id: z.string().optional(),
  ...conversionsApiRead,
});

/** Rumble pixel, as read. */
export const rumbleReadSchema = z.looseObject({
  network_affiliate_integration_rumble_id: int.optional(),
  conversion_action_id: int.optional(),
  conversion_action_name: z.string().optional(),
});

/** Affiliate Meta pixel (a smaller object than the network one), as read. */
export const affiliateFacebookReadSchema = z.looseObject({
  pixel_id: z.string().optional(),
  event_name: z.string().optional(),
  access_token: z.string().optional(),
});

/** An integration object the affiliate API lists without fields (`tiktok_pixel` etc.), as read. */
export const emptyIntegrationReadSchema = z.looseObject({});

const text = (field: string) => z.string({ error: `${field} must be text.` }).optional();
const id = (field: string) =>
  z
    .number({ error: `${field} must be a number.` })
    .int({ error: `${field} must be a whole number.` })
    .min(0, { error: `${field} cannot be negative.` })
    .optional();
const rows = (field: string) => z.array(integrationRowSchema, { error: `${field} must be a list of rows.` });
/** The conversions-API fields Meta and Snapchat both document, as written; `name` prefixes the messages. */
const conversionsApiWrite = (name: string) => ({
  event_name: text(`${name}.event_name`),
  event_id: text(`${name}.event_id`),
  action_source: text(`${name}.action_source`),
  event_source_url: text(`${name}.event_source_url`),
  user_data: rows(`${name}.user_data`).optional(),
  custom_data: rows(`${name}.custom_data`).optional(),
});

/** Network Meta pixel, as written (`facebook_pixel` on `/networks/pixels`). */
export const networkFacebookWriteSchema = z.looseObject({
  network_affiliate_integration_facebook_business_id: id(
    'facebook_pixel.network_affiliate_integration_facebook_business_id',
  ),
  pixel_id: text('facebook_pixel.pixel_id'),
  ...conversionsApiWrite('facebook_pixel'),
});
/** The network `facebook_pixel` object. */
export type NetworkFacebookPixel = z.infer<typeof networkFacebookWriteSchema>;

/** TikTok pixel, as written. */
export const tiktokWriteSchema = z.looseObject({
  network_affiliate_integration_tiktok_id: id('tiktok_pixel.network_affiliate_integration_tiktok_id'),
  pixel_code: text('tiktok_pixel.pixel_code'),
  event_name: text('tiktok_pixel.event_name'),
  url: text('tiktok_pixel.url'),
  email: text('tiktok_pixel.email'),
  phone: text('tiktok_pixel.phone'),
  properties: rows('tiktok_pixel.properties').optional(),
});
/** The `tiktok_pixel` object. */
export type TiktokPixel = z.infer<typeof tiktokWriteSchema>;

/** Snapchat pixel, as written. */
export const snapchatWriteSchema = z.looseObject({
  network_affiliate_integration_snapchat_id: id('snapchat_pixel.network_affiliate_integration_snapchat_id'),
  asset_id: text('snapchat_pixel.asset_id'),
  ...conversionsApiWrite('snapchat_pixel'),
});
/** The `snapchat_pixel` object. */
export type SnapchatPixel = z.infer<typeof snapchatWriteSchema>;

/** Rumble pixel, as written. */
export const rumbleWriteSchema = z.looseObject({
  network_affiliate_integration_rumble_id: id('rumble_pixel.network_affiliate_integration_rumble_id'),
  conversion_action_id: id('rumble_pixel.conversion_action_id'),
  conversion_action_name: text('rumble_pixel.conversion_action_name'),
});
/** The `rumble_pixel` object. */
export type RumblePixel = z.infer<typeof rumbleWriteSchema>;

/** Affiliate Meta pixel, as written (`facebook_pixel` on `/affiliates/pixels`). */
export const affiliateFacebookWriteSchema = z.looseObject({
  pixel_id: text('facebook_pixel.pixel_id'),
  event_name: text('facebook_pixel.event_name'),
  access_token: text('facebook_pixel.access_token'),
});
/** The affiliate `facebook_pixel` object. */
export type AffiliateFacebookPixel = z.infer<typeof affiliateFacebookWriteSchema>;
