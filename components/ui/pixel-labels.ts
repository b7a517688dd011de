import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import type { DeliveryMethod, PixelLevel, PixelType } from '../../lib/model/vocabulary';

// The words a postback row shows, in the popup and in the network console alike. Kept out of the shared form's
// label module so the popup's start-up bundle does not pull the form (and its checker) in.
const DELIVERY = {
  postback: 'badge.delivery.postback',
  html: 'badge.delivery.html',
  facebook: 'badge.delivery.facebook',
  tiktok: 'badge.delivery.tiktok',
  snapchat: 'badge.delivery.snapchat',
  rumble: 'badge.delivery.rumble',
} as const satisfies Record<DeliveryMethod, string>;
const TYPE = {
  conversion: 'badge.type.conversion',
  event: 'badge.type.event',
  cpc: 'badge.type.cpc',
} as const satisfies Record<PixelType, string>;
const LEVEL = {
  global: 'badge.level.global',
  specific: 'badge.level.specific',
  global_offer: 'badge.level.globalOffer',
} as const satisfies Record<PixelLevel, string>;

/** "S2S", "HTML", "Meta", … */
export const deliveryBadge = (m: DeliveryMethod): string => i18n.t(DELIVERY[m]);
/** "Conversion", "Event", "CPC" */
export const typeBadge = (t: PixelType): string => i18n.t(TYPE[t]);
/**
 * "All offers" (global), "One offer" (specific), "All partners" (global_offer): true on both API sides, and the
 * one level vocabulary of the popup rows and the console rows alike.
 */
export const levelBadge = (l: PixelLevel): string => i18n.t(LEVEL[l]);

/** Who a partner postback fires for: the partner's name, or every partner. */
export function partnerOf(p: PixelView): string {
  if (p.level === 'global_offer') return i18n.t('network.row.allPartners');
  return p.affiliateName ?? i18n.t('network.row.partner', [String(p.affiliateId ?? 0)]);
}

/** Which offer a partner postback fires on: the offer's name, or every offer. */
export function offerOf(p: PixelView): string {
  if (p.level === 'global') return i18n.t('network.row.allOffers');
  return p.offerName ?? i18n.t('network.row.offer', [String(p.offerId)]);
}

/**
 * The event an event postback fires on, by name ("Event: FTD"), from the postback itself or else from `names`
 * (the offer's events by id). "Event: every event" for an event postback on all events; undefined for
 * conversion and CPC postbacks. An id no list names stays "Event: #202".
 */
export function eventLabel(p: PixelView, names?: ReadonlyMap<number, string>): string | undefined {
  if (p.type !== 'event' && !p.eventId) return undefined;
  if (!p.eventId) return i18n.t('network.row.event', [i18n.t('network.row.everyEvent')]);
  return i18n.t('network.row.event', [p.eventName ?? names?.get(p.eventId) ?? `#${p.eventId}`]);
}

/** The identifying fields of a Meta/TikTok/Snapchat/Rumble object, e.g. "pixel_id 123 · Purchase". */
export function integrationSummary(i: Readonly<Record<string, unknown>> | undefined): string {
  if (!i) return '';
  const keys = [
    'pixel_id',
    'pixel_code',
    'asset_id',
    'conversion_action_id',
    'conversion_action_name',
    'event_name',
  ];
  return keys
    .filter((k) => (typeof i[k] === 'string' || typeof i[k] === 'number') && String(i[k]) !== '')
    .map((k) =>
      k === 'event_name' || k === 'conversion_action_name' ? String(i[k]) : `${k} ${String(i[k])}`,
    )
    .join(' · ');
}

/** What a postback fires: its URL, its HTML code as text, or its integration's identifying fields. */
export function targetOf(p: PixelView): string {
  if (p.deliveryMethod === 'postback') return p.postbackUrl;
  if (p.deliveryMethod === 'html') return p.htmlCode;
  return integrationSummary(p.integration);
}
