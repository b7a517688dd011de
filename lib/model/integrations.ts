/** The integration object that each integration delivery method requires (network side). */
export const INTEGRATION_FIELDS = {
  facebook: 'facebook_pixel',
  tiktok: 'tiktok_pixel',
  snapchat: 'snapchat_pixel',
  rumble: 'rumble_pixel',
} as const;

/**
 * What a network integration object (`facebook_pixel`, `tiktok_pixel`, `snapchat_pixel`, `rumble_pixel`)
 * must carry. The seed ("Create Partner Postback") requires the object for its delivery method; inside it:
 *
 * - the fields that say what fires (Meta pixel id and event, TikTok pixel code and event, Snapchat asset and
 *   event, Rumble conversion action) are required on every write: a pixel without them cannot fire;
 * - the integration id (`network_affiliate_integration_*_id`, the partner's Meta/TikTok/Snapchat/Rumble
 *   integration the postback fires through) is required when a partner postback is **created**, the page the
 *   seed documents. A PUT does not require it: a partner may have set up its own Meta pixel with an access
 *   token (the affiliate object has no integration id), and toggling that postback must still work.
 *
 * The sandbox (sandbox/validate/integrations.ts) and the form (components/postback-form/rules.ts) apply the same
 * table; the contract tests keep all three in step.
 */

/** The required fields of one integration object. */
export interface IntegrationRequirement {
  /** `network_affiliate_integration_*_id`: required on create. */
  idKey: string;
  /** Text fields required on every write. */
  text: readonly string[];
  /** Positive whole numbers required on every write. */
  numbers: readonly string[];
  /** What the integration is called, for messages. */
  label: string;
}

/** The requirement table, by integration object. */
export const INTEGRATION_REQUIREMENTS: Record<
  (typeof INTEGRATION_FIELDS)[keyof typeof INTEGRATION_FIELDS],
  IntegrationRequirement
> = {
  facebook_pixel: {
    idKey: 'network_affiliate_integration_facebook_business_id',
    text: ['pixel_id', 'event_name'],
    numbers: [],
    label: 'Meta',
  },
  tiktok_pixel: {
    idKey: 'network_affiliate_integration_tiktok_id',
    text: ['pixel_code', 'event_name'],
    numbers: [],
    label: 'TikTok',
  },
  snapchat_pixel: {
    idKey: 'network_affiliate_integration_snapchat_id',
    text: ['asset_id', 'event_name'],
    numbers: [],
    label: 'Snapchat',
  },
  rumble_pixel: {
    idKey: 'network_affiliate_integration_rumble_id',
    text: [],
    numbers: ['conversion_action_id'],
    label: 'Rumble',
  },
};

/** Whether a rule set is for a create (POST) or a full replacement (PUT). */
export type WriteMode = 'create' | 'update';
