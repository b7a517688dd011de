import type { OfferRecord, PartnerRecord, PixelRecord, StoredFacebookPixel, World } from './model';
import { findOffer, findPartner } from './world';

// Renderers turn stored records into each realm's documented response shapes.

/** The offer summary under a pixel's `relationship.offer`. */
export function offerSummary(offer: OfferRecord, world: World) {
  return {
    network_offer_id: offer.network_offer_id,
    network_id: world.network.network_id,
    network_advertiser_id: offer.network_advertiser_id,
    network_offer_group_id: offer.network_offer_group_id,
    name: offer.name,
    offer_status: offer.offer_status,
    network_tracking_domain_id: offer.network_tracking_domain_id,
    visibility: offer.visibility,
    currency_id: offer.currency_id,
  };
}

/** The partner record as `relationship.affiliate` and the network's affiliate list show it. */
export function affiliateSummary(partner: PartnerRecord, world: World) {
  return {
    network_affiliate_id: partner.network_affiliate_id,
    network_id: world.network.network_id,
    name: partner.name,
    account_status: partner.account_status,
    network_employee_id: partner.network_employee_id,
    internal_notes: '',
    has_notifications: true,
    network_traffic_source_id: partner.network_traffic_source_id,
    account_executive_id: partner.account_executive_id,
    adress_id: 0,
    default_currency_id: partner.default_currency_id,
    is_contact_address_enabled: false,
    enable_media_cost_tracking_links: false,
    referrer_id: 0,
    time_created: partner.time_created,
    time_saved: partner.time_saved,
  };
}

function relationship(pixel: PixelRecord, world: World) {
  const out: Record<string, unknown> = {};
  const offer = pixel.pixel_level === 'global' ? undefined : findOffer(world, pixel.network_offer_id);
  const partner =
    pixel.pixel_level === 'global_offer' ? undefined : findPartner(world, pixel.network_affiliate_id);
  if (offer) out.offer = offerSummary(offer, world);
  if (partner) out.affiliate = affiliateSummary(partner, world);
  return out;
}

function networkFacebook(pixel: StoredFacebookPixel | null) {
  if (!pixel) return null;
  const { access_token: _secret, ...shown } = pixel;
  return shown;
}

function affiliateFacebook(pixel: StoredFacebookPixel | null) {
  if (!pixel) return null;
  return { pixel_id: pixel.pixel_id, event_name: pixel.event_name, access_token: pixel.access_token };
}

/** A pixel as the network realm sees it: event type `event`, full integration objects, `description`. */
export function renderNetworkPixel(pixel: PixelRecord, world: World) {
  return {
    network_pixel_id: pixel.network_pixel_id,
    network_id: world.network.network_id,
    network_affiliate_id: pixel.network_affiliate_id,
    network_offer_id: pixel.network_offer_id,
    network_offer_payout_revenue_id: pixel.network_offer_payout_revenue_id,
    delivery_method: pixel.delivery_method,
    pixel_level: pixel.pixel_level,
    pixel_status: pixel.pixel_status,
    pixel_type: pixel.pixel_type,
    postback_url: pixel.postback_url,
    html_code: pixel.html_code,
    description: pixel.description,
    delay_ms: pixel.delay_ms,
    time_created: pixel.time_created,
    time_saved: pixel.time_saved,
    facebook_pixel: networkFacebook(pixel.facebook_pixel),
    tiktok_pixel: pixel.tiktok_pixel,
    snapchat_pixel: pixel.snapchat_pixel,
    rumble_pixel: pixel.rumble_pixel,
    relationship: relationship(pixel, world),
  };
}

/** The affiliate realm's event-type spelling. */
export function affiliatePixelType(pixel: PixelRecord): string {
  return pixel.pixel_type === 'event' ? 'post_conversion' : pixel.pixel_type;
}

/**
 * A pixel as the affiliate realm sees it. Integration objects the affiliate API does not describe
 * come back as `{}` when in use (the documented empty schema) and `null` otherwise.
 */
export function renderAffiliatePixel(pixel: PixelRecord, world: World) {
  return {
    network_pixel_id: pixel.network_pixel_id,
    network_id: world.network.network_id,
    network_affiliate_id: pixel.network_affiliate_id,
    network_offer_id: pixel.network_offer_id,
    network_offer_payout_revenue_id: pixel.network_offer_payout_revenue_id,
    delivery_method: pixel.delivery_method,
    pixel_level: pixel.pixel_level,
    pixel_status: pixel.pixel_status,
    pixel_type: affiliatePixelType(pixel),
    postback_url: pixel.postback_url,
    html_code: pixel.html_code,
    delay_ms: pixel.delay_ms,
    time_created: pixel.time_created,
    time_saved: pixel.time_saved,
    facebook_pixel: affiliateFacebook(pixel.facebook_pixel),
    tiktok_pixel: pixel.tiktok_pixel ? {} : null,
    snapchat_pixel: pixel.snapchat_pixel ? {} : null,
    rumble_pixel: pixel.rumble_pixel ? {} : null,
    relationship: relationship(pixel, world),
  };
}

/** The slim affiliate PUT response, keyed by `network_affiliate_pixel_id` as the seed documents. */
export function renderAffiliatePutResponse(pixel: PixelRecord) {
  return {
    network_affiliate_pixel_id: pixel.network_pixel_id,
    delivery_method: pixel.delivery_method,
    pixel_level: pixel.pixel_level,
    pixel_status: pixel.pixel_status,
    pixel_type: affiliatePixelType(pixel),
    postback_url: pixel.postback_url,
    html_code: pixel.html_code,
    network_offer_id: pixel.network_offer_id,
    delay_ms: pixel.delay_ms,
    facebook_pixel: affiliateFacebook(pixel.facebook_pixel),
  };
}
