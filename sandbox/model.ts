import type { SeedName } from './seed/names';

/**
 * The sandbox's own data model. Field names follow Everflow's wire names (snake_case) so records can be
 * rendered with little mapping, but nothing here is shared with the extension's client code.
 */

/** Which key family a request was made with: `/v1/affiliates/*` or `/v1/networks/*`. */
export type Realm = 'affiliate' | 'network';

/** Every delivery method the network realm accepts; the affiliate realm accepts the first three. */
export const NETWORK_DELIVERY_METHODS = [
  'postback',
  'html',
  'facebook',
  'tiktok',
  'snapchat',
  'rumble',
] as const;
/** Delivery methods the affiliate realm accepts. */
export const AFFILIATE_DELIVERY_METHODS = ['postback', 'html', 'facebook'] as const;
/** A delivery method as stored. */
export type DeliveryMethod = (typeof NETWORK_DELIVERY_METHODS)[number];

/** Pixel levels as stored; `global_offer` exists only in the network realm. */
export type PixelLevel = 'global' | 'specific' | 'global_offer';
/** Pixel status. */
export type PixelStatus = 'active' | 'inactive';
/**
 * Pixel type as stored. The event type is kept as `event` whatever the caller wrote
 * (`event` or `post_conversion`); the affiliate realm shows it as `post_conversion`.
 */
export type PixelType = 'conversion' | 'event' | 'cpc';

/** One `{field, value}` row of an integration's user_data / custom_data / properties list. */
export interface DataRow {
  field: string;
  value: string;
}

/**
 * Meta pixel configuration. The network shape plus the affiliate-only `access_token`, which is never shown
 * to the network realm.
 */
export interface StoredFacebookPixel {
  network_affiliate_integration_facebook_business_id: number;
  pixel_id: string;
  event_name: string;
  event_id: string;
  action_source: string;
  event_source_url: string;
  user_data: DataRow[];
  custom_data: DataRow[];
  access_token: string;
}

/** TikTok pixel configuration (network realm). */
export interface TiktokPixel {
  network_affiliate_integration_tiktok_id: number;
  pixel_code: string;
  event_name: string;
  url: string;
  email: string;
  phone: string;
  properties: DataRow[];
}

/** Snapchat pixel configuration (network realm). */
export interface SnapchatPixel {
  network_affiliate_integration_snapchat_id: number;
  asset_id: string;
  event_name: string;
  event_id: string;
  action_source: string;
  event_source_url: string;
  user_data: DataRow[];
  custom_data: DataRow[];
}

/** Rumble pixel configuration (network realm). */
export interface RumblePixel {
  network_affiliate_integration_rumble_id: number;
  conversion_action_id: number;
  conversion_action_name: string;
}

/** The writable part of a postback, after validation and normalisation. */
export interface PixelFields {
  /** 0 for `global_offer` pixels. */
  network_affiliate_id: number;
  /** 0 for `global` pixels. */
  network_offer_id: number;
  /** 0 = every event (or not an event pixel). */
  network_offer_payout_revenue_id: number;
  delivery_method: DeliveryMethod;
  pixel_level: PixelLevel;
  pixel_status: PixelStatus;
  pixel_type: PixelType;
  /** "" unless delivery_method is postback. */
  postback_url: string;
  /** "" unless delivery_method is html. */
  html_code: string;
  /** Network-only free text. */
  description: string;
  delay_ms: number;
  facebook_pixel: StoredFacebookPixel | null;
  tiktok_pixel: TiktokPixel | null;
  snapchat_pixel: SnapchatPixel | null;
  rumble_pixel: RumblePixel | null;
}

/** A stored postback: one store serves both realms. */
export interface PixelRecord extends PixelFields {
  network_pixel_id: number;
  /** Epoch seconds. */
  time_created: number;
  /** Epoch seconds. */
  time_saved: number;
}

/** One payout/revenue entry ("event") of an offer. */
export interface PayoutEntry {
  network_offer_payout_revenue_id: number;
  entry_name: string;
  is_default: boolean;
  payout_type: string;
  payout_amount: number;
  payout_percentage: number;
  revenue_type: string;
  revenue_amount: number;
  revenue_percentage: number;
  is_private: boolean;
}

/** Offer visibility as Everflow names it. */
export type OfferVisibility = 'public' | 'require_approval' | 'private';

/** An offer of the sandbox network. */
export interface OfferRecord {
  network_offer_id: number;
  name: string;
  network_advertiser_id: number;
  advertiser_name: string;
  network_offer_group_id: number;
  offer_status: 'active' | 'paused' | 'pending' | 'deleted';
  visibility: OfferVisibility;
  currency_id: string;
  network_category_id: number;
  category_name: string;
  network_tracking_domain_id: number;
  preview_url: string;
  thumbnail_url: string;
  html_description: string;
  time_created: number;
  time_saved: number;
  /** Partners approved to run it (matters for require_approval and private offers). */
  approved_affiliate_ids: number[];
  payouts: PayoutEntry[];
}

/** A partner (affiliate) of the sandbox network. */
export interface PartnerRecord {
  network_affiliate_id: number;
  name: string;
  account_status: 'active' | 'inactive' | 'pending' | 'suspended';
  email: string;
  network_employee_id: number;
  account_executive_id: number;
  network_traffic_source_id: number;
  default_currency_id: string;
  time_created: number;
  time_saved: number;
}

/** The network every key belongs to. */
export interface NetworkRecord {
  network_id: number;
  name: string;
  identifier: string;
  timezone_id: number;
  currency_id: string;
  support_email: string;
  time_created: number;
  time_saved: number;
}

/** An API key and what it unlocks. */
export interface ApiKeyRecord {
  key: string;
  realm: Realm;
  /** The partner an affiliate key belongs to; 0 for network keys. */
  network_affiliate_id: number;
}

/** The parts of the world that the API never changes: network, partners, offers and keys. */
export interface World {
  network: NetworkRecord;
  partners: PartnerRecord[];
  offers: OfferRecord[];
  keys: ApiKeyRecord[];
}

/** Everything a seed provides: the fixed world plus the initial postbacks. */
export interface SeedData {
  name: SeedName;
  world: World;
  pixels: PixelRecord[];
}
