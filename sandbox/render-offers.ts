import type { OfferRecord, PayoutEntry, World } from './model';
import { offerAffiliateStatus } from './world';

// Offer renderers for both realms. Affiliates never see revenue figures; the network sees everything.

/** Everflow encodes ids in tracking links; base-36 upper case is close enough for a sandbox. */
export function encodeId(id: number): string {
  return id.toString(36).toUpperCase();
}

function category(offer: OfferRecord) {
  return { network_category_id: offer.network_category_id, name: offer.category_name, status: 'active' };
}

/** An offer as the affiliate realm lists it (`offersrunnable`, `alloffers`). */
export function renderAffiliateOffer(offer: OfferRecord, world: World, partnerId: number) {
  return {
    network_offer_id: offer.network_offer_id,
    network_id: world.network.network_id,
    name: offer.name,
    offer_status: offer.offer_status,
    visibility: offer.visibility,
    currency_id: offer.currency_id,
    network_category_id: offer.network_category_id,
    thumbnail_url: offer.thumbnail_url,
    preview_url: offer.preview_url,
    tracking_url: `https://trk.demo-network.example/${encodeId(partnerId)}/${encodeId(offer.network_offer_id)}/`,
    html_description: offer.html_description,
    is_description_plain_text: false,
    is_caps_enabled: false,
    daily_conversion_cap: 0,
    weekly_conversion_cap: 0,
    monthly_conversion_cap: 0,
    global_conversion_cap: 0,
    date_live_until: '',
    app_identifier: '',
    time_created: offer.time_created,
    time_saved: offer.time_saved,
    relationship: {
      offer_affiliate_status: offerAffiliateStatus(offer, partnerId),
      category: category(offer),
      channels: { entries: [], total: 0 },
      creative_bundle: { url: '' },
      creatives: { entries: [], total: 0 },
      blocked_variables_count: 0,
    },
  };
}

function affiliatePayout(entry: PayoutEntry) {
  return {
    network_offer_payout_revenue_id: entry.network_offer_payout_revenue_id,
    entry_name: entry.entry_name,
    is_default: entry.is_default,
    payout_type: entry.payout_type,
    payout_amount: entry.payout_amount,
    payout_percentage: entry.payout_percentage,
  };
}

/** One offer for the affiliate realm, with its payout events under `relationship.payouts`. */
export function renderAffiliateOfferDetail(offer: OfferRecord, world: World, partnerId: number) {
  const base = renderAffiliateOffer(offer, world, partnerId);
  const entries = offer.payouts.map(affiliatePayout);
  return { ...base, relationship: { ...base.relationship, payouts: { entries, total: entries.length } } };
}

function networkPayout(entry: PayoutEntry, offer: OfferRecord, world: World) {
  return {
    ...entry,
    network_id: world.network.network_id,
    network_offer_id: offer.network_offer_id,
    is_postback_disabled: false,
    is_enforce_caps: false,
    time_created: offer.time_created,
  };
}

/** An offer for the network realm; `withPayouts` adds `relationship.payout_revenue`. */
export function renderNetworkOffer(offer: OfferRecord, world: World, withPayouts: boolean) {
  const relationship: Record<string, unknown> = {
    advertiser: { network_advertiser_id: offer.network_advertiser_id, name: offer.advertiser_name },
    category: category(offer),
  };
  if (withPayouts) {
    const entries = offer.payouts.map((entry) => networkPayout(entry, offer, world));
    relationship.payout_revenue = { entries, total: entries.length };
  }
  return {
    network_offer_id: offer.network_offer_id,
    network_id: world.network.network_id,
    network_advertiser_id: offer.network_advertiser_id,
    network_offer_group_id: offer.network_offer_group_id,
    name: offer.name,
    encoded_value: encodeId(offer.network_offer_id),
    offer_status: offer.offer_status,
    network_tracking_domain_id: offer.network_tracking_domain_id,
    visibility: offer.visibility,
    currency_id: offer.currency_id,
    network_category_id: offer.network_category_id,
    preview_url: offer.preview_url,
    thumbnail_url: offer.thumbnail_url,
    html_description: offer.html_description,
    time_created: offer.time_created,
    time_saved: offer.time_saved,
    relationship,
  };
}
