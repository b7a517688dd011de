import * as z from 'zod/mini';
import type { PixelDraft } from '../../lib/model/pixel';
import type { Template } from '../../lib/model/template';
import {
  AFFILIATE_DELIVERY_METHODS,
  DELIVERY_METHODS,
  type DeliveryMethod,
  PIXEL_LEVELS,
  PIXEL_TYPES,
  type PixelLevel,
  type PixelStatus,
  type PixelType,
  type Role,
} from '../../lib/model/vocabulary';

/**
 * The state of the postback form. Controlled by the page that hosts it (so the page can save drafts), and
 * plain data (so a draft is just this object).
 */
export interface PostbackFormValue {
  deliveryMethod: DeliveryMethod;
  pixelType: PixelType;
  level: PixelLevel;
  /** The offer, when the form has an offer field (templates do not). */
  offerId?: number;
  /** The payout event for event postbacks; 0 or absent means every event. */
  eventId?: number;
  /** Network side: the partner (0 or absent for `global_offer`). */
  affiliateId?: number;
  postbackUrl: string;
  /** HTML pixel code, kept and edited as text. */
  htmlCode: string;
  /** The delay in seconds, exactly as typed (so "1." or "" survive a draft). */
  delaySeconds: string;
  /** Network side: the facebook/tiktok/snapchat/rumble settings object, exactly as the API documents it. */
  integration?: Record<string, unknown>;
  /** Network side: the postback's description (free text). */
  description?: string;
}

/** A form field, for errors and focus. */
export type FormField = keyof PostbackFormValue;

/** An empty form for a side. */
export function emptyValue(): PostbackFormValue {
  return {
    deliveryMethod: 'postback',
    pixelType: 'conversion',
    level: 'specific',
    postbackUrl: '',
    htmlCode: '',
    delaySeconds: '0',
  };
}

/** The delivery methods a side may choose (integration methods only when the page can render their settings). */
export function deliveryMethodsFor(side: Role, withIntegrations: boolean): DeliveryMethod[] {
  const base: DeliveryMethod[] = ['postback', 'html'];
  if (!withIntegrations) return base;
  return side === 'network' ? [...DELIVERY_METHODS] : [...AFFILIATE_DELIVERY_METHODS];
}

/** The levels a side may choose; the affiliate API has no `global_offer`, and `cpc` never uses it. */
export function levelsFor(side: Role, type: PixelType): PixelLevel[] {
  return PIXEL_LEVELS.filter((l) => l !== 'global_offer' || (side === 'network' && type !== 'cpc'));
}

/**
 * Keep a value consistent after one field changed: a level the type or side does not allow falls back to
 * `specific`, an event id goes when it no longer applies, and the delay goes for non-postback methods.
 */
export function normalise(value: PostbackFormValue, side: Role): PostbackFormValue {
  const next = { ...value };
  if (!levelsFor(side, next.pixelType).includes(next.level)) next.level = 'specific';
  if (next.pixelType !== 'event' || next.level === 'global') delete next.eventId;
  if (next.deliveryMethod !== 'postback') next.delaySeconds = '0';
  return next;
}

/**
 * On the network side the level of a CPC postback cannot be changed (the seed: "When cpc is selected,
 * pixel_level cannot be changed"); CPC fires on one offer's paid clicks, so choosing CPC sets it to specific.
 */
export function levelLocked(side: Role, value: Pick<PostbackFormValue, 'pixelType'>): boolean {
  return side === 'network' && value.pixelType === 'cpc';
}

/**
 * Apply one change from the form: a new delivery method starts with empty integration settings, CPC fixes the
 * level (network side), then `normalise`.
 */
export function applyChange(
  value: PostbackFormValue,
  patch: Partial<PostbackFormValue>,
  side: Role,
): PostbackFormValue {
  const next = { ...value, ...patch };
  // Each integration method has its own object: another method's settings must not leak into it.
  if (patch.deliveryMethod && patch.deliveryMethod !== value.deliveryMethod && !('integration' in patch)) {
    delete next.integration;
  }
  if (side === 'network' && patch.pixelType === 'cpc' && value.pixelType !== 'cpc') next.level = 'specific';
  if (levelLocked(side, value) && levelLocked(side, next) && patch.level !== undefined)
    next.level = value.level;
  return normalise(next, side);
}

/** The typed delay in milliseconds, or undefined when it is not a number. */
export function delayMs(value: PostbackFormValue): number | undefined {
  const text = value.delaySeconds.trim();
  if (text === '') return 0;
  const seconds = Number(text);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : undefined;
}

/** The form's value as a postback draft for `pixels.create` / `pixels.update`. */
export function toPixelDraft(value: PostbackFormValue, status: PixelStatus = 'active'): PixelDraft {
  const draft: PixelDraft = {
    deliveryMethod: value.deliveryMethod,
    type: value.pixelType,
    level: value.level,
    status,
    delayMs: value.deliveryMethod === 'postback' ? (delayMs(value) ?? 0) : 0,
  };
  if (value.offerId !== undefined) draft.offerId = value.offerId;
  if (value.eventId) draft.eventId = value.eventId;
  if (value.affiliateId !== undefined) draft.affiliateId = value.affiliateId;
  if (value.deliveryMethod === 'postback') draft.postbackUrl = value.postbackUrl.trim();
  if (value.deliveryMethod === 'html') draft.htmlCode = value.htmlCode;
  if (value.integration) draft.integration = value.integration;
  if (value.description !== undefined) draft.description = value.description.trim();
  return draft;
}

/** The form's part of a template. */
export type TemplatePostbackFields = Pick<
  Template,
  'deliveryMethod' | 'pixelType' | 'level' | 'postbackUrl' | 'htmlCode' | 'delayMs' | 'integration'
> &
  Partial<Pick<Template, 'description'>>;

/** A template's postback fields as a form value. */
export function fromTemplate(t: TemplatePostbackFields): PostbackFormValue {
  const value: PostbackFormValue = {
    deliveryMethod: t.deliveryMethod,
    pixelType: t.pixelType,
    level: t.level,
    postbackUrl: t.postbackUrl,
    htmlCode: t.htmlCode,
    delaySeconds: String(t.delayMs / 1000),
  };
  if (t.integration) value.integration = t.integration;
  if (t.description) value.description = t.description;
  return value;
}

/** The form value as a template's postback fields. */
export function toTemplateFields(value: PostbackFormValue): TemplatePostbackFields {
  return {
    deliveryMethod: value.deliveryMethod,
    pixelType: value.pixelType,
    level: value.level,
    postbackUrl: value.postbackUrl.trim(),
    htmlCode: value.htmlCode,
    delayMs: value.deliveryMethod === 'postback' ? (delayMs(value) ?? 0) : 0,
    integration: value.integration,
    ...(value.description === undefined ? {} : { description: value.description.trim() }),
  };
}

// Drafts come back from storage: check them like any other input before they reach the form.
const ValueSchema = z.object({
  deliveryMethod: z.enum(DELIVERY_METHODS),
  pixelType: z.enum(PIXEL_TYPES),
  level: z.enum(PIXEL_LEVELS),
  offerId: z.optional(z.number()),
  eventId: z.optional(z.number()),
  affiliateId: z.optional(z.number()),
  postbackUrl: z.string(),
  htmlCode: z.string(),
  delaySeconds: z.string(),
  integration: z.optional(z.record(z.string(), z.unknown())),
  description: z.optional(z.string()),
});

/** A stored draft's form value, or undefined when it does not have the form's shape. */
export function parseValue(raw: unknown): PostbackFormValue | undefined {
  const r = ValueSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}
