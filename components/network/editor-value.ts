import * as z from 'zod/mini';
import type { AppError } from '../../lib/model/errors';
import type { PixelView } from '../../lib/model/pixel';
import type { Template } from '../../lib/model/template';
import { PIXEL_STATUSES, type PixelStatus } from '../../lib/model/vocabulary';
import { fromPixel } from '../popup/from-pixel';
import {
  emptyValue,
  type FormField,
  fromTemplate,
  normalise,
  type PostbackFormValue,
  parseValue,
} from '../postback-form/model';
import type { ComboOption } from '../ui/Combobox';

/** The partner-postback editor's state: the shared form's value plus status and the picked names. */
export interface EditorValue {
  postback: PostbackFormValue;
  status: PixelStatus;
  /** The picked partner and offer, with names for the pickers (their ids are also in `postback`). */
  partner?: ComboOption | undefined;
  offer?: ComboOption | undefined;
  /** The network template the form started from ('' = none). */
  templateId: string;
}

/** A blank partner postback: S2S conversion, specific, active. */
export function emptyEditor(): EditorValue {
  return { postback: { ...emptyValue(), description: '' }, status: 'active', templateId: '' };
}

/** An existing partner postback in the editor. */
export function editorFromPixel(p: PixelView): EditorValue {
  const value: EditorValue = {
    postback: { ...fromPixel(p), description: p.description ?? '' },
    status: p.status,
    templateId: '',
  };
  if (p.level !== 'global_offer' && p.affiliateId) {
    value.partner = { id: p.affiliateId, name: p.affiliateName ?? `Partner ${p.affiliateId}` };
  }
  if (p.level !== 'global' && p.offerId)
    value.offer = { id: p.offerId, name: p.offerName ?? `Offer ${p.offerId}` };
  return value;
}

/** Start from a network template: its level, method, type, URL or code, integration and description; the
 * partner and offer already picked stay. */
export function withTemplate(current: EditorValue, t: Template): EditorValue {
  // normalise: a template saved with a combination the form no longer allows (CPC at global offer) is fixed.
  const postback: PostbackFormValue = normalise(
    { ...fromTemplate(t), description: t.description },
    'network',
  );
  if (current.partner) postback.affiliateId = current.partner.id;
  if (current.offer) postback.offerId = current.offer.id;
  return { ...current, postback, templateId: t.id };
}

const Option = z.object({ id: z.number(), name: z.string() });
const Shape = z.object({
  postback: z.unknown(),
  status: z.enum(PIXEL_STATUSES),
  partner: z.optional(Option),
  offer: z.optional(Option),
  templateId: z.string(),
});

/** A stored draft of the editor, if it has the editor's shape. */
export function parseEditorDraft(raw: unknown): EditorValue | undefined {
  const r = Shape.safeParse(raw);
  if (!r.success) return undefined;
  const postback = parseValue(r.data.postback);
  return postback ? { ...r.data, postback } : undefined;
}

/** API field names (and nested integration fields) mapped to the form's fields. */
const FIELD_OF: Record<string, FormField> = {
  network_offer_id: 'offerId',
  network_affiliate_id: 'affiliateId',
  network_offer_payout_revenue_id: 'eventId',
  delivery_method: 'deliveryMethod',
  pixel_type: 'pixelType',
  pixel_level: 'level',
  postback_url: 'postbackUrl',
  html_code: 'htmlCode',
  delay_ms: 'delaySeconds',
  description: 'description',
};

/** Where a background error belongs: a form field, or a field inside the integration object. */
export function errorPlace(error: AppError): { field?: FormField; key?: string } {
  const field = error.field;
  if (!field) return {};
  const nested = /^(facebook|tiktok|snapchat|rumble)_pixel\.([a-z_]+)/.exec(field);
  if (nested?.[2]) return { field: 'integration', key: nested[2] };
  if (/^(facebook|tiktok|snapchat|rumble)_pixel$/.test(field)) return { field: 'integration' };
  const mapped = FIELD_OF[field];
  return mapped ? { field: mapped } : {};
}
