import type { PixelChanges } from '../everflow/roundtrip';
import type { OfferWithEvents } from '../everflow/schemas/offers';
import type { Postback } from '../everflow/schemas/postback';
import type { PixelDraft } from '../messaging/protocol';
import type { OfferView, PixelView } from '../messaging/views';
import { DELIVERY_METHODS, PIXEL_LEVELS, PIXEL_TYPES } from '../storage/schemas';

const INTEGRATION_KEY = {
  facebook: 'facebook_pixel',
  tiktok: 'tiktok_pixel',
  snapchat: 'snapchat_pixel',
  rumble: 'rumble_pixel',
} as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The page-facing view of a postback (event type already internal: `event`). */
export function toPixelView(p: Postback): PixelView {
  const method = oneOf(p.deliveryMethod, DELIVERY_METHODS, 'postback');
  const integration = method in p.integrations ? p.integrations[method as keyof typeof p.integrations] : null;
  return {
    id: p.id,
    side: p.realm,
    status: p.status === 'active' ? 'active' : 'inactive',
    type: oneOf(p.type, PIXEL_TYPES, 'conversion'),
    level: oneOf(p.level, PIXEL_LEVELS, 'specific'),
    deliveryMethod: method,
    postbackUrl: p.postbackUrl,
    htmlCode: p.htmlCode,
    delayMs: p.delayMs,
    offerId: p.offerId,
    ...(p.offerName ? { offerName: p.offerName } : {}),
    eventId: p.eventId,
    ...(p.realm === 'network' ? { affiliateId: p.affiliateId } : {}),
    ...(p.affiliateName ? { affiliateName: p.affiliateName } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(integration ? { integration: { ...integration } } : {}),
    ...(p.timeSaved === undefined ? {} : { timeSaved: p.timeSaved }),
  };
}

/** The page-facing view of an offer and its events. */
export function toOfferView(o: {
  id: number;
  name: string;
  status?: string;
  events?: OfferWithEvents['events'];
}): OfferView {
  return {
    id: o.id,
    name: o.name,
    ...(o.status ? { status: o.status } : {}),
    events: (o.events ?? []).map((e) => ({ id: e.id, name: e.name, isDefault: e.isDefault })),
  };
}

/**
 * The API body for a draft, in the product's internal spelling (the client writes `pixel_type` the way each
 * endpoint documents). Ids the level does not use are sent as 0, as the seed asks; fields the delivery method
 * does not use are left out.
 */
export function draftToBody(
  draft: PixelDraft,
  side: 'affiliate' | 'network',
): Record<string, unknown> & PixelChanges {
  const usesOffer = draft.level === 'specific' || draft.level === 'global_offer';
  const usesAffiliate = draft.level === 'specific' || draft.level === 'global';
  const body: Record<string, unknown> = {
    delivery_method: draft.deliveryMethod,
    pixel_level: draft.level,
    pixel_status: draft.status,
    pixel_type: draft.type,
    network_offer_id: usesOffer ? (draft.offerId ?? 0) : 0,
  };
  if (side === 'network') body.network_affiliate_id = usesAffiliate ? (draft.affiliateId ?? 0) : 0;
  if (draft.type === 'event') body.network_offer_payout_revenue_id = usesOffer ? (draft.eventId ?? 0) : 0;
  if (draft.deliveryMethod === 'postback') {
    body.postback_url = draft.postbackUrl ?? '';
    body.delay_ms = draft.delayMs ?? 0;
  }
  if (draft.deliveryMethod === 'html') body.html_code = draft.htmlCode ?? '';
  if (draft.deliveryMethod in INTEGRATION_KEY) {
    body[INTEGRATION_KEY[draft.deliveryMethod as keyof typeof INTEGRATION_KEY]] = draft.integration ?? {};
  }
  if (side === 'network' && draft.description !== undefined) body.description = draft.description;
  return body as Record<string, unknown> & PixelChanges;
}

/**
 * The changes an edit applies on top of the server's object. When the delivery method changes, the old method's
 * field is cleared, so switching from HTML to S2S does not leave the old code behind. Nothing else is touched:
 * unknown fields and unused integration objects go back exactly as the server had them.
 */
export function draftToChanges(
  draft: PixelDraft,
  side: 'affiliate' | 'network',
  previous: Pick<PixelView, 'deliveryMethod' | 'type'>,
): PixelChanges {
  const changes: Record<string, unknown> = { ...draftToBody(draft, side) };
  if (previous.deliveryMethod !== draft.deliveryMethod) {
    if (previous.deliveryMethod === 'postback') {
      changes.postback_url = '';
      changes.delay_ms = 0;
    } else if (previous.deliveryMethod === 'html') changes.html_code = '';
    else changes[INTEGRATION_KEY[previous.deliveryMethod]] = null;
  }
  if (previous.type === 'event' && draft.type !== 'event') changes.network_offer_payout_revenue_id = 0;
  return changes as PixelChanges;
}

/** Two postbacks are duplicates when offer, type, level, delivery and target (URL or code) are the same. */
export function isSamePostback(view: PixelView, draft: PixelDraft): boolean {
  const target = draft.deliveryMethod === 'html' ? (draft.htmlCode ?? '') : (draft.postbackUrl ?? '');
  const existing = view.deliveryMethod === 'html' ? view.htmlCode : view.postbackUrl;
  const sameOffer =
    draft.level === 'global' ? view.level === 'global' : view.offerId === (draft.offerId ?? 0);
  return (
    sameOffer &&
    view.type === draft.type &&
    view.level === draft.level &&
    view.deliveryMethod === draft.deliveryMethod &&
    (draft.affiliateId === undefined || view.affiliateId === draft.affiliateId) &&
    existing.trim() === target.trim()
  );
}
