import type { RuleIssue } from './rules';
import { INTEGRATION_FIELDS, type Realm } from './schemas/enums';

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

function missingNumber(value: unknown): boolean {
  // Wrong types are the schema's to report; here only "absent" counts.
  return value === undefined || value === null || value === 0;
}

function missingText(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The required fields the delivery method's integration object lacks (network realm only; the affiliate
 * `facebook_pixel` is a different object, checked by the server). A missing object is reported elsewhere.
 */
export function integrationIssues(
  draft: Record<string, unknown>,
  realm: Realm,
  mode: WriteMode,
): RuleIssue[] {
  const method = draft.delivery_method;
  if (realm !== 'network' || typeof method !== 'string' || !Object.hasOwn(INTEGRATION_FIELDS, method)) {
    return [];
  }
  const key = INTEGRATION_FIELDS[method as keyof typeof INTEGRATION_FIELDS];
  const object = draft[key];
  if (!object || typeof object !== 'object' || Array.isArray(object)) return [];
  const value = object as Record<string, unknown>;
  const need = INTEGRATION_REQUIREMENTS[key];
  const issues: RuleIssue[] = [];
  if (mode === 'create' && missingNumber(value[need.idKey])) {
    issues.push({
      field: `${key}.${need.idKey}`,
      message: `${key}.${need.idKey} is required when creating a "${method}" postback: enter the id of the partner's ${need.label} integration.`,
    });
  }
  for (const field of need.text) {
    if (missingText(value[field])) {
      issues.push({
        field: `${key}.${field}`,
        message: `${key}.${field} is required when delivery_method is "${method}": fill it in.`,
      });
    }
  }
  for (const field of need.numbers) {
    if (missingNumber(value[field])) {
      issues.push({
        field: `${key}.${field}`,
        message: `${key}.${field} is required when delivery_method is "${method}": enter it as a number.`,
      });
    }
  }
  return issues;
}
