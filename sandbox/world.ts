import type { ApiKeyRecord, OfferRecord, PartnerRecord, World } from './model';

interface WorldIndex {
  offers: Map<number, OfferRecord>;
  partners: Map<number, PartnerRecord>;
}

// The world never changes after start-up, so its id maps are built once. Rendering a list looks up the
// offer and partner of every row: with 10 000 rows and 600 offers a linear search was 6 million steps.
const indexes = new WeakMap<World, WorldIndex>();

function indexOf(world: World): WorldIndex {
  let index = indexes.get(world);
  if (!index) {
    index = {
      offers: new Map(world.offers.map((offer) => [offer.network_offer_id, offer])),
      partners: new Map(world.partners.map((partner) => [partner.network_affiliate_id, partner])),
    };
    indexes.set(world, index);
  }
  return index;
}

/** Look an offer up by id. */
export function findOffer(world: World, offerId: number): OfferRecord | undefined {
  return indexOf(world).offers.get(offerId);
}

/** Look a partner up by id. */
export function findPartner(world: World, partnerId: number): PartnerRecord | undefined {
  return indexOf(world).partners.get(partnerId);
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
