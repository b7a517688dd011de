import type { PixelChanges } from '../everflow/roundtrip';
import { INTEGRATION_FIELDS } from '../everflow/schemas/enums';
import type { OfferWithEvents } from '../everflow/schemas/offers';
import type { Postback } from '../everflow/schemas/postback';
import type { PixelDraft } from '../messaging/protocol';
import type { OfferView, PixelView } from '../messaging/views';
import { DELIVERY_METHODS, PIXEL_LEVELS, PIXEL_TYPES } from '../storage/schemas';
import { maskIntegrationSecrets } from './pixel-secrets';

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The postbacks that fire for an offer: its own, plus the global ones (every offer). */
export function firesForOffer(p: Pick<PixelView, 'level' | 'offerId'>, offerId: number): boolean {
  return p.level === 'global' || p.offerId === offerId;
}

/** The integration object of a postback's own delivery method, as the server has it (tokens unmasked). */
export function integrationOf(p: Postback): Record<string, unknown> | null {
  const method = oneOf(p.deliveryMethod, DELIVERY_METHODS, 'postback');
  return method in p.integrations ? (p.integrations[method as keyof typeof p.integrations] ?? null) : null;
}

/** The page-facing view of a postback (event type already internal: `event`). */
export function toPixelView(p: Postback): PixelView {
  const method = oneOf(p.deliveryMethod, DELIVERY_METHODS, 'postback');
  const integration = integrationOf(p);
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
    ...(p.eventName ? { eventName: p.eventName } : {}),
    ...(p.realm === 'network' ? { affiliateId: p.affiliateId } : {}),
    ...(p.affiliateName ? { affiliateName: p.affiliateName } : {}),
    ...(p.description ? { description: p.description } : {}),
    // Tokens inside the integration object never reach a page (or the cache) unmasked.
    ...(integration ? { integration: maskIntegrationSecrets({ ...integration }) } : {}),
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
  if (draft.deliveryMethod in INTEGRATION_FIELDS) {
    body[INTEGRATION_FIELDS[draft.deliveryMethod as keyof typeof INTEGRATION_FIELDS]] =
      draft.integration ?? {};
  }
  if (side === 'network' && draft.description !== undefined) body.description = draft.description;
  return body as Record<string, unknown> & PixelChanges;
}

/** The key order of the seed's create body ("Create Partner Postback"), then the fields it does not print. */
const SEED_ORDER = [
  'network_offer_id',
  'network_affiliate_id',
  'delivery_method',
  'pixel_level',
  'pixel_status',
  'pixel_type',
  'postback_url',
  'description',
  'delay_ms',
  'html_code',
  ...Object.values(INTEGRATION_FIELDS),
  'network_offer_payout_revenue_id',
] as const;
/** Optional create fields the server defaults (0 or ''): left out when the draft leaves them at that. */
const DEFAULTED = new Set<string>(['description', 'delay_ms', 'network_offer_payout_revenue_id']);

/**
 * The body of a network create, exactly as the seed ("Create Partner Postback") prints it: `draftToBody`'s
 * fields in the seed's order, the description trimmed, and the optional fields left at their defaults
 * (`delay_ms` 0, an empty description, event id 0) left out, so the seed's example produces its body. Both
 * ids are always sent, 0 where the level does not use them (the seed says "set to 0").
 */
export function networkCreateBody(draft: PixelDraft): Record<string, unknown> {
  const full: Record<string, unknown> = draftToBody(draft, 'network');
  if (typeof full.description === 'string') full.description = full.description.trim();
  const body: Record<string, unknown> = {};
  for (const key of SEED_ORDER) {
    const value = full[key];
    if (value === undefined || (DEFAULTED.has(key) && !value)) continue;
    body[key] = value;
  }
  return body;
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
    else changes[INTEGRATION_FIELDS[previous.deliveryMethod]] = null;
  }
  if (previous.type === 'event' && draft.type !== 'event') changes.network_offer_payout_revenue_id = 0;
  return changes as PixelChanges;
}

/** A field left at its default: the server fills these in ('' text, 0 ids, empty lists) when a body omits them. */
function isDefault(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === 0 ||
    (Array.isArray(value) && !value.length)
  );
}

/** JSON with sorted keys and without defaulted fields, so two integration objects compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !isDefault(v))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What a postback fires: its URL, its HTML code, or its integration settings. */
function targetOf(method: string, url: string, html: string, integration: unknown): string {
  if (method === 'html') return html.trim();
  if (method === 'postback') return url.trim();
  // Views hold tokens masked: compare drafts the same way, so a known token does not hide a duplicate.
  return canonical(maskIntegrationSecrets(integration ?? {}));
}

/**
 * Two postbacks are duplicates when offer, type, level, delivery, partner and target (URL, code or integration
 * settings) are the same.
 */
export function isSamePostback(view: PixelView, draft: PixelDraft): boolean {
  const target = targetOf(
    draft.deliveryMethod,
    draft.postbackUrl ?? '',
    draft.htmlCode ?? '',
    draft.integration,
  );
  const existing = targetOf(view.deliveryMethod, view.postbackUrl, view.htmlCode, view.integration);
  const sameOffer =
    draft.level === 'global' ? view.level === 'global' : view.offerId === (draft.offerId ?? 0);
  return (
    sameOffer &&
    view.type === draft.type &&
    view.level === draft.level &&
    view.deliveryMethod === draft.deliveryMethod &&
    (draft.affiliateId === undefined ||
      draft.level === 'global_offer' ||
      view.affiliateId === draft.affiliateId) &&
    existing === target
  );
}
