import { i18n } from '#i18n';
import type { PixelView } from '../../lib/model/pixel';
import type { PixelLevel } from '../../lib/model/vocabulary';

/** The short level name on a console row. */
export function levelShort(level: PixelLevel): string {
  if (level === 'global') return 'Global';
  if (level === 'global_offer') return 'Global offer';
  return 'Specific';
}

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
