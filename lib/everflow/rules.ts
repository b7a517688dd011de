import { INTEGRATION_FIELDS, type WriteMode } from '../model/integrations';
import type { Realm } from '../model/vocabulary';
import { integrationIssues } from './integration-rules';
import type { RuleIssue } from './rule-issue';

/**
 * Cross-field rules for a postback body, shared by the zod write schemas and (later) the edit form.
 *
 * Each rule comes from the Everflow pages (API reference §2.4, §3.1): the level decides which ids are
 * required or must be 0; the delivery method decides which field or integration object is required;
 * `postback_url` needs an http(s) prefix; `delay_ms` is 0…300000 (and, on the network, only for server postbacks); `cpc`
 * cannot be `global_offer`; the event id only goes with the event type at offer level.
 * The checks tolerate wrong types (the schema reports those), so a half-filled form gets useful issues.
 */

export type { RuleIssue } from './rule-issue';

/** The longest delay Everflow allows before firing (5 minutes). */
export const MAX_DELAY_MS = 300_000;

const HTTP_PREFIX = /^https?:\/\/\S/i;

function num(draft: Record<string, unknown>, key: string): number | undefined {
  const value = draft[key];
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' ? value : undefined;
}

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isEventType(type: unknown): boolean {
  return type === 'event' || type === 'post_conversion';
}

function levelIssues(draft: Record<string, unknown>, realm: Realm): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const level = draft.pixel_level;
  const offer = num(draft, 'network_offer_id');
  const partner = num(draft, 'network_affiliate_id');
  const needOffer = level === 'specific' || level === 'global_offer';
  if (needOffer && offer === 0) {
    issues.push({
      field: 'network_offer_id',
      message: `network_offer_id is required when pixel_level is "${level}": choose the offer.`,
    });
  }
  // The affiliate API ignores the offer id on a global postback (its own example sends one), so only
  // the network pages, which say "set to 0", get the must-be-0 checks.
  if (realm === 'network') {
    if ((level === 'specific' || level === 'global') && partner === 0) {
      issues.push({
        field: 'network_affiliate_id',
        message: `network_affiliate_id is required when pixel_level is "${level}": choose the partner.`,
      });
    }
    if (level === 'global' && offer !== undefined && offer !== 0) {
      issues.push({
        field: 'network_offer_id',
        message:
          'network_offer_id must be 0 when pixel_level is "global" (it fires on every offer): set it to 0.',
      });
    }
    if (level === 'global_offer' && partner !== undefined && partner !== 0) {
      issues.push({
        field: 'network_affiliate_id',
        message:
          'network_affiliate_id must be 0 when pixel_level is "global_offer" (it fires for every partner): set it to 0.',
      });
    }
  }
  if (draft.pixel_type === 'cpc' && level === 'global_offer') {
    issues.push({
      field: 'pixel_level',
      message: 'pixel_level cannot be "global_offer" when pixel_type is "cpc": use "specific" or "global".',
    });
  }
  return issues;
}

function deliveryIssues(draft: Record<string, unknown>, realm: Realm): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const method = draft.delivery_method;
  if (method === 'postback') {
    if (!filled(draft.postback_url)) {
      issues.push({
        field: 'postback_url',
        message: 'postback_url is required when delivery_method is "postback": enter the URL to call.',
      });
    } else if (!HTTP_PREFIX.test(String(draft.postback_url).trim())) {
      issues.push({
        field: 'postback_url',
        message:
          'postback_url must start with http:// or https://: add the protocol in front of the address.',
      });
    }
  }
  if (method === 'html' && !filled(draft.html_code)) {
    issues.push({
      field: 'html_code',
      message: 'html_code is required when delivery_method is "html": paste the pixel code.',
    });
  }
  if (typeof method === 'string' && Object.hasOwn(INTEGRATION_FIELDS, method)) {
    const field = INTEGRATION_FIELDS[method as keyof typeof INTEGRATION_FIELDS];
    const value = draft[field];
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({
        field,
        message: `${field} is required when delivery_method is "${method}": fill in the ${method} settings.`,
      });
    }
  }
  const delay = num(draft, 'delay_ms');
  if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > MAX_DELAY_MS)) {
    issues.push({
      field: 'delay_ms',
      message: `delay_ms must be a whole number from 0 to ${MAX_DELAY_MS} (5 minutes): change the delay.`,
    });
  } else if (realm === 'network' && delay !== undefined && delay > 0 && method !== 'postback') {
    // Only the network pages restrict the delay to server postbacks; the affiliate page does not.
    issues.push({
      field: 'delay_ms',
      message: 'delay_ms only applies when delivery_method is "postback": set it to 0.',
    });
  }
  return issues;
}

function eventIssues(draft: Record<string, unknown>, realm: Realm): RuleIssue[] {
  const eventId = num(draft, 'network_offer_payout_revenue_id');
  if (eventId === undefined || eventId === 0) return [];
  const levels = realm === 'network' ? ['specific', 'global_offer'] : ['specific'];
  if (isEventType(draft.pixel_type) && levels.includes(String(draft.pixel_level))) return [];
  const where = realm === 'network' ? '"specific" or "global_offer"' : '"specific"';
  return [
    {
      field: 'network_offer_payout_revenue_id',
      message: `network_offer_payout_revenue_id (the event) only applies to event postbacks at pixel_level ${where}: set it to 0, or change pixel_type and pixel_level.`,
    },
  ];
}

/**
 * Every cross-field rule a postback body breaks, in field order of the form.
 * `pixel_type` may be spelled `event` or `post_conversion`; both mean the event type. `mode` `create` adds the
 * rules only the create page documents (the integration id, see integration-rules.ts).
 */
export function checkPixelRules(
  draft: Record<string, unknown>,
  realm: Realm,
  mode: WriteMode = 'update',
): RuleIssue[] {
  return [
    ...levelIssues(draft, realm),
    ...deliveryIssues(draft, realm),
    ...integrationIssues(draft, realm, mode),
    ...eventIssues(draft, realm),
  ];
}
