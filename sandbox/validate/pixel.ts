import { ok } from '../../lib/result';
import { type Checked, invalid } from '../http-types';
import {
  AFFILIATE_DELIVERY_METHODS,
  type DeliveryMethod,
  NETWORK_DELIVERY_METHODS,
  type PixelFields,
  type PixelLevel,
  type PixelType,
  type Realm,
  type World,
} from '../model';
import { findOffer, findPartner, isRunnableBy } from '../world';
import { readDelivery } from './delivery';
import { type Body, readEnum, readInt, readString, requireObject } from './fields';
import type { PixelWriter } from './writer';

const MAX_DELAY_MS = 300_000;
const NETWORK_LEVELS = ['global', 'specific', 'global_offer'] as const;
const AFFILIATE_LEVELS = ['global', 'specific'] as const;
// The docs conflict on the network event type (`event` in create docs, `post_conversion` in the search filter):
// the network realm takes both; the affiliate realm documents only `post_conversion`.
const NETWORK_TYPES = ['conversion', 'event', 'post_conversion', 'cpc'] as const;
const AFFILIATE_TYPES = ['conversion', 'post_conversion', 'cpc'] as const;

interface Core {
  delivery_method: DeliveryMethod;
  pixel_level: PixelLevel;
  pixel_status: 'active' | 'inactive';
  pixel_type: PixelType;
}

function readCore(body: Body, realm: Realm): Checked<Core> {
  const methods = realm === 'network' ? NETWORK_DELIVERY_METHODS : AFFILIATE_DELIVERY_METHODS;
  const delivery = readEnum<DeliveryMethod>(body, 'delivery_method', methods);
  if (!delivery.ok) return delivery;
  const level = readEnum<PixelLevel>(
    body,
    'pixel_level',
    realm === 'network' ? NETWORK_LEVELS : AFFILIATE_LEVELS,
  );
  if (!level.ok) return level;
  const status = readEnum(body, 'pixel_status', ['active', 'inactive'] as const);
  if (!status.ok) return status;
  const type = readEnum<string>(body, 'pixel_type', realm === 'network' ? NETWORK_TYPES : AFFILIATE_TYPES);
  if (!type.ok) return type;
  const pixelType: PixelType = type.value === 'post_conversion' ? 'event' : (type.value as PixelType);
  if (pixelType === 'cpc' && level.value === 'global_offer') {
    return invalid('pixel_level global_offer is not allowed when pixel_type is cpc');
  }
  return ok({
    delivery_method: delivery.value,
    pixel_level: level.value,
    pixel_status: status.value,
    pixel_type: pixelType,
  });
}

/** Which offer and partner the pixel targets, checked against the level. */
function readTargets(
  body: Body,
  core: Core,
  world: World,
  writer: PixelWriter,
): Checked<{ offerId: number; affiliateId: number }> {
  const offer = readInt(body, 'network_offer_id', 0);
  if (!offer.ok) return offer;
  if (writer.realm === 'affiliate') {
    // The affiliate's own account is always the target; an offer id sent with a global level is ignored,
    // as the documented PUT example sends one.
    if (core.pixel_level === 'global') return ok({ offerId: 0, affiliateId: writer.partnerId });
    if (offer.value === 0) return invalid('network_offer_id is required when pixel_level is specific');
    const known = findOffer(world, offer.value);
    if (!known || !isRunnableBy(known, writer.partnerId)) {
      return invalid(`network_offer_id ${offer.value} is not an offer this affiliate can run`);
    }
    return ok({ offerId: offer.value, affiliateId: writer.partnerId });
  }
  const affiliate = readInt(body, 'network_affiliate_id', 0);
  if (!affiliate.ok) return affiliate;
  const level = core.pixel_level;
  const needsOffer = level !== 'global';
  const needsAffiliate = level !== 'global_offer';
  if (needsOffer && offer.value === 0)
    return invalid(`network_offer_id is required when pixel_level is ${level}`);
  if (!needsOffer && offer.value !== 0)
    return invalid('network_offer_id must be 0 when pixel_level is global');
  if (needsAffiliate && affiliate.value === 0) {
    return invalid(`network_affiliate_id is required when pixel_level is ${level}`);
  }
  if (!needsAffiliate && affiliate.value !== 0) {
    return invalid('network_affiliate_id must be 0 when pixel_level is global_offer');
  }
  if (needsOffer && !findOffer(world, offer.value)) {
    return invalid(`network_offer_id ${offer.value} does not exist`);
  }
  if (needsAffiliate && !findPartner(world, affiliate.value)) {
    return invalid(`network_affiliate_id ${affiliate.value} does not exist`);
  }
  return ok({ offerId: offer.value, affiliateId: affiliate.value });
}

function readDelay(body: Body, core: Core, realm: Realm): Checked<number> {
  const delay = readInt(body, 'delay_ms', 0, 0, MAX_DELAY_MS);
  if (!delay.ok) return delay;
  if (realm === 'network' && delay.value !== 0 && core.delivery_method !== 'postback') {
    return invalid('delay_ms is only allowed when delivery_method is postback');
  }
  return delay;
}

function readEventTarget(
  body: Body,
  core: Core,
  offerId: number,
  world: World,
  realm: Realm,
): Checked<number> {
  const id = readInt(body, 'network_offer_payout_revenue_id', 0);
  if (!id.ok || id.value === 0) return id;
  const eventName = realm === 'affiliate' ? 'post_conversion' : 'event';
  if (core.pixel_type !== 'event') {
    return invalid(`network_offer_payout_revenue_id is only allowed when pixel_type is ${eventName}`);
  }
  if (core.pixel_level === 'global') {
    return invalid('network_offer_payout_revenue_id is not allowed when pixel_level is global');
  }
  const offer = findOffer(world, offerId);
  if (!offer?.payouts.some((entry) => entry.network_offer_payout_revenue_id === id.value)) {
    return invalid(`network_offer_payout_revenue_id ${id.value} does not belong to offer ${offerId}`);
  }
  return id;
}

/**
 * Validate a create or full-replacement body for either realm and normalise it to stored fields.
 * Unknown fields are ignored; omitted optional fields take their defaults.
 */
export function parsePixelBody(raw: unknown, world: World, writer: PixelWriter): Checked<PixelFields> {
  const object = requireObject(raw);
  if (!object.ok) return object;
  const body = object.value;
  const core = readCore(body, writer.realm);
  if (!core.ok) return core;
  const targets = readTargets(body, core.value, world, writer);
  if (!targets.ok) return targets;
  const delivery = readDelivery(body, core.value.delivery_method, writer);
  if (!delivery.ok) return delivery;
  const delay = readDelay(body, core.value, writer.realm);
  if (!delay.ok) return delay;
  const eventId = readEventTarget(body, core.value, targets.value.offerId, world, writer.realm);
  if (!eventId.ok) return eventId;
  // description is network-only: the affiliate realm cannot see it, so its PUT keeps the stored one.
  const description =
    writer.realm === 'network' ? readString(body, 'description') : ok(writer.previous?.description ?? '');
  if (!description.ok) return description;
  return ok({
    ...core.value,
    ...delivery.value,
    network_affiliate_id: targets.value.affiliateId,
    network_offer_id: targets.value.offerId,
    network_offer_payout_revenue_id: eventId.value,
    delay_ms: delay.value,
    description: description.value,
  });
}
