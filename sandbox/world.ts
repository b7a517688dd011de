import type { ApiKeyRecord, OfferRecord, PartnerRecord, World } from './model';

/** Look an offer up by id. */
export function findOffer(world: World, offerId: number): OfferRecord | undefined {
  return world.offers.find((offer) => offer.network_offer_id === offerId);
}

/** Look a partner up by id. */
export function findPartner(world: World, partnerId: number): PartnerRecord | undefined {
  return world.partners.find((partner) => partner.network_affiliate_id === partnerId);
}

/** Look an API key up; header values are compared exactly (keys are case-sensitive). */
export function findKey(world: World, key: string): ApiKeyRecord | undefined {
  return world.keys.find((record) => record.key === key);
}

/** Whether a partner may see an offer at all (Everflow's "alloffers"): public, approval-gated, or approved. */
export function isVisibleTo(offer: OfferRecord, partnerId: number): boolean {
  if (offer.offer_status === 'deleted') return false;
  return offer.visibility !== 'private' || offer.approved_affiliate_ids.includes(partnerId);
}

/** Whether a partner may run an offer ("offersrunnable"): active, and public or approved for them. */
export function isRunnableBy(offer: OfferRecord, partnerId: number): boolean {
  if (offer.offer_status !== 'active') return false;
  return offer.visibility === 'public' || offer.approved_affiliate_ids.includes(partnerId);
}

/** The partner's relationship to an offer, as `relationship.offer_affiliate_status` shows it. */
export function offerAffiliateStatus(offer: OfferRecord, partnerId: number): string {
  if (offer.approved_affiliate_ids.includes(partnerId)) return 'approved';
  return offer.visibility === 'public' ? 'public' : 'require_approval';
}
